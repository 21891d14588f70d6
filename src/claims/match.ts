import type { Amount } from "../model/amount.js";
import { scaledOf, shift } from "../engine/grid.js";
import { normaliseName, ownString } from "../model/names.js";
import type { ProjectClaim } from "./types.js";
import { mapArray } from "../util/arrays.js";

/** A unit name for comparison: 深圳市科学技术协会(本级) and 市科学技术协会本级 are the same unit. */
export function unitCore(name: string): string {
  return memo(cores, name, () => ownString(normaliseName(name).replace(/[()]/g, "").replace(/^深圳/, "")));
}

/** Names are looked up again and again (every project against every other): each worked out once. */
const cores = new Map<string, string>();
const splits = new Map<string, { base: string; qualifiers: readonly string[] }>();
const MEMO_MAX = 4_096;

function memo<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    if (map.size >= MEMO_MAX) map.clear();
    map.set(ownString(key), v); // not a view into the document's text (ownString)
  }
  return v;
}

/**
 * Splits a project name as printed in 第三部分, 第七部分 or 表12 into its base and its parenthesised
 * qualifiers: 信息化运维项目 (市科学技术协会本级) → base 信息化运维项目, qualifier 市科学技术协会本级.
 */
export function splitProjectName(name: string): { readonly base: string; readonly qualifiers: readonly string[] } {
  return memo(splits, name, () => {
    const n = normaliseName(name);
    const qualifiers = mapArray([...n.matchAll(/\(([^()]*)\)/g)], (m) => ownString(m[1]));
    return Object.freeze({ base: ownString(n.replace(/\([^()]*\)/g, "")), qualifiers: Object.freeze(qualifiers) });
  });
}

/**
 * A list's projects by base name, in list order. A rule that matches many names against one list (every
 * name of 第七部分 and 表12) makes it once and passes it to matchProject. Not a memo keyed by the list: a
 * WeakMap's values outlive their key through V8's scavenges while the map is old, and this one kept each
 * checked document's projects (and what they point to) alive into the next documents' scavenges: 70 of
 * the 332 kB a batch worker's scavenge between documents copied (docs/performance.md, "Thirteenth pass").
 */
export function projectIndex(projects: ProjectClaim[]): ReadonlyMap<string, ProjectClaim[]> {
  const g = new Map<string, ProjectClaim[]>();
  for (const p of projects) {
    const base = splitProjectName(p.name).base;
    const list = g.get(base);
    if (list) list.push(p);
    else g.set(base, [p]);
  }
  return g;
}

/**
 * The project of 第三部分 that a name printed elsewhere (第七部分, 表12) stands for: same base name; among
 * several (信息化运维项目 of two units), the one whose unit a qualifier names, else the one whose
 * amount is nearest (`amount` of the other listing).
 */
export function matchProject(projects: ProjectClaim[], name: string, amount: Amount | null, index = projectIndex(projects)): ProjectClaim | null {
  const { base, qualifiers } = splitProjectName(name);
  const same = index.get(base) ?? [];
  if (same.length <= 1) return same[0] ?? null;
  // Each name's core looked up once, not once for every pair of a project and a qualifier.
  const named = mapArray(qualifiers, unitCore);
  const byUnit = named.length ? same.filter((p) => {
    const core = unitCore(p.unit);
    return named.some((q) => core.includes(q));
  }) : [];
  if (byUnit.length === 1) return byUnit[0];
  if (!amount) return null;
  const pool = byUnit.length ? byUnit : same;
  // The nearest, the first of equals (as a stable sort by distance put it): the distances exact on the grid of the most
  // decimals among the figures (engine/grid.ts), not Decimals made and subtracted at each of a sort's comparisons.
  let D = amount.decimals;
  for (const p of pool) if (p.amount.decimals > D) D = p.amount.decimals;
  const at = onGrid(amount, D);
  let best = pool[0];
  let nearest = distance(onGrid(best.amount, D), at);
  for (let k = 1; k < pool.length; k++) {
    const d = distance(onGrid(pool[k].amount, D), at);
    if (d < nearest) {
      best = pool[k];
      nearest = d;
    }
  }
  return best;
}

/** A figure as an integer count of 10^−D (D at least its decimals). */
const onGrid = (a: Amount, D: number): bigint => BigInt(shift(scaledOf(a), D - a.decimals));
const distance = (x: bigint, y: bigint): bigint => (x > y ? x - y : y - x);
