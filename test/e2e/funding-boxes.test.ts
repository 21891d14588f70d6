import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * Round 56 (the mutation probe, scripts/document-mutation.mjs --missed): the funding box of a 项目支出绩效目标表's card
 * (年度资金总额 / 其中：一般公共预算 / 其他资金, 宁夏, 安徽, 河南) and of a 部门整体支出绩效目标表 printed as a form (资金总额 /
 * 一般公共预算 / 其他资金, 河南, 陕西, 成都) were read as the card's 年度资金总额 alone, or not at all: a typo of any source
 * was found by nothing. They are read, and the form's 资金总额 = Σ its sources checked (row-total). 河南's 2025 预算
 * (test/fixtures/national-2025/henan-budget.txt) prints both.
 */
const FILE = join(ROOT, "test", "fixtures", "national-2025", "henan-budget.txt");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-funding-boxes-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lines = readFileSync(FILE, "utf8").split("\n");
/** The document with one figure of line `n` (1-based) typed otherwise. */
function typed(n: number, from: string, to: string): string {
  const copy = lines.slice();
  expect(copy[n - 1]).toContain(from);
  copy[n - 1] = copy[n - 1].replace(from, to);
  const file = join(tmp, `typo-${n}.txt`);
  writeFileSync(file, copy.join("\n"));
  return file;
}
const errors = (file: string) => cliJson([file]).report.documents[0].findings.filter((f: JsonFinding) => f.severity === "error");
const at = (f: JsonFinding & { location: { column?: number } }) => [f.ruleId, f.location.line];

describe("funding boxes of the performance forms (河南 2025)", () => {
  it("the document as printed: no error (the 整体 box's 17,021.01 + 175.88 = 17,196.90 within rounding)", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([FILE]);
    const findings = report.documents[0].findings;
    expect(findings.filter((f: JsonFinding) => f.severity !== "info")).toEqual([]);
    expect(findings.filter((f: JsonFinding) => f.ruleId === "row-total" && f.location.line === 345)).toHaveLength(1);
    expect(status).toBe(0);
  });

  it("fails: a card's 其他资金 typed (0.00 → 1.00) is an error of its 年度资金总额 = Σ sources, the typo among those named", { timeout: 60_000 }, () => {
    const found = errors(typed(362, "0.00", "1.00"));
    expect(found.filter((f: JsonFinding) => f.ruleId === "row-total").map(at)).toEqual([["row-total", 360]]);
    const diagnosis = found.find((f: JsonFinding) => f.ruleId === "diagnosis");
    expect(diagnosis?.message).toContain(":362:53");
  });

  it("fails: the 整体 box's 一般公共预算 typed (17021.01 → 27021.01) is an error of its 资金总额", { timeout: 60_000 }, () => {
    const found = errors(typed(346, "17021.01", "27021.01"));
    expect(found.filter((f: JsonFinding) => f.ruleId === "row-total").map(at)).toEqual([["row-total", 345]]);
    expect(found.find((f: JsonFinding) => f.ruleId === "diagnosis")?.message).toContain(":346:49");
  });
});
