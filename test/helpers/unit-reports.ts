import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { expect } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { cliJson, ROOT } from "./cli.js";

const schema = JSON.parse(readFileSync(join(ROOT, "docs", "report.schema.json"), "utf8"));
export const validateReport = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

/** A table of the JSON report, as the unit-set tests read it. */
export interface ReportTable {
  id: string;
  unit?: string;
  present: boolean;
  rows: number;
}

/**
 * The CLI's report on a consistent document that prints its units' own tables (江西's 单位预算表), checked: no error and
 * no warning, exit 0, a valid report, and each unit's tables read as that unit's, `ids` in order. Its document's report.
 */
export function consistentUnitSets(file: string, units: string[], ids: string[]) {
  const { status, report } = cliJson([file]);
  const doc = report.documents[0];
  expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  expect(status).toBe(0);
  expect(validateReport(report)).toBe(true);
  const tables: ReportTable[] = doc.tables;
  for (const u of units) expect(tables.filter((t) => t.unit === u).map((t) => t.id), u).toEqual(ids);
  return doc;
}
