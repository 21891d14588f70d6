import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED, SEED_CSV } from "../helpers/cli.js";
import { withoutLocation } from "../helpers/findings.js";
import { asDocx } from "../helpers/docx.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A document typed in a word processor's full-width mode prints its digits as ０–９: the title's year (２０２３ 年),
 * the tables' numbers (表 １), 科目编码 (３０１, ２０６０７０１) and amounts (９,７２４). Each is the digit it stands for,
 * one character for one: the findings are the seed's, on the same lines and columns. Before, the codes were not
 * read as codes, so every code row of 表8 was missing and 18 false text-vs-table errors ("the unit has no such code")
 * stood where the seed has none, and the year was not read.
 */

const FULL = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const dir = tempDir("full-width");
type Doc = { department: string; year: number | null; findings: Parameters<typeof withoutLocation>[0]; tables: { id: string; rows: number }[] };
const place = (f: { location: { line?: number | null; column?: number | null; cell?: string | null } }) => `${f.location.line ?? f.location.cell}:${f.location.column ?? ""}`;

function sameAs(original: Doc, copy: Doc): void {
  expect(copy.year).toBe(original.year);
  expect(copy.department).toBe(original.department);
  expect(copy.tables.map((t) => `${t.id} ${t.rows}`)).toEqual(original.tables.map((t) => `${t.id} ${t.rows}`));
  expect(withoutLocation(copy.findings)).toEqual(withoutLocation(original.findings));
  expect(copy.findings.map(place)).toEqual(original.findings.map(place));
}

describe("full-width digits are read as the digits they are", () => {
  it("the seed with every digit full-width: the seed's year, tables and findings, on the same lines and columns", () => {
    const file = join(dir, "document.md");
    writeFileSync(file, FULL(readFileSync(join(ROOT, SEED), "utf8")));
    const original = cliJson([SEED]);
    const copy = cliJson([file]);
    expect(copy.stderr).toBe("");
    expect(copy.status).toBe(original.status);
    const doc = copy.report.documents[0];
    expect(doc.year).toBe(2023);
    expect(doc.findings.filter((f: { ruleId: string }) => f.ruleId === "text-vs-table")).toEqual([]);
    sameAs(original.report.documents[0], doc);
  });

  it("a layout text (pdftotext -layout) with full-width digits: the same findings, on the same lines and columns", () => {
    const name = readdirSync(join(ROOT, "fixtures/shanghai")).find((f) => f.endsWith("2024_dept-final-accounts.txt"))!;
    const file = join(dir, name);
    writeFileSync(file, FULL(readFileSync(join(ROOT, "fixtures/shanghai", name), "utf8")));
    const original = cliJson([`fixtures/shanghai/${name}`]).report.documents[0];
    expect(original.findings.length).toBeGreaterThan(0);
    sameAs(original, cliJson([file]).report.documents[0]);
  });

  it("a CSV package whose 科目编码 cells and written parts are full-width: the codes and the year are read, the findings are the CSV seed's", () => {
    const copy = join(dir, "csv");
    cpSync(join(ROOT, SEED_CSV), copy, { recursive: true });
    let changed = 0;
    for (const f of readdirSync(copy).filter((n) => n.endsWith(".csv"))) {
      const lines = readFileSync(join(copy, f), "utf8").split("\n");
      const header = lines.findIndex((l) => l.split(",").includes("科目编码"));
      if (header < 0) continue;
      const at = lines[header].split(",").indexOf("科目编码");
      for (let i = header + 1; i < lines.length; i++) {
        const cells = lines[i].split(",");
        if (!/^\d{3,7}$/.test(cells[at] ?? "")) continue;
        cells[at] = FULL(cells[at]);
        lines[i] = cells.join(",");
        changed++;
      }
      writeFileSync(join(copy, f), lines.join("\n"));
    }
    expect(changed).toBeGreaterThan(100);
    // Its written parts too: the title's year (２０２３ 年) and every figure of the text.
    writeFileSync(join(copy, "document.md"), FULL(readFileSync(join(copy, "document.md"), "utf8")));
    sameAs(cliJson([SEED_CSV]).report.documents[0], cliJson([copy]).report.documents[0]);
  });
});

describe("full-width digits in a Word document", () => {
  it("the seed as a .docx with every digit full-width: the findings of the seed's .docx, at the same places", () => {
    const text = readFileSync(join(ROOT, SEED), "utf8");
    const plain = join(dir, "plain.docx");
    const full = join(dir, "full.docx");
    writeFileSync(plain, asDocx(text));
    writeFileSync(full, asDocx(FULL(text)));
    const original = cliJson([plain]).report.documents[0];
    expect(original.findings.length).toBeGreaterThan(0);
    sameAs(original, cliJson([full]).report.documents[0]);
  });
});
