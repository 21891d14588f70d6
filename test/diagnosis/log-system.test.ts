import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnosis/index.js";
import { figuresOf, LogSystem } from "../../src/diagnosis/system.js";
import { emptyLog, runRules, type IdentityLog } from "../../src/engine/run.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import { rules } from "../../src/rules/index.js";
import { defaultTemplate } from "../../src/templates/index.js";
import { ROOT, SEED } from "../helpers/cli.js";
import { mapArray } from "../../src/util/arrays.js";

/**
 * The diagnosis's walks over every identity (the figures in order of first use, the groups, the totals' weights, the
 * neighbourhoods) read the flat arrays the engine wrote as the rules declared the identities (IdentityLog.declared),
 * and the few identities beyond rounding from their objects (system.ts LogSystem; docs/performance.md, "Twenty-second
 * pass"): identity k of the log must be read there with its own kind, figures and coefficients, and the diagnosis must
 * say the same as from the objects.
 */
const seedText = readFileSync(join(ROOT, SEED), "utf8");
const opts = { tolerance: { kind: "auto" as const }, severities: {}, lang: "en" as const };

/** The seed with figures mistyped (identities beyond rounding among those that hold), checked with a log. */
function checked(edits: [number, string, string][]) {
  const lines = seedText.split("\n");
  for (const [i, from, to] of edits) {
    expect(lines[i]).toContain(from);
    lines[i] = lines[i].replace(from, to);
  }
  const doc = loadMarkdown(SEED, lines.join("\n"), defaultTemplate);
  const log = emptyLog();
  const findings = runRules(doc, rules, { ...opts, log });
  return { doc, log, findings };
}

const EDITS: [number, string, string][][] = [
  [[525, "9,724", "9,742"]],
  [
    [525, "9,724", "9,742"],
    [633, "9,724", "9,727"],
  ],
];

/** The log without the engine's flat arrays: every walk reads the objects (LogSystem made flat from them). */
function plain(log: IdentityLog): IdentityLog {
  const { declared: _, ...rest } = log;
  return rest;
}

describe("the log's identities read from the engine's flat arrays", () => {
  for (const edits of EDITS)
    it(`read as the objects say, with ${edits.length} figure(s) mistyped`, () => {
      const { log } = checked(edits);
      expect(log.declared).toBeDefined();
      expect(log.declared!.outside.length).toBeGreaterThan(0);
      // Beyond rounding among the others, not all at the end: the merge of the two is what is tested.
      expect(log.declared!.outside[0]).toBeLessThan(log.linear.length - log.declared!.outside.length);
      const constraints = mapArray(log.linear, (l) => l.constraint);
      for (const from of [log, plain(log)]) {
        const sys = LogSystem.of(from, constraints);
        for (let k = 0; k < constraints.length; k++) {
          const c = constraints[k];
          const f = sys.flat(k);
          const i = sys.index[k];
          expect(sys.isEq(k)).toBe(c.kind === "eq");
          const amounts = [];
          const coefs = [];
          for (let x = f.start[i]; x < f.start[i + 1]; x++) {
            amounts.push(f.amounts[x]);
            coefs.push(f.coefs[x]);
          }
          expect(amounts.every((a, j) => a === c.terms[j].amount)).toBe(true);
          expect(amounts.length).toBe(c.terms.length);
          expect(coefs).toEqual(mapArray(c.terms, (t) => t.coef));
        }
        const figures = sys.figures();
        const want = figuresOf(constraints);
        expect(figures.length).toBe(want.length);
        expect(figures.every((a, j) => a === want[j])).toBe(true);
      }
    });

  for (const edits of EDITS)
    it(`diagnoses as from the objects, with ${edits.length} figure(s) mistyped`, async () => {
      const a = checked(edits);
      const b = checked(edits);
      const want = await diagnose(a.doc, a.findings, plain(a.log), { lang: "en", severity: "error", seconds: 10 });
      const got = await diagnose(b.doc, b.findings, b.log, { lang: "en", severity: "error", seconds: 10 });
      expect(want.length).toBeGreaterThan(0);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expect(mapArray(b.findings, (f) => f.explainedBy ?? null)).toEqual(mapArray(a.findings, (f) => f.explainedBy ?? null));
    });
});
