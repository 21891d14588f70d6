import { describe, expect, it } from "vitest";
import { sortFindings } from "../../src/report.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";
import { checkText } from "../helpers/text.js";

/*
 * Tables of a small department: 深圳市甲协会(本级) 100 = 人员 50 (301) + 公用 10 (302 basic) + 对个人 0 +
 * 项目 40; 乙中心 50 = 人员 40 + 公用 10. 采购 5 + 3 = 8, 三公 2 + 1 = 3, 表12 two projects.
 */
const TABLES = `
表 1
收支总表
单位：万元
收 入→→支 出→
项 目→2023 年预算数→项 目→2023 年预算数
一、政府预算拨款→150→一、科学技术支出→150
本年收入合计→150→本年支出合计→150
收入总计→150→支出总计→150

表 3
支出总表
单位：万元
预算单位→科目编码→科目名称→支出总计→基本支出→项目支出→2023 年政府采购项目→→
→→→→→→小计→其中：面向 中小企业政府 采购项目→其中：面向小型、 微型企业政府 采购项目
深圳市甲协会(本级)→→→100→60→40→5→5→0
→206→科学技术支出→100→60→40→5→5→0
乙中心→→→50→50→0→3→3→0
→206→科学技术支出→50→50→0→3→3→0

表 7
一般公共预算支出表（按功能分类）
单位：万元
预算单位→科目编码→科目名称→支出总计→基本支出→项目支出
深圳市甲协会→→→150→110→40
深圳市甲协会(本级)→→→100→60→40
→206→科学技术支出→100→60→40
乙中心→→→50→50→0
→206→科学技术支出→50→50→0

表 8
一般公共预算支出表（按经济分类）
单位：万元
预算单位→科目编码→科目名称→支出总计→基本支出→项目支出
深圳市甲协会→→→150→110→40
深圳市甲协会(本级)→→→100→60→40
→301→工资福利支出→50→50→0
→302→商品和服务支出→50→10→40
乙中心→→→50→50→0
→301→工资福利支出→40→40→0
→302→商品和服务支出→10→10→0

表 9
一般公共预算“三公”经费支出表
单位：万元
预算单位→年度→总计→因公出国(境)费→公务接待费→公务用车购置及运行维护费→→
→→→→→小计→公务用车购置费→公务用车运行维护费
深圳市甲协会(本级)→2022 年→2→0→1→1→0→1
→2023 年→2→0→1→1→0→1
→增减变化金额→0→0→0→0→0→0
乙中心→2022 年→1→0→1→0→0→0
→2023 年→1→0→1→0→0→0
→增减变化金额→0→0→0→0→0→0

表 12
部门整体支出绩效目标表
单位：万元
部门名称→→甲协会→主管部门→深圳市甲协会→
年度主要任务→任务名称→主要内容→预算金额(万元)→→
→→→总额→其中：财政拨款→其中：其他资金
→基本支出→人员、公用→110→110→
→综合管理（市甲协会本级）→办公→30→30→
→课题调研→调研→10→10→
→金额合计→→150→150
`;

const text = (f: { unitTotal?: string; personnel?: string; project?: string; procurement?: string; reception?: string; keyProject?: string; goals?: string } = {}) => `
## 第二部分 部门预算收支总体情况
2023 年深圳市甲协会部门预算收入 150 万元，比 2022 年增加 10 万元，增长 7%。
## 第三部分 部门预算支出具体情况
### 一、深圳市甲协会(本级)
深圳市甲协会(本级)预算 ${f.unitTotal ?? "100"} 万元，包括人员支出 ${f.personnel ?? "50"} 万元、公用支出 10 万元、对个人和家庭的补助支出 0 万元、项目支出 ${f.project ?? "40"} 万元。
1. 综合管理预算 30 万元，主要包括：办公。与 2022 年预算持平。
2. 课题调研预算 10 万元，主要包括：调研。与 2022 年预算持平。
## 第四部分 政府采购预算情况
深圳市甲协会政府采购项目纳入 2023 年部门预算共计 ${f.procurement ?? "8"} 万元，其中货物采购 8 万元、工程采购 0 万元、服务采购 0 万元。
## 第五部分 一般公共预算“三公”经费预算情况
2023 年“三公”经费预算 3 万元，比 2022 年预算增加 0 万元，增长 0%。
2. 公务接待费。2023 年预算数 ${f.reception ?? "2"} 万元，比 2022 年增加 0 万元。
## 第六部分 部门预算绩效管理情况
所有项目支出预算纳入部门预算绩效管理，涉及预算资金 40 万元，设置并编报 ${f.goals ?? "2"} 个项目绩效目标。
## 第七部分 重点项目预算绩效情况说明
项目名称→预算数（万元）→绩效目标
综合管理 (市甲协会本级)→${f.keyProject ?? "30"}→完成办公。
课题调研→10→完成调研。
## 第八部分 其他需要说明情况
2023年本部门本级机关运行经费财政拨款预算10万元，比 2022 年预算增加 1 万元，增长 11%。
`;

const run = (f: Parameters<typeof text>[0]) => sortFindings(checkText(textVsTable, text(f), TABLES)).map((x) => [x.severity, x.item, x.location.line, x.stated, x.computed]);

const text2 = (f: Parameters<typeof text>[0], operating = "10") => text(f).replace("预算10万元", `预算${operating}万元`);

describe("text-vs-table", () => {
  it("passes a text whose every figure agrees with its table", () => {
    expect(run({})).toEqual([]);
  });

  it("reports 机关运行经费 against the 本级 unit's 302 basic expenditure in 表8", () => {
    const fs = sortFindings(checkText(textVsTable, text2({}, "20"), TABLES));
    expect(fs.map((x) => [x.severity, x.unit, x.item, x.location.line, x.stated, x.computed])).toEqual([["error", "深圳市甲协会(本级)", "机关运行经费", 20, "20", "10"]]);
  });

  it("reads the department's totals in other departments' wording: 本部门 2023 年收入预算 …；支出预算 … and 收支总额均为", () => {
    const worded = (sentence: string) => sortFindings(checkText(textVsTable, text({}).replace("2023 年深圳市甲协会部门预算收入 150 万元，比 2022 年增加 10 万元，增长 7%。", sentence), TABLES)).map((x) => [x.severity, x.item, x.stated, x.computed]);
    expect(worded("本部门 2023 年收入预算 150 万元，比上年增加 10 万元，增长 7%；支出预算 150 万元，比上年增加 10 万元，增长 7%。")).toEqual([]);
    expect(worded("2023 年深圳市甲协会部门预算收支总额均为 150 万元，比 2022 年增加 10 万元，增长 7%。")).toEqual([]);
    // Each side against 表1's 收入总计 / 支出总计: the unsaid 部门 of the second clause too.
    expect(worded("本部门 2023 年收入预算 150 万元，比上年增加 10 万元，增长 7%；支出预算 160 万元，比上年增加 20 万元，增长 14%。")).toEqual([["error", "部门预算支出", "160", "150"]]);
    expect(worded("2023 年深圳市甲协会部门预算收支总额均为 160 万元，比 2022 年增加 10 万元，增长 7%。")).toEqual([
      ["error", "部门预算收入", "160", "150"],
      ["error", "部门预算支出", "160", "150"],
    ]);
  });

  it("reads the count of project goals and its funds in other departments' wording", () => {
    const sentence = "所有项目支出预算纳入部门预算绩效管理，涉及预算资金 40 万元，设置并编报 2 个项目绩效目标。";
    const worded = (s: string) => sortFindings(checkText(textVsTable, text({}).replace(sentence, s), TABLES)).map((x) => [x.severity, x.item, x.stated, x.computed]);
    expect(text({}).includes(sentence)).toBe(true);
    for (const s of ["本部门 2023 年纳入绩效目标管理的项目共 N 个，涉及预算资金 40 万元。", "2023 年本部门编报项目绩效目标 N 个，涉及预算金额 40 万元。", "涉及预算资金 40 万元，设置 N 个项目的绩效目标。"]) {
      expect(worded(s.replace("N", "2")), s).toEqual([]);
      // Against 表12's tasks; the 重点项目 part 7 lists are some of the projects with targets, 2 of 3.
      expect(worded(s.replace("N", "3")), s).toEqual([["error", "项目绩效目标个数", "3", "2"]]);
      // Fewer projects with targets than part 7 lists as 重点项目 (2 > 1): an error too.
      expect(worded(s.replace("N", "1")), s).toEqual([
        ["error", "项目绩效目标个数", "1", "2"],
        ["error", "第七部分所列重点项目数", "2", "1"],
      ]);
    }
  });

  it("compares a unit's figures with tables printed in 元 in the text's 万元: 表3's unit total, 表8's 301, 表12's tasks", () => {
    // (The same tables in 元: every figure ×10000, 单位：元; the codes 206, 301, 302 as they are.)
    const yuan = TABLES.replace(/单位：万元/g, "单位：元").replace(/(?<=→)(\d+)(?=→|$)/gm, (n) => (n === "0" || /^(206|301|302)$/.test(n) ? n : `${n}0000.00`));
    expect(yuan).toContain("深圳市甲协会(本级)→→→1000000.00→600000.00→400000.00");
    const unitFigures = (t: string) => sortFindings(checkText(textVsTable, t, yuan)).filter((f) => f.severity === "error" && f.unit).map((x) => [x.item, x.stated, x.computed]);
    expect(unitFigures(text({}))).toEqual([]);
    expect(unitFigures(text({ unitTotal: "110", personnel: "60" }))).toEqual([
      ["单位预算", "110", "100"],
      ["人员支出", "60", "50"],
    ]);
  });

  it("a unit's 项目支出 is the expenditure table's (every fund), its 对个人和家庭的补助 the 303's basic expenditure", () => {
    // (甲's 5 万元 of 政府性基金 projects: in 表3's 项目支出, not in 表7's; a project's 303 spending: not in its basic 303.)
    const funds = TABLES.replace("深圳市甲协会(本级)→→→100→60→40→5→5→0\n→206→科学技术支出→100→60→40→5→5→0", "深圳市甲协会(本级)→→→105→60→45→5→5→0\n→206→科学技术支出→105→60→45→5→5→0").replace(
      "→302→商品和服务支出→50→10→40\n乙中心",
      "→302→商品和服务支出→50→10→40\n→303→对个人和家庭的补助→6→0→6\n乙中心",
    );
    expect(funds).not.toEqual(TABLES);
    const unitErrors = (t: string) => sortFindings(checkText(textVsTable, t, funds)).filter((f) => f.severity === "error" && f.unit).map((x) => [x.item, x.stated, x.computed]);
    expect(unitErrors(text({ unitTotal: "105", project: "45" }))).toEqual([]);
    expect(unitErrors(text({ unitTotal: "105", project: "40" }))).toEqual([["项目支出", "40", "45"]]);
  });

  it("a 三公 table's 合计 printed over its units is not summed with them", () => {
    const withTotal = TABLES.replace("深圳市甲协会(本级)→2022 年→2→0→1→1→0→1", "深圳市甲协会合计→2022 年→3→0→2→1→0→1\n→2023 年→3→0→2→1→0→1\n→增减变化金额→0→0→0→0→0→0\n深圳市甲协会(本级)→2022 年→2→0→1→1→0→1");
    expect(withTotal).not.toEqual(TABLES);
    const sanggong = (t: string) => sortFindings(checkText(textVsTable, t, withTotal)).filter((f) => f.severity === "error" && /三公|公务接待/.test(f.item ?? "")).map((x) => [x.item, x.stated, x.computed]);
    expect(sanggong(text({}))).toEqual([]);
    expect(sanggong(text({ reception: "12" }))).toEqual([["公务接待费", "12", "2"]]);
  });

  it("reads a unit's sentence broken across a page break, its figure on the next page's first line", () => {
    const broken = text({ personnel: "60" }).replace("包括人员支出 60 万元", "包括人员支出\n\n60 万元");
    const fs = sortFindings(checkText(textVsTable, broken, TABLES));
    expect(fs.map((x) => [x.severity, x.item, x.location.line, x.location.column, x.stated, x.computed])).toEqual([["error", "人员支出", 7, 1, "60", "50"]]);
  });

  // Each failing case: the figure changed in the text, and the errors expected (item, line, stated, what the table says).
  it.each([
    // (Against 表3's unit total, every fund; 表7's is the 一般公共预算's only, compared where 表3 prints none.)
    ["a unit total differing from 表3", { unitTotal: "110" }, [["单位预算", 5, "110", "100"]]],
    ["人员支出 vs 表8 301 and 项目支出 vs 表7 项目支出", { personnel: "60", project: "30" }, [["人员支出", 5, "60", "50"], ["项目支出", 5, "30", "40"]]],
    ["政府采购 vs 表3's 政府采购小计 and 三公 vs 表9", { procurement: "18", reception: "12" }, [["政府采购", 9, "18", "8"], ["公务接待费", 12, "12", "2"]]],
    [
      "a 第七部分 amount vs 第三部分, and the count of project goals vs 表12 (at least 第七部分's 重点项目)",
      { keyProject: "40", goals: "3" },
      [["项目绩效目标个数", 14, "3", "2"], ["综合管理 (市甲协会本级)", 17, "40", "30"]],
    ],
  ] as const)("reports %s", (_, change, expected) => {
    expect(run(change)).toEqual(expected.map((e) => ["error", ...e]));
  });
});
