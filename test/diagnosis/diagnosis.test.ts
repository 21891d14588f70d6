import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check.js";
import { diagnose } from "../../src/diagnosis/index.js";
import { solverLoads, solverSolves } from "../../src/diagnosis/solver.js";
import { emptyLog, runRules } from "../../src/engine/run.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import { makeAmount } from "../../src/model/amount.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { defaultTemplate } from "../../src/templates/index.js";
import { ROOT, SEED } from "../helpers/cli.js";
import { mapArray } from "../../src/util/arrays.js";

const seedText = readFileSync(join(ROOT, SEED), "utf8");
const load = (text: string) => loadMarkdown(SEED, text, defaultTemplate);
const opts = { tolerance: { kind: "auto" as const }, severities: {}, lang: "en" as const };

describe("diagnosis", () => {
  // First: nothing before it in this file may load the solver.
  it("on the seed (no identity off) reports nothing, changes no finding, and never loads the solver", async () => {
    const findings = await checkDocument(load(seedText), opts);
    expect(findings).toEqual(runRules(load(seedText), rules, opts));
    expect(findings.some((f) => f.explainedBy || f.ruleId === "diagnosis")).toBe(false);
    expect(solverLoads()).toBe(0);
  });

  it("names 表7's mistyped 9,742 once, with 9,724 as its value, and folds the five findings it explains", async () => {
    const lines = seedText.split("\n");
    expect(lines[525]).toContain("9,724");
    lines[525] = lines[525].replace("9,724", "9,742");
    const findings = await checkDocument(load(lines.join("\n")), { ...opts, severities: { "yoy-change": "off" } });
    const diag = findings.filter((f) => f.ruleId === "diagnosis");
    expect(diag).toHaveLength(1);
    expect(diag[0]).toMatchObject({ severity: "error", stated: "9742", computed: "9724", difference: "18", location: { line: 526 }, table: "T7" });
    expect(diag[0].diagnosis).toEqual({ proven: true, together: [], alternatives: [] });
    const explained = findings.filter((f) => f.explainedBy === diag[0].id);
    expect(explained.map((f) => f.location.line).sort()).toEqual([526, 526, 526, 634, 875]);
    // The only error not explained is the diagnosis itself.
    expect(findings.filter((f) => f.severity === "error" && !f.explainedBy)).toEqual(diag);
    // One mistyped figure: the exact search proves it (src/diagnosis/fast.ts), the solver is not loaded.
    expect(solverLoads()).toBe(0);
  });

  it("lists an equally small explanation instead of picking one silently", async () => {
    const a = makeAmount("5", { file: "x.md", line: 1, column: 1 })!;
    const b = makeAmount("8", { file: "x.md", line: 2, column: 1 })!;
    const log = emptyLog();
    log.linear.push({ constraint: { kind: "eq", terms: [{ amount: a, coef: 1 }, { amount: b, coef: -1 }], subject: { table: "text" }, location: a.location }, finding: 0 });
    const findings = [{ ruleId: "text-sum", severity: "error" as const, withinRounding: false, message: "5 ≠ 8", table: "text" as const, unit: null, code: null, item: null, column: null, stated: "5", computed: "8", difference: "-3", tolerance: "1", location: a.location, related: [b.location] }];
    const doc = { tables: [] } as unknown as BudgetDocument;
    const out = await diagnose(doc, findings, log, { lang: "en", severity: "error", seconds: 10 });
    expect(out).toHaveLength(1);
    expect(out[0].diagnosis!.alternatives).toHaveLength(1);
    const both = [out[0].location.line, out[0].diagnosis!.alternatives[0][0].location.line].sort();
    expect(both).toEqual([1, 2]);
    expect(out[0].message).toMatch(/equally small explanation/);
    // A figure of the text (no table, no column label) is named by file:line:column.
    expect(out[0].message).toMatch(/explanation: x\.md:[12]:1 [58] → [58] — /);
    expect(findings[0]).toHaveProperty("explainedBy", out[0].id);
    // Two equally likely explanations, both proven by the exact search: the first printed comes first (rankByLikelihood),
    // whatever order they were found in, so the solver is not needed (before round 53 it decided).
    expect(out[0].location.line).toBe(1);
    expect(solverLoads()).toBe(0);
  });

  it("of equally small explanations, puts first the one that swaps two adjacent digits back (152.91 typed for 125.91)", async () => {
    // 合计 250.82 = a + b, one of a and b printed with two digits swapped: whichever it is, it is named, the other
    // two figures listed as the alternatives.
    const blamed = async (aText: string, bText: string) => {
      const total = makeAmount("250.82", { file: "x.md", line: 1, column: 1 })!;
      const a = makeAmount(aText, { file: "x.md", line: 2, column: 1 })!;
      const b = makeAmount(bText, { file: "x.md", line: 3, column: 1 })!;
      const log = emptyLog();
      const terms = [{ amount: total, coef: 1 as const }, { amount: a, coef: -1 as const }, { amount: b, coef: -1 as const }];
      log.linear.push({ constraint: { kind: "eq", terms, subject: { table: "text" }, location: total.location }, finding: 0 });
      const findings = [{ ruleId: "text-sum", severity: "error" as const, withinRounding: false, message: "≠", table: "text" as const, unit: null, code: null, item: null, column: null, stated: "250.82", computed: "?", difference: "?", tolerance: "0.015", location: total.location, related: [a.location, b.location] }];
      const out = await diagnose({ tables: [] } as unknown as BudgetDocument, findings, log, { lang: "en", severity: "error", seconds: 10 });
      expect(out).toHaveLength(1);
      expect(out[0].diagnosis!.alternatives).toHaveLength(2);
      return [out[0].location.line, out[0].stated, out[0].computed];
    };
    expect(await blamed("152.91", "124.91")).toEqual([2, "152.91", "125.91"]);
    expect(await blamed("125.91", "142.91")).toEqual([3, "142.91", "124.91"]);
  });

  it("names each other change of an explanation by its cell: a row's 支出总计 and 项目支出 typed alike are told apart", async () => {
    // The rule page's failing example with 2060702's 项目支出 typed as its 支出总计 (60 in both): its row holds, the
    // column sums over 20607's codes do not, and the explanations change two figures of one line.
    const page = readFileSync(join(ROOT, "docs", "rules", "diagnosis.md"), "utf8");
    const text = /## Failing example\n\n```tsv\n([\s\S]*?)```/.exec(page)![1].replace("\t2060702\t科普活动\t60\t0\t50", "\t2060702\t科普活动\t60\t0\t60");
    for (const lang of ["en", "zh"] as const) {
      const findings = await checkDocument(loadMarkdown("two.md", text, defaultTemplate), { ...opts, lang });
      const diag = findings.filter((f) => f.ruleId === "diagnosis");
      expect(diag).toHaveLength(2);
      const [a, b] = diag;
      expect(a.location.line).toBe(b.location.line);
      expect(a.diagnosis!.together).toHaveLength(1);
      // Each names the other: file:line:column and the column's label, as the finding's own subject writes it.
      const named = (other: typeof a) => `two.md:${other.location.line}:${other.location.column}${lang === "zh" ? `「${other.column}」` : ` [${other.column}]`} ${other.stated} → ${other.computed}`;
      expect(a.message).toContain(named(b));
      expect(b.message).toContain(named(a));
      // The alternatives' two changes each, on one line too, are named apart.
      for (const alt of a.diagnosis!.alternatives) {
        expect(alt).toHaveLength(2);
        expect(a.message).toContain(`two.md:${alt[0].location.line}:${alt[0].location.column}`);
        expect(a.message).toContain(`two.md:${alt[1].location.line}:${alt[1].location.column}`);
      }
    }
  });

  /** 合计 = Σ parts (a text's sum), diagnosed: [line, stated, computed] of the first finding, and its alternatives' lines. */
  const sumOf = async (totalText: string, parts: string[]) => {
    const total = makeAmount(totalText, { file: "x.md", line: 1, column: 1 })!;
    const amounts = mapArray(parts, (p, k) => makeAmount(p, { file: "x.md", line: k + 2, column: 1 })!);
    const log = emptyLog();
    const terms = [{ amount: total, coef: 1 as const }, ...mapArray(amounts, (amount) => ({ amount, coef: -1 as const }))];
    log.linear.push({ constraint: { kind: "eq", terms, subject: { table: "text" }, location: total.location }, finding: 0 });
    const findings = [{ ruleId: "text-sum", severity: "error" as const, withinRounding: false, message: "≠", table: "text" as const, unit: null, code: null, item: null, column: null, stated: totalText, computed: "?", difference: "?", tolerance: "0.035", location: total.location, related: mapArray(amounts, (a) => a.location) }];
    const solves = solverSolves();
    const out = await diagnose({ tables: [] } as unknown as BudgetDocument, findings, log, { lang: "en", severity: "error", seconds: 10 });
    expect(out).toHaveLength(1);
    // The smallest explanation and four ties: five programs, the search for a slip undone one of them.
    expect(solverSolves() - solves).toBe(5);
    return { first: [out[0].location.line, out[0].stated, out[0].computed], alternatives: mapArray(out[0].diagnosis!.alternatives, (alt) => alt[0].location.line), message: out[0].message };
  };

  it("looks for the explanation that swaps digits back among more equally small ones than it lists (one of six parts typed 1,320.00 for 1,230.00)", async () => {
    // Any of the six parts (each over 90) or the total could absorb the 90: seven explanations, five listed. The
    // search tries the part whose digits, swapped back, make the sum hold before it lists any other — wherever it is.
    const others = ["5,000.25", "4,200.50", "3,300.75", "2,600.10", "1,500.40"];
    for (let k = 0; k <= others.length; k++) {
      const typed = [...others.slice(0, k), "1,320.00", ...others.slice(k)];
      const d = await sumOf("17,832.00", typed);
      expect(d.first, `at ${k}`).toEqual([k + 2, "1320", "1230"]);
      expect(d.alternatives).toHaveLength(4);
      expect(d.message).toMatch(/the identities alone cannot tell which figure is wrong/);
    }
  });

  it("lists equally small explanations as before where no part's digits swapped back make the sum hold", async () => {
    // 1,250.00 typed for 1,160.00 (90 too much): no part's digits swapped undo it; five of the seven are listed, none
    // of them preferred by a slip.
    const d = await sumOf("17,762.00", ["5,000.25", "4,200.50", "3,300.75", "2,600.10", "1,500.40", "1,250.00"]);
    expect(d.alternatives).toHaveLength(4);
    expect(d.message).toMatch(/the identities alone cannot tell which figure is wrong/);
  });
});
