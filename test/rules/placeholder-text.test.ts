import { describe, expect, it } from "vitest";
import { placeholderText } from "../../src/rules/placeholder-text.js";
import { checkText, T7 } from "../helpers/text.js";

describe("placeholder-text", () => {
  it("reports the first placeholder, at its line, with every other line and row name that holds one as related", () => {
    const fs = checkText(
      placeholderText,
      `
## 第一部分 上海市 XX 局概况
纳入上海市 XX 局 2024 年度部门决算编制范围的单位包括：上海市 XX 中心、上海市 XX 研究所。
1、XX（类）XX（款）XX（项）。主要用于……。
部门负责人：待填写。
×××单位 2024 年度部门预算。
`,
      // 表7 with 单位B's class named XX支出.
      T7.replace("→206→科学技术支出→50→50→0", "→206→XX支出→50→50→0"),
    );
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ ruleId: "placeholder-text", severity: "error", table: "text", location: { line: 1 } });
    expect(fs[0].message).toBe("text: the template's placeholder “XX” was left unfilled: “上海市 XX 局概况”; the other places are listed as related");
    // Each place once however many placeholders it holds (line 2 has three): lines 2–5, and 表7's row named XX支出.
    expect(fs[0].related.map((r) => r.line)).toEqual([2, 3, 4, 5, 16]);
  });

  it("a single placeholder: its place alone, the text around it quoted", () => {
    const fs = checkText(placeholderText, "\n## 第一部分 部门概况\n本部门 2024 年政府采购预算 12.5 万元，其中面向中小企业预留 XX 万元。\n");
    expect(fs.map((f) => [f.location.line, f.related.length])).toEqual([[2, 0]]);
    expect(fs[0].message).toBe("text: the template's placeholder “XX” was left unfilled: “…面向中小企业预留XX万元。”");
  });

  it("stays silent on letters of a word or a code, a single X, masked names and an X times sign between figures", () => {
    const fs = checkText(
      placeholderText,
      `
## 第一部分 部门概况
采购 XXL 型号服务器 2 台；编号 ABXX1 的项目；X 光机 1 台；联系人张**；面积 20×30 米。
`,
    );
    expect(fs).toEqual([]);
  });
});
