import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, SEED, SEED_CSV } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// Issue 12, defect 11: two printed 表3 were merged as continuation pages (37 arithmetic errors, no "printed twice").
describe("a table printed twice is said so, not merged as continuation pages", () => {
  const tmp = tempDir("twice");

  it("the text form with 表3 (lines 332–463) printed again after itself: exit 2 naming both places", () => {
    const lines = readFileSync(join(ROOT, SEED), "utf8").split("\n");
    const t3 = lines.slice(331, 463);
    const copy = [...lines.slice(0, 463), ...t3, ...lines.slice(463)];
    const file = join(tmp, "twice.md");
    writeFileSync(file, copy.join("\n"));
    const r = cli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/twice\.md:\d+: 表3 支出总表 is printed twice: its first row \(.*twice\.md:\d+\) is printed again here/);
  });

  it("continuation pages (title and header repeated, rows continued) are still merged", () => {
    expect(cli([SEED, "--rule", "yoy-change=off"]).status).toBe(0);
  });

  it("a CSV package with 表3 in two files: exit 2", () => {
    const pkg = join(tmp, "pkg");
    cpSync(join(ROOT, SEED_CSV), pkg, { recursive: true });
    cpSync(join(pkg, "表3.csv"), join(pkg, "表3 again.csv"));
    const r = cli([pkg]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/表3(\.csv| again\.csv):\d+: 表3 支出总表 is printed twice: its first row \(.*表3( again)?\.csv:\d+\)/);
  });
});
