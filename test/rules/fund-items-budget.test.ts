import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";

/*
 * A 部门预算's 政府性基金 section naming the rows of its table under the fund's spending (吉林's: 政府性基金预算拨款支出 X 万元，
 * 比2024年增加 D 万元，增长 P%，主要原因是…。其中：国家重大水利工程建设基金安排的支出 a 万元，大中型水库库区基金安排的支出 b 万元).
 * A 决算's such list was read (fund-item) and checked against the fund's table; a 预算's was not, so a part retyped passed.
 */
const TABLE = [
  "                          政府性基金预算支出表",
  "                                                                         单位：万元",
  "     科目编码            科目名称                              合计        基本支出      项目支出",
  "213              农林水支出                                 2,964.50                    2,964.50",
  "213   69          国家重大水利工程建设基金安排的支出           2,531.40                    2,531.40",
  "213   69   03     地方重大水利工程建设                       2,531.40                    2,531.40",
  "213   66          大中型水库库区基金安排的支出                  433.10                      433.10",
  "213   66   01     基础设施建设和经济发展                       433.10                      433.10",
  "                  合计                                     2,964.50                    2,964.50",
];
const text = (a: string, b: string) => [
  "第三部分 吉林省某厅2025年部门预算情况说明",
  "八、关于吉林省某厅2025年政府性基金预算支出情况的说明",
  `    吉林省某厅2025年政府性基金预算拨款支出2964.50万元，比2024年增加345.66万元，增长13.20%，主要原因是工程建设进入收尾阶段。其中：国家重大水利工程建设基金安排的支出${a}万元，大中型水库库区基金安排的支出${b}万元。`,
];
const doc = (a: string, b: string) => loadLayoutText("预算.txt", ["吉林省某厅2025年部门预算", ...text(a, b), "", ...TABLE].join("\n") + "\n");
const judged = (a: string, b: string) =>
  runRules(doc(a, b), [textVsTable], { tolerance: { kind: "auto" }, lang: "en" })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.code} ${f.stated} ${f.computed}`);

describe("a 部门预算's 政府性基金 spending by its table's rows", () => {
  it("is read: each part a fund-item of the row it names", () => {
    const items = claimsOf(doc("2531.40", "433.10")).claims.flatMap((c) => (c.kind === "fund-item" ? [`${c.fund} ${c.name} ${c.amount.text}`] : []));
    expect(items).toEqual(["gov-fund 国家重大水利工程建设基金安排的支出 2531.40", "gov-fund 大中型水库库区基金安排的支出 433.10"]);
  });

  it("agrees: no error; fails: a part its row does not print", () => {
    expect(judged("2531.40", "433.10")).toEqual([]);
    expect(judged("2531.40", "433.01")).toEqual(["21366 433.01 433.1"]);
  });
});
