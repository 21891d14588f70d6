import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { shanghai } from "../../src/templates/shanghai.js";

/*
 * A written part titled …部门预算编制说明. Shanghai's budget titles its written parts (部门预算编制说明, then 其他相关情况说明
 * with the 三公, 机关运行经费, 政府采购 …) and its 编制说明 is read by what Shanghai prints there. A county's 编制说明 (西藏
 * probe, round 52) is the document's whole written explanation, in sections (一、… 八、): read by kind alone, it is read by
 * the statements every province prints (the generic reader), else its shares, 三公 and function classes go unread.
 */
const TABLE = [
  "                 一般公共预算支出功能分类预算表",
  "                                                      单位：万元",
  "   功能分类科目编码     功能分类科目名称          合计          基本支出        项目支出",
  "213                  农林水支出                481.73          304.01         177.72",
  "                     合计                      481.73          304.01         177.72",
  "",
];
const NOTES = [
  "                            拉孜县农业农村局2025年部门预算编制说明",
  "",
  "一、收支预算总体情况",
  "    2025年收入预算596.77万元，其中：一般公共预算拨款收入584.67万元，占97.97%；单位资金12.10万元，占2.03%。",
  "二、“三公”经费预算情况",
  "    2025年一般公共预算“三公”经费预算5.52万元，其中：因公出国（境）费0万元；公务用车购置及运行费3.34万元；公务接待费2.18万元。",
];
const kinds = (doc: ReturnType<typeof loadLayoutText>) => new Set(claimsOf(doc).claims.map((c) => c.kind));

describe("a written part titled …编制说明", () => {
  it("read by kind alone: the generic reader reads its shares and its 三公", () => {
    const doc = loadLayoutText("county.txt", [...NOTES, ...TABLE].join("\n"));
    expect(doc.template).toBe("generic");
    const k = kinds(doc);
    expect(k.has("share")).toBe(true);
    expect(k.has("sanggong")).toBe(true);
    expect(claimsOf(doc).claims.filter((c) => c.kind === "sanggong").map((c) => (c as { amount: { text: string } }).amount.text)).toContain("2.18");
  });

  it("with Shanghai's template: read as Shanghai's 编制说明 (its 三公 stated in 其他相关情况说明, not here)", () => {
    const doc = loadLayoutText("shanghai.txt", [...NOTES, ...TABLE].join("\n"), { template: shanghai });
    const k = kinds(doc);
    expect(k.has("department-total")).toBe(true);
    expect(k.has("sanggong")).toBe(false);
  });
});
