import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

// scripts/page-faults.mjs accounts for a one-document run by page faults, time and heap spaces
// (docs/performance.md, "Fourteenth pass"). Its figures are the host's: only their presence and shape are
// asserted, and that the checked document's phase is measured after the bundle's.
describe("scripts/page-faults.mjs", () => {
  it("measures a fresh page, the run's three points and node -e 0", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "page-faults.mjs"), "--runs", "1"], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Fresh memory: \d+ faults for 16 MB, \d+\.\d\d µs a page /m);
    expect(r.stdout).toMatch(/^\| the first line of JavaScript \| \d+\.\d ms \| \d+ \| [\d.]+ · [\d.]+ · [\d.]+ · [\d.]+ \| [\d.]+ MB \|$/m);
    expect(r.stdout).toMatch(/^\| the bundle loaded from the code cache \| \+\d+\.\d ms \| \+\d+ \|/m);
    expect(r.stdout).toMatch(/^\| the document checked, its report made \| \+\d+\.\d ms \| \+\d+ \|/m);
    expect(r.stdout).toMatch(/^\| `node -e 0`, at its exit \| \d+\.\d ms \| \d+ \|/m);
    expect(r.stdout).toMatch(/^The run's faults beyond Node's own: -?\d+, ~-?\d+ ms at \d+\.\d\d µs a page\.$/m);
  });

  it("names a document that is not there, with exit status 2", () => {
    const missing = join(ROOT, "no-such-document.md");
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "page-faults.mjs"), missing], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`page-faults: ${missing}: no such file\n`);
  });
});
