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

/*
 * 北京's 项目支出绩效目标表: a project's 单位名称, 项目名称, 预算金额 and 年度绩效目标 merged down over its indicator rows
 * (一级指标 | 二级指标 | 三级指标 | 指标值), as a sheet's cells or its CSV print it: the project's cells on its first
 * row, blank below (or, `filled`, printed again on every indicator row, the sheet unmerged and filled). The same
 * 收支总表, 支出总表 and list as above (lines 1–17), the form from line 18: its projects on 21 and 24.
 */
const beijingForm = (first = "100", filled = false, list = true, projects = "160") => {
  const again = (unit: string, name: string, amount: string, target: string) => (filled ? `${unit}→${name}→${amount}→${target}` : "→→→");
  return docLines(
    "部门收支总表", "单位：万元", "收入项目→预算数→支出项目→预算数", "一、一般公共预算拨款收入→140→一、科学技术支出→160", "二、单位资金→20→→", "收入总计→160→支出总计→160",
    "部门支出总表", "单位：万元", "科目编码→科目名称→合计→基本支出→项目支出", `→合计→160→0→${projects}`, `206→科学技术支出→160→0→${projects}`,
    ...(list
      ? ["项目支出预算表", "单位：万元", "单位名称→项目名称→合计→一般公共预算→单位资金", "→合计→160→140→20", "甲单位→信息系统运维→100→90→10", "乙单位→科普活动→60→50→10"]
      : ["", "", "", "", "", ""]),
    "项目支出绩效目标表", "单位：万元", "单位名称→项目名称→预算金额→年度绩效目标→一级指标→二级指标→三级指标→指标值",
    `甲单位→信息系统运维→${first}→系统全年稳定运行→产出指标→数量指标→运维系统数→12`,
    `${again("甲单位", "信息系统运维", first, "系统全年稳定运行")}→效益指标→社会效益指标→故障响应时间（小时）→24`,
    `${again("甲单位", "信息系统运维", first, "系统全年稳定运行")}→满意度指标→服务对象满意度指标→用户满意度→90`,
    "乙单位→科普活动→60→开展科普活动→产出指标→数量指标→活动场次→300",
    `${again("乙单位", "科普活动", "60", "开展科普活动")}→满意度指标→服务对象满意度指标→参与者满意度→95`,
  );
};

runCases(
  performanceVsProjects,
  {
    accept: [
      { name: "北京's form, its cells merged down: each project's 预算金额 is the list's", text: beijingForm() },
      { name: "北京's form filled down: each project's 预算金额 read once, the list's", text: beijingForm("100", true) },
      { name: "no list naming the projects: together they are the 支出总表's 项目支出", text: beijingForm("100", false, false) },
      { name: "no list: together less than the 项目支出 (a form may list only some projects)", text: beijingForm("100", false, false, "200") },
    ],
    reject: [
      {
        // 106 for 100: the list's 甲单位 信息系统运维 prints 100 (line 16).
        name: "北京's form: a project's 预算金额 retyped",
        text: beijingForm("106"),
        findings: [{ severity: "error", stated: "106", computed: "100", difference: "6", tolerance: "1", line: 21, table: "T18", unit: "甲单位", item: "信息系统运维", column: "合计", related: [16] }],
      },
      {
        // No list: 106 + 60 = 166 > 160, the 支出总表's 项目支出 (line 10).
        name: "no list: a project's 预算金额 retyped above the 项目支出",
        text: beijingForm("106", false, false),
        findings: [{ severity: "error", stated: "160", computed: "166", difference: "-6", tolerance: "1.5", line: 10, table: "T3", item: "合计", column: "项目支出", related: [21, 24] }],
      },
    ],
  },
  docAsRead,
);

it("reads 北京's form as its projects, once each, the indicators' figures (指标值 12, 24, 90 …) none of theirs", () => {
  for (const filled of [false, true]) {
    const doc = docAsRead(beijingForm("100", filled));
    const t = doc.tables.find((x) => x.kind === "project-performance");
    expect(t?.rows.map((r) => [r.kind, r.unit, r.name, r.cells.total?.text, r.location.line]), `filled: ${filled}`).toEqual([
      ["item", "甲单位", "信息系统运维", "100", 21],
      ["item", "乙单位", "科普活动", "60", 24],
    ]);
    expect(doc.unknownTables ?? []).toEqual([]);
  }
});
