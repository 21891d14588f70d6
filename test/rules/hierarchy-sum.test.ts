import { hierarchySum } from "../../src/rules/hierarchy-sum.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { runCases } from "../helpers/cases.js";
import { docAsRead } from "../helpers/docs.js";
import { classified, pages, t12, twoSided } from "../helpers/tables.js";

// 表8 with a 部门名称 line: department row on line 6, unit on 7, 301 on 8 (30101 on 9, 30102 on 10), 302 on 11 (30201 on 12).
const T8 = ({ dept = "某部门→→→30→20→10", unit = "甲单位→→→30→20→10", c301 = "20→20→0", c30102 = "8→8→0" } = {}) =>
  classified(8, [dept, unit, `→301→工资福利支出→${c301}`, "→30101→基本工资→12→12→0", `→30102→津贴补贴→${c30102}`, "→302→商品和服务支出→10→0→10", "→30201→办公费→10→0→10"].join("\n"), "某部门");

// 表1 (lines 1–12) whose expenditure items are printed by name, then 表7 (from line 13) that names their codes.
// 表1: 政府预算拨款 / 科学技术支出 on line 6, 一般公共预算拨款 / 科学技术普及 on 7, 机构运行 on 8, 科普活动 on 9,
// 本年收入合计 / 本年支出合计 on 10.
const T1 = ({ gov = "100", jigou = "60", kepu = "40", expSub = "100" } = {}) =>
  pages(
    twoSided(
      1,
      [
        `一、政府预算拨款→${gov}→一、科学技术支出→100`,
        "1. 一般公共预算拨款→100→科学技术普及→100",
        `2. 政府性基金预算拨款→0→机构运行→${jigou}`,
        `3. 国有资本经营预算拨款→0→科普活动→${kepu}`,
        `本年收入合计→100→本年支出合计→${expSub}`,
        "上年结余、结转→0→结转下年→0",
        "收入总计→100→支出总计→100",
      ].join("\n"),
    ),
    classified(7, ["甲单位→→→100→60→40", "→206→科学技术支出→100→60→40", "→20607→科学技术普及→100→60→40", "→2060701→机构运行→60→60→0", "→2060702→科普活动→40→0→40"].join("\n")),
  );

// 表12: 基本支出 on line 6, 科普活动 on 7, 金额合计 on 8 (printed without its leading empty cell, as in the seed).
const T12 = (total: string) => t12(["→基本支出→人员经费→100→100→", "→科普活动→科普讲座→50→50→", `金额合计→→${total}→150`].join("\n"));

runCases(hierarchySum, {
  accept: [
    { name: "表8: 301 = 30101 + 30102, unit = 301 + 302, department = units", text: T8() },
    { name: "表1: 类 = 款 = Σ 项 (codes from 表7's names), 政府预算拨款 = its three kinds, 本年合计 = Σ top items", text: T1() },
    { name: "表12: 金额合计 = Σ tasks", text: T12("150") },
  ],
  reject: [
    {
      // 20 vs 12 + 7 = 19: the parent may be ½ lower, each child ½ higher → 1.5, in 支出总计 and 基本支出.
      name: "表8 301 20 ≠ 12 + 7, within rounding",
      text: T8({ c30102: "7→7→0" }),
      findings: [
        { severity: "info", stated: "20", computed: "19", difference: "1", tolerance: "1.5", line: 8, table: "T8", unit: "甲单位", code: "301", item: "工资福利支出", column: "支出总计", related: [9, 10] },
        { severity: "info", stated: "20", computed: "19", difference: "1", tolerance: "1.5", line: 8, column: "基本支出" },
      ],
    },
    {
      name: "表8 301 20 ≠ 12 + 4, beyond rounding",
      text: T8({ c30102: "4→4→0" }),
      findings: [
        { severity: "error", stated: "20", computed: "16", difference: "4", tolerance: "1.5", line: 8, code: "301", column: "支出总计" },
        { severity: "error", stated: "20", computed: "16", difference: "4", tolerance: "1.5", line: 8, code: "301", column: "基本支出" },
      ],
    },
    {
      // 31 vs 20 + 10; 项目支出 11 vs 0 + 10 (the printed 0 may be ½ higher) → 1.5 each. The department (31) = the unit.
      name: "表8 unit 31 ≠ its top-level codes 20 + 10, within rounding",
      text: T8({ dept: "某部门→→→31→20→11", unit: "甲单位→→→31→20→11" }),
      findings: [
        { severity: "info", stated: "31", computed: "30", difference: "1", tolerance: "1.5", line: 7, unit: "甲单位", code: null, column: "支出总计", related: [8, 11] },
        { severity: "info", stated: "11", computed: "10", difference: "1", tolerance: "1.5", line: 7, column: "项目支出" },
      ],
    },
    {
      // 33 vs 30: ½ + ½ = 1.
      name: "表8 department 33 ≠ its one unit 30, beyond rounding",
      text: T8({ dept: "某部门→→→33→20→13" }),
      findings: [
        { severity: "error", stated: "33", computed: "30", difference: "3", tolerance: "1", line: 6, unit: null, item: "某部门", column: "支出总计", related: [7] },
        { severity: "error", stated: "13", computed: "10", difference: "3", tolerance: "1", line: 6, column: "项目支出" },
      ],
    },
    {
      // 科学技术普及 (20607) 100 vs 机构运行 61 + 科普活动 40; 科学技术支出 (206) 100 = 100 still holds.
      name: "表1 款 科学技术普及 100 ≠ 61 + 40, within rounding",
      text: T1({ jigou: "61" }),
      findings: [{ severity: "info", stated: "100", computed: "101", difference: "-1", tolerance: "1.5", line: 7, table: "T1", code: "20607", item: "科学技术普及", column: "预算数", related: [8, 9] }],
    },
    {
      name: "表1 款 科学技术普及 100 ≠ 60 + 44, beyond rounding",
      text: T1({ kepu: "44" }),
      findings: [{ severity: "error", stated: "100", computed: "104", difference: "-4", tolerance: "1.5", line: 7, code: "20607" }],
    },
    {
      // 本年支出合计 102 vs the one 类 100: ½ + ½ = 1.
      name: "表1 本年支出合计 102 ≠ Σ 类 100",
      text: T1({ expSub: "102" }),
      findings: [{ severity: "error", stated: "102", computed: "100", difference: "2", tolerance: "1", line: 10, item: "本年支出合计", code: null }],
    },
    {
      // 政府预算拨款 104 vs 100 + 0 + 0: ½ + ½ + ½ + ½ (printed 0s may go up) = 2; 本年收入合计 100 vs 104: ½ + ½ = 1.
      name: "表1 政府预算拨款 104 ≠ its three kinds, and 本年收入合计 ≠ it",
      text: T1({ gov: "104" }),
      findings: [
        { severity: "error", stated: "104", computed: "100", difference: "4", tolerance: "2", line: 6, item: "政府预算拨款", related: [7, 8, 9] },
        { severity: "error", stated: "100", computed: "104", difference: "-4", tolerance: "1", line: 10, item: "本年收入合计", related: [6] },
      ],
    },
    {
      // 151 vs 100 + 50: ½ + ½ + ½ = 1.5; 财政拨款 150 = 150 holds.
      name: "表12 金额合计 151 ≠ 100 + 50, within rounding",
      text: T12("151"),
      findings: [{ severity: "info", stated: "151", computed: "150", difference: "1", tolerance: "1.5", line: 8, table: "T12", item: "金额合计", column: "总额", related: [6, 7] }],
    },
    {
      name: "表12 金额合计 155 ≠ 100 + 50, beyond rounding",
      text: T12("155"),
      findings: [{ severity: "error", stated: "155", computed: "150", difference: "5", tolerance: "1.5", line: 8 }],
    },
    {
      // A department that is its own only budget unit: the first row is the 部门名称, its codes follow directly
      // (lines 6–9). 301 20 vs 12 + 4 = 16: ½ × 3.
      name: "a single-unit department (部门名称 row, then its codes): 301 20 ≠ 12 + 4",
      text: classified(8, "某部门→→→20→20→0\n→301→工资福利支出→20→20→0\n→30101→基本工资→12→12→0\n→30102→津贴补贴→4→4→0", "某部门"),
      findings: [
        { severity: "error", stated: "20", computed: "16", difference: "4", tolerance: "1.5", line: 7, unit: null, code: "301", column: "支出总计", related: [8, 9] },
        { severity: "error", stated: "20", computed: "16", difference: "4", tolerance: "1.5", line: 7, unit: null, code: "301", column: "基本支出" },
      ],
    },
  ],
});

// A list of projects by budget unit (杭州's 项目支出预算表: 单位名称 | 项目名称 | amounts), read by kind as the CLI
// reads such a text, beside a 收支总表 and a 支出总表 (lines 1–11). 合计 on line 15, the projects on 16 and 17.
const docLines = (...ls: string[]) => ls.join("\n");
const projects = (total = "160", first = "100→90→10") =>
  docLines(
    "部门收支总表", "单位：万元", "收入项目→预算数→支出项目→预算数", "一、一般公共预算拨款收入→140→一、科学技术支出→160", "二、单位资金→20→→", "收入总计→160→支出总计→160",
    "部门支出总表", "单位：万元", "科目编码→科目名称→合计→基本支出→项目支出", "→合计→160→0→160", "206→科学技术支出→160→0→160",
    "项目支出预算表", "单位：万元", "单位名称→项目名称→合计→一般公共预算→单位资金", `→合计→${total}→140→20`, `甲单位→信息系统运维→${first}`, "乙单位→科普活动→60→50→10",
  );

// The same list with each unit's subtotal line above its projects (lines 15–20): 合计 on 15, 甲单位 on 16 (its
// projects on 17 and 18), 乙单位 on 19 (its project on 20).
const byUnits = (unit = "100→90→10") =>
  docLines(
    "部门收支总表", "单位：万元", "收入项目→预算数→支出项目→预算数", "一、一般公共预算拨款收入→140→一、科学技术支出→160", "二、单位资金→20→→", "收入总计→160→支出总计→160",
    "部门支出总表", "单位：万元", "科目编码→科目名称→合计→基本支出→项目支出", "→合计→160→0→160", "206→科学技术支出→160→0→160",
    "项目支出预算表", "单位：万元", "单位名称→项目名称→合计→一般公共预算→单位资金", "→合计→160→140→20", `甲单位→→${unit}`, "→信息系统运维→70→60→10", "→设备购置→30→30→0", "乙单位→→60→50→10", "→科普活动→60→50→10",
  );

runCases(
  hierarchySum,
  {
    accept: [
      { name: "a list of projects: 合计 = Σ the projects, in each column", text: projects() },
      { name: "a list of projects under their units' lines: unit = Σ its projects, 合计 = Σ units", text: byUnits() },
    ],
    reject: [
      {
        // A project of 103 = 93 + 10 (its row adds up): 合计 160 vs 103 + 60 and 140 vs 93 + 50; ½ × 3 each.
        name: "a list of projects: 合计 ≠ Σ the projects where one project was changed whole",
        text: projects("160", "103→93→10"),
        findings: [
          { severity: "error", stated: "160", computed: "163", difference: "-3", tolerance: "1.5", line: 15, table: "T16", item: "合计", column: "合计", related: [16, 17] },
          { severity: "error", stated: "140", computed: "143", difference: "-3", tolerance: "1.5", line: 15, column: "一般公共预算" },
        ],
      },
      {
        // 甲单位 104 = 94 + 10 (its row adds up) vs its projects 70 + 30; and 合计 160 vs the units 104 + 60 (½ × 3 each).
        name: "a list of projects under their units' lines: a unit's line ≠ Σ its projects",
        text: byUnits("104→94→10"),
        findings: [
          { severity: "error", stated: "160", computed: "164", difference: "-4", tolerance: "1.5", line: 15, item: "合计", column: "合计", related: [16, 19] },
          { severity: "error", stated: "140", computed: "144", difference: "-4", tolerance: "1.5", line: 15, column: "一般公共预算" },
          { severity: "error", stated: "104", computed: "100", difference: "4", tolerance: "1.5", line: 16, unit: "甲单位", item: "甲单位", column: "合计", related: [17, 18] },
          { severity: "error", stated: "94", computed: "90", difference: "4", tolerance: "1.5", line: 16, column: "一般公共预算" },
        ],
      },
    ],
  },
  docAsRead,
);

// A 支出总表 printed by name only, its 类 / 款 / 项 told by indentation (杭州), as pdftotext -layout prints it:
// 合计 on line 4, 科学技术支出 on 5 (技术研究与开发 on 6; 机构运行 on 7, 科技成果转化与扩散 on 8), 卫生健康支出 on 9
// (行政事业单位医疗 on 10; 行政单位医疗 on 11).
const byIndent = ({ lei = "160.00", jigou = "60.00" } = {}) =>
  [
    "                2026年部门支出预算总表",
    "部门名称：某某局                                   单位：万元",
    "科目名称                     合计        基本支出        项目支出",
    "合计                          260.00         60.00          200.00",
    `科学技术支出                  ${lei}         60.00          100.00`,
    " 技术研究与开发               160.00         60.00          100.00",
    `  机构运行                     ${jigou}         60.00`,
    "  科技成果转化与扩散          100.00                        100.00",
    "卫生健康支出                  100.00                        100.00",
    " 行政事业单位医疗             100.00                        100.00",
    "  行政单位医疗                100.00                        100.00",
  ].join("\n");

runCases(
  hierarchySum,
  {
    accept: [{ name: "a table by name only: 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类 by the rows' indentation", text: byIndent() }],
    reject: [
      {
        // 机构运行 63 (its row does not add up: row-total's) against its 款 技术研究与开发 160 = 63 + 100.
        name: "a table by name only: a 项 that does not add up to its 款",
        text: byIndent({ jigou: "63.00" }),
        findings: [{ severity: "error", stated: "160", computed: "163", difference: "-3", tolerance: "0.015", line: 6, table: "T3", item: "技术研究与开发", column: "合计", related: [7, 8] }],
      },
      {
        // 科学技术支出 163 against its 款 (160) and against 合计 260 = 163 + 100.
        name: "a table by name only: a 类 against its 款 and against 合计",
        text: byIndent({ lei: "163.00" }),
        findings: [
          { severity: "error", stated: "260", computed: "263", difference: "-3", tolerance: "0.015", line: 4, item: "合计", column: "合计", related: [5, 9] },
          { severity: "error", stated: "163", computed: "160", difference: "3", tolerance: "0.01", line: 5, item: "科学技术支出", column: "合计", related: [6] },
        ],
      },
    ],
  },
  (text) => loadLayoutText("by-indent.txt", text),
);

// A 收支总表 whose 单位资金 line is printed above its own income, numbered under it (江苏: 三、单位资金收入 /
// 1.事业收入 / 2.其他收入), as pdftotext lays it out: 单位资金收入 on line 7, 事业收入 on 8, 本年收入合计 on 10. Its
// parts were also counted in 本年收入合计 beside it (a false error of 80).
const side = (l: string, a: string, r: string, b: string) => `${l.padEnd(22, "　")}${a.padStart(10)}    ${r.padEnd(16, "　")}${b.padStart(10)}`;
const unitFunds = (business = "80.00") =>
  [
    "                    部门收支总表",
    "部门名称：某办公室                                        单位：万元",
    "            收    入                                    支    出",
    "    项    目                  预算数            项    目                预算数",
    side("一、一般公共预算拨款收入", "2,829.83", "一、一般公共服务支出", "2,202.91"),
    side("二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "706.92"),
    side("三、单位资金收入", "80.00", "", ""),
    side("  1.事业收入", business, "", ""),
    side("  2.其他收入", "", "", ""),
    side("    本年收入合计", "2,909.83", "    本年支出合计", "2,909.83"),
    side("    收 入 总 计", "2,909.83", "    支 出 总 计", "2,909.83"),
  ].join("\n") + "\n";

runCases(
  hierarchySum,
  {
    accept: [{ name: "a 收支总表: 单位资金 = Σ the income under it, 本年收入合计 = Σ top-level items (not those under 单位资金)", text: unitFunds() }],
    reject: [
      {
        name: "a 收支总表: 单位资金 ≠ Σ the income numbered under it",
        text: unitFunds("70.00"),
        findings: [{ severity: "error", stated: "80", computed: "70", difference: "10", tolerance: "0.01", line: 7, table: "T1", item: "单位资金收入", related: [8] }],
      },
    ],
  },
  (text) => loadLayoutText("summary.txt", text),
);
