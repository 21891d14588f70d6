import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { cliJson, ROOT } from "../helpers/cli.js";
import { namesSeed, readSeeds, type PageFinding } from "../helpers/seeds.js";

/*
 * A 湖南 决算 as a Word export makes its PDF (test/fixtures/hunan-final, round 49's probe): the national template, its
 * tables' titles listed in 第二部分 before them, and a written part whose changes on last year name their subject
 * (…其他收入16.18万元，占0.06%。与2024年度相比，本年收入合计增加1693.48万元，增长6.52%). Consistent, seeded in its tables and
 * text (seeds.json), and five text figures changed that nothing read before round 49 (text-seeds.json).
 */
const DIR = join(ROOT, "test", "fixtures", "hunan-final");
const errorsOf = (file: string) => {
  const { status, report } = cliJson([join(DIR, file)]);
  return { status, errors: (report.documents[0].findings as PageFinding[]).filter((f) => f.severity === "error") };
};

describe("a 湖南 决算 as a Word-export PDF", () => {
  it("consistent: no error and no warning, every table read (公开06表 too, though 第二部分 lists its title)", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.pdf")]);
    const doc = report.documents[0];
    expect((doc.findings as PageFinding[]).filter((f) => f.severity !== "info").map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.tables.filter((t: { id: string }) => t.id === "T6").map((t: { rows: number }) => t.rows)).toEqual([40]);
  });

  it("seeded: every seed an error on its page, naming the figure printed (S7 as its 款's sum: which one is wrong is not known)", { timeout: 60_000 }, () => {
    const { status, errors } = errorsOf("seeded.pdf");
    expect(status).toBe(1);
    for (const s of readSeeds(DIR, "seeds.json"))
      expect(
        errors.some((f) => namesSeed(f, s) || (s.id === "S7" && f.location.page === s.page && f.ruleId === "hierarchy-sum" && f.table === s.table)),
        s.id,
      ).toBe(true);
  });

  it("seeded: S7's 30211 差旅费 198.61 → 189.61 and 30201 办公费 232.02 → 223.02 (digits swapped back alike) are both offered: the identities cannot tell them apart", { timeout: 60_000 }, () => {
    // Before round 51 the first explanation took 30201 to 223.07 (the rounding leaves it open), not seen as a
    // transposition; the search for ties went to it and 30211 was never tried.
    const { errors } = errorsOf("seeded.pdf");
    const d = errors.find((f) => f.ruleId === "diagnosis" && f.table === "T6") as PageFinding & { diagnosis: { alternatives: { from: string; to: string }[][] } };
    const offered = [[{ from: d.stated, to: d.computed }], ...d.diagnosis.alternatives].map((alt) => alt.map((p) => `${Number(p.from)} → ${Number(p.to)}`));
    expect(offered.some((alt) => alt.includes("198.61 → 189.61"))).toBe(true);
    expect(offered.some((alt) => alt.includes("232.02 → 223.02"))).toBe(true);
  });

  it("text figures read since round 49, each changed: an error of its rule on its page; no change given to a figure it does not name", { timeout: 60_000 }, () => {
    const { status, errors } = errorsOf("text-seeded.pdf");
    expect(status).toBe(1);
    for (const s of readSeeds(DIR, "text-seeds.json")) expect(errors.some((f) => f.ruleId === s.rule && namesSeed(f, s)), s.id).toBe(true);
    expect(errors.filter((f) => f.ruleId === "yoy-change").map((f) => f.item)).toEqual(["本年收入合计", "本年支出合计", "公务用车购置及运行维护费 决算"]);
  });
});

/* The layout text of document.pdf, its statements retyped (each alone). */
describe("the 湖南 决算's written part, retyped", () => {
  const text = readFileSync(join(DIR, "document.layout.txt"), "utf8");
  const errors = (t: string) =>
    runRules(loadLayoutText("决算.txt", t), rules, { tolerance: { kind: "auto" }, lang: "en" })
      .filter((f) => f.severity === "error")
      .map((f) => `${f.ruleId} ${f.item} ${f.stated}`);
  const retyped = (find: string, replace: string) => {
    expect(text).toContain(find);
    return text.replace(find, replace);
  };

  it("as printed: no error", () => {
    expect(errors(text)).toEqual([]);
  });

  it("the change named before 比, or in a paragraph of its own: the 本年收入合计's, right or wrong", () => {
    expect(errors(retyped("与2024年度相比，本年收入合计增加", "本年收入合计比2024年度增加"))).toEqual([]);
    expect(errors(retyped("0.06%。\n与2024年度相比，本年收入合计", "0.06%。\n  与2024年度相比，本年收入合计"))).toEqual([]);
    expect(errors(retyped("0.06%。\n与2024年度相比，本年收入合计增加1693.48", "0.06%。\n  与2024年度相比，本年收入合计增加1593.48"))).toEqual(["yoy-change 本年收入合计 6.52"]);
  });

  it("国有资本经营预算财政拨款收入 against 公开01表's row printed blank (0); the 一般公共预算's 年初预算 against 公开05表 合计", () => {
    expect(errors(retyped("国有资本经营预算财政拨款收入0.00", "国有资本经营预算财政拨款收入1.11")).filter((e) => e.startsWith("text-vs-table"))).toEqual(["text-vs-table 国有资本经营预算财政拨款收入 1.11"]);
    expect(errors(retyped("年初预算为21979.26万元", "年初预算为21997.26万元")).filter((e) => e.startsWith("text-vs-table"))).toEqual(["text-vs-table 一般公共预算财政拨款支出 年初预算 21997.26"]);
  });

  it("a subject not known: its change judged against nothing", () => {
    expect(errors(retyped("与2024年度相比，本年收入合计增加1693.48", "与2024年度相比，收入规模增加1593.48"))).toEqual([]);
  });
});
