import { Decimal } from "decimal.js";
import { parseNumber } from "../../model/amount.js";
import { normaliseName } from "../../model/names.js";
import { AMOUNT_TOKEN, DASH_TOKEN, tokensOf } from "./tokens.js";
import type { LayoutLine, LayoutToken } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/*
 * Classified tables printed side by side in lanes (the 决算's 一般公共预算财政拨款基本支出决算表: Shanghai's two lanes,
 * 人员经费 | 公用经费; the national template's three, 人员经费 | 公用经费 | 公用经费 continued; each lane 经济分类科目编码
 * (类 / 款) · 科目名称 · 决算数, closed by 人员经费合计 | 公用经费合计). A spreadsheet export centres every cell
 * vertically in a tall row, so in the layout a lane's figure stands on its code line or up to two lines above
 * or below it, its 款 code may be on the line under the 类 code, and its name on the line under the code or
 * wrapped over several lines.
 *
 * This module finds the lanes from the header (the labels the header prints once a lane) and reads each lane
 * into records; the figures are given to the record whose code line is nearest (a figure between two rows
 * belongs to the row below it: the layout prints a tall row's figure above its code line). A record that
 * would get two figures makes the reading uncertain: the caller lists the table rather than guess. Which
 * lanes hold 人员经费 and which 公用经费 is said by their 合计 lines, else by their economic classes. A table of
 * one column printed in lanes (the 决算's 一般公共预算财政拨款项目支出决算表, central departments' 公开07表: three
 * lanes of 科目编码 · 科目名称 · 决算数 by economic code, one 合计 line whose figure stands under the last lane's
 * 决算数) is not split: every lane holds the one column.
 */

/** A lane's index, 0 the leftmost. */
export type Lane = number;
/** 人员经费, 公用经费, or the table's one column (a table not split by use, every lane the same column). */
export type LaneKind = "personnel" | "public" | "total";

export interface LaneRecord {
  lane: Lane;
  /** Economic code (301, 30101), or null for the lane's 合计 line. */
  code: string | null;
  name: string;
  /** The line the code (or the 合计 label) is printed on, and its first token. */
  line: LayoutLine;
  labelToken: LayoutToken;
  nameToken: LayoutToken | null;
  /** The figure and the line it is printed on. */
  amount: { token: LayoutToken; line: LayoutLine } | null;
  /** The lane's closing line: 人员经费合计 / 公用经费合计 / 合计. */
  footer: "personnel" | "public" | "total" | null;
}

export interface LanesRead {
  records: LaneRecord[];
  /** What each lane holds, by lane. */
  kinds: LaneKind[];
  /** Why the lanes could not be read with confidence, or null. */
  uncertain: string | null;
}

const HEADER_WORD = /^(类|款|项|经济分类|科目编码|经济分类科目编码|科目名称|决算数|预算数|金额|合计)$/;
const FOOTER = /^(人员经费|公用经费)?(合计|总计)$/;
/**
 * A closing label's first part, the rest wrapped to the line below (人员经费合 / 计); 人员经费 alone only where it does not
 * continue a name just above.
 */
const PARTIAL_FOOTER = /^(人员经费|公用经费)合?$|^合$/;
const LEI = /^\d{3}$/;
const KUAN = /^\d{1,2}$/;
const GLUED = /^(\d{3})(\d{2})?([^\d,.].*)?$/;
/** A 款 code printed whole: 30101. */
const KUAN_WHOLE = /^\d{5}$/;
/** Economic classes of 人员经费 (工资福利支出, 对个人和家庭的补助); every other class is 公用经费's. */
const PERSONNEL_CLASS = /^30[13]/;

const centre = (t: LayoutToken) => (t.x0 + t.x1) / 2;

export interface LaneGeometry {
  /** Where each lane after the first starts: a token whose centre is at or past boundaries[k] is in lane k + 1 or later. */
  boundaries: number[];
  /** Centres of each lane's code label (科目编码), 款 label and figure label (决算数), where the header prints them. */
  code: (number | null)[];
  kuan: (number | null)[];
  /**
   * Where the form has cells (tab-separated input): the first cell of each lane after the first. A label is
   * centred in its grid column and a figure or code stands at its right edge, so x alone may put a figure
   * across the boundary; the cell's index does not.
   */
  cells?: number[];
  figure: (number | null)[];
}

/** The lane a token is printed in: by its cell where the form has cells and the header's labels do, else by where it stands. */
export const laneOf = (g: LaneGeometry, t: LayoutToken): Lane => {
  let k = 0;
  if (g.cells && t.cell !== undefined) {
    while (k < g.cells.length && t.cell >= g.cells[k]) k++;
    return k;
  }
  while (k < g.boundaries.length && centre(t) >= g.boundaries[k]) k++;
  return k;
};

/**
 * Where each lane starts: the header prints each lane's labels (类, 款, 科目名称, 决算数) once per lane; lane
 * k + 1 starts at the leftmost label printed for the (k + 2)-th time on its line, and the boundary lies
 * between the previous lane's last label and that one. Null when no label is printed twice.
 */
export function laneGeometry(header: LayoutLine[]): LaneGeometry | null {
  const starts: number[] = [];
  const cells: number[] = [];
  const labels: { t: LayoutToken; w: string }[] = [];
  for (const l of header) {
    const toks = mapArray(tokensOf(l), (t) => ({ t, w: normaliseName(t.text) })).filter((x) => HEADER_WORD.test(x.w));
    labels.push(...toks);
    const seen = new Map<string, number>();
    for (const { t, w } of toks) {
      const n = (seen.get(w) ?? 0) + 1;
      seen.set(w, n);
      if (n < 2) continue;
      starts[n - 2] = starts[n - 2] === undefined ? t.x0 : Math.min(starts[n - 2], t.x0);
      if (t.cell !== undefined) cells[n - 2] = cells[n - 2] === undefined ? t.cell : Math.min(cells[n - 2], t.cell);
    }
  }
  if (starts.length === 0 || starts.some((s, k) => s === undefined || (k > 0 && s <= starts[k - 1]))) return null;
  const boundaries: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = k === 0 ? -Infinity : boundaries[k - 1];
    const before = labels.filter((x) => centre(x.t) >= from && x.t.x1 <= starts[k]);
    if (before.length === 0) return null;
    boundaries.push((Math.max(...mapArray(before, (x) => x.t.x1)) + starts[k]) / 2);
  }
  const byCell = labels.every((x) => x.t.cell !== undefined) && cells.length === starts.length && cells.every((c, k) => c !== undefined && (k === 0 || c > cells[k - 1]));
  const g: LaneGeometry = { boundaries, code: [], kuan: [], figure: [], ...(byCell ? { cells } : {}) };
  const at = (rx: RegExp, lane: Lane) => {
    const t = labels.find((x) => rx.test(x.w) && laneOf(g, x.t) === lane);
    return t ? centre(t.t) : null;
  };
  for (let k = 0; k <= boundaries.length; k++) {
    g.code.push(at(/^(科目编码|经济分类科目编码|经济分类)$/, k));
    g.kuan.push(at(/^款$/, k));
    g.figure.push(at(/^(决算数|预算数|金额)$/, k));
  }
  return g;
}

/** The header prints a figure label (决算数) and a code or name label in every lane: a table of lanes, not a table with a repeated label. */
export function printsLanes(header: LayoutLine[]): boolean {
  const g = laneGeometry(header);
  if (!g || g.figure.some((x) => x === null)) return false;
  const named = new Set<Lane>();
  for (const l of header) for (const t of tokensOf(l)) if (/^(科目编码|经济分类科目编码|科目名称|经济分类|类)$/.test(normaliseName(t.text))) named.add(laneOf(g, t));
  return named.size === g.boundaries.length + 1;
}

/** A header line repeated on a continuation page: only the lanes' labels (类 款 / 科目名称 决算数 …). */
export function isLaneHeader(l: LayoutLine): boolean {
  const toks = tokensOf(l);
  return toks.length > 0 && toks.every((t) => HEADER_WORD.test(normaliseName(t.text)) && !/合计/.test(t.text));
}

/**
 * The lane of each token of the body. A lane's 合计 label printed without its figure, and the next lanes of its
 * line holding only a figure, spanning lanes (the national template's 公用经费合计 under 公用经费's two lanes,
 * its figure in the last): the figure is that 合计's. In a table not split by use, a plain 合计 (of every lane: the
 * 项目支出决算表's, its label under the first lane and its figure under the last) spans the empty lanes between too;
 * in one split by use a 合计 of every lane would be no lane's.
 */
function lanesOfTokens(body: LayoutLine[], g: LaneGeometry, split: boolean): Map<LayoutToken, Lane> {
  const lanes = new Map<LayoutToken, Lane>();
  for (const l of body) {
    const toks = tokensOf(l);
    const byLane: LayoutToken[][] = mapArray([0, ...g.boundaries], () => []);
    for (const t of toks) byLane[laneOf(g, t)].push(t);
    for (const t of toks) lanes.set(t, laneOf(g, t));
    for (let k = 0; k < byLane.length; k++) {
      const own = byLane[k];
      const label = normaliseName(mapArray(own.filter((t) => !AMOUNT_TOKEN.test(t.text)), (t) => t.text).join(""));
      if (!FOOTER.test(label) || own.some((t) => AMOUNT_TOKEN.test(t.text))) continue;
      const plain = !split && !/经费/.test(label);
      for (let j = k + 1; j < byLane.length && (byLane[j].length > 0 || plain); j++) {
        if (!byLane[j].every((t) => AMOUNT_TOKEN.test(t.text))) break;
        for (const t of byLane[j]) lanes.set(t, k);
      }
    }
  }
  return lanes;
}

/**
 * Reads the lanes of a body into records, figures given to the nearest code line. `split`: the table is split by
 * use (人员经费 | 公用经费, the 基本支出 table); else its lanes hold one column unless their 合计 lines say otherwise.
 */
export function readLanes(body: LayoutLine[], g: LaneGeometry, split = true): LanesRead {
  const records: LaneRecord[] = [];
  const floating: { lane: Lane; token: LayoutToken; line: LayoutLine }[] = [];
  const laneOfToken = lanesOfTokens(body, g, split);
  // Closing labels whose first part only is read so far (人员经费合, its 计 on a line below).
  const partial = new Set<LaneRecord>();
  for (let lane = 0; lane <= g.boundaries.length; lane++) {
    let last: { rec: LaneRecord; lastLine: number } | null = null;
    for (const l of body) {
      // A dash printed for nil is a blank figure.
      const toks = tokensOf(l).filter((t) => laneOfToken.get(t) === lane && !DASH_TOKEN.test(t.text));
      if (toks.length === 0) continue;
      // A 1–2 digit number nearer the 款 label than the figure's is a 款 code (01 办公费, or 12 alone).
      const [kx, fx] = [g.kuan[lane], g.figure[lane]];
      const kuanColumn = (t: LayoutToken) => kx !== null && fx !== null && Math.abs(centre(t) - kx) < Math.abs(centre(t) - fx);
      // A 款 code printed whole (30101 基本工资) is a code, not a figure: first in its lane, with no separator or
      // decimals, and a name after it or nearer the code label than the figure's.
      const cx = g.code[lane];
      const wholeCode = (t: LayoutToken, i: number) =>
        i === 0 && KUAN_WHOLE.test(t.text) && ((toks[1] !== undefined && !AMOUNT_TOKEN.test(toks[1].text)) || (cx !== null && fx !== null && Math.abs(centre(t) - cx) < Math.abs(centre(t) - fx)));
      const amounts = toks.filter(
        (t, i) => AMOUNT_TOKEN.test(t.text) && !(i === 0 && LEI.test(t.text)) && !wholeCode(t, i) && !(KUAN.test(t.text) && ((i > 0 && LEI.test(toks[i - 1].text)) || kuanColumn(t))),
      );
      const label = toks.filter((t) => !amounts.includes(t));
      for (const a of amounts) floating.push({ lane, token: a, line: l });
      if (label.length === 0) continue;
      const first = label[0];
      const glued = GLUED.exec(first.text.replace(/\s+/g, ""));
      const near = last !== null && l.line - last.lastLine <= 2;
      if (LEI.test(first.text) || (glued && !LEI.test(first.text) && glued[2] === undefined && glued[3])) {
        // A 类 code (301), with its 款 (301 01) and the name when printed on the same line; or glued (310资本性支出).
        let code = glued ? glued[1] : first.text;
        let rest = label.slice(1);
        if (glued && glued[3]) rest = [{ ...first, text: glued[3] }, ...rest];
        if (rest[0] && KUAN.test(rest[0].text)) {
          code += rest[0].text.padStart(2, "0");
          rest = rest.slice(1);
        }
        const rec: LaneRecord = { lane, code, name: mapArray(rest, (t) => t.text).join(""), line: l, labelToken: first, nameToken: rest[0] ?? null, amount: null, footer: null };
        records.push(rec);
        last = { rec, lastLine: l.line };
      } else if (glued && glued[2] && LEI.test(glued[1]) && first.text.replace(/\s+/g, "").length >= 5 && /^\d{5}/.test(first.text)) {
        // 30101 printed whole.
        const rest = glued[3] ? [{ ...first, text: glued[3] }, ...label.slice(1)] : label.slice(1);
        const rec: LaneRecord = { lane, code: glued[1] + glued[2], name: mapArray(rest, (t) => t.text).join(""), line: l, labelToken: first, nameToken: rest[0] ?? null, amount: null, footer: null };
        records.push(rec);
        last = { rec, lastLine: l.line };
      } else if (KUAN.test(first.text) && last && near && last.rec.code && last.rec.code.length === 3 && last.rec.footer === null) {
        // The 款 code on the line under its 类 code (302 / 01 办公费), the name after it.
        last.rec.code += first.text.padStart(2, "0");
        const rest = label.slice(1);
        if (rest.length) {
          last.rec.name += mapArray(rest, (t) => t.text).join("");
          last.rec.nameToken ??= rest[0];
        }
        last.lastLine = l.line;
      } else {
        const text = mapArray(label, (t) => t.text).join("");
        const n = normaliseName(text);
        const footer = FOOTER.exec(n);
        const completed = last && near && partial.has(last.rec) ? FOOTER.exec(last.rec.name + n) : null;
        if (completed) {
          // The rest of a closing label wrapped in its narrow cell (人员经费合 / 1,401.51 / 计: under the code's label).
          last!.rec.name += n;
          partial.delete(last!.rec);
          last!.lastLine = l.line;
        } else if (footer || (PARTIAL_FOOTER.test(n) && (/合$/.test(n) || !(last && near && last.rec.footer === null)))) {
          const kind = /^人员经费/.test(n) ? "personnel" : /^公用经费/.test(n) ? "public" : "total";
          const rec: LaneRecord = { lane, code: null, name: n, line: l, labelToken: first, nameToken: first, amount: null, footer: kind };
          records.push(rec);
          if (!footer) partial.add(rec);
          last = { rec, lastLine: l.line };
        } else if (last && near && last.rec.footer === null && !/\d/.test(n)) {
          // The name under its code, or the rest of a wrapped one.
          last.rec.name += text;
          last.rec.nameToken ??= first;
          last.lastLine = l.line;
        }
      }
    }
  }
  // (A first part that nothing completed is no closing line.)
  for (const r of partial) records.splice(records.indexOf(r), 1);
  const kinds = laneKinds(records, g.boundaries.length + 1, split);
  // Each figure to the nearest record of its lane. A figure midway between two code lines is the row's
  // above in one export and the row's below in another (pdftotext prints a tall row's figure above its
  // code line, a PDF's baselines put it beside the name under it): both readings are tried, and the one
  // whose sums hold (类 = Σ 款, 合计 = Σ 类) is kept.
  const readings = mapArray([false, true], (tieBelow) => assign(records, floating, tieBelow));
  const usable = readings.filter((r) => !r.uncertain);
  if (usable.length === 0) return { records, kinds, uncertain: readings[0].uncertain };
  const best = usable.length === 1 ? usable[0] : usable.reduce((a, b) => (identitiesHeld(b.given, kinds) > identitiesHeld(a.given, kinds) ? b : a));
  for (const [r, a] of best.given) r.amount = a;
  for (const r of records) r.name = r.name.replace(/\s+/g, "");
  return { records, kinds, uncertain: null };
}

type Given = Map<LaneRecord, { token: LayoutToken; line: LayoutLine }>;

function assign(records: LaneRecord[], floating: { lane: Lane; token: LayoutToken; line: LayoutLine }[], tieBelow: boolean): { given: Given; uncertain: string | null } {
  const given: Given = new Map();
  for (const f of floating) {
    let best: LaneRecord | null = null;
    let bestD = Infinity;
    for (const r of records) {
      if (r.lane !== f.lane) continue;
      const d = Math.abs(r.line.line - f.line.line);
      if (d < bestD || (d === bestD && best && (r.line.line > best.line.line) === tieBelow)) {
        best = r;
        bestD = d;
      }
    }
    // Said by the figures, not by line numbers: a PDF's lines and a workbook's rows are numbered for the reading only.
    if (!best || bestD > 3) return { given, uncertain: `a figure (${f.token.text}) stands beside no code` };
    const had = given.get(best);
    if (had) return { given, uncertain: `two figures beside ${best.code ?? best.name} (${had.token.text} and ${f.token.text})` };
    given.set(best, { token: f.token, line: f.line });
  }
  return { given, uncertain: null };
}

/**
 * How many of the lanes' sums hold (to rounding) under a reading: 类 = Σ its 款 (in its lane), a 合计 = Σ the
 * 类 of the lanes of its kind.
 */
function identitiesHeld(given: Given, kinds: LaneKind[]): number {
  const value = (r: LaneRecord) => {
    const a = given.get(r);
    return a ? parseNumber(a.token.text)?.value ?? null : null;
  };
  const recs = [...given.keys()];
  let held = 0;
  const holds = (total: Decimal, parts: Decimal[]) => total.minus(parts.reduce((x, y) => x.plus(y), new Decimal(0))).abs().lte(new Decimal("0.01").times(parts.length + 1));
  for (const p of recs) {
    const total = value(p);
    if (!total) continue;
    const kind = p.footer === "personnel" || p.footer === "public" ? p.footer : kinds[p.lane];
    const kids =
      p.code && p.code.length === 3
        ? recs.filter((r) => r.lane === p.lane && r.code?.length === 5 && r.code.startsWith(p.code!))
        : p.footer
          ? recs.filter((r) => kinds[r.lane] === kind && r.code?.length === 3)
          : [];
    const parts = mapArray(kids, value).filter((v): v is Decimal => !!v);
    if (parts.length && holds(total, parts)) held++;
  }
  return held;
}

/**
 * What each lane holds: 人员经费 or 公用经费 as its 合计 line says; of two lanes, one told makes the other the
 * other kind; else as its first economic class says (301 and 303 are 人员经费, the national template's third lane
 * of 307 · 310 · 399 公用经费's); else the first lane is 人员经费 and the others 公用经费. A table not split by use
 * whose 合计 lines name neither: every lane its one column.
 */
export function laneKinds(records: LaneRecord[], count: number, split = true): LaneKind[] {
  const told: (LaneKind | null)[] = mapArray(new Array<null>(count).fill(null), () => null);
  for (const r of records) if (r.footer === "personnel" || r.footer === "public") told[r.lane] ??= r.footer;
  if (!split && told.every((t) => t === null)) return mapArray(told, () => "total");
  if (count === 2 && (told[0] === null) !== (told[1] === null)) {
    const k = told[0] === null ? 1 : 0;
    told[1 - k] = told[k] === "personnel" ? "public" : "personnel";
  }
  return mapArray(told, (t, lane) => {
    if (t) return t;
    const first = records.find((r) => r.lane === lane && r.code);
    if (first) return PERSONNEL_CLASS.test(first.code!) ? "personnel" : "public";
    return lane === 0 ? "personnel" : "public";
  });
}
