import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { asDocx } from "../helpers/docx.js";
import { tempDir } from "../helpers/tmp.js";
import { editedSeed } from "../helpers/workbook.js";

/*
 * A diagnosis that changes a row's figure in two columns at once (支出总计 and 项目支出 typed alike) names each change of
 * its explanation in its message. Both are on one line: named by the line alone, the two read as one change listed
 * twice (`…csv:14 50,496.93 → 49,866.88; …csv:14 50,496.93 → 49,866.88`). Each is named by its cell — file:line:column as
 * the location prints it, a workbook's or Word table's sheet!cell — and its column's label, in every input form.
 */
interface Place {
  file: string;
  line?: number;
  column?: number;
  sheet?: string;
  cell?: string;
}
interface Proposed {
  location: Place;
  from: string;
  to: string;
}
interface Finding {
  ruleId: string;
  message: string;
  column: string | null;
  location: Place;
  diagnosis?: { together: Proposed[]; alternatives: Proposed[][] };
}

const place = (l: Place) => (l.line ? `${l.file}:${l.line}${l.column ? `:${l.column}` : ""}` : `${l.sheet ?? l.file}!${l.cell}`);
const same = (a: Place, b: Place) => place(a) === place(b);
const sameRow = (a: Place, b: Place) => (a.line ? a.line === b.line : a.sheet === b.sheet && a.cell?.replace(/^[A-Z]+/, "") === b.cell?.replace(/^[A-Z]+/, ""));

const dir = tempDir("diagnosis-cells");
// The rule doc's failing example (docs/rules/diagnosis.md) with 2060702's 项目支出 typed as its 支出总计: 60 in both.
const rulePage = readFileSync(join(ROOT, "docs", "rules", "diagnosis.md"), "utf8");
const table = /## Failing example\n\n```tsv\n([\s\S]*?)```/.exec(rulePage)![1].replace("\t2060702\t科普活动\t60\t0\t50", "\t2060702\t科普活动\t60\t0\t60");
const md = join(dir, "two-columns.md");
writeFileSync(md, table);
// The seed as Word writes it, its 表3 row 2060703 青少年科技活动 (49 | 0 | 49) with 94 in 支出总计 and 项目支出; the workbook
// below, the same row of the seed's workbook.
const docx = join(dir, "two-columns.docx");
const seedText = readFileSync(join(ROOT, SEED), "utf8");
const row = "\t2060703\t青少年科技活动\t49\t0\t49\t0";
if (seedText.split(row).length !== 2) throw new Error(`the seed prints ${row} once`);
writeFileSync(docx, asDocx(seedText.replace(row, "\t2060703\t青少年科技活动\t94\t0\t94\t0")));

const forms: [string, () => Promise<string[]>][] = [
  ["text (markdown)", async () => [md]],
  ["Word", async () => [docx]],
  [
    "workbook",
    async () => [
      await editedSeed((wb) => {
        const row = wb.getWorksheet("表3")!.getRow(12);
        row.getCell(4).value = 94;
        row.getCell(6).value = 94;
      }),
    ],
  ],
  ["CSV folder", async () => [join(ROOT, "test", "fixtures", "gansu-csv-seeded"), "--template", "generic"]],
];

describe("a diagnosis's message names each change by its cell", () => {
  for (const [form, args] of forms)
    for (const lang of ["en", "zh"] as const)
      it(`${form} (${lang}): a row's two columns changed together are told apart`, { timeout: 60_000 }, async () => {
        const findings: Finding[] = cliJson([...(await args()), "--lang", lang]).report.documents[0].findings;
        const diagnoses = findings.filter((f) => f.ruleId === "diagnosis");
        const label = (column: string) => (lang === "zh" ? `「${column}」` : ` [${column}]`);
        let named = 0;
        for (const d of diagnoses)
          for (const t of d.diagnosis!.together) {
            // Another change of the same explanation: a diagnosis of its own, with its column.
            const other = diagnoses.find((e) => same(e.location, t.location))!;
            expect(other.column).toBeTruthy();
            expect(d.message).toContain(`${place(t.location)}${label(other.column!)} ${t.from} → ${t.to}`);
            named++;
          }
        // The explanation changes two figures of one row: each of their findings names the other.
        expect(diagnoses.filter((d) => d.diagnosis!.together.some((t) => sameRow(t.location, d.location))).length).toBeGreaterThanOrEqual(2);
        expect(named).toBeGreaterThanOrEqual(2);
        // The alternatives, too: none is named twice alike.
        for (const d of diagnoses)
          for (const alt of d.diagnosis!.alternatives) {
            const names = alt.map((t) => place(t.location));
            expect(new Set(names).size).toBe(names.length);
            for (const n of names) expect(d.message).toContain(n);
          }
      });
});
