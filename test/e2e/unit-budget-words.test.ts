import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A unit's budget sentence in 第三部分 lists the budget's parts. The seed writes 深圳市科学馆预算 2,320 万元，包括人员支出
 * 964 万元、公用支出 275 万元、对个人和家庭的补助支出 144 万元、项目支出 937 万元; other departments write the same parts
 * as 人员经费, 公用经费, 对个人和家庭的补助, after a year and 部门 (深圳市科学馆 2023 年部门预算 …，其中：…). Before round 59
 * only 项目支出 was read of such a list, and `text-sum` said the budget (2,320) was not the sum of its parts (937): a
 * false error. A list with a part not read as one (基本支出) is not summed at all.
 */

const dir = tempDir("unit-budget-words");
const SEED_SENTENCE = "深圳市科学馆预算 2,320 万元，包括人员支出 964 万元、公用支出 275 万元、对个人和家庭的补助支出 144 万元、项目支出 937 万元";
type Doc = { findings: { severity: string; ruleId: string; message: string; location: { line?: number } }[] };
const said = (d: Doc) => d.findings.map((f) => JSON.stringify([f.severity, f.ruleId, f.message, f.location.line])).sort();
const variant = (name: string, sentence: string) => {
  const seedText = readFileSync(join(ROOT, SEED), "utf8");
  expect(seedText).toContain(SEED_SENTENCE);
  return readLikeSeed(join(dir, `${name}.md`), seedText.replace(SEED_SENTENCE, sentence)).doc as unknown as Doc;
};
const errors = (d: Doc) => d.findings.filter((f) => f.severity === "error");

describe("a unit's budget sentence with its parts named another way", () => {
  const seed = cliJson([SEED]).report.documents[0] as Doc;
  const strip = (s: string) => s.replace(/"[^"]*document\.md"|"[^"]*\.md"/g, "F");

  it("人员经费, 公用经费, 对个人和家庭的补助, after 2023 年部门: the seed's findings", () => {
    const doc = variant("words", "深圳市科学馆 2023 年部门预算 2,320 万元，其中：人员经费 964 万元，公用经费 275 万元，对个人和家庭的补助 144 万元，项目支出 937 万元");
    expect(said(doc).map(strip)).toEqual(said(seed).map(strip));
  });

  it("a part mistyped in that wording is caught, and the unit is named without its year", () => {
    const doc = variant("words-wrong", "深圳市科学馆 2023 年部门预算 2,320 万元，其中：人员经费 946 万元，公用经费 275 万元，对个人和家庭的补助 144 万元，项目支出 937 万元");
    const sum = errors(doc).find((f) => f.ruleId === "text-sum" && /单位预算/.test(f.message));
    expect(sum?.message).toMatch(/^text 深圳市科学馆 单位预算: printed 2320, the sum of its components 2302, difference 18/);
    expect(errors(doc).some((f) => f.ruleId === "text-vs-table" && /人员经费: printed 946, T8 301/.test(f.message))).toBe(true);
  });

  it("a list with a part that is not one of the components (基本支出) is not summed", () => {
    const doc = variant("basic", "深圳市科学馆预算 2,320 万元，包括基本支出 1,383 万元、项目支出 937 万元");
    expect(said(doc).map(strip)).toEqual(said(seed).map(strip).filter((s) => !/深圳市科学馆 单位预算: printed 2320, the sum of its components/.test(s)));
    expect(errors(doc).filter((f) => f.ruleId === "text-sum" && /深圳市科学馆 单位预算/.test(f.message))).toEqual([]);
  });
});
