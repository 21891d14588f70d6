import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnosis/index.js";
import { emptyLog } from "../../src/engine/run.js";
import type { Finding, RatioIdentity } from "../../src/engine/types.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";
import type { BudgetDocument } from "../../src/model/document.js";

// A percentage is not a linear identity: the diagnosis never changes its figures, but a percentage that is
// wrong only because of a figure the diagnosis corrects is explained by that correction (the text of
// 万里街道 2024: 352.67 printed for the 350.35 stated before, and +0.53% over 348.52, which only 350.35 gives).
const at = (text: string, line: number, column = 1): Amount => makeAmount(text, { file: "x.md", line, column })!;

function finding(ruleId: string, location: Amount["location"]): Finding {
  return { ruleId, severity: "error", withinRounding: false, message: ruleId, table: "text", unit: null, code: null, item: null, column: null, stated: null, computed: null, difference: null, tolerance: null, location, related: [] };
}

/** The text's 352.67 against 350.35 stated before (itself tied to a table's 350.35), and percentages over 348.52. */
function setUp(percents: string[]) {
  const current = at("352.67", 1, 19);
  const before = at("350.35", 2);
  const table = at("350.35", 3);
  const previous = at("348.52", 1, 5);
  const log = emptyLog();
  const findings: Finding[] = [finding("yoy-change", current.location)];
  log.linear.push({ constraint: { kind: "eq", terms: [{ amount: current, coef: 1 }, { amount: before, coef: -1 }], subject: { table: "text" }, location: current.location }, finding: 0 });
  log.linear.push({ constraint: { kind: "eq", terms: [{ amount: before, coef: 1 }, { amount: table, coef: -1 }], subject: { table: "text" }, location: before.location }, finding: null });
  percents.forEach((p, i) => {
    const percent = at(p, 1, 41 + i);
    const identity: RatioIdentity = {
      subject: { table: "text", column: "增幅" },
      percent,
      numerator: [{ amount: current }, { amount: previous, sign: -1 }],
      denominator: [{ amount: previous }],
      relation: { zh: "增减额 ÷ 上年数", en: "change ÷ last year's amount" },
    };
    log.ratios.push({ identity, finding: findings.length });
    findings.push(finding("yoy-change", percent.location));
  });
  return { log, findings };
}

const doc = { tables: [] } as unknown as BudgetDocument;
const options = { lang: "en" as const, severity: "error" as const, seconds: 10 };

describe("the diagnosis and the percentages computed from the figure it corrects", () => {
  it("a percentage that the corrected figure makes hold is explained by it: one error to fix, not two", async () => {
    const { log, findings } = setUp(["0.53"]);
    const out = await diagnose(doc, findings, log, options);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ stated: "352.67", computed: "350.35", location: { line: 1, column: 19 } });
    expect(out[0].message).toMatch(/correcting it settles 2 identity findings/);
    expect(findings.map((f) => f.explainedBy)).toEqual([out[0].id, out[0].id]);
    expect(out[0].related).toContainEqual({ file: "x.md", line: 1, column: 41 });
  });

  it("a percentage still off with the corrected figure stays a finding of its own", async () => {
    // 0.53% holds with 350.35; 0.60% holds with neither 352.67 (1.19%) nor 350.35 (0.53%).
    const { log, findings } = setUp(["0.53", "0.60"]);
    const out = await diagnose(doc, findings, log, options);
    expect(out).toHaveLength(1);
    expect(out[0].message).toMatch(/settles 2 identity findings/);
    expect(findings[1].explainedBy).toBe(out[0].id);
    expect(findings[2].explainedBy).toBeUndefined();
  });

  it("a percentage none of whose figures is corrected is left alone, even one that holds", async () => {
    const { log, findings } = setUp([]);
    const other = at("12.5", 9);
    log.ratios.push({
      identity: { subject: { table: "text" }, percent: at("50", 9, 20), numerator: [{ amount: other }], denominator: [{ amount: at("25", 9, 10) }], relation: { zh: "", en: "" } },
      finding: findings.length,
    });
    findings.push(finding("text-sum", { file: "x.md", line: 9, column: 20 }));
    const out = await diagnose(doc, findings, log, options);
    expect(out[0].message).toMatch(/settles 1 identity finding\)/);
    expect(findings[1].explainedBy).toBeUndefined();
  });
});

/*
 * A whole's budget at least the Σ of its items' (budget-execution: the text's 一般公共预算 年初预算 ≥ the 项's it states),
 * each item with its 完成年初预算的 P% (决算 ÷ 年初预算). One item's budget typed too high breaks the inequality alone, and
 * lowering any item settles it as well: five equally small explanations. Only the typed item's own percentage says which
 * (it holds with the true budget); an item set to 0 makes its own percentage wrong.
 */
function budgets(typed: string) {
  const whole = at("100.00", 1, 10);
  const printed = ["20.00", "15.00", typed, "30.00", "10.00"];
  const finals = ["20.00", "15.75", "26.00", "27.00", "9.50"];
  const percents = ["100.00", "105.00", "104.00", "90.00", "95.00"];
  const items = printed.map((b, i) => at(b, 10 + i, 10));
  const log = emptyLog();
  const findings: Finding[] = [finding("budget-execution", whole.location)];
  log.linear.push({ constraint: { kind: "le", terms: [...items.map((amount) => ({ amount, coef: 1 as const })), { amount: whole, coef: -1 as const }], subject: { table: "text" }, location: whole.location }, finding: 0 });
  items.forEach((b, i) => {
    const identity: RatioIdentity = {
      subject: { table: "text", column: "完成预算%" },
      percent: at(percents[i], 10 + i, 40),
      numerator: [{ amount: at(finals[i], 10 + i, 25) }],
      denominator: [{ amount: b }],
      relation: { zh: "决算数 ÷ 年初预算数", en: "the final figure ÷ the budget" },
    };
    // (As the engine logs them: the failing with their findings, the others as holding.)
    if (i === 2 && typed !== "25.00") {
      log.ratios.push({ identity, finding: findings.length });
      findings.push(finding("budget-execution", identity.percent.location));
    } else log.heldRatios?.push(identity); // (no such list before round 52)
  });
  return { log, findings };
}

describe("the percentages tell equally small explanations apart", () => {
  it("an item's budget typed too high under its whole's: the item whose own percentage holds with the change is named", async () => {
    const { log, findings } = budgets("35.00");
    const out = await diagnose(doc, findings, log, options);
    expect(out.map((f) => [f.location.line, f.stated])).toEqual([[12, "35"]]);
    // Its value is bounded by the whole (at most 25.00 and a little rounding), and its percentage holds with it.
    expect(out[0].computed).toBeNull();
    expect(out[0].message).toMatch(/at most 25\.0\d/);
    expect(out[0].message).toMatch(/leaves a printed percentage wrong, this one makes it hold/);
    expect(out[0].diagnosis!.alternatives).toEqual([]);
    expect(findings.map((f) => f.explainedBy)).toEqual([out[0].id, out[0].id]);
  });
});
