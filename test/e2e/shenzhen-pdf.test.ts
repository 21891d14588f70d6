import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";

/*
 * The seed printed to PDF from its tables (test/fixtures/pdf/README.md): Shenzhen's twelve tables with names wrapped in
 * their cells around their figures, and long names touching the next cell's figure. Read from the PDF, the document
 * gives the findings the seed's text gives, figure for figure; read from the PDF's `pdftotext -layout` text, the same
 * but for 表12's tasks (their long 主要内容 overlap in the layout text: its 金额合计 is checked, not its tasks).
 */
const key = (f: Finding) => [f.ruleId, f.severity, f.table, f.unit, f.code, f.item, f.column, f.stated, f.computed].join("|");
const findings = (file: string) => ((cliJson([file]).report.documents[0].findings as Finding[]).map(key)).sort();
const FIXTURE = (name: string) => join(ROOT, "test", "fixtures", "pdf", name);

describe("the seed as a PDF printed from its tables", () => {
  const seed = findings(join(ROOT, SEED));

  it("from the PDF: the same findings as the seed's text, each with the same figures", () => {
    expect(findings(FIXTURE("shenzhen-seed.pdf"))).toEqual(seed);
  });

  it("from a portrait PDF whose cells wrap: the same; a number ending a line of a task's 主要内容 is no figure", () => {
    // `…举办高层次人才活动 2` / `场。`: read as a figure, it made a task of its own (19 tasks for the text's 17).
    expect(findings(FIXTURE("shenzhen-seed-portrait.pdf"))).toEqual(seed);
  });

  it("from its pdftotext -layout text: the same, but for 表12's tasks", () => {
    // (The tasks' failing sum, 9724 against 3974, is more than the diagnosis's work can explain: its note says so, at
    // the group's first failing finding, since round 51.)
    const t12 = (k: string) => /^(hierarchy-sum\|info\|T12\||tasks-vs-budget\||diagnosis\|info\|T7\|\|\|深圳市科学技术协会\|支出总计\|)/.test(k);
    const layout = findings(FIXTURE("shenzhen-seed.layout.txt"));
    expect(layout.filter((k) => !t12(k))).toEqual(seed.filter((k) => !t12(k)));
  });

  it("a figure typed wrong in the PDF, touching its name, is named by the diagnosis at its page and box", () => {
    const report = cliJson([FIXTURE("shenzhen-seed-typo.pdf")]).report.documents[0];
    const named = (report.findings as Finding[]).filter((f) => f.ruleId === "diagnosis" && f.severity === "error");
    expect(named.map((f) => [f.table, f.unit, f.code, f.column, f.stated, f.computed])).toEqual([["T7", "深圳市科学技术协会(本级)", "2080506", "支出总计", "28", "25"]]);
    // Where poppler places the word 28 (test/fixtures/pdf/README.md): x 322.40–332.25 on page 22.
    const { page, box } = named[0].location;
    expect(page).toBe(22);
    expect(Math.abs(box!.x - 322.4)).toBeLessThan(1);
    expect(Math.abs(box!.x + box!.width - 332.25)).toBeLessThan(1);
  });
});

