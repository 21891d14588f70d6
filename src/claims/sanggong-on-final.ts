import { componentOf } from "./directions.js";
import { ABROAD, fundsOwnSanggong, OFFICIAL_CAR, paragraphsOf, re } from "./para.js";
import type { JoinedText } from "./text.js";
import type { Claim, SanggongOnFinalClaim } from "./types.js";

/**
 * A 预算's “三公” figure stated with its change on last year's 决算 (2025年“三公”经费预算数为 62.00 万元，比上年决算增加 22.95
 * 万元 · 因公出国（境）费 3.00 万元，比2024年决算减少 1.12 万元 · 公务用车购置及运行费 54.00 万元，较上年决算数增加 24.35 万元),
 * the change on last year's budget perhaps between them (…62.00万元，比上年预算增加18.00万元，比上年决算增加22.95万元). Read
 * only so: the figure right before its change, one clause of comparison at most between them, and the change in 万元.
 * Not a fund's own 三公 (政府性基金预算安排的“三公”经费 …).
 */
const ON_FINAL = re(
  String.raw`(?<key>三公[”"]?\s*经费|${ABROAD}|因公出国\(境\)|${OFFICIAL_CAR}购置[及和]运行(?:维护)?费|${OFFICIAL_CAR}购置(?:费|支出)|${OFFICIAL_CAR}运行(?:维护)?费|公务接待费)\s*(?:财政拨款)?\s*(?:支出)?\s*(?:预算)?\s*(?:总额|合计)?\s*(?:数|安排)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元(?:\s*,\s*(?:比|较)[^,;:。决]{1,40}?)?\s*,\s*(?:比|较)\s*(?:上\s*一?\s*年\s*度?|(?<year>20\d\d)\s*年\s*度?)\s*(?:的\s*)?决\s*算\s*(?:数)?\s*(?:相\s*比)?\s*,?\s*(?<dir>增\s*加|减\s*少)\s*了?\s*(?<chg>NUM)\s*万\s*元`,
  "g",
);

/** A 预算's 三公 changes on last year's 决算, in any written part (text-vs-table compares them with the 三公 table's 决算 of last year). */
export function sanggongOnFinal(j: JoinedText, out: Claim[]): void {
  for (const p of paragraphsOf(j)) {
    if (!p.text.includes("决")) continue;
    for (const m of p.text.matchAll(ON_FINAL)) {
      const amount = p.amount(m, "amount");
      const chg = p.amount(m, "chg");
      if (!amount || !chg || fundsOwnSanggong(p, m.indices!.groups!.amount[0])) continue;
      const key = m.groups!.key.replace(/\s+/g, "");
      const c = componentOf(key);
      out.push({
        kind: "sanggong-on-final",
        component: c,
        label: c === "total" ? "“三公”经费" : key,
        amount,
        change: {
          kind: /增/.test(m.groups!.dir) ? "increase" : "decrease",
          amount: chg,
          percent: null,
          percentDirection: null,
          year: m.groups!.year ? Number(m.groups!.year) : null,
          location: p.j.at(p.start + m.indices!.groups!.dir[0]),
        },
      });
    }
  }
}
