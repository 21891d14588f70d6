import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { findPackages, loadPackage } from "../../src/loaders/index.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { staffingSum } from "../../src/rules/staffing-sum.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";
import { ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * Statements of other provinces' written parts against their tables (the generic reader's claims), on documents as
 * they are printed: 广西's (test/fixtures/centred-cells/gx-document.txt), 河北's (test/fixtures/hebei-pdf) and 甘肃's
 * CSV folder (test/fixtures/csv-national-titles).
 */
const fixture = (...path: string[]) => join(ROOT, "test", "fixtures", ...path);
const errorsOf = (d: BudgetDocument): Finding[] => runRules(d, [textVsTable], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const brief = (fs: Finding[]) => fs.map((f) => [f.item, f.column, f.location.line, f.stated, f.computed]);
/** A layout-text fixture, with an edit (which must change it). */
const layout = (path: string[], edit?: (t: string) => string) => {
  const text = readFileSync(fixture(...path), "utf8");
  if (edit) expect(edit(text)).not.toBe(text);
  return loadLayoutText(path[path.length - 1], edit ? edit(text) : text);
};
/** A copy of a CSV folder with its written part (the .txt) edited. */
async function csvFolder(path: string[], edit: (t: string) => string): Promise<BudgetDocument> {
  const dir = join(tempDir("text-vs-table"), "document");
  cpSync(fixture(...path), dir, { recursive: true });
  const txt = readdirSync(dir).find((f) => f.endsWith(".txt"))!;
  const text = readFileSync(join(dir, txt), "utf8");
  expect(edit(text)).not.toBe(text);
  writeFileSync(join(dir, txt), edit(text));
  return loadPackage(findPackages(dir)[0], {});
}

describe("the text's 三公 change against the 三公 table's own 增减", () => {
  const GX = ["centred-cells", "gx-document.txt"];

  it("广西 (2024 年预算数 | 2025 年预算数 | 增减): the consistent document gives no error", () => {
    expect(brief(errorsOf(layout(GX)))).toEqual([]);
  });

  it("fails: a 三公 change in the text that the table's 增减 does not print is an error at the text's figure", () => {
    const d = layout(GX, (t) => t.replace("比上年预算数减少 45.56 万", "比上年预算数减少 45.65 万"));
    expect(brief(errorsOf(d))).toEqual([["“三公”经费", "增减变化金额", 148, "45.65", "45.56"]]);
  });

  it("fails: a table whose printed 增减 disagrees with the text (and its own two years) is compared too", () => {
    // (The text's 39.69 is 86.47 − 46.78; the table prints -39.96: year-change reports the table, this the disagreement.)
    const d = layout(GX, (t) => t.replace(" -39.69 ", " -39.96 "));
    expect(brief(errorsOf(d))).toEqual([["公务用车购置及运行费", "增减变化金额", 151, "39.69", "39.96"]]);
  });

  it("河北 (a 比上年增减 column beside this year's): the 三公's change against its 合计 row", () => {
    const HB = ["hebei-pdf", "budget.layout.txt"];
    expect(brief(errorsOf(layout(HB)))).toEqual([]);
    const d = layout(HB, (t) => t.replace("减少\n\n68.31万元", "减少\n\n68.13万元"));
    expect(brief(errorsOf(d))).toEqual([["“三公”经费", "比上年增减", 310, "68.13", "68.31"]]);
  });

  it("甘肃 (上年预算数 and 本年预算数 rows, no 增减): a component's change against the difference of the two years", async () => {
    const CSV = ["csv-national-titles", "document"];
    expect(brief(errorsOf(await loadPackage(findPackages(fixture(...CSV))[0], {})))).toEqual([]);
    const d = await csvFolder(CSV, (t) => t.replace("比上年减少0.68万元", "比上年减少0.86万元"));
    expect(brief(errorsOf(d))).toEqual([["公务接待费", "增减额", 57, "0.86", "0.68"]]);
  });

  it("a change on last year's execution is not the table's: not compared", () => {
    const d = layout(GX, (t) => t.replace("比上年预算数减少 45.56 万", "比上年执行数减少 45.65 万"));
    expect(brief(errorsOf(d))).toEqual([]);
  });
});

describe("河北's 绩效 paragraph: 涉及项目 N 个，项目支出预算 X 万元", () => {
  const HB = ["hebei-pdf", "budget.layout.txt"];
  const SENTENCE = "本部门2026年预算项目全部实行绩效目标管理，涉及项目16个，项目支出\n\n预算23594.14万元。";
  const worded = (s: string) => layout(HB, (t) => t.replace(SENTENCE, s));

  it("the consistent document gives no error (16 projects, as 表10 lists; 23594.14 the 项目支出 and 表10's sum)", () => {
    expect(readFileSync(fixture(...HB), "utf8")).toContain(SENTENCE);
    expect(brief(errorsOf(layout(HB)))).toEqual([]);
    // (The brief's wording, and every project's said otherwise: read alike.)
    expect(brief(errorsOf(worded("本部门纳入绩效目标管理的项目16个，涉及项目支出预算23594.14万元。")))).toEqual([]);
    expect(brief(errorsOf(worded("本部门2026年所有项目实行绩效目标管理，涉及项目16个，项目支出预算23594.14万元。")))).toEqual([]);
  });

  it("fails: X differs from the 项目支出 (every project's, the text says) and from 表10's projects", () => {
    expect(brief(errorsOf(worded(SENTENCE.replace("23594.14", "23549.14"))))).toEqual([
      ["绩效目标 涉及项目支出预算", null, 357, "23549.14", "23594.14"],
      ["绩效目标 涉及项目预算资金", null, 357, "23549.14", "23594.13"],
    ]);
  });

  it("fails: fewer projects than 表10 lists (15 of 16); more is not judged (表10 may list some of them)", () => {
    expect(brief(errorsOf(worded(SENTENCE.replace("涉及项目16个", "涉及项目15个"))))).toEqual([["实行绩效目标管理的项目个数", null, 355, "15", "16"]]);
    expect(brief(errorsOf(worded(SENTENCE.replace("涉及项目16个", "涉及项目17个"))))).toEqual([]);
  });

  it("without 全部 / 所有 the funds are some of the 项目支出: at most it, not equal to it", () => {
    expect(brief(errorsOf(worded("本部门纳入绩效目标管理的项目17个，涉及项目支出预算24000.00万元。")))).toEqual([["绩效目标 涉及项目预算资金", null, 355, "24000", "23594.14"]]);
    // (17 projects, 表10 lists 16: some of them, X not compared with their 23594.13 — round 49: a table of some
    // projects gave the diagnosis their sum as X's value.)
    expect(brief(errorsOf(worded("本部门纳入绩效目标管理的项目17个，涉及项目支出预算23000.00万元。")))).toEqual([]);
  });
});

describe("counts of units in 部门概况: with or without the 本级, 等 N 个 as stated", () => {
  // 广西's 收入预算总表 lists three units: 广西壮族自治区林业局本级, 林业科学研究院, 林业勘测设计院.
  const GX = ["centred-cells", "gx-document.txt"];
  const PARAGRAPH = "从预算单位构成看，广西壮族自治区林业局部门预算包括：局本级预算和所属事业单位预算。纳入\n2025 年部门预算编制范围的二级预算单位包括：广西壮族自治区林业科学研究院、广西壮族自治区\n林业勘测设计院。";
  const A = "广西壮族自治区林业科学研究院";
  const B = "广西壮族自治区林业勘测设计院";
  const unitErrors = (paragraph: string) => {
    const d = layout(GX, (t) => t.replace(PARAGRAPH, paragraph));
    return runRules(d, [textVsTable, staffingSum], { tolerance: { kind: "auto" }, lang: "en" })
      .filter((f) => f.severity === "error")
      .map((f) => [f.ruleId, f.item, f.stated, f.computed]);
  };

  it("the consistent wordings give no error: 本级和所属 A、B 等 2 个单位 (besides the 本级), 包括：本级、A和B等 3 个单位 (with it)", () => {
    expect(readFileSync(fixture(...GX), "utf8")).toContain(PARAGRAPH);
    expect(unitErrors(`本部门预算由局本级和所属${A}、${B}等2个单位预算组成。`)).toEqual([]);
    expect(unitErrors(`本部门预算由局本级预算和2个所属单位预算组成，共3家预算单位。`)).toEqual([]);
    expect(unitErrors(`纳入本部门2025年部门预算编制范围的预算单位包括：广西壮族自治区林业局本级、${A}和${B}等3个单位。`)).toEqual([]);
    expect(unitErrors(`纳入部门预算编制范围的单位共3个，包括：局机关本级及所属2家事业单位。`)).toEqual([]);
  });

  it("fails: a count besides the 本级, or with it, that the table's units do not make", () => {
    expect(unitErrors(`本部门预算由局本级和所属${A}、${B}等3个单位预算组成。`)).toEqual([["text-vs-table", "所属单位", "3", "2"]]);
    expect(unitErrors(`本部门预算由局本级预算和2个所属单位预算组成，共4家预算单位。`)).toEqual([["text-vs-table", "预算单位", "4", "3"]]);
    expect(unitErrors(`纳入本部门2025年部门预算编制范围的预算单位包括：广西壮族自治区林业局本级、${A}和${B}等4个单位。`)).toEqual([["text-vs-table", "单位", "4", "3"]]);
  });

  it("安徽 (支出总表 by unit: 机关 and two 事业单位): 共 3 个，包括：厅机关本级及所属 2 家; a full list of the two besides it is no error", () => {
    const AH = ["national-2025", "anhui-budget.txt"];
    const SENTENCE = "纳入安徽省文化和旅游厅2025年部门预算编制范围的单位共3个，\n包括：厅机关本级及所属2家事业单位。";
    const errors = (s: string) =>
      runRules(s === SENTENCE ? layout(AH) : layout(AH, (t) => t.replace(SENTENCE, s)), [textVsTable, staffingSum], { tolerance: { kind: "auto" }, lang: "en" })
        .filter((f) => f.severity === "error")
        .map((f) => [f.ruleId, f.item, f.stated, f.computed]);
    expect(errors(SENTENCE)).toEqual([]);
    expect(errors(SENTENCE.replace("共3个", "共4个"))).toEqual([["text-vs-table", "单位", "4", "3"]]);
    expect(errors(SENTENCE.replace("所属2家", "所属3家"))).toEqual([["text-vs-table", "所属单位", "3", "2"]]);
    // (Before, the two were compared with the table's three units: a false error.)
    expect(errors("纳入安徽省文化和旅游厅2025年部门预算编制范围的二级预算单位共2个，包括：安徽省图书馆、安徽博物院。")).toEqual([]);
  });

  it("a list of 二级预算单位 without the 本级: a full list is the units besides it; one cut short by 等 is not judged", () => {
    // (3 = the table's 3 units less its 本级? No: 2 named, all of them.)
    expect(unitErrors(`纳入2025 年部门预算编制范围的二级预算单位共2个，包括：${A}、${B}。`)).toEqual([]);
    expect(unitErrors(`纳入2025 年部门预算编制范围的二级预算单位包括：${A}和${B}等2个单位。`)).toEqual([]);
    // (A、B等 5 个: the 本级 may or may not be among those unnamed — not compared with the table; at least the 2 named.)
    expect(unitErrors(`纳入2025 年部门预算编制范围的二级预算单位包括：${A}、${B}等5个单位。`)).toEqual([]);
    expect(unitErrors(`纳入2025 年部门预算编制范围的二级预算单位包括：${A}、${B}、广西壮族自治区林业局本级等2个单位。`)).toEqual([
      ["text-vs-table", "单位", "2", "3"],
      ["staffing-sum", "单位", "2", "3"],
    ]);
  });
});
