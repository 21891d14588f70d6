import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { budgetExecution } from "../../src/rules/budget-execution.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE } from "../helpers/final.js";

/*
 * A 决算's 情况说明 in the layout form (as pdftotext writes the published PDF): the 一般公共预算财政拨款支出决算表
 * and the statements of its execution. Line numbers below are those of the text built here.
 */
const TABLE = FINAL_FUNCTION_TABLE;
const text = (general: string, item: string) => [
  ...TABLE,
  "第三部分 某区某局2024年度部门决算情况说明",
  "  五、一般公共预算财政拨款支出决算情况说明",
  `  一般公共预算财政拨款支出年初预算为1,570.05万元，支出决算为1,521.89万元，完成年初预算的${general}。`,
  "决算数小于预算数的主要原因：人员进出及退休变化。",
  "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费。",
  `年初预算为 1,560.05 万元，支出决算为1,511.89万元。${item}的主要原因：人员变化。`,
];
const LINE = TABLE.length;
const check = (general: string, item: string) =>
  runRules(loadLayoutText("final.txt", text(general, item).join("\n"), { template: shanghaiFinal }), [budgetExecution], { tolerance: { kind: "auto" }, lang: "en" });

describe("budget-execution", () => {
  it("passes when 完成年初预算的 P% is 决算 ÷ 预算 and the wording agrees with the figures", () => {
    expect(check("96.93%", "决算数小于预算数")).toEqual([]);
  });

  it("a percentage that is not 决算 ÷ 预算 is an error at the percentage, with the arithmetic", () => {
    const f = check("98.20%", "决算数小于预算数");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: "budget-execution", severity: "error", stated: "98.2", location: { line: LINE + 3 } });
    expect(f[0].computed).toMatch(/^96\.93/);
  });

  it("决算数大于预算数 where the 决算 is below the 预算 is an error at the wording", () => {
    const f = check("96.93%", "决算数大于预算数");
    expect(f).toHaveLength(1);
    // The wording is quoted in the message; `stated` is a decimal or null in the report (report.schema.json).
    expect(f[0]).toMatchObject({ ruleId: "budget-execution", severity: "error", stated: null, difference: "-48.16", location: { line: LINE + 6 } });
    expect(f[0].message).toContain("the final figure is below the budget");
    expect(f[0].message).toContain("决算数大于预算数");
  });

  it("基本持平 is not judged; 与预算数持平 is, beyond the printed figures' rounding", () => {
    expect(check("96.93%", "决算数与预算数基本持平")).toEqual([]);
    expect(check("96.93%", "决算数与预算数持平").map((x) => x.message)).toEqual([expect.stringContaining("决算数与预算数持平")]);
  });
});

/*
 * The wording that prints both budgets (河北's 决算): 年初预算 B0，调整预算 B1，支出决算 X，完成年初预算的 P%，完成调整预算的 Q%.
 * Each percentage is of the budget it names; a wording naming 调整预算数 is judged against B1.
 */
const both = (general: string, item: string, wording = "决算数小于调整预算数") => [
  ...TABLE,
  "第三部分 某区某局2024年度部门决算情况说明",
  "  五、一般公共预算财政拨款支出决算情况说明",
  `  一般公共预算财政拨款支出年初预算1,670.05万元，调整预算1,570.05万元，支出决算1,521.89万元，${general}。`,
  "1、一般公共服务支出（类）财政事务（款）行政运行（项）：年初预算",
  `1,600.00万元，调整预算1,560.05万元，支出决算1,511.89万元，${item}。${wording}的主要原因：人员变化。`,
];
const checkBoth = (general: string, item: string, wording?: string) =>
  runRules(loadLayoutText("final.txt", both(general, item, wording).join("\n"), { template: shanghaiFinal }), [budgetExecution], { tolerance: { kind: "auto" }, lang: "en" });

describe("budget-execution: 年初预算 and 调整预算 in one statement", () => {
  it("passes when each percentage is the 决算 over the budget it names", () => {
    expect(checkBoth("完成年初预算的91.13%，完成调整预算的96.93%", "完成年初预算的94.49%，完成调整预算的96.91%")).toEqual([]);
  });

  it("a wrong 完成年初预算 percentage is judged against the 年初预算, a wrong 完成调整预算 one against the 调整预算", () => {
    const f = checkBoth("完成年初预算的91.31%，完成调整预算的96.93%", "完成年初预算的94.49%，完成调整预算的96.19%");
    expect(f.map((x) => [x.stated, x.computed?.slice(0, 5), x.location.line])).toEqual([
      ["91.31", "91.12", LINE + 3],
      ["96.19", "96.91", LINE + 5],
    ]);
    expect(f[0].message).toContain("÷ the budget: 1,521.89 ÷ 1,670.05");
    expect(f[1].message).toContain("÷ the adjusted budget: 1,511.89 ÷ 1,560.05");
  });

  it("a wording naming 调整预算数 is judged against the 调整预算, one naming 年初预算数 against the 年初预算", () => {
    const ok = "完成年初预算的94.49%，完成调整预算的96.91%";
    const general = "完成年初预算的91.13%，完成调整预算的96.93%";
    expect(checkBoth(general, ok, "决算数小于调整预算数")).toEqual([]);
    expect(checkBoth(general, ok, "决算数小于年初预算数")).toEqual([]);
    const f = checkBoth(general, ok, "决算数大于调整预算数");
    expect(f.map((x) => [x.difference, x.location.line])).toEqual([["-48.16", LINE + 5]]);
    expect(f[0].message).toContain("the adjusted budget is 1,560.05");
    expect(checkBoth(general, ok, "决算数大于年初预算数").map((x) => [x.difference, x.column])).toEqual([["-88.11", "决算数与年初预算数"]]);
  });
});

describe("budget-execution: the 年初预算 printed before the 调整预算 is summed too", () => {
  // Round 54 (the mutation probe on 天津's 决算, whose every 项 prints 年初预算 B0，调整预算 B1，支出决算 X，完成调整预算的 P%):
  // an item's B0 was held by no identity, a typo in it found by nothing. The whole's B0 is at least the Σ of the items'.
  it("fails: an item's 年初预算 above the whole's is an error at the whole's", () => {
    const ok = "完成年初预算的94.49%，完成调整预算的96.91%";
    const f = runRules(loadLayoutText("final.txt", both("完成调整预算的96.93%", ok).join("\n").replace("年初预算1,670.05", "年初预算1,570.05"), { template: shanghaiFinal }), [budgetExecution], { tolerance: { kind: "auto" }, lang: "en" });
    expect(f.map((x) => [x.severity, x.column, x.stated, x.computed, x.location.line])).toEqual([["error", "年初预算", "1570.05", "1600", LINE + 3]]);
  });
});

describe("budget-execution: an item's statement in the paragraph after its name", () => {
  // (天津's wording: the item's name ends with 。 on a line of its own; its statement, naming both budgets, follows.)
  const doc = (pct: string) => [
    ...TABLE,
    "第三部分 某区某局2024年度部门决算情况说明",
    "  五、一般公共预算财政拨款支出决算情况说明",
    "  1.一般公共服务支出（类）财政事务（款）行政运行（项）。",
    `年初预算为1,600.00万元，调整预算为1,560.05万元，支出决算为1,511.89万元，完成调整预算的${pct}。`,
  ];
  const run = (pct: string) => runRules(loadLayoutText("final.txt", doc(pct).join("\n"), { template: shanghaiFinal }), [budgetExecution], { tolerance: { kind: "auto" }, lang: "en" });

  it("is read as the item's, each percentage against the budget it names", () => {
    expect(run("96.91%")).toEqual([]);
    const f = run("99.00%");
    expect(f.map((x) => [x.item, x.stated, x.location.line])).toEqual([["一般公共服务支出-财政事务-行政运行", "99", LINE + 4]]);
  });
});

describe("budget-execution: the “三公”'s 决算 against its budget, without a 三公 table (the text's own figures)", () => {
  const doc = (tail: string) =>
    loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", `  2024年度“三公”经费财政拨款支出预算为343.36万元，支出决算为283.87万元，完成预算的82.68%。${tail}`].join("\n"), { template: shanghaiFinal });
  const run = (tail: string) => runRules(doc(tail), [budgetExecution], { tolerance: { kind: "auto" }, lang: "en" }).map((f) => `${f.severity} ${f.column} ${f.stated ?? "-"} ${f.computed}`);
  it("passes: 决算数小于预算数 · 决算比预算数减少 59.49 万元，下降 17.33%", () => {
    expect(run("2024年度“三公”经费支出决算数小于预算数的主要原因是厉行节约。")).toEqual([]);
    expect(run("“三公”经费支出决算比预算数减少59.49万元，下降17.33%。")).toEqual([]);
  });
  it("fails: 决算数大于预算数, and a change that is not 预算 − 决算", () => {
    expect(run("2024年度“三公”经费支出决算数大于预算数的主要原因是新增任务。")).toEqual(["error 决算数与预算数 - -59.49"]);
    expect(run("“三公”经费支出决算比预算数减少95.49万元。")).toEqual(["error 比预算减少额 95.49 59.49"]);
  });
});
