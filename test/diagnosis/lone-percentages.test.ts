import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnosis/index.js";
import { oneSlipAway, typingSlip } from "../../src/diagnosis/lone-percentages.js";
import { emptyLog, type IdentityLog } from "../../src/engine/run.js";
import type { Finding, RatioIdentity } from "../../src/engine/types.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { FlatSystem } from "../../src/engine/flat.js";
import type { LinearConstraint } from "../../src/engine/propagate.js";
import { mapArray } from "../../src/util/arrays.js";

// A printed percentage that fails alone: 2025年预算数为873.60万元，比2024年预算数增加49.31万元，增长4.71%, whose
// last-year figure is printed nowhere. The tables hold 873.60; nothing but the percentage holds 49.31.
const at = (text: string, line: number, column = 1): Amount => makeAmount(text, { file: "x.md", line, column })!;

function finding(ruleId: string, location: Amount["location"], severity: Finding["severity"] = "error"): Finding {
  return { ruleId, severity, withinRounding: false, message: ruleId, table: "text", unit: null, code: null, item: null, column: null, stated: null, computed: null, difference: null, tolerance: null, location, related: [] };
}

const doc = { tables: [] } as unknown as BudgetDocument;
const options = { lang: "en" as const, severity: "error" as const, seconds: 10 };

/** A change over last year's amount, D ÷ (X − D), as yoy-change states it. */
function change(x: Amount, d: Amount, p: Amount): RatioIdentity {
  return {
    subject: { table: "text", item: "机关事业单位基本养老保险缴费支出", column: "增幅" },
    percent: p,
    numerator: [{ amount: d }],
    denominator: [{ amount: x }, { amount: d, sign: -1 }],
    relation: { zh: "增减额 ÷ 上年预算数", en: "change ÷ last year's amount" },
  };
}

/** This year's 873.60 (held by the tables' 873.60), the change `d` and its percentage `p`, failing. */
function setUp(d: string, p: string): { log: IdentityLog; findings: Finding[]; x: Amount; change: Amount; percent: Amount } {
  const x = at("873.60", 1, 14);
  const table = at("873.60", 9, 40);
  const amount = at(d, 1, 34);
  const percent = at(p, 1, 44);
  const log = emptyLog();
  const findings: Finding[] = [finding("yoy-change", percent.location)];
  log.linear.push({ constraint: { kind: "eq", terms: [{ amount: x, coef: 1 }, { amount: table, coef: -1 }], subject: { table: "text" }, location: x.location }, finding: null });
  // (The change at most this year's amount: an inequality that holds bounds the change, it does not hold it.)
  log.linear.push({ constraint: { kind: "le", terms: [{ amount, coef: 1 }, { amount: x, coef: -1 }], subject: { table: "text" }, location: amount.location }, finding: null });
  log.ratios.push({ identity: change(x, amount, percent), finding: 0 });
  return { log, findings, x, change: amount, percent };
}

describe("typing slips", () => {
  it("reads a figure's digits with one slip: a digit changed, two adjacent swapped, one left out or added", () => {
    const s = oneSlipAway(4931n);
    for (const v of [3931n, 4031n, 9431n, 491n, 431n, 49310n, 49331n, 4913n]) expect(s.has(v)).toBe(true);
    expect(s.has(4931n)).toBe(false);
    expect(s.has(3932n)).toBe(false);
  });

  it("gives the slips in the order of the digits' strings, for figures of one digit to sixteen (0s, repeated digits, 14 digits and more)", () => {
    // The reference: each slip written out as a string of digits, in the order typingSlip's ties depend on.
    const byStrings = (printed: bigint): bigint[] => {
      const d = printed.toString();
      const out = new Set<bigint>();
      const add = (s: string) => s.length && out.add(BigInt(s));
      for (let i = 0; i < d.length; i++) {
        for (let k = 0; k <= 9; k++) if (String(k) !== d[i]) add(d.slice(0, i) + k + d.slice(i + 1));
        add(d.slice(0, i) + d.slice(i + 1));
        if (i + 1 < d.length && d[i] !== d[i + 1]) add(d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2));
      }
      for (let i = 0; i <= d.length; i++) for (let k = 0; k <= 9; k++) add(d.slice(0, i) + k + d.slice(i));
      out.delete(printed);
      return [...out];
    };
    const values = [0n, 5n, 10n, 100n, 1000005n, 4931n, 11111n, 9099n, 99999999999999n, 100000000000000n, 741254522390071n, 12345678901234567n];
    let x = 7n;
    for (let i = 0; i < 400; i++) values.push((x = (x * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n) % 10n ** BigInt(1 + (i % 16)));
    for (const v of values) expect([...oneSlipAway(v)], String(v)).toEqual(byStrings(v));
    expect(oneSlipAway(-3n).size).toBe(0);
  });

  it("a narrow interval far from the printed figure holding one of its slips is evidence; a wide one near it is not", () => {
    // 49.31 printed, 39.26 … 39.34 holding: 39.31 is one digit away.
    expect(typingSlip(4931n, 3926n, 3934n)).toBe(3931n);
    // 国家信访局 2026's 1,391.68 with 1,398.49 … 1,398.87 holding: 1,398.68 is one digit away, but 1,395.68, 1,396.68,
    // 1,397.68 and 1,399.68 lie as near; an interval 39 units wide holds one of them by chance, about one time in three.
    expect(typingSlip(139168n, 139849n, 139887n)).toBeNull();
    expect(typingSlip(4931n, 3600n, 3700n)).toBeNull();
  });
});

describe("a percentage that fails alone", () => {
  it("a change typed wrong (49.31 for 39.31) is named, at the value a slip of its digits gives; its percentage is explained by it", async () => {
    const { log, findings } = setUp("49.31", "4.71");
    const out = await diagnose(doc, findings, log, options);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ruleId: "diagnosis", stated: "49.31", computed: "39.31", difference: "10", location: { line: 1, column: 34 } });
    expect(out[0].message).toMatch(/nothing but its percentage 4\.71% holds it .*a value between 39\.26 and 39\.34; 39\.31 reads as the printed figure with one digit mistyped/);
    // The percentage, wrong if the change is right, is the equally small explanation.
    expect(out[0].diagnosis!.alternatives).toEqual([[{ location: { file: "x.md", line: 1, column: 44 }, table: "text", from: "4.71", to: "5.98" }]]);
    expect(out[0].message).toMatch(/one mistyped digit makes this one likelier/);
    expect(findings[0].explainedBy).toBe(out[0].id);
    expect(out[0].related).toContainEqual({ file: "x.md", line: 1, column: 44 });
  });

  it("a percentage typed wrong (5.71 for 4.71) is named by its own finding: nothing is added", async () => {
    const { log, findings } = setUp("39.31", "5.71");
    expect(await diagnose(doc, findings, log, options)).toEqual([]);
    expect(findings[0].explainedBy).toBeUndefined();
  });

  it("where no slip tells them apart, the percentage comes first: nothing is added", async () => {
    // 45.00 over 873.60 is 5.43%; 4.71% holds with 39.29 … 39.33, no slip of 45.00 among them.
    const { log, findings } = setUp("45.00", "4.71");
    expect(await diagnose(doc, findings, log, options)).toEqual([]);
  });

  it("a change the identities hold (its copy in a table) is no figure the percentage alone holds", async () => {
    const { log, findings, change: d } = setUp("49.31", "4.71");
    log.linear.push({ constraint: { kind: "eq", terms: [{ amount: d, coef: 1 }, { amount: at("49.31", 9, 60), coef: -1 }], subject: { table: "text" }, location: d.location }, finding: null });
    expect(await diagnose(doc, findings, log, options)).toEqual([]);
  });

  it("a change that would make wrong a percentage holding as printed is not named", async () => {
    const { log, findings, change: d } = setUp("49.31", "4.71");
    // 49.31 is 5.64% of 873.60, printed and holding: 39.31 would make it 4.50%.
    log.heldRatios.push({ subject: { table: "text" }, percent: at("5.64", 2, 20), numerator: [{ amount: d }], denominator: [{ amount: at("873.60", 2, 5) }], relation: { zh: "占比", en: "share" } });
    expect(await diagnose(doc, findings, log, options)).toEqual([]);
  });

  it("a change that makes two failing percentages hold is the one smaller explanation, with no alternative", async () => {
    const { log, findings, change: d } = setUp("49.31", "4.71");
    // Its share of this year's 873.60, 4.50% (39.31 ÷ 873.60), printed and failing with 49.31 (5.64%).
    const share = at("4.50", 2, 20);
    log.ratios.push({ identity: { subject: { table: "text" }, percent: share, numerator: [{ amount: d }], denominator: [{ amount: at("873.60", 2, 5) }], relation: { zh: "占比", en: "share" } }, finding: 1 });
    findings.push(finding("part-of-total", share.location));
    const out = await diagnose(doc, findings, log, options);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ stated: "49.31", computed: "39.31" });
    expect(out[0].diagnosis!.alternatives).toEqual([]);
    expect(findings.map((f) => f.explainedBy)).toEqual([out[0].id, out[0].id]);
  });

  it("a percentage whose figures an identity off doubts is left to the diagnosis of the identities", async () => {
    const { log, findings, x } = setUp("49.31", "4.71");
    const total = at("900.00", 5, 3);
    log.linear.push({ constraint: { kind: "eq", terms: [{ amount: total, coef: 1 }, { amount: x, coef: -1 }], subject: { table: "text" }, location: total.location }, finding: 1 });
    findings.push(finding("text-vs-table", total.location));
    const out = await diagnose(doc, findings, log, options);
    expect(out.every((f) => f.location.line !== 1 || f.location.column !== 34)).toBe(true);
  });

  it("a percentage that fails within warnings only gives a warning at most", async () => {
    const { log, findings } = setUp("49.31", "4.71");
    findings[0].severity = "warning";
    const out = await diagnose(doc, findings, log, options);
    expect(out[0].severity).toBe("warning");
  });

  it("numbers on after the identities' own diagnoses, and speaks Chinese with --lang zh", async () => {
    const { log, findings } = setUp("49.31", "4.71");
    const out = await diagnose(doc, findings, log, { ...options, lang: "zh" });
    expect(out[0].id).toBe("diagnosis-1");
    expect(out[0].message).toMatch(/列示 49\.31，只有百分比 4\.71%.*应在 39\.26 与 39\.34 之间；39\.31 与列示数字只差一处笔误/);
  });
});

/**
 * The engine's log holds its system in flat arrays (IdentityLog.declared, engine/flat.ts), and the walk over every
 * identity's figures reads their lines there (docs/performance.md, "Twenty-first pass"): the same diagnoses as from
 * the identities' objects.
 */
function asDeclared(log: IdentityLog, findings: Finding[]): IdentityLog {
  const system: LinearConstraint[] = [];
  const outside: number[] = [];
  log.linear.forEach((l, k) => {
    if (l.finding === null || findings[l.finding].withinRounding) system.push(l.constraint);
    else outside.push(k);
  });
  return { ...log, declared: { system, flat: FlatSystem.of(system), outside } };
}

describe("the identities' figures read from the engine's flat arrays", () => {
  const cases: [string, (s: ReturnType<typeof setUp>) => void][] = [
    ["a change typed wrong", () => {}],
    ["a change the identities hold", ({ log, change: d }) => log.linear.push({ constraint: { kind: "eq", terms: [{ amount: d, coef: 1 }, { amount: at("49.31", 9, 60), coef: -1 }], subject: { table: "text" }, location: d.location }, finding: null })],
    [
      "a percentage whose figures an identity off doubts",
      ({ log, findings, x }) => {
        const total = at("900.00", 5, 3);
        log.linear.push({ constraint: { kind: "eq", terms: [{ amount: total, coef: 1 }, { amount: x, coef: -1 }], subject: { table: "text" }, location: total.location }, finding: 1 });
        findings.push(finding("text-vs-table", total.location));
      },
    ],
    [
      "an inequality the change would break",
      ({ log, change: d }) => log.linear.push({ constraint: { kind: "le", terms: [{ amount: at("45.00", 1, 60), coef: 1 }, { amount: d, coef: -1 }], subject: { table: "text" }, location: d.location }, finding: null }),
    ],
  ];
  for (const [name, change] of cases)
    it(name, async () => {
      const plain = setUp("49.31", "4.71");
      change(plain);
      const flat = setUp("49.31", "4.71");
      change(flat);
      const want = await diagnose(doc, plain.findings, plain.log, options);
      const log = asDeclared(flat.log, flat.findings);
      const got = await diagnose(doc, flat.findings, log, options);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expect(mapArray(flat.findings, (f) => f.explainedBy ?? null)).toEqual(mapArray(plain.findings, (f) => f.explainedBy ?? null));
    });
});
