/**
 * A 三公 table of years and stages: its columns (items down the page) or its rows (items across) each a year's figures of
 * one stage — 2024年预算数 | 2025年预算数 (a 预算's), 2023年决算数 | 2024年预算数 | 2024年决算数 or 上年决算数 | 本年预算数 |
 * 本年决算数 (a 决算's), with the change (增减额) and its percentage beside them. Each label is tagged with its year and its
 * stage, and each column (or row) is read into the row the checks mean by it: this year's figures of the table's own stage
 * (a 预算's budget, a 决算's outturn) are its `current-year` row; a 决算's budget of a year, that year's row's `budget-`
 * cells (as the national form's 预算数 | 决算数 are); last year's figures of the table's own stage, its `previous-year` row;
 * a 预算's last year's 决算 (2024年决算数 | 2025年预算数), a `previous-final` row (no 预算 of last year: the text's change on
 * last year's budget is not compared with it); the change, its `change` row.
 */
import { mapArray } from "../../util/arrays.js";

export type Stage = "budget" | "adjusted" | "final";

/** A year's label: 2025年预算数 · 2024年度决算数 · 上年决算数 · 本年预算 · 2025年 · 调整预算数; the year and the stage printed. */
const LABEL = /^(?:(\d{4})年度?|(上|本|当)年度?)?(年初|全年|调整后?)?(预算|决算)?数?$/;

/** A label's year (Infinity for 本年 / 当年, −Infinity for 上年, null where none is printed) and stage (null: none printed). */
export function yearStage(label: string): { year: number | null; stage: Stage | null } | null {
  const m = LABEL.exec(label);
  if (!m || (!m[1] && !m[2] && !m[4])) return null;
  const year = m[1] ? Number(m[1]) : m[2] ? (m[2] === "上" ? -Infinity : Infinity) : null;
  const stage: Stage | null = m[4] === "决算" ? "final" : m[3] && /^调整/.test(m[3]) ? "adjusted" : m[4] || m[3] ? "budget" : null;
  // (年初 / 调整 with no 预算 after it is no stage: 年初数 is a balance's.)
  if (m[3] && m[4] !== "预算") return null;
  return { year, stage };
}

/** The change between the years (增减额 · 增加额 · 减少额) and its percentage (增减率（%） · 增长率). */
const CHANGE = /^增减(额|金额)?$|^(增加|减少)(额)?$/;
const PERCENT = /^(增减|增长)(率|幅度)?([(（]%[)）]|%)?$|^增减(比例|幅度)$/;

export type YearRole = "current-year" | "previous-year" | "previous-final" | "change" | "percent";
/** Where a column (or row) of a table of years is read: its row's role, and the prefix of its cells there ("" or "budget-"). */
export interface YearPlace {
  role: YearRole;
  prefix: "" | "budget-";
}

/**
 * The table's own stage: a title that says 决算 (…“三公”经费支出决算表) or 预算, else the document's; a 预算 whose latest year
 * prints a 决算 is a 决算's table.
 */
export function ownStage(title: string, docStage: "budget" | "final" | null): "budget" | "final" {
  return /决算/.test(title) ? "final" : /预算/.test(title) ? "budget" : (docStage ?? "budget");
}

/**
 * Each label's place (see above), or null where the labels are not a table of years: a label neither a year's nor the
 * change's nor its percentage; no year printed (预算数 | 决算数 is a 决算's stages, read as such); more than two years;
 * two labels of one place; no figures of this year's own stage; a change of one year; or a 决算's budget of a year (a `budget-` place) where the template has none.
 */
export function yearPlaces(labels: string[], stage: "budget" | "final", budgetColumns: boolean): YearPlace[] | null {
  const tags = mapArray(labels, (l) => yearStage(l));
  if (!tags.some((t) => t && t.year !== null)) return null;
  // (A stage printed without its year is this year's: 上年决算数 | 预算数 | 决算数.)
  const years = [...new Set(mapArray(tags.filter((t) => t !== null), (t) => t!.year ?? Infinity))];
  if (years.length > 2) return null;
  const latest = Math.max(...years);
  // A 预算 table whose latest year prints its 决算 is a 决算's.
  const own = stage === "final" || tags.some((t) => t && (t.year ?? Infinity) === latest && t.stage === "final") ? "final" : "budget";
  const places: (YearPlace | null)[] = mapArray(labels, (l, j) => {
    const t = tags[j];
    if (!t) return CHANGE.test(l) ? { role: "change", prefix: "" } : PERCENT.test(l) ? { role: "percent", prefix: "" } : null;
    const s = t.stage ?? (own === "final" ? "final" : "budget");
    const current = (t.year ?? Infinity) === latest;
    if (own === "final") return { role: current ? "current-year" : "previous-year", prefix: s === "final" ? "" : "budget-" };
    if (s === "final") return current ? null : { role: "previous-final", prefix: "" };
    return { role: current ? "current-year" : "previous-year", prefix: "" };
  });
  if (places.some((p) => p === null)) return null;
  const out = places as YearPlace[];
  const key = (p: YearPlace) => `${p.role}|${p.prefix}`;
  if (new Set(mapArray(out, key)).size !== out.length) return null;
  if (!out.some((p) => p.role === "current-year" && p.prefix === "")) return null;
  if (!budgetColumns && out.some((p) => p.prefix === "budget-")) return null;
  // (The change and its percentage are between two years' figures: a table of one year has none.)
  if (years.length < 2 && out.some((p) => p.role === "change" || p.role === "percent")) return null;
  return out;
}
