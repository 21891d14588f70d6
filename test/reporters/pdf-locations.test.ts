import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import type { BudgetDocument, Cell, Row } from "../../src/model/document.js";
import type { Box, SourceLocation } from "../../src/model/location.js";
import { documentReport, makeReport } from "../../src/report.js";
import { formatGithub } from "../../src/reporters/github.js";
import { formatHtml } from "../../src/reporters/html.js";
import { formatMarkdown } from "../../src/reporters/markdown.js";
import { formatSarif } from "../../src/reporters/sarif.js";
import { formatText } from "../../src/reporters/text.js";
import { ROOT } from "../helpers/cli.js";

// A PDF locates a figure by page and box (PDF points, origin bottom-left); its line is one of the text
// rebuilt from the PDF and means nothing in a PDF reader. A hand-made model of the shape the PDF loader gives.
const FILE = "dept 2025.pdf";
const box = (x: number, y: number): Box => ({ x, y, width: 40, height: 11 });
const at = (line: number, page: number, b: Box): SourceLocation => ({ file: FILE, line, column: 1, page, box: b });
const cell = (text: string, loc: SourceLocation): Cell => ({ text, amount: null, location: loc });
const row = (line: number, name: string, total: string, b: Box): Row => ({
  kind: "code", unit: null, code: null, codeKind: null, name, label: name, side: null, role: null, level: null,
  cells: { name: cell(name, at(line, 12, box(60, b.y))), total: cell(total, at(line, 12, b)) },
  location: at(line, 12, box(60, b.y)),
});
const T = box(400, 500);
const A = box(400, 480);
const doc: BudgetDocument = {
  path: FILE, format: "pdf", template: "shanghai", stage: "budget", department: "某街道", year: 2025, moneyUnit: "元", contents: [], text: [],
  tables: [{
    id: "T3", kind: "expenditure", title: "支出总表", unit: "元", department: "某街道", pages: 1, location: at(200, 12, box(300, 560)),
    columns: [{ key: "name", label: "科目名称", kind: "text" }, { key: "total", label: "合计", kind: "amount" }],
    rows: [row(201, "就业补助", "582,800", T), row(202, "公益性岗位补贴", "582,801", A)],
  }],
  pages: Array.from({ length: 12 }, (_, i) => ({
    number: i + 1,
    view: [0, 0, 842, 595] as [number, number, number, number],
    tokens: i === 11 ? [{ text: "582,800", box: T }, { text: "582,801", box: A }, { text: "<b>", box: box(60, 300) }] : [],
  })),
};
const finding: Finding = {
  ruleId: "hierarchy-sum", severity: "error", withinRounding: false, message: "「就业补助」：列示 582,800，计算 582,801，相差 -1", table: "T3",
  unit: null, code: "20807", item: "就业补助", column: "合计", stated: "582,800", computed: "582,801", difference: "-1", tolerance: "0",
  location: at(201, 12, T), related: [at(202, 12, A)],
};
const report = makeReport("test", [documentReport(FILE, doc, [finding])]);
const opts = { color: false, lang: "zh" as const, quiet: false, documents: new Map([[FILE, doc]]), rules: [{ id: "hierarchy-sum", defaultSeverity: "error" as const, description: "d", descriptionZh: "说明" }] };

describe("findings located by page and box (PDF input)", () => {
  it("text and markdown name the page (第 N 页 / page N), not the rebuilt line", () => {
    expect(formatText(report, opts)).toContain(`第12页 · 表3 · 行「20807 就业补助」 · 列「合计」 · ${FILE}\n`);
    expect(formatText(report, { ...opts, lang: "en" })).toContain(`page 12 · T3 · row 20807 就业补助 · column 合计 · ${FILE}\n`);
    expect(formatText(report, opts)).not.toContain(`${FILE}:201`);
    expect(formatMarkdown(report, opts)).toContain(`第12页 ${FILE} |`);
  });

  it("HTML: the page is drawn from the text layer, the figure boxed where it is printed and clickable, the related figure outlined", () => {
    const html = formatHtml(report, opts);
    const data = JSON.parse(/<script type="application\/json" id="bc-data">(.*?)<\/script>/s.exec(html)![1]);
    expect(data.findings[0].where).toBe(`第12页 · 表3 · 行「20807 就业补助」 · 列「合计」 · ${FILE}`);
    const page = /<figure class="pdfpage" data-page="12">.*?<\/figure>/s.exec(html)![0];
    expect([...html.matchAll(/<figure class="pdfpage"/g)]).toHaveLength(1); // only pages with findings
    expect(page).toContain("第12页");
    // x 400 − 1.5 padding; top = 595 − (500 + 11) − 1.5.
    expect(page).toMatch(new RegExp(`<div class="pbox marked k-error" tabindex="0" style="left:398.5px;top:82.5px;width:43px;height:14px" data-findings="${data.findings[0].id}"`));
    expect(page).toMatch(/<div class="pbox prel" style="left:398.5px;top:102.5px;/);
    expect(page).toContain(">582,800</span>");
    expect(page).toContain(">&lt;b&gt;</span>");
  });

  it("SARIF: the region carries the page and the box, no line of the PDF file, and validates", () => {
    const log = JSON.parse(formatSarif(report, opts));
    const region = log.runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toEqual({ message: { text: "第12页 / page 12" }, properties: { page: 12, box: T } });
    expect(log.runs[0].results[0].relatedLocations[0].physicalLocation.region.properties).toEqual({ page: 12, box: A });
    const ajv = new Ajv({ strict: false });
    (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "schemas", "sarif-schema-2.1.0.json"), "utf8")));
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("GitHub: the annotation is on the file without a line, the page in the message", () => {
    const out = formatGithub(report, opts);
    expect(out).toMatch(/^::error file=dept 2025\.pdf,title=budget-check hierarchy-sum/);
    expect(out).not.toMatch(/line=/);
    expect(out).toContain(`::${FILE} 第12页: 「就业补助」`);
  });
});
