import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding as Finding } from "../helpers/cli.js";

/*
 * A 贵州 department's 决算 (test/fixtures/final-guizhou): consistent, seeded with seven mistakes, and copies of the
 * consistent document with one statement of its text retyped.
 */
const DIR = join(ROOT, "test", "fixtures", "final-guizhou");
const text = readFileSync(join(DIR, "document.txt"), "utf8");
const seeds: { id: string; line: number; printed: string; true: string }[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
const tmp = mkdtempSync(join(tmpdir(), "budget-check-guizhou-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


const plain = (s: string) => s.replace(/,/g, "").replace(/^占|%$/g, "");

describe("a 贵州 决算", () => {
  it("consistent: no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    expect(report.documents[0].findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it("seeded: every mistake is an error at its own line, the figure printed named; the digits swapped corrected to the true figure", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) expect(errors.some((f) => f.location.line === s.line && f.stated === plain(s.printed)), s.id).toBe(true);
    // S1 and S7 swap two digits: the diagnosis names each, corrected to the true figure (S7's 差旅费 was blamed on its
    // sibling 办公费 before round 45).
    const blamed = (id: string) => {
      const s = seeds.find((x) => x.id === id)!;
      return errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === s.line).map((f) => [f.stated, f.computed]);
    };
    expect(blamed("S1")).toEqual([["618.48", "681.48"]]);
    expect(blamed("S7")).toEqual([["152.91", "125.91"]]);
  });

  /** The document with `from` (printed once) replaced, as a file of its own; and the line the replacement starts on. */
  function retyped(name: string, from: string, to: string): { file: string; line: number } {
    expect(text.split(from).length, from).toBe(2);
    const file = join(tmp, `${name}.txt`);
    writeFileSync(file, text.replace(from, to));
    return { file, line: text.slice(0, text.indexOf(from)).split("\n").length };
  }

  it("fails: an item's 年初预算 that its 公开05表 row does not print, and 上缴上级支出 typed 3.00 for 0.00, are errors at those figures", { timeout: 60_000 }, () => {
    // (The item's percentage retyped with it, so that only the budget disagrees: 691.91 ÷ 722.67 = 95.74%.)
    const budget = retyped("budget", "为712.67万元，支出决算为691.91万元，完成年初预算的97.09%", "为722.67万元，支出决算为691.91万元，完成年初预算的95.74%");
    const remitted = retyped("remitted", "上缴上级支出0.00万元，占0.00%", "上缴上级支出3.00万元，占0.00%");
    const { report } = cliJson([budget.file, remitted.file]);
    const errors = (i: number) => report.documents[i].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === "text-vs-table").map((f: Finding) => [f.stated, f.computed, f.location.line]);
    expect(errors(0)).toEqual([["722.67", "712.67", budget.line]]);
    expect(errors(1)).toEqual([["3", "0", remitted.line]]);
  });

  it("fails: the text's counts and splits (编制人数, 预算单位, 资产总额) and its 绩效自评's share, each retyped, are errors at those figures", { timeout: 60_000 }, () => {
    const cases = [
      { copy: retyped("posts", "编制人数412人", "编制人数421人"), rule: "staffing-sum", stated: "421", computed: "412" },
      { copy: retyped("units", "二级预算单位共5个", "二级预算单位共6个"), rule: "staffing-sum", stated: "6", computed: "5" },
      { copy: retyped("assets", "资产总额33791.69万元", "资产总额33719.69万元"), rule: "text-sum", stated: "33719.69", computed: "33791.68" },
      { copy: retyped("evaluated", "占一般公共预算项目支出总额的93.42%", "占一般公共预算项目支出总额的94.42%"), rule: "text-vs-table", stated: "94.42", computed: "93.42" },
    ];
    const { report } = cliJson(cases.map((c) => c.copy.file));
    cases.forEach((c, i) => {
      const errors = report.documents[i].findings.filter((f: Finding) => f.severity === "error" && f.ruleId !== "diagnosis");
      expect(errors.map((f: Finding) => [f.ruleId, f.stated, f.computed, f.location.line]), c.rule).toEqual([[c.rule, c.stated, c.computed, c.copy.line]]);
    });
  });
});
