/**
 * A 三公 table printed down the page (its items the rows: 合计, 1.因公出国（境）费, 2.公务用车购置及运行费, （1）公务用车购置费 …)
 * may print, beside its money (预算数 | 决算数), columns of counts: 车辆数（辆）, 批次, 人次, 团组数, 保有量, 购置数. They are no
 * money: their figures are taken out of each line before its money is read (so no money column and no sum ever holds
 * them), and kept as the counts of the item on whose line they stand, as the counts the national form prints under its
 * 统计数 are (`count:<item>` cells).
 */
import type { HeaderLeaf } from "./header.js";
import { isFigureToken, tokensOf } from "./tokens.js";
import type { LayoutLine, LayoutToken } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/** What a count column counts, by its label. */
export type CountKind = "groups" | "people" | "batches" | "vehicles" | "held" | "bought";

/** A count's unit printed after its label: （个） · （人） · （辆） · （人次） · （批次）. */
const UNIT = /\((个|人|辆|人次|批次|批|次|台|组)\)$/;

/**
 * What a column of counts counts (车辆数（辆）→ vehicles, 接待批次 → batches, 人次 → people …), or null for a column that
 * is no count (预算数, 决算数, 合计 …). A label is a count's only by a count's own words; one ending in a count's unit
 * (（辆）) names what it counts by them too.
 */
export function countKind(label: string): CountKind | null {
  const name = label.replace(/^其中[:：]?/, "");
  const bare = name.replace(UNIT, "");
  if (!/^((因公出国\(境\)|出国|公务接待|国内公务接待|接待|公务用车)?(团组数?|批次|人次|人数|车辆数?|购置数(量)?|保有(量|数))|(车辆|数量|台数|个数))$/.test(bare)) return null;
  if (/团组/.test(bare)) return "groups";
  if (/人次|人数/.test(bare)) return "people";
  if (/批次/.test(bare)) return "batches";
  if (/保有/.test(bare)) return "held";
  if (/购置/.test(bare)) return "bought";
  if (/车辆/.test(bare) || /\((辆|台)\)$/.test(name)) return "vehicles";
  return null;
}

/** A count figure of a line: the count column it stands in, and the figure. */
export interface LineCount {
  kind: CountKind;
  tok: LayoutToken;
}

/**
 * The body with its count columns' figures taken out, the header's leaves without them, and the figures taken out by
 * the line they were printed on. Null where the header prints no count column, or one left of a money column (the
 * table is then read as it was).
 *
 * A figure's column: in a table of cells (a Word table, a worksheet), the one whose label is in the figure's cell; in
 * a layout text, the last whose label starts before the figure ends (a figure set right in its column ends after its
 * label starts and before the next label, centred in the next column, does; a label set right over its figures as
 * well).
 */
export function splitCountColumns(
  leaves: HeaderLeaf[],
  headerTokens: LayoutToken[],
  body: LayoutLine[],
  isItemLabel: (text: string) => boolean,
): { leaves: HeaderLeaf[]; body: LayoutLine[]; counts: Map<number, LineCount[]> } | null {
  const columns = leaves.filter((l) => !isItemLabel(l.text));
  const kinds = mapArray(columns, (l) => countKind(l.text));
  const firstCount = columns.findIndex((_, j) => kinds[j] !== null);
  if (firstCount < 0) return null;
  // Money first, the counts after it, each a column of its own.
  if (firstCount === 0 || kinds.slice(firstCount).some((k) => k === null)) return null;
  // Each column's cell, where the header's tokens know theirs.
  const cells = mapArray(columns, (l) => {
    const own = new Set(mapArray(headerTokens.filter((t) => t.x0 === l.x0), (t) => t.cell));
    return own.size === 1 ? [...own][0] : undefined;
  });
  const byCell = cells.every((c) => c !== undefined) && new Set(cells).size === cells.length;
  const columnOf = (t: LayoutToken): number => {
    if (byCell && t.cell !== undefined) return cells.indexOf(t.cell);
    let at = -1;
    columns.forEach((l, j) => {
      if (l.x0 < t.x1) at = j;
    });
    return at;
  };
  const counts = new Map<number, LineCount[]>();
  const rest = mapArray(body, (l) => {
    const keep: LayoutToken[] = [];
    const own: LineCount[] = [];
    for (const t of tokensOf(l)) {
      const j = isFigureToken(t.text) ? columnOf(t) : -1;
      if (j >= firstCount) {
        // (A dash is a count left blank.)
        if (/\d/.test(t.text)) own.push({ kind: kinds[j]!, tok: t });
      } else keep.push(t);
    }
    if (keep.length === tokensOf(l).length) return l;
    if (own.length) counts.set(l.line, own);
    return { ...l, text: mapArray(keep, (t) => t.text).join(" "), tokens: keep };
  });
  return { leaves: leaves.filter((l) => !columns.slice(firstCount).includes(l)), body: rest, counts };
}

/**
 * The count a figure in a count column is, by the item on whose line it stands and what the column counts (因公出国（境）费
 * × 团组数 → abroad-groups; 公务用车购置费 × 车辆数 → vehicles-bought; 公务用车运行费 × 车辆数 → vehicles-held; 国内接待费 ×
 * 批次 → reception-batches …), or null where the two do not say one (a 车辆数 on 公务用车购置及运行费's line: bought or
 * held; any count on 合计's). 公务接待费's own are the 国内 ones only where the table prints no 国内 / 国（境）外 split
 * (the national form counts the 国内 receptions; a table without the split has no other).
 */
export function countKey(item: string, kind: CountKind, split: boolean): string | null {
  const reception = (prefix: string): Partial<Record<CountKind, string>> => ({ batches: `${prefix}-batches`, groups: `${prefix}-batches`, people: `${prefix}-people` });
  const keys: Record<string, Partial<Record<CountKind, string>>> = {
    abroad: { groups: "abroad-groups", batches: "abroad-groups", people: "abroad-people" },
    vehicle: { bought: "vehicles-bought", held: "vehicles-held" },
    "vehicle-purchase": { vehicles: "vehicles-bought", bought: "vehicles-bought" },
    "vehicle-operation": { vehicles: "vehicles-held", held: "vehicles-held" },
    "reception-domestic": reception("reception"),
    "reception-foreign-guests": reception("reception-foreign-guests"),
    "reception-foreign": reception("reception-foreign"),
    ...(split ? {} : { reception: reception("reception") }),
  };
  return keys[item]?.[kind] ?? null;
}
