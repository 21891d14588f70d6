import type { Amount } from "../model/amount.js";
import type { LinearConstraint } from "../engine/propagate.js";
import type { Subject } from "../engine/types.js";
import type { Figure } from "./figures.js";
import { SEPARATE, type Families } from "./families.js";
import type { LogSystem } from "./system.js";

/**
 * How much changing one printed figure costs the diagnosis. The measured choice (docs/diagnosis.md,
 * scripts/diagnosis-mutation.mjs) is the default; the others are kept so the measurement can be re-run.
 */
export interface WeightScheme {
  name: string;
  /** A figure of a table that is no total of a sum identity. */
  leaf: number;
  /** A figure that is the total of some sum of two or more parts. */
  total: number;
  /** A figure printed in the written parts. */
  text: number;
}

export const WEIGHT_SCHEMES: WeightScheme[] = [
  { name: "uniform", leaf: 2, total: 2, text: 2 },
  { name: "text-heavier", leaf: 2, total: 2, text: 3 },
  { name: "total-lighter", leaf: 2, total: 1, text: 2 },
];

export const DEFAULT_WEIGHTS: WeightScheme = WEIGHT_SCHEMES[0];

/**
 * A figure's weight; a family's (families.ts) is its head's, a total when any of its members is one. With `sys` (the
 * same identities in flat arrays, system.ts LogSystem), the totals are read from its arrays.
 */
export function figureWeight(scheme: WeightScheme, constraints: LinearConstraint[], subjects: Map<Amount, Subject>, fam: Families = SEPARATE, sys?: LogSystem): (f: Figure) => number {
  const totals = new Set<Amount>();
  if (sys)
    for (let k = 0; k < constraints.length; k++) {
      const f = sys.flat(k);
      const i = sys.index[k];
      const x = f.start[i];
      if (f.kinds[i] === 1 && f.start[i + 1] - x > 2 && f.coefs[x] === 1) totals.add(fam.head(f.amounts[x]));
    }
  else for (const c of constraints) if (c.kind === "eq" && c.terms.length > 2 && c.terms[0].coef === 1) totals.add(fam.head(c.terms[0].amount));
  return (f) => {
    const s = subjects.get(f.amount);
    if (!s || s.table === "text") return scheme.text;
    return totals.has(f.amount) ? scheme.total : scheme.leaf;
  };
}
