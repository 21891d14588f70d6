import { expect, it } from "vitest";
import { performanceVsProjects } from "../../src/rules/performance-vs-projects.js";
import { runCases } from "../helpers/cases.js";
import { check, docAsRead } from "../helpers/docs.js";

/*
 * 杭州's form: a list of projects by budget unit (项目支出预算表: 单位名称 | 项目名称 | amounts) and the same projects
 * again with their 金额 and 绩效目标 (项目支出绩效表), read by kind as the CLI reads such a text, beside a 收支总表 and a
 * 支出总表 (lines 1–11). The list: 合计 on 15, the projects on 16 and 17; the targets: the projects on 21 and 22.
 */
const docLines = (...ls: string[]) => ls.join("\n");
const withTargets = (first = "100", second = "60", secondName = "科普活动", total: string | null = null) =>
  docLines(
    "部门收支总表", "单位：万元", "收入项目→预算数→支出项目→预算数", "一、一般公共预算拨款收入→140→一、科学技术支出→160", "二、单位资金→20→→", "收入总计→160→支出总计→160",
    "部门支出总表", "单位：万元", "科目编码→科目名称→合计→基本支出→项目支出", "→合计→160→0→160", "206→科学技术支出→160→0→160",
    "项目支出预算表", "单位：万元", "单位名称→项目名称→合计→一般公共预算→单位资金", "→合计→160→140→20", "甲单位→信息系统运维→100→90→10", "乙单位→科普活动→60→50→10",
    "项目支出绩效表", "单位：万元", "单位名称→项目名称→金额→绩效目标",
    `甲单位→信息系统运维→${first}→系统全年稳定运行，故障响应不超过 24 小时。`, `乙单位→${secondName}→${second}→开展科普活动 300 场。`,
    ...(total ? [`→合计→${total}→`] : []),
  );

runCases(
  performanceVsProjects,
  {
    accept: [
      { name: "each project's 金额 is the list's 合计 for the same unit and name", text: withTargets() },
      { name: "and a 合计 printed under the projects is the list's", text: withTargets("100", "60", "科普活动", "160") },
    ],
    reject: [
      {
        // 106 for 100: the list's 甲单位 信息系统运维 prints 100 (line 16).
        name: "a project's 金额 retyped",
        text: withTargets("106"),
        findings: [{ severity: "error", stated: "106", computed: "100", difference: "6", tolerance: "1", line: 21, table: "T18", unit: "甲单位", item: "信息系统运维", related: [16] }],
      },
      {
        name: "a project the list does not print is noted, not compared",
        text: withTargets("100", "65", "科普宣传"),
        findings: [{ severity: "info", withinRounding: false, stated: null, computed: null, difference: null, tolerance: null, line: 22, table: "T18", unit: "乙单位", item: "科普宣传" }],
      },
    ],
  },
  docAsRead,
);

it("reads both lists as the kinds they are, the targets' words left out", () => {
  const doc = docAsRead(withTargets());
  const t = doc.tables.find((x) => x.kind === "project-performance");
  expect(t?.rows.map((r) => [r.kind, r.unit, r.name, r.cells.total?.text])).toEqual([
    ["item", "甲单位", "信息系统运维", "100"],
    ["item", "乙单位", "科普活动", "60"],
  ]);
  expect(check(performanceVsProjects, withTargets(), "en", docAsRead)).toEqual([]);
});
