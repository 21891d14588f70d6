import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { findPackages, loadPackage } from "../../src/loaders/index.js";
import { documentReport, makeReport } from "../../src/report.js";
import { formatHtml } from "../../src/reporters/html.js";
import { ROOT, SEED } from "../helpers/cli.js";

process.chdir(ROOT);
const doc = await loadPackage(findPackages(SEED)[0]);
const lines = (await import("node:fs")).readFileSync(SEED, "utf8").split("\n");

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: "text-claim", severity: "error", withinRounding: false, message: "m", table: "text", unit: null, code: null, item: null, column: null,
    stated: null, computed: null, difference: null, tolerance: null, location: { file: SEED }, related: [], ...over,
  };
}

const html = (findings: Finding[], department?: string) => {
  const r = makeReport("test", [{ ...documentReport(SEED, doc, findings), ...(department ? { department } : {}) }]);
  return formatHtml(r, { color: false, lang: "en", quiet: false, documents: new Map([[SEED, doc]]) });
};

describe("the HTML report", () => {
  it("marks a text claim's figure inside its paragraph, by the finding's line and column", () => {
    // Line 72: "2023 年深圳市科学技术协会 部门预算收入 9,724 万元，比 2022 年增加 714 万元，增长 8%。…"
    const column = lines[71].indexOf("714") + 1;
    const out = html([finding({ location: { file: SEED, line: 72, column }, stated: "714", computed: "713", difference: "1", tolerance: "0.5" })]);
    // (The tooltip in the title attribute spans two lines.)
    const p = /<p[^>]*data-line="72"[^>]*>(.*?)<\/p>/s.exec(out)![1];
    expect(p).toMatch(/比 2022 年增加 <span id="[^"]+" class="marked k-error"[^>]*>714<\/span> 万元，增长 8%。2023 年部门预算支出 9,724 万元，比 2022 年增加 714 万元/s);
    // The part that holds the claim is open; the others are folded.
    expect(out).toMatch(/<details class="part" open><summary>Part 2 部门预算收支总体情况<\/summary>/);
    expect(out).toMatch(/<details class="part"><summary>Part 1 部门概况<\/summary>/);
  });

  it("marks the whole paragraph when a text finding has no column", () => {
    const out = html([finding({ location: { file: SEED, line: 162 } })]);
    expect(out).toMatch(/<p id="[^"]+" class="marked k-error"[^>]*data-line="162"/);
  });

  it("escapes everything taken from the report or the document", () => {
    const evil = `</script><script>alert(1)</script><img src=x onerror=alert(2)>`;
    const out = html([finding({ table: "T8", message: evil, location: { file: SEED, line: 636, column: 13 } })], evil);
    expect(out).not.toContain("<script>alert");
    expect(out).not.toContain("<img src=x");
    expect(out).toContain("&lt;/script&gt;&lt;script&gt;alert(1)");
    // The findings' data travels inside a JSON <script> block that the text cannot close.
    const data = /<script type="application\/json" id="bc-data">(.*?)<\/script>/s.exec(out)![1];
    expect(data).not.toContain("<");
    expect(JSON.parse(data).findings[0].message).toBe(evil);
  });

  it("lists a finding that points outside every table and paragraph without marking a cell", () => {
    const out = html([finding({ table: "T2", severity: "warning", location: { file: SEED, line: 22 } })]);
    expect(out).not.toMatch(/class="marked/);
    expect(out).toMatch(/<li class="k-warning" data-finding="d0f0" data-kind="warning" data-table="T2" data-rule="text-claim"><span class="badge k-warning">warning<\/span> .*<small class="where">T2 · fixtures\/shenzhen-sast-2023\/document\.md:22 \(not in a table\)<\/small>/);
  });

  it("shows an unreadable document's failure instead of tables", () => {
    const r = makeReport("test", [{ path: "x.md", format: "markdown", department: null, year: null, moneyUnit: null, tables: [], findings: [], summary: { error: 0, warning: 0, info: 0 }, failure: { message: "not a budget disclosure <b>" } }]);
    const out = formatHtml(r, { color: false, lang: "en", quiet: false });
    expect(out).toContain('<p class="failure k-error">could not be read: not a budget disclosure &lt;b&gt;</p>');
  });
});
