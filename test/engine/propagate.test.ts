import { describe, expect, it } from "vitest";
import { findConflicts, type LinearConstraint } from "../../src/engine/propagate.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";

let line = 0;
const a = (text: string): Amount => makeAmount(text, { file: "t", line: ++line })!;
/** total = Σ parts as a constraint total − Σ parts = 0. */
const sum = (total: Amount, ...parts: Amount[]): LinearConstraint => ({
  kind: "eq",
  terms: [{ amount: total, coef: 1 }, ...parts.map((p) => ({ amount: p, coef: -1 as const }))],
  subject: { table: "T3" },
  location: total.location,
});
const atMost = (part: Amount, whole: Amount): LinearConstraint => ({ kind: "le", terms: [{ amount: part, coef: 1 }, { amount: whole, coef: -1 }], subject: { table: "T3" }, location: part.location });

describe("joint rounding check over a system of identities", () => {
  it("finds no conflict when true amounts exist that round to every printed figure", () => {
    // Columns and rows of a 2×2 table with totals, each off by one: 3.4 + 3.4 = 6.8 → 3, 3, 7.
    const [x1, x2, y1, y2] = [a("3"), a("3"), a("3"), a("3")];
    const r1 = a("7");
    const r2 = a("7");
    const c1 = a("7");
    const c2 = a("7");
    const all = a("14");
    expect(findConflicts([sum(r1, x1, x2), sum(r2, y1, y2), sum(c1, x1, y1), sum(c2, x2, y2), sum(all, r1, r2), sum(all, c1, c2)])).toEqual([]);
  });

  it("finds a conflict that no single identity shows, and names the identities involved", () => {
    // 中小企业 column: 5 = 0 + 2 + 0 + 0 + 0 needs every part at its top (0.5, 2.5) and the total at 4.5;
    // then each 中小企业 part forces its 小计 (其中 ≤ 小计) to 0.5, and the 小计 column 5 = 0.5·4 + x needs x ≤ 3.5,
    // but x is printed 5: no set of true amounts fits.
    const sme = [a("0"), a("2"), a("0"), a("0"), a("0")];
    const smeTotal = a("5");
    const sub = [a("0"), a("5"), a("0"), a("0"), a("0")];
    const subTotal = a("5");
    const system = [sum(smeTotal, ...sme), sum(subTotal, ...sub), ...sme.map((s, i) => atMost(s, sub[i])), atMost(smeTotal, subTotal)];
    const conflicts = findConflicts(system);
    expect(conflicts).toHaveLength(1);
    const involved = conflicts[0].constraints;
    expect(involved).toContain(0); // the 中小企业 sum
    expect(involved).toContain(1); // the 小计 sum
    expect(involved.length).toBeLessThan(system.length);
  });

  it("reports one conflict per mistake, not a cascade", () => {
    const p = [a("1"), a("1"), a("1")];
    const t = a("3");
    const q = [a("1"), a("1"), a("1")];
    const u = a("3");
    expect(findConflicts([sum(t, ...p), sum(u, ...q)])).toEqual([]);
  });
});

/*
 * Figures are numbered by their serial (Amount.serial) when they have one, by identity otherwise: a figure
 * is the same object wherever it appears, and a copy of one is another figure. Either way the conflicts
 * (which identities, which figure, which bound) must be the same.
 */
describe("the figures of the joint check, numbered by serial or by identity", () => {
  // The 中小企业 system above, with one figure shared by two identities.
  const system = (make: (text: string) => Amount) => {
    const sme = [make("0"), make("2"), make("0"), make("0"), make("0")];
    const smeTotal = make("5");
    const sub = [make("0"), make("5"), make("0"), make("0"), make("0")];
    const subTotal = make("5");
    return [sum(smeTotal, ...sme), sum(subTotal, ...sub), ...sme.map((s, i) => atMost(s, sub[i])), atMost(smeTotal, subTotal)];
  };
  const shape = (cs: ReturnType<typeof findConflicts>) => cs.map((c) => ({ constraints: c.constraints, forced: c.forced.toString(), direction: c.direction, text: c.amount.text, line: c.amount.location.line }));

  it("finds the same conflicts for printed amounts (serials) and for copies without serials (a Map)", () => {
    line = 100;
    const printed = system(a);
    expect(printed.every((c) => c.terms.every((t) => t.amount.serial !== undefined))).toBe(true);
    line = 100;
    const copies = system((text) => {
      const x = a(text);
      return { ...x, value: x.value, scaled: x.scaled };
    });
    expect(copies.every((c) => c.terms.every((t) => t.amount.serial === undefined))).toBe(true);
    const found = shape(findConflicts(printed));
    expect(found).toHaveLength(1);
    expect(shape(findConflicts(copies))).toEqual(found);
  });

  it("a figure used in several identities is one figure by serial and by identity; copies of it are others", () => {
    line = 200;
    const printed = system(a);
    const plain = (x: Amount): Amount => ({ ...x, value: x.value, scaled: x.scaled });
    // Each printed figure replaced by one plain copy used wherever it was: the same system, numbered by identity.
    const one = new Map<Amount, Amount>();
    const shared = printed.map((c) => ({ ...c, terms: c.terms.map((t) => ({ ...t, amount: one.get(t.amount) ?? one.set(t.amount, plain(t.amount)).get(t.amount)! })) }));
    expect(shape(findConflicts(shared))).toEqual(shape(findConflicts(printed)));
    // A copy per appearance: the identities no longer share figures, and no conflict is left.
    const apart = printed.map((c) => ({ ...c, terms: c.terms.map((t) => ({ ...t, amount: plain(t.amount) })) }));
    expect(findConflicts(apart)).toEqual([]);
  });
});
