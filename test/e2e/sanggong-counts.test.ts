import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import type { LineSeed } from "../helpers/seeds.js";

/*
 * Round 57 (test/fixtures/sanggong-counts, 江北市林业局, synthetic): a 三公 table's counts where round 56 left them unread,
 * each beside a text that states them — the counts left of the money (left.txt: listed before, 表头未能识别); the text's
 * receptions said by the groups received (received.txt: 共接待国内来访团组45批次, not read before); a 预算's table of years
 * with a 车辆数 a year (years.txt: listed before) or one after the years (years-after.txt: read, its count not kept). Each
 * consistent document gives no finding; each seeded one's count is caught against the text, exactly.
 */
const DIR = join(ROOT, "test", "fixtures", "sanggong-counts");
const seeds: (LineSeed & { file: string; what: string })[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { line?: number } };
const run = (file: string) => {
  const { status, report } = cliJson([join(DIR, file), "--format", "json"]);
  const doc = report.documents[0];
  return { status, doc, errors: doc.findings.filter((f: Finding) => f.severity === "error") as Finding[] };
};

describe("a 三公 table's counts where round 56 left them unread, against the text", () => {
  for (const [file, rows] of [["left.txt", 1], ["received.txt", 1], ["years.txt", 2], ["years-after.txt", 3]] as const)
    it(`${file}: consistent, the table read, no finding`, { timeout: 60_000 }, () => {
      const { status, doc } = run(file);
      expect(doc.findings.map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(status).toBe(0);
      expect(doc.unknownTables ?? []).toEqual([]);
      expect(doc.tables.filter((t: { present: boolean }) => t.present).map((t: { printed: string; kind: string; rows: number }) => `${t.printed} ${t.kind} ${t.rows}`)).toEqual([`附表7 sanggong ${rows}`]);
    });

  for (const s of seeds)
    it(`${s.file}: ${s.id} (${s.what} ${s.printed} for ${s.true}) is caught against the text's count, in no money sum`, { timeout: 60_000 }, () => {
      const { status, errors } = run(s.file);
      expect(status).toBe(1);
      // (The text's count right, the table's wrong: stated the text's, computed the table's; no money identity breaks.)
      expect(errors.filter((f) => f.ruleId === "text-vs-table").map((f) => [f.stated, f.computed])).toEqual([[s.true, s.printed]]);
      expect(errors.filter((f) => f.ruleId !== "text-vs-table" && f.ruleId !== "diagnosis")).toEqual([]);
    });
});
