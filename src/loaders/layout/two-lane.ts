import { Decimal } from "decimal.js";
import { parseNumber } from "../../model/amount.js";
import { normaliseName } from "../../model/names.js";
import { AMOUNT_TOKEN, tokensOf } from "./tokens.js";
import type { LayoutLine, LayoutToken } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/*
 * Two classified tables printed side by side (Shanghai 决算's 一般公共预算财政拨款基本支出决算表: 人员经费 on
 * the left, 公用经费 on the right, each lane 经济分类科目编码 (类 / 款) · 科目名称 · 决算数, closed by
 * 人员经费合计 | 公用经费合计). A spreadsheet export centres every cell vertically in a tall row, so in the
 * layout a lane's figure stands on its code line or up to two lines above or below it, its 款 code may be
 * on the line under the 类 code, and its name on the line under the code or wrapped over several lines.
 *
 * This module finds the lanes from the header (the labels the header prints twice) and reads each lane
 * into records; the figures are given to the record whose code line is nearest (a figure between two rows
 * belongs to the row below it: the layout prints a tall row's figure above its code line). A record that
 * would get two figures makes the reading uncertain: the caller lists the table rather than guess.
 */

export type Lane = "left" | "right";

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
  /** Why the lanes could not be read with confidence, or null. */
  uncertain: string | null;
}

const HEADER_WORD = /^(类|款|项|经济分类|科目编码|经济分类科目编码|科目名称|决算数|预算数|金额|合计)$/;
const FOOTER = /^(人员经费|公用经费)?(合计|总计)$/;
const LEI = /^\d{3}$/;
const KUAN = /^\d{1,2}$/;
const GLUED = /^(\d{3})(\d{2})?([^\d,.].*)?$/;

const centre = (t: LayoutToken) => (t.x0 + t.x1) / 2;

export interface LaneGeometry {
  /** Tokens whose centre is at or past this x are in the right lane. */
  boundary: number;
  /** Centres of each lane's 款 label and figure label (决算数), where the header prints them. */
  kuan: Record<Lane, number | null>;
  figure: Record<Lane, number | null>;
}

/**
 * Where the right lane starts: the header prints each lane's labels (类, 款, 科目名称, 决算数) once per lane;
 * the boundary lies between the left lane's last label and the right lane's first.
 */
export function laneGeometry(header: LayoutLine[]): LaneGeometry | null {
  // The right lane starts at the leftmost label printed a second time on its line (类, 经济分类 …).
  let rightStart: number | null = null;
  const labels: { t: LayoutToken; w: string }[] = [];
  for (const l of header) {
    const toks = mapArray(tokensOf(l), (t) => ({ t, w: normaliseName(t.text) })).filter((x) => HEADER_WORD.test(x.w));
    labels.push(...toks);
    const seen = new Set<string>();
    for (const { t, w } of toks) {
      if (seen.has(w)) rightStart = rightStart === null ? t.x0 : Math.min(rightStart, t.x0);
      seen.add(w);
    }
  }
  if (rightStart === null) return null;
  const leftLabels = labels.filter((x) => x.t.x1 <= rightStart!);
  if (leftLabels.length === 0) return null;
  const leftEnd = Math.max(...mapArray(leftLabels, (x) => x.t.x1));
  const boundary = (leftEnd + rightStart) / 2;
  const at = (rx: RegExp, lane: Lane) => {
    const t = labels.find((x) => rx.test(x.w) && (centre(x.t) >= boundary!) === (lane === "right"));
    return t ? centre(t.t) : null;
  };
  return {
    boundary,
    kuan: { left: at(/^款$/, "left"), right: at(/^款$/, "right") },
    figure: { left: at(/^(决算数|预算数|金额)$/, "left"), right: at(/^(决算数|预算数|金额)$/, "right") },
  };
}

/** A header line repeated on a continuation page: only the lanes' labels (类 款 / 科目名称 决算数 …). */
export function isLaneHeader(l: LayoutLine): boolean {
  const toks = tokensOf(l);
  return toks.length > 0 && toks.every((t) => HEADER_WORD.test(normaliseName(t.text)) && !/合计/.test(t.text));
}

/** Reads the two lanes of a body into records, figures given to the nearest code line. */
export function readLanes(body: LayoutLine[], g: LaneGeometry): LanesRead {
  const records: LaneRecord[] = [];
  const floating: { lane: Lane; token: LayoutToken; line: LayoutLine }[] = [];
  for (const lane of ["left", "right"] as Lane[]) {
    let last: { rec: LaneRecord; lastLine: number } | null = null;
    for (const l of body) {
      const toks = tokensOf(l).filter((t) => (centre(t) >= g.boundary) === (lane === "right"));
      if (toks.length === 0) continue;
      // A 1–2 digit number nearer the 款 label than the figure's is a 款 code (01 办公费, or 12 alone).
      const [kx, fx] = [g.kuan[lane], g.figure[lane]];
      const kuanColumn = (t: LayoutToken) => kx !== null && fx !== null && Math.abs(centre(t) - kx) < Math.abs(centre(t) - fx);
      const amounts = toks.filter(
        (t, i) => AMOUNT_TOKEN.test(t.text) && !(i === 0 && LEI.test(t.text)) && !(KUAN.test(t.text) && ((i > 0 && LEI.test(toks[i - 1].text)) || kuanColumn(t))),
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
        if (footer) {
          const kind = footer[1] === "人员经费" ? "personnel" : footer[1] === "公用经费" ? "public" : "total";
          const rec: LaneRecord = { lane, code: null, name: n, line: l, labelToken: first, nameToken: first, amount: null, footer: kind };
          records.push(rec);
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
  // Each figure to the nearest record of its lane. A figure midway between two code lines is the row's
  // above in one export and the row's below in another (pdftotext prints a tall row's figure above its
  // code line, a PDF's baselines put it beside the name under it): both readings are tried, and the one
  // whose sums hold (类 = Σ 款, 合计 = Σ 类) is kept.
  const readings = mapArray([false, true], (tieBelow) => assign(records, floating, tieBelow));
  const usable = readings.filter((r) => !r.uncertain);
  if (usable.length === 0) return { records, uncertain: readings[0].uncertain };
  const best = usable.length === 1 ? usable[0] : usable.reduce((a, b) => (identitiesHeld(b.given) > identitiesHeld(a.given) ? b : a));
  for (const [r, a] of best.given) r.amount = a;
  for (const r of records) r.name = r.name.replace(/\s+/g, "");
  return { records, uncertain: null };
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
    if (!best || bestD > 3) return { given, uncertain: `a figure on line ${f.line.line} stands beside no code` };
    const had = given.get(best);
    if (had) return { given, uncertain: `two figures beside ${best.code ?? best.name} (lines ${had.line.line} and ${f.line.line})` };
    given.set(best, { token: f.token, line: f.line });
  }
  return { given, uncertain: null };
}

/** How many of the lanes' sums hold (to rounding) under a reading: 类 = Σ its 款, a lane's 合计 = Σ its 类. */
function identitiesHeld(given: Given): number {
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
    const kids = p.code && p.code.length === 3 ? recs.filter((r) => r.lane === p.lane && r.code?.length === 5 && r.code.startsWith(p.code!)) : p.footer ? recs.filter((r) => r.lane === p.lane && r.code?.length === 3) : [];
    const parts = mapArray(kids, value).filter((v): v is Decimal => !!v);
    if (parts.length && holds(total, parts)) held++;
  }
  return held;
}

/** Which lane holds 人员经费: the one whose 合计 line says so, else the one with 301 工资福利支出, else the left. */
export function personnelLane(records: LaneRecord[]): Lane {
  const f = records.find((r) => r.footer === "personnel") ?? records.find((r) => r.footer === "public");
  if (f) return f.footer === "personnel" ? f.lane : f.lane === "left" ? "right" : "left";
  const wages = records.find((r) => r.code === "301");
  return wages?.lane ?? "left";
}
