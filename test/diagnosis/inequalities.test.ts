import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnosis/index.js";
import { makeFamilies } from "../../src/diagnosis/families.js";
import { makeGrid } from "../../src/diagnosis/figures.js";
import { changeBound, headSystem } from "../../src/diagnosis/system.js";
import type { LinearConstraint } from "../../src/engine/propagate.js";
import { emptyLog } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";
import type { BudgetDocument } from "../../src/model/document.js";

/*
 * Inequalities (a part at most its whole, a 三公 figure at least a line of the basic expenditure) in the diagnosis
 * (src/diagnosis/index.ts, groupsOf; docs/diagnosis.md, "Inequalities"): constraints the corrections keep true, not
 * evidence that makes figures suspect or groups larger.
 */
const at = (line: number, text: string) => makeAmount(text, { file: "x.md", line, column: 1 })!;
const eq = (total: Amount, ...parts: Amount[]): LinearConstraint => ({ kind: "eq", terms: [{ amount: total, coef: 1 }, ...parts.map((amount) => ({ amount, coef: -1 as const }))], subject: { table: "text" }, location: total.location });
/** part ≤ whole */
const le = (part: Amount, whole: Amount): LinearConstraint => ({ kind: "le", terms: [{ amount: part, coef: 1 }, { amount: whole, coef: -1 }], subject: { table: "text" }, location: part.location });
const finding = (c: LinearConstraint): Finding => ({ ruleId: "text-sum", severity: "error", withinRounding: false, message: "off", table: "text", unit: null, code: null, item: null, column: null, stated: null, computed: null, difference: null, tolerance: null, location: c.location, related: [] });

/** The diagnosis of identities, those listed in `off` failing (each with a finding). */
async function diagnosed(cs: LinearConstraint[], off: LinearConstraint[]) {
  const log = emptyLog();
  const findings: Finding[] = [];
  for (const c of cs) {
    log.linear.push({ constraint: c, finding: off.includes(c) ? findings.length : null });
    if (off.includes(c)) findings.push(finding(c));
  }
  const out = await diagnose({ tables: [] } as unknown as BudgetDocument, findings, log, { lang: "en", severity: "error", seconds: 10 });
  return { out, findings, blamed: out.map((f) => [f.location.line, f.stated, f.computed]) };
}

describe("inequalities in the diagnosis", () => {
  it("an inequality that holds misses by nothing: its room below the bound does not widen how far a change may go", () => {
    // 10 = 7 + 5 misses by 2; 3 ≤ 100 holds with 97 to spare. Before round 51 the 97 set the reach (and the big-M of
    // every program): 2 · (97 + rounding), where the mistakes need 2 · (2 + rounding).
    const [t, a, b, c, d] = [at(1, "10"), at(2, "7"), at(3, "5"), at(4, "3"), at(5, "100")];
    const cs = [eq(t, a, b), le(c, d)];
    const grid = makeGrid([t, a, b, c, d]);
    // On the grid of ½ unit: a miss of 2 is 4, the three figures' rounding 3.
    expect(changeBound(cs, grid)).toBe(2n * (4n + 3n));
    expect(headSystem(cs, grid, makeFamilies([t, a, b, c, d])).reach).toBe(2n * (4n + 3n));
    // One that is off misses by what it is over.
    expect(changeBound([le(d, c)], grid)).toBe(2n * (194n + 2n));
  });

  it("an inequality off that names no suspect of a group in trouble is left out of its search, and stands", async () => {
    // Group A: 合计 10 = 3 + 5, and 10 printed again as 8 (the 8 copied once more below): the 10 is wrong, 8.
    // Group B, consistent: 100 = 60 + 40. The inequality 60 ≤ 8 (B's 60, A's copy 8, which no identity in trouble
    // holds) is off: repairing it would change B's figures (or A's copy and its copies), two changes more, in a
    // search that is about A's mistake. Before round 51 it joined the groups and the diagnosis proposed them too.
    const [t, a, b, c, d] = [at(1, "10"), at(2, "3"), at(3, "5"), at(4, "8"), at(5, "8")];
    const [x, y, z] = [at(11, "100"), at(12, "60"), at(13, "40")];
    const sum = eq(t, a, b);
    const copy = eq(t, c);
    const bound = le(y, d);
    const { out, findings, blamed } = await diagnosed([sum, copy, eq(c, d), eq(x, y, z), bound], [sum, copy, bound]);
    expect(blamed).toEqual([[1, "10", "8"]]);
    expect(findings.map((f) => f.explainedBy)).toEqual([out[0].id, out[0].id, undefined]);
  });

  it("an inequality off that names a suspect tells which: of two figures its sum blames alike, the one over its bound", async () => {
    // 万里街道 2023's text: 财政拨款 增加 1421.25 (stated twice) = 一般公共预算 增加 1421.25 + 政府性基金 增加 1421.25, the
    // fund's increase over its own amount 0. Either part of the sum could be 0; the fund's is the one its bound blames.
    const [d, d2, a, b, f] = [at(1, "1421.25"), at(2, "1421.25"), at(3, "1421.25"), at(4, "1421.25"), at(5, "0")];
    const sum = eq(d, a, b);
    const bound = le(b, f);
    const { out, findings, blamed } = await diagnosed([sum, eq(d, d2), bound], [sum, bound]);
    expect(blamed).toEqual([[4, "1421.25", "0"]]);
    expect(out[0].diagnosis!.alternatives).toEqual([]);
    expect(findings.map((x) => x.explainedBy)).toEqual([out[0].id, out[0].id]);
  });

  it("an inequality that holds constrains the correction, its figure of another group held as printed", async () => {
    // Group A: 10.00 = 3.00 + 5.00, copied as 8.00: the 10.00 alone would be wrong. Group B: 9.00 = 5.00 + 4.00. The
    // inequality 9.00 ≤ 10.00 (B's 9.00 at most A's 合计) holds; correcting the 10.00 to 8.00 would break it, so the
    // correction is A's copy and a part (8.00 → 10.00, 3.00 → 5.00, or 5.00 → 7.00), never B's figures.
    const [t, a, b, c] = [at(1, "10.00"), at(2, "3.00"), at(3, "5.00"), at(4, "8.00")];
    const [x, y, z] = [at(11, "9.00"), at(12, "5.00"), at(13, "4.00")];
    const sum = eq(t, a, b);
    const copy = eq(t, c);
    const { out, blamed } = await diagnosed([sum, copy, eq(x, y, z), le(x, t)], [sum, copy]);
    expect(blamed.map((r) => r[0])).not.toContain(11);
    expect(blamed.map((r) => r[0])).not.toContain(1);
    for (const f of out) for (const alt of f.diagnosis!.alternatives) for (const p of alt) expect(p.location.line).toBeLessThan(11);
  });

  it("a tie under a whole's at-least: a figure set to 0 does not come first, nor a 0 offered where the bound allows more", async () => {
    // 100.00 ≥ 10.00 + 15.00 + 35.00 + 30.00 + 20.00 (one item 10 too high): any item lowered by 10 settles it, the
    // 10.00 only by becoming 0. Nothing tells them apart; before round 52 the first printed came first ("at most
    // 0.00"), and the others were offered as set to 0.00 (the solver's vertex) where their bound is 5.00 and 10.00.
    const whole = at(1, "100.00");
    const items = ["10.00", "15.00", "35.00", "30.00", "20.00"].map((b, i) => at(10 + i, b));
    const sum: LinearConstraint = { kind: "le", terms: [...items.map((amount) => ({ amount, coef: 1 as const })), { amount: whole, coef: -1 as const }], subject: { table: "text" }, location: whole.location };
    const { out, blamed } = await diagnosed([sum], [sum]);
    // The whole raised, or an item lowered: six explanations, five looked for (since round 53; three before), which five is
    // the solver's choice. The first printed of them comes first: the whole ("at least 110.00") where the solver found it,
    // else the 15.00 ("at most 5.00"); never the 10.00 set to 0.
    const first = blamed[0];
    if (first[0] === 1) expect(out[0].message).toMatch(/at least 110\.00/);
    else {
      expect(first).toEqual([11, "15", null]);
      expect(out[0].message).toMatch(/at most 5\.00/);
    }
    const alternatives = out[0].diagnosis!.alternatives.map((alt) => alt.map((p) => [p.location.line, p.to]));
    expect(alternatives).toHaveLength(4);
    // (An alternative's value is one the identities allow: at most its bound, where they do not determine it.)
    for (const [[line, to]] of alternatives) {
      if (line === 1) expect(Number(to)).toBeGreaterThanOrEqual(110);
      else if (line === 10) expect(to).toBe("0.00");
      else expect(Number(to)).toBeLessThanOrEqual({ 11: 5, 12: 25, 13: 20, 14: 10 }[line as number]!);
    }
    // (A 0 comes last.)
    if (alternatives.some(([[line]]) => line === 10)) expect(alternatives[3][0][0]).toBe(10);
  });
});
