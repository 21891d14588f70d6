import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * The “三公” of a 天津 bureau's 2024 部门决算 (test/fixtures/final-tianjin, consistent, its 三公 table printing 预算数 and
 * 决算数): each component's 占 P% of the 三公 (text-sum), 公务接待费 = 国内 + 外事接待 (text-sum), and the 决算 against
 * its budget in words (决算数小于预算数) and as a change (比年初预算减少 X 万元，下降 P%) (budget-execution).
 */
const FILE = "test/fixtures/final-tianjin/document.txt";
const text = readFileSync(join(ROOT, FILE), "utf8");
const errors = (t: string) => runRules(loadLayoutText("决算.txt", t), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error" && f.ruleId !== "diagnosis");
const edited = (from: string, to: string) => {
  const t = text.replace(from, to);
  expect(t).not.toEqual(text);
  return t;
};
const lineOf = (t: string, s: string) => t.split("\n").findIndex((l) => l.includes(s)) + 1;

describe("a 决算's “三公” statements", () => {
  it("passes the consistent document (shares 60.45 / 33.50 / 6.05 of 21.27, 接待 1.29 = 1.29 + 0.00, 决算数小于预算数)", () => {
    expect(errors(text)).toEqual([]);
  });

  it("fails: a component's share typed 64.05 for 60.45 is an error at the share (12.86 ÷ 21.27)", () => {
    const t = edited("12.86万元，占60.45%", "12.86万元，占64.05%");
    expect(errors(t).map((f) => [f.ruleId, f.item, f.column, f.stated, f.location.line])).toEqual([["text-sum", "因公出国(境)费", "占比", "64.05", lineOf(t, "占64.05%")]]);
  });

  it("fails: 国内公务接待支出 typed 1.92 beside 外事接待支出 0.00 does not make the 公务接待费 1.29", () => {
    const t = edited("国内公务接待支出1.29万元", "国内公务接待支出1.92万元");
    expect(errors(t).map((f) => [f.ruleId, f.item, f.stated, f.computed])).toEqual([["text-sum", "公务接待费", "1.29", "1.92"]]);
  });

  it("fails: “决算数大于预算数” where the table's 决算数 21.27 is below its 预算数 27.60 is an error at the wording", () => {
    const t = edited("“三公”经费支出决算数小于预算数", "“三公”经费支出决算数大于预算数");
    expect(errors(t).map((f) => [f.ruleId, f.item, f.column, f.difference])).toEqual([["budget-execution", "“三公”经费", "决算数与预算数", "-6.33"]]);
  });

  it("比年初预算减少 X 万元，下降 P%: X = 预算数 − 决算数 (27.60 − 21.27) and P = X ÷ 预算数, else errors", () => {
    const stated = (change: string, pct: string) => edited("21.27万元，完成预算的77.05%", `21.27万元，比年初预算减少${change}万元，下降${pct}%，完成预算的77.05%`);
    expect(errors(stated("6.33", "22.93"))).toEqual([]);
    expect(errors(stated("6.38", "23.12")).map((f) => [f.ruleId, f.column, f.stated, f.computed])).toEqual([["budget-execution", "比预算减少额", "6.38", "6.33"]]);
    expect(errors(stated("6.33", "29.76")).map((f) => [f.ruleId, f.column, f.stated])).toEqual([["budget-execution", "比预算下降%", "29.76"]]);
    // The percentage alone: (预算数 − 决算数) ÷ 预算数.
    const alone = (pct: string) => edited("21.27万元，完成预算的77.05%", `21.27万元，比年初预算下降${pct}%，完成预算的77.05%`);
    expect(errors(alone("22.93"))).toEqual([]);
    expect(errors(alone("29.32")).map((f) => [f.ruleId, f.column, f.stated])).toEqual([["budget-execution", "比预算下降%", "29.32"]]);
    // 增加 where the 决算 is below the 预算: the change's sign disagrees with the figures.
    expect(errors(edited("21.27万元，完成预算的77.05%", "21.27万元，比年初预算增加6.33万元，完成预算的77.05%")).map((f) => [f.ruleId, f.column])).toEqual([["budget-execution", "比预算增加额"]]);
  });

  it("changes on last year said after the comparison: each percentage on last year's (this year's ∓ the change), and the 三公's = Σ its components'", () => {
    const errs = (from: string, to: string) => errors(edited(from, to)).map((f) => [f.ruleId, f.item, f.column, f.stated]);
    expect(errs("公务接待费减少1.83万元，\n下降58.68%", "公务接待费减少1.83万元，\n下降68.58%")).toEqual([["yoy-change", "公务接待费 决算", "减幅", "68.58"]]);
    // 3.21 typed 13.21: beyond 因公出国（境）费's 12.86 (last year's below zero), its percentage and the 三公's sum.
    expect(errs("因公出国（境）费增加3.21万元", "因公出国（境）费增加13.21万元")).toEqual([
      ["yoy-change", "因公出国(境)费 决算", "增加额", "13.21"],
      ["yoy-change", "因公出国(境)费 决算", "增幅", "33.34"],
      ["yoy-change", "“三公”经费 决算", "增减额", "1.92"],
    ]);
  });
});
