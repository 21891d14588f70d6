import type { Report } from "../report.js";

/** The report as the JSON of docs/report.schema.json. */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + "\n";
}
