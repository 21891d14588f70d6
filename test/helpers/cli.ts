import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const SEED = "fixtures/shenzhen-sast-2023/document.md";
export const SEED_CSV = "fixtures/shenzhen-sast-2023/csv";

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Spawns the real CLI (bin/budget-check.js, built by `npm test`) from the project root. */
export function cli(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "budget-check.js"), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    // A batch's JSON report passes Node's default 1 MB (the seed alone is ~60 kB with its text's findings).
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "", ...opts.env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A finding of the JSON report, as far as the e2e tests read it. */
export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  unit: string | null;
  item: string | null;
  code: string | null;
  column: string | null;
  stated: string;
  computed: string;
  location: { file: string; line?: number };
}

export function cliJson(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}) {
  const r = cli([...args, "--format", "json"], opts);
  return { ...r, report: JSON.parse(r.stdout) };
}

/**
 * The seed as a document without errors: its tables have none, and its text's six wrong year-on-year
 * percentages (yoy-change, see test/e2e/seed.test.ts) are left unchecked. For tests of formats and options
 * that need a clean run with warnings and rounding notes.
 */
export const SEED_CLEAN = [SEED, "--rule", "yoy-change=off"];
