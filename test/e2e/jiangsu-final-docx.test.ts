import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A 江苏 county department's 决算 as a Word document (test/fixtures/jiangsu-final-docx): its 情况说明's sections styled
 * as headings, or not, and a seeded copy.
 */
const DIR = join(ROOT, "test", "fixtures", "jiangsu-final-docx");
type Finding = JsonFinding & { location: { sheet?: string; cell?: string; line?: number } };
const seeds: { id: number; where: string; paragraph?: number; printed: string }[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));

describe("a 江苏 决算 as a Word document", () => {
  it("consistent, with its sections as headings or as paragraphs: no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "final-headings.docx"), join(DIR, "final-plain.docx")]);
    for (const doc of report.documents) expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`), doc.path).toEqual([]);
    expect(status).toBe(0);
  });

  // Seeds 6 and 7 (the text's 三公 component and 项 决算) stand in sections styled as headings: read by the 决算's reader
  // since round 46 (before, by the generic reader, which does not read them).
  it("seeded (headings): each seed an error at its cell or paragraph, the text's 三公 and 项 决算 among them", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "final-headings-seeded.docx")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) {
      const printed = Number(s.printed.replace(/,|占|%/g, ""));
      const hit = s.paragraph
        ? errors.some((f) => f.location.line === s.paragraph && Number(f.stated) === printed)
        : errors.some((f) => f.ruleId === "diagnosis" && `${f.location.sheet}!${f.location.cell}` === s.where && Number(f.stated) === printed);
      expect(hit, `seed ${s.id} at ${s.where}`).toBe(true);
    }
  });
});
