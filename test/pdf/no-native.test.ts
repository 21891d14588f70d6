import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { REAL } from "../helpers/pdfs.js";

// npm installs pdfjs-dist's optional native @napi-rs/canvas (rendering only); budget-check reads text and
// writes annotations without it: the real CLI on a PDF, --annotate included, must never map its binary.
const PDF = join(REAL, "pdf", "shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.pdf");
const dir = mkdtempSync(join(tmpdir(), "budget-check-no-native-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(PDF) || process.platform !== "linux")("PDF input without native code", () => {
  it("loads no native module (.node) while reading and annotating a PDF", () => {
    // The CLI in-process, then the shared objects mapped into the process (Linux: /proc/self/maps).
    const script = `
      process.argv = [process.argv[0], ${JSON.stringify(join(ROOT, "bin", "budget-check.js"))}, ${JSON.stringify(PDF)}, "--format", "json", "--output", "/dev/null", "--annotate", ${JSON.stringify(join(dir, "a.pdf"))}];
      process.on("exit", (code) => {
        const maps = require("node:fs").readFileSync("/proc/self/maps", "utf8");
        console.log(JSON.stringify({ code, native: [...new Set(maps.split("\\n").map((l) => l.split(/\\s+/)[5]).filter((p) => p && p.endsWith(".node")))] }));
      });
      import(process.argv[1]);`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, BUDGET_CHECK_WORKERS: "1" } });
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(out.code, r.stderr).toBe(0);
    expect(out.native).toEqual([]);
    expect(existsSync(join(dir, "a.pdf"))).toBe(true);
  }, 120_000);
});
