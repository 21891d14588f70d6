import { writeFileSync } from "node:fs";
import { expect } from "vitest";
import { cliJson, SEED } from "./cli.js";

type Report = { documents: { failure: unknown; tables: { id: string; rows: number }[]; findings: unknown[] }[] };
let seed: { status: number; report: Report } | null = null;

/**
 * Writes `text` (the seed written another way) to `file` and checks it with the real CLI: it must be read
 * without an error, with the seed's exit status and the seed's tables (ids and rows). Returns its document
 * and the seed's, for the caller's own comparison of findings.
 */
export function readLikeSeed(file: string, text: string) {
  seed ??= cliJson([SEED]);
  writeFileSync(file, text);
  const r = cliJson([file]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(seed.status);
  const doc = r.report.documents[0];
  const seedDoc = seed.report.documents[0];
  expect(doc.failure).toBeNull();
  const tables = (d: Report["documents"][number]) => d.tables.map((t) => `${t.id} ${t.rows}`);
  expect(tables(doc)).toEqual(tables(seedDoc));
  return { doc, seedDoc };
}
