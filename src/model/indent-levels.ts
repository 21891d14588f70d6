import type { CodeKind, Row } from "./document.js";
import { economicClassCode } from "./economic-classes.js";
import { functionClassCode } from "./function-classes.js";
import { normaliseName } from "./names.js";
import { mapArray } from "../util/arrays.js";

/*
 * A classified table printed by name only (杭州: 科学技术支出 / 技术研究与开发 / 科技成果转化与扩散, no codes):
 * its 类 / 款 / 项 are told by indentation alone. Given where each row's name starts, the rows get their levels
 * (1 = 类, 2 = 款, 3 = 项), so the hierarchy's identities (类 = Σ 款, 款 = Σ 项, 合计 = Σ 类) can be stated as for
 * a coded table. Only a reading that cannot be something else is taken:
 * - two or three indentations, each step about as wide as the others (names centred in their cells start
 *   wherever their length puts them: many indentations, or uneven steps);
 * - the first row of the table, and of each budget unit, at the margin; no row more than one level below
 *   the row before it;
 * - every row at the margin named as a 类 of the table's classification (a list of projects or of units is
 *   not a hierarchy of classes), and at least one of them with rows under it;
 * - by function, no row right under a 类 named as only a 项 is (行政运行, 一般行政管理事务, 机关服务, 事业运行: the
 *   项 every 款 opens with): there the 款 and their 项 share one indentation, and 类 = Σ of them would count
 *   each 项 twice.
 * Anything else leaves every level as it was (null): the table is checked as before, row by row.
 */

/**
 * Sets `level` on the named, uncoded rows (`item`) of a classified table from `indentOf` (where the row's
 * name starts: a column in text, PDF points on a page). `tolerance`: how far two starts of one indentation
 * may lie apart. Returns whether the levels were set.
 */
export function levelsByIndent(rows: Row[], codeKind: CodeKind | null | undefined, indentOf: (r: Row) => number | null, tolerance: number): boolean {
  if (!codeKind || rows.some((r) => r.kind === "code")) return false;
  const classOf = codeKind === "economic" ? economicClassCode : functionClassCode;
  const named: { row: Row; x: number }[] = [];
  for (const r of rows) {
    if (r.kind !== "item") continue;
    const x = indentOf(r);
    if (!r.name || x === null || !Number.isFinite(x)) return false;
    named.push({ row: r, x });
  }
  if (named.length < 2) return false;
  const starts = indentations(mapArray(named, (n) => n.x), tolerance);
  if (starts.length < 2 || starts.length > 3) return false;
  const steps = mapArray(starts.slice(1), (s, i) => s - starts[i]);
  if (Math.max(...steps) > 2 * Math.min(...steps) + tolerance) return false;
  const levelOf = (x: number) => starts.findIndex((s) => x >= s && x - s <= tolerance) + 1;
  const levels = new Map<Row, number>();
  let previous = 0;
  let parents = 0;
  let n = 0;
  for (const r of rows) {
    // A budget unit's row (or the department's) begins a new tree.
    if (r.kind === "unit" || r.kind === "department") {
      previous = 0;
      continue;
    }
    if (r.kind !== "item") continue;
    const level = levelOf(named[n++].x);
    if (level < 1 || level > previous + 1) return false;
    if (level === 1 && !classOf(r.name)) return false;
    if (level === 2 && codeKind === "function" && XIANG_ONLY.test(normaliseName(r.name!))) return false;
    if (level > previous && previous >= 1) parents++;
    levels.set(r, level);
    previous = level;
  }
  if (!parents) return false;
  for (const [r, level] of levels) r.level = level;
  return true;
}

/** The 项 of the function classification that every 款 opens with (2010101 行政运行 …): never a 款's name. */
const XIANG_ONLY = /^(行政运行|一般行政管理事务|机关服务|事业运行)$/;

/** The distinct indentations, in order: each the least start of the starts within `tolerance` of it. */
function indentations(xs: number[], tolerance: number): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1] > tolerance) out.push(x);
  return out;
}
