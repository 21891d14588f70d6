import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * A 陕西 department's 部门预算 (a helper's consistent document, laid out as pdftotext writes it) prints the Ministry's
 * titles — 部门收支总表, 部门收入总表, 部门支出总表, 财政拨款收支总表, 一般公共预算“三公”经费支出表, 政府性基金预算支出表 … —
 * which are Shenzhen's too, eight of its twelve. Its 一般公共预算支出表 prints 合计 | 基本支出 小计 | 人员经费 | 公用经费 |
 * 项目支出: five figures a row where Shenzhen's lists three columns. Read by Shenzhen's list in order, its figures
 * landed in other columns: some 70 false row-total errors.
 */
const FILE = "test/fixtures/ministry-titles/document.txt";
const text = readFileSync(join(ROOT, FILE), "utf8");
const findings = (t: string) => runRules(loadLayoutText("预算.txt", t), rules, { tolerance: { kind: "auto" }, lang: "en" });

describe("a document printing the Ministry's titles with columns of its own", () => {
  it("is read by its headers (the generic template), not by Shenzhen's column lists", () => {
    const doc = loadLayoutText("预算.txt", text);
    expect(doc.template).toBe("generic");
    const tableErrors = findings(text).filter((f) => f.severity === "error" && ["row-total", "hierarchy-sum"].includes(f.ruleId) && !/T16/.test(f.table));
    expect(tableErrors).toEqual([]);
  });

  it("its 项目支出预算表's 合计 is 一般公共预算拨款 + 事业收入 + 其他收入, the sources its header prints", () => {
    expect(findings(text).filter((f) => f.severity === "error")).toEqual([]);
    const line = text.split("\n").find((l) => l.includes("统计业务培训服务"))!;
    const wrong = text.replace(line, line.replace("56.00", "65.00"));
    const rowTotals = findings(wrong).filter((f) => f.ruleId === "row-total" && f.severity === "error");
    expect(rowTotals.map((f) => [f.item, f.stated, f.computed])).toEqual([[expect.stringContaining("统计业务培训服务"), "60.5", "69.5"]]);
  });

  it("a document whose rows print no more figures than Shenzhen's columns stays Shenzhen's", () => {
    // (Its 一般公共预算支出表 without the 人员经费 | 公用经费 columns: three figures a row, as Shenzhen's list has; and its
    // 项目支出预算表 with its 合计 alone, the 政府采购预算表 after it, which Shenzhen's does not print, the same: the
    // 一般公共预算拨款 | 事业收入 | 其他收入 beside 合计 split the total as Shenzhen's one column does not, and that table
    // alone, read by its header, says the document is not Shenzhen's.)
    const three = text.replace(/^(\s*(?:\d{3,7}|合计)\s+\S*\s+[\d.]+\s+[\d.]+)\s+[\d.]+\s+[\d.]+(\s+[\d.]+)\s*$/gm, "$1$2");
    expect(three).not.toEqual(text);
    expect(loadLayoutText("预算.txt", three).template).toBe("generic");
    const lines = three.split("\n");
    const from = lines.findIndex((l) => /部门项目支出预算表$/.test(l.trim()) && /陕西/.test(l));
    const to = lines.findIndex((l, i) => i > from && /部门整体支出绩效目标表$/.test(l.trim()));
    const totalOnly = lines.map((l, i) => (i > from && i < to ? l.replace(/^(.*?\d+\.\d{2})(\s+[\d.]+)+\s*$/, "$1") : l));
    expect(loadLayoutText("预算.txt", totalOnly.join("\n")).template).toBe("shenzhen");
  });
});
