import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { rules } from "../../src/rules/index.js";
import { docAsRead } from "../helpers/docs.js";

/*
 * A budget system's export prints each 科目名称 after its code in brackets ([2010501]行政运行), beside its code
 * column. The bracket stayed in the name: every code's name differed from the same code's name in the other
 * tables (code-name, 30 warnings on one workbook).
 */
const tables = (lei = "100") =>
  [
    "部门支出总表",
    "单位：万元",
    "科目编码→科目名称→合计→基本支出→项目支出",
    `→合计→${lei}→60→40`,
    `201→[201]一般公共服务支出→${lei}→60→40`,
    "20103→【20103】政府办公厅（室）及相关机构事务→100→60→40",
    "2010301→[2010301]行政运行→60→60→0",
    "2010302→[2010302]一般行政管理事务→40→0→40",
  ].join("\n");

const findings = (text: string) => runRules(docAsRead(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity !== "info");

describe("科目名称 printed after their code in brackets", () => {
  it("are read as the code's row and name, no finding", () => {
    const d = docAsRead(tables());
    const t = d.tables.find((x) => x.kind === "expenditure")!;
    expect(t.rows.filter((r) => r.kind === "code").map((r) => `${r.code} ${r.name}`)).toEqual(["201 一般公共服务支出", "20103 政府办公厅（室）及相关机构事务", "2010301 行政运行", "2010302 一般行政管理事务"]);
    expect(findings(tables())).toEqual([]);
  });

  it("fails: a 类 that its 款 do not make is an error at its row", () => {
    const fs = findings(tables("110")).filter((f) => f.ruleId === "hierarchy-sum");
    expect(fs.map((f) => f.code)).toContain("201");
  });
});
