import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "./cli.js";
import type { LineSeed } from "./seeds.js";

/** A finding of a layout-text fixture's JSON report, with the line (and column) it names. */
export type LineFinding = JsonFinding & { location: { line?: number; column?: number } };
/** A seed of the 三公 fixtures (sanggong-counts, sanggong-years, sanggong-across-counts): its file and what it mistypes. */
export type FixtureSeed = LineSeed & { file: string; what: string; column: number };

/** A 三公 fixture folder under test/fixtures: its seeds, and its documents checked by the CLI (the errors apart). */
export function sanggongFixtures(folder: string) {
  const dir = join(ROOT, "test", "fixtures", folder);
  const seeds: FixtureSeed[] = JSON.parse(readFileSync(join(dir, "seeds.json"), "utf8"));
  const run = (file: string) => {
    const { status, report } = cliJson([join(dir, file), "--format", "json"]);
    const doc = report.documents[0];
    return { status, doc, errors: doc.findings.filter((f: LineFinding) => f.severity === "error") as LineFinding[] };
  };
  /** A consistent document: no finding, exit 0, nothing unread, and its one table the 三公's of `rows` rows. */
  const consistent = (file: string, rows: number) => {
    const { status, doc } = run(file);
    expect(doc.findings.map((f: LineFinding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.tables.filter((t: { present: boolean }) => t.present).map((t: { printed: string; kind: string; rows: number }) => `${t.printed} ${t.kind} ${t.rows}`)).toEqual([`附表7 sanggong ${rows}`]);
  };
  return { seeds, run, consistent };
}
