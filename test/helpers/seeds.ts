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

/** A seed of a layout-text fixture (its seeds.json): its line, the figure printed and the true one. */
export interface LineSeed {
  id: string;
  line: number;
  printed: string;
  true: string;
}

/** The page a line of a layout text is on: the form feeds before it, + 1. */
export function pageOfLine(file: string): (line: number) => number {
  const text = readFileSync(file, "utf8").split("\n");
  return (line) => text.slice(0, line).join("\n").split("\f").length;
}

/** A printed figure as a finding states it: 4,393,782.00 → 4393782, 13,885.90 → 13885.9. */
export const statedOf = (s: string) => s.replace(/,/g, "").replace(/\.00$/, "").replace(/(\.\d)0$/, "$1");
