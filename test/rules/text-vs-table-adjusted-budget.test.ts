import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";

/*
 * A 决算's 一般公共预算财政拨款支出决算表 printing 年初预算数 | 调整预算数 | 决算数 (合计 · 基本支出 · 项目支出), and its 情况说明
 * stating each item's 年初预算, 调整后预算 and 决算 (黑龙江's: 年初预算为 B0 万元，调整后预算为 B1 万元，支出决算为 X 万元，完成
 * 调整后预算的 P%). The 决算 and the 年初预算 were checked against the row; the 调整后预算 was not, so a 调整预算数 retyped in
 * the table (or in the text) was found by its 款's sum alone, the diagnosis unable to tell which 项 (round 52's probe).
 */
const TABLE = [
  "                一般公共预算财政拨款支出决算表",
  "                                                                             单位：万元",
  "     科目编码            科目名称           年初预算数    调整预算数            决算数",
  "类    款    项                                                       合计       基本支出     项目支出",
  "201              一般公共服务支出          1,500.00      1,560.00    1,521.89    1,511.89      10.00",
  "201   06          财政事务                1,500.00      1,560.00    1,521.89    1,511.89      10.00",
  "201   06   01     行政运行                1,490.00      1,540.00    1,511.89    1,511.89",
  "201   06   02     一般行政管理事务           10.00         20.00       10.00                  10.00",
  "                  合计                  1,500.00      1,560.00    1,521.89    1,511.89      10.00",
];
const text = (total: string, item: string) => [
  "第三部分 某局2024年度部门决算情况说明",
  "  五、一般公共预算财政拨款支出决算情况说明",
  "  （三）一般公共预算财政拨款支出决算具体情况",
  `  2024年度一般公共预算财政拨款支出年初预算为1500.00万元，调整后预算为${total}万元，支出决算为1521.89万元，完成调整后预算的97.56%。其中：`,
  "  1.一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为1490.00万元，调整后预算为1540.00万元，支出决算为1511.89万元，完成调整后预算的98.17%。",
  `  2.一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。年初预算为10.00万元，调整后预算为${item}万元，支出决算为10.00万元，完成调整后预算的50.00%。`,
];
const judged = (total: string, item: string) =>
  runRules(loadLayoutText("决算.txt", ["某局2024年度部门决算", ...TABLE, ...text(total, item)].join("\n") + "\n"), [textVsTable], { tolerance: { kind: "auto" }, lang: "en" })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.item} ${f.stated} ${f.computed}`);

describe("a 决算's 调整后预算 against the table's 调整预算数", () => {
  it("agrees: no error", () => expect(judged("1560.00", "20.00")).toEqual([]));

  it("fails: an item's 调整后预算, and the whole's, the table does not print", () => {
    expect(judged("1560.00", "21.00")).toEqual(["一般公共服务支出-财政事务-一般行政管理事务 调整预算 21 20"]);
    expect(judged("1506.00", "20.00")).toEqual([expect.stringMatching(/调整预算 1506 1560$/)]);
  });
});
