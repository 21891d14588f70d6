import type { FigureAt } from "./generic-figures.js";
import { ABROAD, fundsOwnSanggong, OFFICIAL_CAR, type Para, re } from "./para.js";
import type { Claim, SanggongComponent } from "./types.js";

/**
 * A “三公” figure's change on last year stated by its direction alone, its amount not printed (四川, 甘肃: 公务接待费比上年减少，
 * 主要原因是… · 因公出国（境）费 0.00 万元，与上年持平 · 公务用车购置费与2024年预算持平): the component named right before it, with
 * its figure or without. 基本持平 (about the same) and a direction with its amount (…减少 0.68 万元, the stated change's) are
 * not read; nor a fund's own 三公 (政府性基金预算安排的“三公”经费…).
 */
const DIRECTION = re(
  String.raw`(?<label>三公[”"]?\s*经费|${ABROAD}|因公出国\(境\)|${OFFICIAL_CAR}购置[及和]运行(?:维护)?费|${OFFICIAL_CAR}购置费|${OFFICIAL_CAR}运行(?:维护)?费|公务接待费)(?:\s*(?:财政拨款)?\s*(?:预算|支出)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元(?:\s*\([^()]{0,200}\))?)?\s*,?\s*(?:(?:比|较|与)\s*(?:上\s*年\s*度?|(?<year>20\d\d)\s*年\s*度?)\s*(?:年\s*初\s*)?(?<base>预\s*算\s*数?|执\s*行\s*数?)?\s*(?:相\s*比|比\s*较)?|同\s*比)\s*,?\s*(?<dir>有所增加|有所减少|略有增加|略有减少|增加|减少|增长|下降|持平)(?=\s*(?:[,。;]|主要|$))`,
  "g",
);

/** A 三公 kind by the words the text names it with (“三公”经费 · 因公出国（境）费 · 公务用车购置及运行费 …). */
export function componentOf(label: string): SanggongComponent {
  if (/三公/.test(label)) return "total";
  if (/购置[及和]运行/.test(label)) return "vehicle";
  if (/购置/.test(label)) return "vehicle-purchase";
  if (/运行/.test(label)) return "vehicle-operation";
  if (/接待/.test(label)) return "reception";
  return "abroad";
}

export function sanggongDirections(p: Para, figureAt: FigureAt, out: Claim[]): void {
  for (const m of p.text.matchAll(DIRECTION)) {
    const g = m.groups!;
    if (fundsOwnSanggong(p, m.index + m[0].length)) continue;
    const component = componentOf(g.label);
    const word = g.dir;
    out.push({
      kind: "sanggong-direction",
      component,
      label: component === "total" ? "“三公”经费" : g.label.replace(/\s+/g, ""),
      direction: word === "持平" ? "same" : /增/.test(word) ? "increase" : "decrease",
      amount: g.amount ? figureAt(p, m, "amount") : null,
      year: g.year ? Number(g.year) : null,
      ...(g.base && { base: g.base.replace(/\s+/g, "").startsWith("执") ? ("execution" as const) : ("budget" as const) }),
      location: p.j.at(p.start + m.indices!.groups!.dir[0]),
    });
  }
}
