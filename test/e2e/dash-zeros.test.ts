import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED, SEED_CSV } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * Many departments print a dash where a figure is none (-, —, －): a fund the department does not have, a column
 * with nothing in it. A table whose rows print only dashes (政府性基金预算支出表: 某中心 | | | - | - | -) has data
 * rows: before round 58 they were read as more header rows, the header could not be matched, the tab-separated
 * reading of the seed's template failed and the document was read by the generic template (a false "cut off"
 * warning, the 三公 table unread, 26 of its 30 hierarchy sums unchecked).
 */

const dir = tempDir("dash-zeros");
type Finding = { ruleId: string; severity: string; message: string };
type Doc = { template: string; findings: Finding[]; tables: { id: string; rows: number; present: boolean }[]; unreadTables?: unknown[] };
const seedText = readFileSync(join(ROOT, SEED), "utf8");
/** The seed with every table cell that prints a zero printing `dash` instead. */
const withDashes = (dash: string) =>
  seedText
    .split("\n")
    .map((l) => (l.includes("\t") ? l.split("\t").map((c) => (/^\s*0(\.00)?\s*$/.test(c) ? dash : c)).join("\t") : l))
    .join("\n");
const said = (d: Doc, severities: string[]) => d.findings.filter((f) => severities.includes(f.severity)).map((f) => `${f.severity} ${f.ruleId} ${f.message}`).sort();
const checked = (d: Doc) => d.findings.filter((f) => f.ruleId === "hierarchy-sum").length;

describe("a dash printed for a zero", () => {
  const seed = cliJson([SEED]).report.documents[0] as Doc;

  it.each(["-", "—", "－"])("the seed with %s for every zero: its template, its tables and rows, its errors and warnings", (dash) => {
    const text = withDashes(dash);
    expect(text).not.toBe(seedText);
    const { doc: read } = readLikeSeed(join(dir, `seed-${dash.codePointAt(0)}.md`), text);
    const doc = read as unknown as Doc;
    expect(doc.template).toBe(seed.template);
    expect(said(doc, ["error", "warning"])).toEqual(said(seed, ["error", "warning"]));
    expect(checked(doc)).toBe(checked(seed));
  });

  it("the CSV package with - for every zero: its tables and rows, its errors and warnings, every hierarchy sum checked", () => {
    const copy = join(dir, "csv");
    cpSync(join(ROOT, SEED_CSV), copy, { recursive: true });
    for (const f of readdirSync(copy).filter((n) => n.endsWith(".csv")))
      writeFileSync(join(copy, f), readFileSync(join(copy, f), "utf8").replace(/(^|,)0(\.00)?(?=,|\r?$)/gm, "$1-"));
    const csvSeed = cliJson([SEED_CSV]).report.documents[0] as Doc;
    const doc = cliJson([copy]).report.documents[0] as Doc;
    expect(doc.tables.map((t) => `${t.id} ${t.present} ${t.rows}`)).toEqual(csvSeed.tables.map((t) => `${t.id} ${t.present} ${t.rows}`));
    expect(said(doc, ["error", "warning"])).toEqual(said(csvSeed, ["error", "warning"]));
    expect(checked(doc)).toBe(checked(csvSeed));
  });
});
