import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnosis/index.js";
import { emptyLog } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { mapArray } from "../../src/util/arrays.js";

/*
 * Several independent mistakes in one connected group of identities: a table's 合计 over its 类, each 类 the sum of
 * its parts. Each mistake is blamed on its own figure where the digits swapped back settle its sum and no sibling's
 * do; where two siblings' digits settle it alike, the finding says so.
 */

/** The figures, one a line in their order, and the sums over them ([total, ...parts] by name), diagnosed. */
async function diagnosed(figures: Record<string, string>, sums: string[][]) {
  const names = Object.keys(figures);
  const amounts = new Map<string, Amount>(mapArray(names, (n, k) => [n, makeAmount(figures[n], { file: "x.md", line: k + 1, column: 1 })!]));
  const nameAt = (line: number) => names[line - 1];
  const log = emptyLog();
  const findings: Finding[] = [];
  for (const [total, ...parts] of sums) {
    const terms = [{ amount: amounts.get(total)!, coef: 1 as const }, ...mapArray(parts, (p) => ({ amount: amounts.get(p)!, coef: -1 as const }))];
    const sum = parts.reduce((s, p) => s.plus(amounts.get(p)!.value), amounts.get(total)!.value.minus(amounts.get(total)!.value));
    const off = !sum.eq(amounts.get(total)!.value);
    const location = amounts.get(total)!.location;
    log.linear.push({ constraint: { kind: "eq", terms, subject: { table: "text" }, location }, finding: off ? findings.length : null });
    if (off)
      findings.push({ ruleId: "text-sum", severity: "error", withinRounding: false, message: "≠", table: "text", unit: null, code: null, item: null, column: null, stated: figures[total], computed: sum.toFixed(2), difference: "?", tolerance: "0.035", location, related: mapArray(parts, (p) => amounts.get(p)!.location) });
  }
  const out = await diagnose({ tables: [] } as unknown as BudgetDocument, findings, log, { lang: "en", severity: "error", seconds: 10 });
  // Every identity finding is explained by some diagnosis.
  expect(findings.filter((f) => !f.explainedBy)).toEqual([]);
  return mapArray(out, (f) => ({
    name: nameAt(f.location.line!),
    stated: f.stated,
    computed: f.computed,
    // Each alternative by the figures it changes otherwise than the finding's explanation.
    alternatives: mapArray(f.diagnosis!.alternatives, (alt) => mapArray(alt, (p) => `${nameAt(p.location.line!)} → ${p.to}`).filter((c) => !mapArray(f.diagnosis!.together, (p) => `${nameAt(p.location.line!)} → ${p.to}`).includes(c) && !c.startsWith(`${nameAt(f.location.line!)} → ${f.computed}`))),
    message: f.message,
  }));
}

// 类 A: six parts over 90 (any of them, or A itself, could absorb a 90), 1,230.00 typed 1,320.00; no other part's
// digits swapped back make A hold. 类 B: six parts, 136.00 typed 163.00; no other part's digits undo 27.
const A = { a1: "5,000.25", a2: "4,200.50", a3: "3,300.75", a4: "2,600.10", a5: "1,500.40", a6: "1,230.00" };
const B = { b1: "812.30", b2: "640.15", b3: "455.05", b4: "390.60", b5: "275.90", b6: "136.00" };
const table = (typed: Record<string, string>, total = "20,542.00") => ({
  figures: { G: total, A: "17,832.00", B: "2,710.00", ...A, ...B, ...typed },
  sums: [["G", "A", "B"], ["A", "a1", "a2", "a3", "a4", "a5", "a6"], ["B", "b1", "b2", "b3", "b4", "b5", "b6"]],
});
const byName = (ds: Awaited<ReturnType<typeof diagnosed>>, name: string) => ds.find((d) => d.name === name);

describe("several mistakes in one group of identities", () => {
  it("consistent: nothing to diagnose", async () => {
    const t = table({});
    expect(await diagnosed(t.figures, t.sums)).toEqual([]);
  });

  it("two typos in different 类, each a transposition: each blamed on its own figure, wherever it is among its siblings", async () => {
    for (const [a, b] of [["a6", "b6"], ["a1", "b3"], ["a4", "b1"]] as const) {
      // The typo's own value moved into the part's place (the others keep theirs: the sums are unchanged).
      const swapped = { ...A, [a]: "1,230.00", a6: A[a], ...{ ...B, [b]: "136.00", b6: B[b] } };
      const typed = { ...swapped, [a]: "1,320.00", [b]: "163.00" };
      const t = table(typed);
      const ds = await diagnosed(t.figures, t.sums);
      expect(mapArray(ds, (d) => [d.name, d.stated, d.computed]), `${a}, ${b}`).toEqual([
        [a, "1320", "1230"],
        [b, "163", "136"],
      ]);
      // Any sibling could absorb either sum's difference: the findings say the identities alone cannot tell.
      for (const d of ds) expect(d.message).toMatch(/the identities alone cannot tell which figure is wrong/);
    }
  });

  it("three mistakes: two transpositions in different 类 and a stale 合计 — each on its own figure", async () => {
    const t = table({ a6: "1,320.00", b6: "163.00" }, "20,442.00");
    const ds = await diagnosed(t.figures, t.sums);
    expect(mapArray(ds, (d) => [d.name, d.stated, d.computed])).toEqual([
      ["G", "20442", "20542"],
      ["a6", "1320", "1230"],
      ["b6", "163", "136"],
    ]);
    // (A's 1,320.00 could also be A's own 17,832.00 with 合计 20,632.00: equally small, and listed where found.)
    for (const d of ds.slice(1)) expect(d.message).toMatch(/the identities alone cannot tell which figure is wrong/);
  });

  it("a typo one sum catches beside one two sums catch: the one two sums catch is not in doubt", async () => {
    // b1 812.30 is also the total of two items (800.00 + 12.30): typed 821.30 it breaks B and its own sum — only it
    // settles both with one change; A's 1,320.00 could be any of A's parts.
    const t = table({ a6: "1,320.00", b1: "821.30" });
    const ds = await diagnosed({ ...t.figures, d1: "800.00", d2: "12.30" }, [...t.sums, ["b1", "d1", "d2"]]);
    expect(mapArray(ds, (d) => [d.name, d.stated, d.computed])).toEqual([
      ["a6", "1320", "1230"],
      ["b1", "821.3", "812.3"],
    ]);
    expect(byName(ds, "b1")!.alternatives).toEqual([]);
    expect(byName(ds, "a6")!.message).toMatch(/equally small/);
  });

  it("where two siblings' digits swapped back settle a sum alike, the finding lists the other: it never picks one silently", async () => {
    // 类 C: 121.16 typed for 112.16 (9 too much); 32.06 → 23.06 and 87.94 → 78.94 settle C as well (the 湖北 决算's
    // 公用经费 lane). With A's typo in the same group, A's is named, C's is one of the three with another listed.
    const figures = { G: "18,340.36", A: "17,832.00", C: "508.36", ...A, a6: "1,320.00", c1: "230.69", c2: "45.51", c3: "121.16", c4: "32.06", c5: "87.94" };
    const sums = [["G", "A", "C"], ["A", "a1", "a2", "a3", "a4", "a5", "a6"], ["C", "c1", "c2", "c3", "c4", "c5"]];
    const ds = await diagnosed(figures, sums);
    expect(ds).toHaveLength(2);
    expect([ds[0].name, ds[0].stated, ds[0].computed]).toEqual(["a6", "1320", "1230"]);
    const swaps = ["c3 → 112.16", "c4 → 23.06", "c5 → 78.94"];
    const c = ds[1];
    expect(swaps).toContain(`${c.name} → ${c.computed}`);
    expect(c.alternatives.flat().filter((x) => swaps.includes(x)).length).toBeGreaterThan(0);
    expect(c.message).toMatch(/equally small explanation: x\.md:\d+:1 (121\.16|32\.06|87\.94) → (112\.16|23\.06|78\.94) \(the other corrections alike\)/);
    expect(c.message).toMatch(/the identities alone cannot tell which figure is wrong/);
  });

  it("where no part's digits swapped back settle the sums, the equally small explanations are listed as before", async () => {
    // 1,250.00 for 1,160.00 in A (90 too much) and 158.00 for 136.00 in B (22): no slip undone settles either sum.
    const t = table({ a6: "1,320.00", b6: "158.00" });
    t.figures.a6 = "1,250.00";
    t.figures.A = "17,762.00";
    t.figures.G = "20,472.00";
    const ds = await diagnosed(t.figures, t.sums);
    expect(ds).toHaveLength(2);
    for (const d of ds) {
      expect(d.alternatives.length).toBeGreaterThan(0);
      expect(d.message).toMatch(/the identities alone cannot tell which figure is wrong/);
    }
  });
});
