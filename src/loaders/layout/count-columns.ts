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

/** A year or a stage printed before a count's words (2024年车辆数 · 本年批次 · 决算人次): the money column it is of. */
const OWN_STAGE = /^((?:\d{4}|上|本|当)年度?)?(预算|决算)?/;

/** A count column's label without 其中 and the year or stage before its words. */
const countWords = (label: string): { words: string; year: string; stage: string } => {
  const name = label.replace(/^其中[:：]?/, "");
  const m = OWN_STAGE.exec(name)!;
  return { words: name.slice(m[0].length), year: (m[1] ?? "").replace(/度$/, ""), stage: m[2] ?? "" };
};

/**
 * What a column of counts counts (车辆数（辆）→ vehicles, 接待批次 → batches, 人次 → people, 2024年车辆数 → vehicles …), or
 * null for a column that is no count (预算数, 决算数, 2024年预算数, 合计 …). A label is a count's only by a count's own words
 * (a year or a stage before them: 本年批次 · 决算人次); one ending in a count's unit (（辆）) names what it counts by them too.
 */
export function countKind(label: string): CountKind | null {
  const name = countWords(label).words;
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

/**
 * Whether a money column's label (预算数, 年初预算数, 决算数, 2024年预算数, 上年预算数 …) is of the year and stage a count
 * column's label prints before its words (2024年 · 本年 · 预算 · 决算): the same year (by its number, or 上年 / 本年), the same
 * stage (a 预算数 of any kind: 年初 · 全年 · 调整), or both.
 */
function ofStage(money: string, year: string, stage: string): boolean {
  const m = OWN_STAGE.exec(money.replace(/^(年初|全年|调整后?)(?=预算)/, ""))!;
  const y = (m[1] ?? "").replace(/度$/, "").replace(/^当年$/, "本年");
  if (year && y !== year.replace(/^当年$/, "本年")) return false;
  if (stage && (m[2] ?? "") !== stage) return false;
  return true;
}

/**
 * A count figure of a line: the count column it stands in, the figure, and the money column (its index among the
 * columns left once the counts are out) whose year or stage it is of — null where it is the table's own (its 决算数, this
 * year's).
 */
export interface LineCount {
  kind: CountKind;
  tok: LayoutToken;
  owner: number | null;
  /** The count column's header leaf (its label and the groups above it). */
  column: HeaderLeaf;
}

/**
 * Which money column each count column is of (its index among the money columns; null: the table's own; undefined: none
 * known, the count left):
 * - one whose label prints a year or a stage (2024年车辆数 · 本年批次 · 决算人次): the one money column of that year or stage;
 * - else one whose words the header prints once (项目 | 团组数 | 人次 | 预算数 | 决算数 · 项目 | 预算数 | 决算数 | 车辆数 |
 *   批次, wherever they stand): the table's own, as the counts the national form prints once (its 决算数's, this year's);
 * - else (the same words printed for each year or stage: 预算数 | 车辆数 | 决算数 | 车辆数) the money column each run of
 *   count columns stands right of — or left of, where every such run has one there and not every run one on its left.
 */
function owners(columns: HeaderLeaf[], kinds: (CountKind | null)[]): (number | null | undefined)[] {
  const moneyIndex = mapArray(columns, (_, j) => (kinds[j] === null ? columns.slice(0, j).filter((__, i) => kinds[i] === null).length : -1));
  const words = mapArray(columns, (l) => countWords(l.text));
  const unstaged = (j: number) => kinds[j] !== null && !words[j].year && !words[j].stage;
  const repeated = (j: number) => columns.filter((_, i) => unstaged(i) && words[i].words.replace(UNIT, "") === words[j].words.replace(UNIT, "")).length > 1;
  // Each count column's run: the money column right before it and right after it.
  const before = (j: number) => { let i = j; while (i >= 0 && kinds[i] !== null) i--; return i; };
  const after = (j: number) => { let i = j; while (i < columns.length && kinds[i] !== null) i++; return i < columns.length ? i : -1; };
  const spread = columns.filter((_, j) => unstaged(j) && repeated(j));
  const side = spread.every((l) => before(columns.indexOf(l)) >= 0) ? "left" : spread.every((l) => after(columns.indexOf(l)) >= 0) ? "right" : null;
  return mapArray(columns, (l, j) => {
    if (kinds[j] === null) return undefined;
    if (!unstaged(j)) {
      const of = columns.filter((m, i) => kinds[i] === null && ofStage(m.text, words[j].year, words[j].stage));
      return of.length === 1 ? moneyIndex[columns.indexOf(of[0])] : undefined;
    }
    if (!repeated(j)) return null;
    const at = side === "left" ? before(j) : side === "right" ? after(j) : -1;
    return at >= 0 ? moneyIndex[at] : undefined;
  });
}

/**
 * The body with its count columns' figures taken out, the header's leaves without them, and the figures taken out by
 * the line they were printed on. Null where the header prints no count column, or no money column. Count columns may
 * stand anywhere among the money: right of it, left of it, or between its columns.
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
  ownerless = false,
): { leaves: HeaderLeaf[]; body: LayoutLine[]; counts: Map<number, LineCount[]> } | null {
  const columns = leaves.filter((l) => !isItemLabel(l.text));
  const kinds = mapArray(columns, (l) => countKind(l.text));
  if (!kinds.some((k) => k !== null) || kinds.every((k) => k !== null)) return null;
  const owner = owners(columns, kinds);
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
      if (j >= 0 && kinds[j] !== null) {
        // (A dash is a count left blank; a count of no known column's is left, unless the caller reads counts by their
        // labels alone: `ownerless`, a table across the page whose rows are its years and stages.)
        if (/\d/.test(t.text) && (owner[j] !== undefined || ownerless)) own.push({ kind: kinds[j]!, tok: t, owner: owner[j] ?? null, column: columns[j] });
      } else keep.push(t);
    }
    if (keep.length === tokensOf(l).length) return l;
    if (own.length) counts.set(l.line, own);
    return { ...l, text: mapArray(keep, (t) => t.text).join(" "), tokens: keep };
  });
  return { leaves: leaves.filter((l) => !columns.includes(l) || kinds[columns.indexOf(l)] === null), body: rest, counts };
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

/** The 三公 kind a count column's words name (因公出国（境）团组数 → abroad; 公务用车保有量 → vehicle; 国内公务接待批次 → reception-domestic …). */
const COUNT_ITEM: [RegExp, string][] = [
  [/因公出国|出国|出访/, "abroad"],
  [/公务用车|车辆/, "vehicle"],
  [/外事接待|接待外宾/, "reception-foreign-guests"],
  [/国\(境\)外(公务)?接待/, "reception-foreign"],
  [/国内(公务)?接待/, "reception-domestic"],
  [/公务接待|接待/, "reception"],
];

/**
 * The count a count column of a 三公 table laid out across the page holds (its items the columns, a row a year and
 * stage: 因公出国（境）团组数（个） → abroad-groups, 公务用车保有量（辆） → vehicles-held, 国内公务接待批次（个） →
 * reception-batches …): by the kind its own label names, else the groups above it (因公出国（境） over 团组数 · 人次), else
 * by what it counts where one kind alone has it (购置数 · 保有量: the vehicles). Null where none says one (团组数 and 人次
 * alone: the groups abroad or the receptions'): the figure is then no money and no count read. `split`: whether the
 * table prints 公务接待费's 国内 / 国（境）外 split (countKey).
 */
export function acrossCountKey(column: HeaderLeaf, kind: CountKind, split: boolean): string | null {
  const named = (text: string) => COUNT_ITEM.find(([re]) => re.test(text))?.[1];
  const item = named(column.text) ?? named(column.groups.join("")) ?? (kind === "bought" || kind === "held" ? "vehicle" : undefined);
  return item ? countKey(item, kind, split) : null;
}
