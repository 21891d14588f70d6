import { normaliseName } from "../../model/names.js";
import { tokensOf } from "./tokens.js";
import type { LayoutLine, LayoutToken } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/*
 * Function codes printed by segment: a 款 or 项 row that prints only its own two digits in its column,
 * under the 类 (and 款) printed on a row above —
 *
 *     208             社会保障和就业支出        140.00
 *           05        行政事业单位养老支出      140.00
 *                01   行政单位离退休            100.00
 *
 * Read as they stand, "05" and "01" are figures and the rows have no code. Each segment is completed with
 * the codes above it (208 05, 208 05 01), its level told by its column: the one the header's 款 / 项 label
 * stands over, or where full codes print their 款 / 项.
 */

const LEI = /^\d{3}$/;
const SEGMENT = /^\d{1,2}$/;

const centre = (t: LayoutToken) => (t.x0 + t.x1) / 2;

/** The header's level labels run together by the reader: 类款, 款项, 类款项 (each at most once, in order). */
const SPACED_LEVELS = /^类?款?项?$/;

/** The x of the header's 类 / 款 / 项 labels, where it prints them. */
function headerColumns(header: LayoutLine[]): { kuan: number | null; xiang: number | null } {
  let kuan: number | null = null;
  let xiang: number | null = null;
  for (const l of header)
    for (const t of tokensOf(l)) {
      const w = normaliseName(t.text);
      if (w === "款" && kuan === null) kuan = centre(t);
      if (w === "项" && xiang === null) xiang = centre(t);
      // Labels a few columns apart read as one (类 款 项 → 款项 / 类款 / 类款项, as the spaces between them fall): the
      // first and last stand at its ends, a middle one at its centre.
      if (w.length >= 2 && SPACED_LEVELS.test(w) && t.x1 - t.x0 > w.length) {
        const at = w.length === 2 ? [t.x0 + 0.5, t.x1 - 0.5] : [t.x0 + 0.5, (t.x0 + t.x1) / 2, t.x1 - 0.5];
        [...w].forEach((level, i) => {
          if (level === "款" && kuan === null) kuan = at[i];
          if (level === "项" && xiang === null) xiang = at[i];
        });
      }
    }
  return { kuan, xiang };
}

/** The 类 of the next line that prints a full code (208, 208 05 …), looking at most `within` lines ahead. */
function nextLei(body: LayoutLine[], from: number, within = 4): string | null {
  for (let k = from + 1; k < body.length && k <= from + within; k++) {
    const t = tokensOf(body[k])[0];
    if (t && LEI.test(t.text)) return t.text;
    const glued = t ? /^(\d{3})(\d{2}){1,2}$/.exec(t.text) : null;
    if (glued) return glued[1];
  }
  return null;
}

/**
 * The body with segment codes completed (lines without them are returned as they are); a 类 code
 * misprinted as one or two digits (`7` for 210: it stands in the 类 column, and the rows under it print
 * 210 11 …) takes the 类 of the rows that follow it.
 */
export function completeCodeSegments(body: LayoutLine[], header: LayoutLine[], before: string | null = null): LayoutLine[] {
  const cols = headerColumns(header);
  let kuanX = cols.kuan;
  let xiangX = cols.xiang;
  let leiX: number | null = null;
  // (A continuation page's first rows: under the 类 and 款 the page before ended in.)
  let lei: string | null = before && before.length >= 3 ? before.slice(0, 3) : null;
  let kuan: string | null = before && before.length >= 5 ? before.slice(3, 5) : null;
  return mapArray(body, (l, i) => {
    const toks = tokensOf(l);
    const [first, second, third] = toks;
    if (!first) return l;
    if (LEI.test(first.text)) {
      // A full code: 208 / 208 05 / 208 05 01 — and where its 类, 款 and 项 stand.
      leiX ??= centre(first);
      lei = first.text;
      kuan = second && SEGMENT.test(second.text) ? second.text.padStart(2, "0") : null;
      if (second && SEGMENT.test(second.text)) kuanX ??= centre(second);
      if (third && SEGMENT.test(third.text) && second && SEGMENT.test(second.text)) xiangX ??= centre(third);
      return l;
    }
    if (!SEGMENT.test(first.text) || !second) return l;
    const c = centre(first);
    if (/^[\d,.]+$/.test(second.text)) return figuresBetweenName(body, i, c, kuanX, xiangX, lei, kuan);
    // In the 类 column: a misprinted 类, when the rows under it print a 类 of their own (not the one above).
    const inLei = leiX !== null && [kuanX, xiangX].every((x) => x === null || Math.abs(c - leiX!) < Math.abs(c - x));
    if (inLei) {
      const below = nextLei(body, i);
      if (!below || below === lei) return l;
      lei = below;
      kuan = null;
      return { ...l, tokens: [{ ...first, text: below }, ...toks.slice(1)] };
    }
    if (!lei) return l;
    // A segment followed by a name: 款 or 项 by the column it stands in.
    const level = kuanX !== null && xiangX !== null ? (Math.abs(c - kuanX) <= Math.abs(c - xiangX) ? "kuan" : "xiang") : kuanX !== null && Math.abs(c - kuanX) <= 3 ? "kuan" : xiangX !== null && Math.abs(c - xiangX) <= 3 ? "xiang" : null;
    const seg = first.text.padStart(2, "0");
    const at = (text: string): LayoutToken => ({ ...first, text });
    if (level === "kuan") {
      kuan = seg;
      return { ...l, tokens: [at(lei), at(seg), ...toks.slice(1)] };
    }
    if (level === "xiang" && kuan) return { ...l, tokens: [at(lei), at(kuan), at(seg), ...toks.slice(1)] };
    return l;
  });
}

/** A line of words alone (no figure): a part of a wrapped name. */
const wordsOnly = (l: LayoutLine | undefined) => {
  const toks = l ? tokensOf(l) : [];
  return toks.length > 0 && toks.every((t) => !/^[\d,.%-]+$/.test(t.text));
};

/**
 * A segment followed by the row's figures, its name wrapped over the lines above and below them (a PDF's cell
 * centred on two lines of a long name: 机关事业单位基本养老保险缴费 / 05  945.28 / 支出): the segment completed
 * into one code (2080505) where it stands in its 款 or 项 column, as a full code prints there; else the line as it is.
 */
function figuresBetweenName(body: LayoutLine[], i: number, c: number, kuanX: number | null, xiangX: number | null, lei: string | null, kuan: string | null): LayoutLine {
  const l = body[i];
  const [above, below] = [body[i - 1], body[i + 1]];
  if (!lei || !wordsOnly(above) || !wordsOnly(below) || l.line - above.line !== 1 || below.line - l.line !== 1) return l;
  const toks = tokensOf(l);
  const first = toks[0];
  const seg = first.text.padStart(2, "0");
  const near = (x: number | null) => x !== null && Math.abs(c - x) <= 3;
  const code = near(kuanX) ? `${lei}${seg}` : near(xiangX) && kuan ? `${lei}${kuan}${seg}` : null;
  return code ? { ...l, tokens: [{ ...first, text: code }, ...toks.slice(1)] } : l;
}

/** The last function code a block's rows print, its segments completed (208 05 01 → 2080501): where the rows of
 *  the table's next page, printing segments only, take their 类 and 款 from. */
export function lastCode(body: LayoutLine[], header: LayoutLine[], before: string | null = null): string | null {
  const done = completeCodeSegments(body, header, before);
  for (let k = done.length - 1; k >= 0; k--) {
    const toks = tokensOf(done[k]);
    if (!toks[0]) continue;
    const glued = /^(\d{3}|\d{5}|\d{7})$/.exec(toks[0].text);
    if (!glued) continue;
    if (toks[0].text.length > 3) return toks[0].text;
    const segs = mapArray([toks[1], toks[2]].filter((t) => t && SEGMENT.test(t.text)), (t) => t!.text.padStart(2, "0"));
    return toks[0].text + segs.join("");
  }
  return before;
}
