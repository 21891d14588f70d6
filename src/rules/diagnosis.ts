import type { Rule } from "../engine/types.js";

/**
 * The minimal-change diagnosis (src/diagnosis): after every other rule, when some identity is off, the
 * smallest set of printed figures whose change makes every identity hold within rounding, with the value
 * each should take. It needs the whole system of identities and the findings they gave, and an
 * asynchronous solver, so the engine does not run it: check.ts `checkDocument` does (`afterEngine`).
 * This entry gives it its id, severity, descriptions and doc page like every rule.
 */
export const diagnosis: Rule = {
  id: "diagnosis",
  defaultSeverity: "error",
  description: "Names the mistyped figure: the fewest printed figures whose change makes every identity hold within rounding, and the value each should take.",
  descriptionZh: "指出录错的数字：使所有等式在尾数误差内成立所需改动的最少列示数字，及其应有的数值。",
  afterEngine: true,
  check() {
    // Runs in check.ts checkDocument (src/diagnosis), after the engine: see afterEngine.
  },
};
