import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { REAL } from "../helpers/pdfs.js";

// Smoke test of `npm run bench`'s PDF part (scripts/bench-pdf.js, on dist/): it must run and give a
// PDF's seconds per page and the share of text extraction. Timings are never asserted.
const PDF = join(REAL, "pdf", "shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.pdf");

describe.skipIf(!existsSync(PDF))("the PDF benchmark", () => {
  it("measures a PDF: pages, seconds per page, text extraction and its share of the CLI's time, peak RSS", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "bench-pdf.js"), "--only", PDF, "--pages", "0"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("| document | pages | CLI wall | s / page | text extraction (in process) | share of the CLI's time | peak RSS | exit |");
    const row = r.stdout.split("\n").find((l) => l.startsWith(`| ${PDF.split("/").pop()} |`));
    expect(row).toMatch(/^\| \S+ \| 31 \| [\d.]+ s \| [\d.]+ \| [\d.]+ s \| \d+ % \| (\d+ MB|n\/a) \| 0 \|$/);
  }, 120_000);
});
