import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonFinding } from "./cli.js";

/** A seed of a probe's fixture (its seeds.json): the figure printed, its page, and for a text seed the rule that finds it. */
export interface PageSeed {
  id: string;
  printed: string;
  page: number;
  table?: string;
  rule?: string;
}

/** A finding of the JSON report with the page its location names (a PDF's). */
export type PageFinding = JsonFinding & { table: string; location: { page?: number; line?: number } };

export const readSeeds = (dir: string, file: string): PageSeed[] => JSON.parse(readFileSync(join(dir, file), "utf8"));

/** A figure as printed (2,190.00 · 6.52%) as a number, to compare with a finding's `stated`. */
export const printedNumber = (s: string) => Number(s.replace(/,|%/g, ""));

/** Whether an error on the seed's page names the figure it printed (as `stated`, or in its message). */
export const namesSeed = (f: PageFinding, s: PageSeed) => f.location.page === s.page && (Number(f.stated) === printedNumber(s.printed) || f.message.includes(s.printed));
