import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { quoter } from "../../src/quote.js";
import { subjectText } from "../../src/engine/run.js";
import { placeText } from "../../src/reporters/place.js";
import { doc } from "../helpers/docs.js";

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: "hierarchy-sum", severity: "error", withinRounding: false, message: "m", table: "T8", unit: "单位A", code: "301", item: "工资福利支出", column: "支出总计",
    stated: "873", computed: "872", difference: "1", tolerance: "5", location: { file: "d.md", line: 636, column: 13 }, related: [], ...over,
  };
}

describe("where a finding is, in words", () => {
  it("names the page when the input has pages, then table, row, column and file:line:column", () => {
    expect(placeText(finding({ location: { file: "d.txt", line: 636, column: 13, page: 14 } }), "en")).toBe("page 14 · T8 · row 单位A 301 工资福利支出 · column 支出总计 · d.txt:636:13");
    expect(placeText(finding({ location: { file: "d.txt", line: 636, column: 13, page: 14 } }), "zh")).toBe("第14页 · 表8 · 行「单位A 301 工资福利支出」 · 列「支出总计」 · d.txt:636:13");
    expect(placeText(finding({ table: "text", unit: null, code: null, item: null, column: null, location: { file: "d.md", line: 9 } }), "en")).toBe("written parts · d.md:9");
  });
});

describe("the printed line, quoted with the figure marked", () => {
  const d = doc(
    [
      "# 2023 年某部门部门预算",
      "## 第三部分 部门预算支出具体情况",
      "### 一、单位A",
      "1. 科普能力提升项目预算 1,197 万元，主要包括：用于科普活动工作 1,197 万元。较 2022 年预算增加 427 万元，增幅 36%，主要原因是根据工作安排增加了科普条例实施工作。",
      "表 3",
      "支出总表",
      "单位：万元",
      "预算单位→科目编码→科目名称→支出总计→基本支出→项目支出",
      "单位A→→→10→4→6",
    ].join("\n"),
  );
  const q = quoter(d);

  it("cuts a written line around the figure and marks it", () => {
    const line = d.text[0].lines.find((l) => l.text.includes("增幅"))!;
    const at = line.text.indexOf("36%") + 1;
    const quote = q.quote({ file: "case.md", line: line.line, column: at })!;
    expect(quote).toContain("增幅 »36%«，主要原因");
    expect(quote.startsWith("…")).toBe(true);
    expect(quote.endsWith("科普条例实施工作。")).toBe(true); // less than 40 characters follow: not cut
  });

  it("quotes a table row as its cells, the figure's cell marked", () => {
    const row = d.tables[0].rows.find((r) => r.label.includes("单位A"))!;
    const cell = row.cells.basic.location;
    expect(q.quote(cell)).toBe("单位A │ 10 │ »4« │ 6");
    expect(q.quote({ file: "case.md", line: 999 })).toBeUndefined();
  });

  it("quotes a PDF's table row whole, its figures told apart by their boxes (no column)", () => {
    // A PDF's cells share the rebuilt line and have no column: each is its box. Only the first was kept, unmarked
    // (河南's 三公 row quoted as `39.91`).
    const pdf = doc(["表 3", "支出总表", "单位：万元", "预算单位→科目编码→科目名称→支出总计→基本支出→项目支出", "单位A→→→10→4→6"].join("\n"));
    const row = pdf.tables[0].rows.find((r) => r.label.includes("单位A"))!;
    let x = 100;
    for (const key of Object.keys(row.cells)) {
      const c = row.cells[key];
      c.location = { file: "d.pdf", line: 40, page: 3, box: { x, y: 500, width: 30, height: 10 } };
      x += 50;
    }
    const basic = row.cells.basic.location;
    expect(quoter(pdf).quote(basic)).toBe("单位A │ 10 │ »4« │ 6");
  });
});

describe("a row named by its unit alone", () => {
  it("names the unit once when the row's item is the unit itself (a 三公 table listed by unit)", () => {
    const unitRow = finding({ table: "T7", unit: "110005 龙溪县职业技术教育中心", code: null, item: "110005 龙溪县职业技术教育中心", column: "“三公”经费合计" });
    expect(placeText(unitRow, "en")).toBe("T7 · row 110005 龙溪县职业技术教育中心 · column “三公”经费合计 · d.md:636:13");
    expect(placeText(unitRow, "zh")).toBe("表7 · 行「110005 龙溪县职业技术教育中心」 · 列「“三公”经费合计」 · d.md:636:13");
    expect(subjectText({ table: "T7", unit: "单位A", code: null, item: "单位A", column: "合计" }, "en", { tables: [] })).toBe("T7 单位A [合计]");
    expect(subjectText({ table: "T8", unit: "单位A", code: "301", item: "工资福利支出", column: "合计" }, "zh", { tables: [] })).toBe("表8 单位A 301 工资福利支出「合计」");
  });
});
