import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A Shanghai 预算 states its items in 万元 with two decimals, its tables in 元: the text's figure is the table's
 * rounded. One cut off (截尾) instead — 176.31 万元 for 表5's 1,763,159.52 元 (176.315952 万元, 176.32 rounded) —
 * is a warning that says so, not an error: a pipeline failing on errors passes it, one failing on warnings
 * does not; a figure wrong otherwise (176.30) is an error.
 */
const FILE = join(ROOT, "fixtures", "shanghai", "shanghai-putuo_district-govt-office_2025_dept-budget.txt");
const FROM = "机关事业单位基本养老保险缴费支出”科目176.32万元";

function retyped(to: string): string {
  const text = readFileSync(FILE, "utf8");
  expect(text.split(FROM)).toHaveLength(2);
  const p = join(tempDir("cut-off"), "budget.txt");
  writeFileSync(p, text.replace(FROM, FROM.replace("176.32", to)));
  return p;
}

describe("a text figure cut off rather than rounded, end to end", () => {
  const line = readFileSync(FILE, "utf8").slice(0, readFileSync(FILE, "utf8").indexOf(FROM)).split("\n").length;

  it("is a warning at its line that says what it reads rounded; exit 0 failing on errors, 1 failing on warnings", () => {
    const p = retyped("176.31");
    const r = cliJson([p]);
    expect(r.status).toBe(0);
    type F = { ruleId: string; severity: string; stated: string; computed: string; message: string; location: { line: number }; diagnosis?: { alternatives: { table: string; from: string; to: string }[][] } };
    const fs = (r.report.documents[0].findings as F[]).filter((f) => f.severity !== "info");
    // The diagnosis (listed first) of what a warning only shows is a warning too: 176.31 should read 176.32. Not
    // 表5's figure instead: compared with the text as a copy in 万元, changing the copy alone would leave 表5's own
    // identities on its printed 1,763,159.52 — no explanation.
    expect(fs.map((f) => [f.ruleId, f.severity, f.stated, f.computed, f.location.line])).toEqual([
      ["diagnosis", "warning", "176.31", "176.32", line],
      ["text-vs-table", "warning", "176.31", "176.315952", line],
    ]);
    expect(fs[1].message).toContain("rounded it reads 176.32");
    expect(fs[0].diagnosis!.alternatives).toEqual([]);
    expect(cli([p, "--fail-on", "warning"]).status).toBe(1);
    expect(cli([p, "--lang", "zh"]).stdout).toContain("截尾（未四舍五入）所得，四舍五入应为 176.32");
  });

  it("a figure wrong otherwise is an error, exit 1", () => {
    const r = cliJson([retyped("176.30")]);
    expect(r.status).toBe(1);
    const errors = (r.report.documents[0].findings as { ruleId: string; severity: string; stated: string; location: { line: number } }[]).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.ruleId, f.stated, f.location.line])).toContainEqual(["text-vs-table", "176.3", line]);
  });
});
