import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// Issue 12, defect 2: a malformed amount is an error at its cell, never an empty cell that drops its sums.
describe("a malformed amount in a table is an error at its cell", () => {
  const tmp = tempDir("malformed");
  const lines = readFileSync(join(ROOT, SEED), "utf8").split("\n");
  const LINE = 526; // 表7: 深圳市科学技术协会 (the department row): 9,724
  expect(lines[LINE - 1]).toBe("深圳市科学技术协会\t\t\t9,724\t3,974\t5,749");
  const seedErrors = cliJson([SEED]).report.summary.error as number;

  it.each(["9,7244", "9,72,4", "1,2,3", "12.3.4", "1e400", "NaN", "0x369"])("表7's 9,724 printed %s: amount-format error at line 526, exit 1", (bad) => {
    const file = join(tmp, `t7-${bad.replace(/[^\w]/g, "_")}.md`);
    const copy = [...lines];
    copy[LINE - 1] = copy[LINE - 1].replace("9,724", bad);
    writeFileSync(file, copy.join("\n"));
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    const d = report.documents[0];
    const f = d.findings.filter((x: { ruleId: string }) => x.ruleId === "amount-format");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", table: "T7", column: "支出总计", location: { line: LINE, column: 13 } });
    expect(f[0].message).toContain(bad);
    expect(d.summary.error).toBeGreaterThan(seedErrors);
  });
});

// Found by the property test (seed -1560561052): a row of 表12 that lost its leading empty cell is shifted
// right until its amounts stand in amount columns; a malformed amount must not stop that shift and be
// read as text in the 主要内容 column, or the figure silently drops out and the check passes.
describe("a malformed amount in a row that is realigned (表12 after a page break) is still an error at its cell", () => {
  const tmp = tempDir("malformed-t12");
  const lines = readFileSync(join(ROOT, SEED), "utf8").split("\n");
  const LINE = 872; // 表12: 综合管理(市科学技术协会本级) … 5 5
  expect(lines[LINE - 1]).toMatch(/^综合管理\(市科学技术协会本级\)\t.*\t5\t5$/);

  it.each(["9,7244", "12.3.4", "1e400"])("its 总额 printed %s: amount-format error in 预算金额/总额, exit 1", (bad) => {
    const file = join(tmp, `t12-${bad.replace(/[^\w]/g, "_")}.md`);
    const copy = [...lines];
    copy[LINE - 1] = copy[LINE - 1].replace(/\t5\t5$/, `\t${bad}\t5`);
    writeFileSync(file, copy.join("\n"));
    const { status, report } = cliJson([file, "--rule", "yoy-change=off"]);
    expect(status).toBe(1);
    const f = report.documents[0].findings.filter((x: { ruleId: string }) => x.ruleId === "amount-format");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", table: "T12", location: { line: LINE } });
    expect(f[0].column).toContain("总额");
  });
});
