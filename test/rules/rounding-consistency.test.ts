import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { hierarchySum } from "../../src/rules/hierarchy-sum.js";
import { partOfTotal } from "../../src/rules/part-of-total.js";
import { roundingConsistency } from "../../src/rules/rounding-consistency.js";
import { rowTotal } from "../../src/rules/row-total.js";
import { doc } from "../helpers/docs.js";
import { Decimal } from "decimal.js";

/** A 表3 page: one unit, 206 → 20607 → five 项, with 政府采购 columns (小计 / 中小企业 / 小微企业). */
const table3 = (smeOf2060702: string) => `
表 3
支出总表
部门名称： 测试部门
单位： 万元
预算单位→科目编码→科目名称→支出总计→基本支出→项目支出→2023 年政府采购项目→→
→→→→→→小计→其中：面向中小企业政府采购项目→其中：面向小型、微型企业政府采购项目
测试部门(本级)→→→100→20→80→5→5→0
→206→科学技术支出→100→20→80→5→5→0
→20607→科学技术普及→100→20→80→5→5→0
→2060701→机构运行→20→20→0→0→0→0
→2060702→科普活动→50→0→50→5→${smeOf2060702}→0
→2060703→青少年科技活动→10→0→10→0→0→0
→2060704→学术交流活动→10→0→10→0→0→0
→2060799→其他科学技术普及支出→10→0→10→0→0→0
`;

// The rule judges what the other rules declared, so it runs after them.
const run = (text: string) =>
  runRules(doc(text), [rowTotal, hierarchySum, partOfTotal, roundingConsistency], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.ruleId === "rounding-consistency");

describe("rounding-consistency", () => {
  it("accepts a table whose identities all hold", () => {
    expect(run(table3("5"))).toEqual([]);
  });

  it("rejects figures each sum explains by rounding but no set of true amounts explains together", () => {
    // 20607 中小企业 5 = 0 + 2 + 0 + 0 + 0 is within rounding alone (difference 3, tolerance 3), but it needs
    // every zero at 0.5, so each row's 小计 ≥ 0.5 (其中 ≤ 小计) and the 小计 column cannot add up to 5.
    const f = run(table3("2"));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", withinRounding: false, table: "T3" });
    const lines = [f[0].location.line, ...f[0].related.map((r) => r.line)];
    expect(lines).toContain(11); // the changed 2060702 line (line 11 of the case)
    expect(f[0].message).toMatch(/identities to hold together/);
  });

  it("stays silent with a fixed --tolerance, where intervals do not apply", () => {
    const f = runRules(doc(table3("2")), [hierarchySum, partOfTotal, roundingConsistency], { tolerance: { kind: "fixed", value: new Decimal(3) }, lang: "en" });
    expect(f.filter((x) => x.ruleId === "rounding-consistency")).toEqual([]);
  });
});
