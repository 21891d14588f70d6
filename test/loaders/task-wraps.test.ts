import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { templateByName } from "../../src/templates/index.js";
import { pad, padL } from "../helpers/layout.js";

/*
 * Shenzhen's 表12 部门整体支出绩效目标表 as a PDF prints it from its workbook: a task's name (and content) wrapped
 * over lines of their own around its figures' line, the cells centred vertically. A line of figures with its
 * name wrapped above and below it and no word of its own was no task (a row without a name): its figures
 * were left out of the tasks' sum, and 金额合计 disagreed with it by exactly that much. The pieces of a name are
 * the nearer figures line's; a piece as near to the line above as to the line below, on the line below's
 * side by the page's heights when it has them (a PDF); the name's words and the content's are kept apart by
 * where the content column starts. Content wrapped over lines of their own is the table's, not prose after it.
 */
const row = (name: string, content: string, total = "", fiscal = "") => pad("", 6) + pad(name, 16) + pad(content, 40) + padL(total, 10) + padL(fiscal, 12);
const TABLE = [
  "                    深圳市某局2026年部门预算",
  "",
  "                    表12 部门整体支出绩效目标表",
  "",
  "单位：万元",
  pad("年度主要任务", 6) + pad("任务名称", 16) + pad("主要内容", 40) + padL("总额", 10) + padL("其中：财政拨款", 12) + "  其中：其他资金",
  row("基本支出", "主要用于人员、公用经费", "300", "300"),
  // A name over three lines, its figures on the middle one.
  row("科协组织建", ""),
  row("设与事业发", "科普活动运行管理", "60", "60"),
  row("展", ""),
  // A name over two lines and its content over two, the figures between them on a line of their own.
  row("信息化新建项目（非政", "内控管理系统国产化改造升级，"),
  row("", "", "10", "10"),
  row("府投资项目）", "进一步完善信息化内控管理。"),
  row("办公设备采购", "用于配置办公电脑", "5", "5"),
  // Content over lines of its own (sentences: no prose after the table), the figures — three digits, no
  // 类 code in a table without codes — on a line of their own between them.
  row("科技馆免费开放", "2015年起，中国科协、中宣部、财政部联合实施"),
  row("", "全国科技馆免费开放工作，对列入免费开放试点"),
  row("", "", "420", "420"),
  row("补助资金", "范围的科技馆安排中央补助资金，统筹用于科技"),
  row("", "馆门票减收补助及展品更新补助等方面。"),
  row("金额合计", "", "795", "795"),
].join("\n");

describe("a task table whose names wrap around their figures (表12 from a PDF)", () => {
  const doc = loadLayoutText("tasks.txt", TABLE + "\n", { template: templateByName("shenzhen")! });
  const t12 = doc.tables.find((t) => t.kind === "performance")!;
  const tasks = t12.rows.filter((r) => r.kind === "item");

  it("reads every task once, its name whole and its content apart", () => {
    expect(tasks.map((r) => r.name)).toEqual(["基本支出", "科协组织建设与事业发展", "信息化新建项目（非政府投资项目）", "办公设备采购", "科技馆免费开放补助资金"]);
    expect(tasks[2].cells.content?.text).toBe("内控管理系统国产化改造升级，进一步完善信息化内控管理。");
    expect(tasks[4].cells.content?.text).toBe("2015年起，中国科协、中宣部、财政部联合实施全国科技馆免费开放工作，对列入免费开放试点范围的科技馆安排中央补助资金，统筹用于科技馆门票减收补助及展品更新补助等方面。");
    expect(tasks.map((r) => r.cells.total?.amount?.text)).toEqual(["300", "60", "10", "5", "420"]);
  });

  it("the tasks add up to 金额合计: no error", () => {
    const findings = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
    expect(findings.map((f) => f.message)).toEqual([]);
  });
});
