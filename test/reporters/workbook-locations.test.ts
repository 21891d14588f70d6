import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import type { BudgetDocument, Cell, Row } from "../../src/model/document.js";
import type { SourceLocation } from "../../src/model/location.js";
import { documentReport, makeReport } from "../../src/report.js";
import { formatGithub } from "../../src/reporters/github.js";
import { formatHtml } from "../../src/reporters/html.js";
import { formatSarif } from "../../src/reporters/sarif.js";
import { ROOT } from "../helpers/cli.js";

// A workbook package (one worksheet per table) locates figures by sheet and A1 cell, not by line. The
// xlsx loader is another branch's work; this hand-made model has the shape it produces.
const FILE = "dept 2023.xlsx";
const at = (cell: string): SourceLocation => ({ file: FILE, sheet: "表9", cell });
const cell = (text: string, a1: string): Cell => ({ text, amount: null, location: at(a1) });
const row = (n: number, unit: string, year: string, total: string, abroad: string): Row => ({
  kind: "year", unit, code: null, codeKind: null, name: year, label: year, side: null, role: null, level: null,
  cells: { unit: cell(unit, `A${n}`), year: cell(year, `B${n}`), total: cell(total, `C${n}`), abroad: cell(abroad, `D${n}`) },
  location: at(`A${n}`),
});
const doc: BudgetDocument = {
  path: FILE, format: "xlsx", template: "shenzhen", stage: "budget", department: "某局", year: 2023, moneyUnit: "万元", contents: [], text: [],
  tables: [{
    id: "T9", kind: "sanggong", title: "一般公共预算“三公”经费支出表", unit: "万元", department: "某局", pages: 1, location: at("A1"),
    columns: [{ key: "unit", label: "预算单位", kind: "text" }, { key: "year", label: "年度", kind: "text" }, { key: "total", label: "总计", kind: "amount" }, { key: "abroad", label: "因公出国(境)费", kind: "amount" }],
    rows: [row(5, "某局", "2022 年", "12", "3"), row(6, "", "2023 年", "15", "4"), row(7, "", "增减变化金额", "2", "1")],
  }],
};
const finding: Finding = {
  ruleId: "year-change", severity: "error", withinRounding: false, message: "表9 某局「总计」：列示 2，计算 3，相差 -1", table: "T9",
  unit: "某局", code: null, item: "增减变化金额", column: "总计", stated: "2", computed: "3", difference: "-1", tolerance: "0",
  location: at("C7"), related: [at("C6"), at("C5")],
};
const report = makeReport("test", [documentReport(FILE, doc, [finding])]);
const opts = { color: false, lang: "zh" as const, quiet: false, documents: new Map([[FILE, doc]]) };

describe("findings located by sheet and cell", () => {
  it("HTML: marks the cell named by sheet + cell, and refers to the related cells by id", () => {
    const html = formatHtml(report, opts);
    const marked = [...html.matchAll(/<td id="([^"]+)" class="marked k-error"[^>]*>([^<]*)<\/td>/g)];
    expect(marked.map((m) => m[2])).toEqual(["2"]);
    const data = JSON.parse(/<script type="application\/json" id="bc-data">(.*?)<\/script>/s.exec(html)![1]);
    const ids = data.findings[0].related.map((r: { target: string }) => r.target);
    expect(ids.map((id: string) => new RegExp(`<td id="${id}"[^>]*>([^<]*)<`).exec(html)![1])).toEqual(["15", "12"]);
    expect(data.findings[0].where).toBe("表9 · 行「某局 增减变化金额」 · 列「总计」 · dept 2023.xlsx[表9]!C7");
  });

  it("SARIF: names the cell in a logical location and in the message, and still validates", () => {
    const log = JSON.parse(formatSarif(report, { ...opts, rules: [{ id: "year-change", defaultSeverity: "error", description: "d", descriptionZh: "说明" }] }));
    const r = log.runs[0].results[0];
    expect(r.locations[0]).toEqual({ physicalLocation: { artifactLocation: { uri: "dept%202023.xlsx" } }, logicalLocations: [{ name: "表9!C7", fullyQualifiedName: "dept 2023.xlsx[表9]!C7", kind: "element" }] });
    expect(r.message.text).toMatch(/\[dept 2023\.xlsx\[表9\]!C7\]$/);
    const ajv = new Ajv({ strict: false });
    (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "schemas", "sarif-schema-2.1.0.json"), "utf8")));
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("GitHub: the annotation is on the file, the sheet and cell in the message", () => {
    expect(formatGithub(report, opts)).toMatch(/^::error file=dept 2023\.xlsx,title=budget-check year-change \(表9 一般公共预算“三公”经费支出表\)::dept 2023\.xlsx\[表9\]!C7: 表9 某局/);
  });
});
