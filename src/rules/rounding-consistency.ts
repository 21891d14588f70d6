import { decimalString, halfUnit } from "../model/amount.js";
import { findConflicts } from "../engine/propagate.js";
import type { Rule } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

/**
 * Runs last: every identity the other rules declared that holds within rounding on its own is checked
 * together with all the others (src/engine/propagate.ts). A conflict means no set of true amounts rounds
 * to all the printed figures at once — a real mistake hiding among rounding differences.
 */
export const roundingConsistency: Rule = {
  id: "rounding-consistency",
  defaultSeverity: "error",
  description: "The identities that each hold within rounding must also hold together: one set of true amounts must round to every printed figure.",
  descriptionZh: "各等式单独看均在尾数误差内时，还须能同时成立：须存在一组真实金额，四舍五入后恰为所有列示数字。",
  judgesSystem: true,
  check(_doc, ctx) {
    if (ctx.toleranceMode !== "auto") return;
    const system = ctx.system();
    for (const c of findConflicts(system)) {
      const involved = mapArray(c.constraints, (k) => system[k]);
      const related = involved.flatMap((k) => mapArray(k.terms, (t) => t.amount.location));
      const anchor = involved.find((k) => k.terms.some((t) => t.amount === c.amount)) ?? involved[0];
      const names = mapArray(involved, (k) => ctx.describe(k.subject));
      const stated = decimalString(c.amount.value);
      const forced = decimalString(c.forced);
      const difference = c.amount.value.minus(c.forced);
      ctx.report({
        subject: anchor.subject,
        location: c.amount.location,
        related,
        stated,
        computed: forced,
        difference: decimalString(difference),
        tolerance: decimalString(halfUnit(c.amount)),
        message: {
          zh: `列示 ${c.amount.text} 的数字须${c.direction === "above" ? "不小于" : "不大于"} ${forced} 才能使以下 ${involved.length} 个等式同时成立，超出其尾数误差范围：${names.join("；")}`,
          en: `the figure printed ${c.amount.text} would have to be ${c.direction === "above" ? "at least" : "at most"} ${forced} for these ${involved.length} identities to hold together, beyond its rounding: ${names.join("; ")}`,
        },
      });
    }
  },
};
