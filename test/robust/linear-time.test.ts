import { describe, expect, it } from "vitest";
import { extractClaims } from "../../src/claims/extract.js";
import { runRules } from "../../src/engine/run.js";
import type { Row } from "../../src/model/document.js";
import { codeChildren } from "../../src/model/queries.js";
import { rules } from "../../src/rules/index.js";
import { codeName } from "../../src/rules/code-name.js";
import { doc } from "../helpers/docs.js";
import { classified } from "../helpers/tables.js";

// Issue 12, defect 5: every step linear or n log n. The bounds are generous (a busy 2-core machine
// does each of these in a few seconds) yet far below what the quadratic code took on the same input
// (50,000 rows under one code: 86 s; 100,000 lines of text: 20 s), so they separate the two.
const seconds = (f: () => void) => {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
};

function oneCode(n: number, name = (_i: number) => "机构运行"): string {
  const rows = [`甲单位→→→${n}→${n}→0`, `→206→科学技术支出→${n}→${n}→0`, `→20607→科学技术普及→${n}→${n}→0`];
  for (let i = 0; i < n; i++) rows.push(`→2060701→${name(i)}→1→1→0`);
  return classified(7, rows.join("\n"));
}

describe("time is linear in the size of the input", () => {
  it("codeChildren: 200,000 children of one code", () => {
    const rows = [{ code: "20607" }, ...Array.from({ length: 200_000 }, () => ({ code: "2060701" }))] as Row[];
    let kids = 0;
    expect(seconds(() => (kids = codeChildren(rows).get(rows[0])!.length))).toBeLessThan(5);
    expect(kids).toBe(200_000);
  });

  it("every rule on 50,000 rows under one code (hierarchy-sum's related locations, code-name)", { timeout: 120_000 }, () => {
    const d = doc(oneCode(50_000, (i) => (i % 2 ? "机构运行" : "机构运行费")));
    let findings = 0;
    expect(seconds(() => (findings = runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).length))).toBeLessThan(40);
    expect(findings).toBeGreaterThanOrEqual(25_000); // half the rows bear the odd name (code-name)
    const cn = runRules(d, [codeName], { tolerance: { kind: "auto" }, lang: "en" });
    expect(cn[0].related.length).toBeLessThanOrEqual(20);
  });

  it("extractClaims: 200,000 lines of one written part", { timeout: 120_000 }, () => {
    const lines = ["# 2023年度甲部门部门预算", "第三部分 2023 年部门支出预算情况说明"];
    for (let k = 0; k < 200_000; k++) lines.push(k % 2 ? `说明第${k}行，本项经费用于日常工作。` : "继续说明");
    lines.push("表 7", "一般公共预算支出表（按功能分类）", "单位：万元", "预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出", "甲单位\t\t\t1\t1\t0");
    const d = doc(lines.join("\n"));
    let paragraphs = 0;
    expect(seconds(() => (paragraphs = extractClaims(d).paragraphs.length))).toBeLessThan(20);
    expect(paragraphs).toBe(100_000);
  });
});
