/** Characters normaliseName removes or replaces: whitespace, full-width brackets and colon, quotes. */
const NAME_NOISE = /[\s（）：“”"]/;
const NAME_NOISE_ALL = /[\s（）：“”"]/g;
const NAME_SWAP: Record<string, string> = { "（": "(", "）": ")", "：": ":" };
/** Names repeat across tables, rules and documents: each is normalised once (the memo is emptied when full). */
const normalised = new Map<string, string>();
const NORMALISED_MAX = 4_096;
/**
 * Longer texts are normalised each time, not kept: a 部门整体支出绩效目标表's task names (its tasks' whole text, up to
 * thousands of characters) are asked once a document, and the memo cost what replacing does (hashing the key is a
 * pass over it too) and a copy of each (ownString) besides, for a hit that never came.
 */
const NORMALISED_KEY_MAX = 64;

const swapNoise = (c: string) => NAME_SWAP[c] ?? "";

/** Normalises a printed name (科目名称, unit or item name) for comparison: spacing, full-/half-width, list markers. */
export function normaliseName(name: string): string {
  if (!NAME_NOISE.test(name)) return name;
  if (name.length > NORMALISED_KEY_MAX) return name.replace(NAME_NOISE_ALL, swapNoise);
  let out = normalised.get(name);
  if (out === undefined) {
    out = name.replace(NAME_NOISE_ALL, swapNoise);
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    normalised.set(ownString(name), ownString(out));
  }
  return out;
}

/**
 * The same text as a string of its own, for keeping beyond the document it was read from (memos that
 * outlive a document). V8 makes a substring of 13 or more characters a view into the string it was
 * cut from: a name kept in a memo kept the whole text of its document alive — 433 documents' texts,
 * 23 MB, in a batch worker after 1,000 documents (heap snapshot; docs/performance.md, "Fourth pass").
 * JSON.parse builds a new string.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * Full-width digits (０–９, U+FF10–U+FF19) as ASCII digits, one character for one, so a cell's columns stay those
 * printed: a 科目编码 typed in a word processor's full-width mode (３０１, ２０８０５０５) is the code 301, 2080505, as
 * the written parts' readers and the amount cells already read it. The text itself when it has none.
 */
export function asciiDigits(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) {
      let out = s.slice(0, i);
      for (let k = i; k < s.length; k++) {
        const d = s.charCodeAt(k);
        out += d >= 0xff10 && d <= 0xff19 ? String.fromCharCode(d - 0xfee0) : s[k];
      }
      return out;
    }
  }
  return s;
}

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/;
/** Whether the text has a full-width digit (０–９). */
export const hasFullWidthDigit = (s: string): boolean => FULL_WIDTH_DIGIT.test(s);

const CN_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十 → 20 (enough for table numbers and part numbers). */
export function chineseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[一二三四五六七八九十]+$/.test(s)) return null;
  if (s === "十") return 10;
  if (s.length === 1) return CN_NUMERALS[s] ?? null;
  if (s.startsWith("十")) return 10 + (CN_NUMERALS[s[1]] ?? 0);
  if (s.length === 2 && s[1] === "十") return (CN_NUMERALS[s[0]] ?? 0) * 10;
  if (s.length === 3 && s[1] === "十") return (CN_NUMERALS[s[0]] ?? 0) * 10 + (CN_NUMERALS[s[2]] ?? 0);
  return null;
}

/**
 * Splits an item label into its list marker and name: `一、科学技术支出` → level 1 (类 / top level),
 * `1. 一般公共预算拨款` or `（一）…` → level 2, no marker → null.
 */
export function splitMarker(label: string): { marker: string | null; level: number | null; name: string } {
  const t = label.trim();
  let m = /^([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$/.exec(t);
  if (m) return { marker: `${m[1]}、`, level: 1, name: m[2].trim() };
  m = /^(\d+)\s*[.．、]\s*(.*)$/.exec(t);
  if (m && m[2]) return { marker: `${m[1]}.`, level: 2, name: m[2].trim() };
  m = /^[（(]([一二三四五六七八九十\d]+)[）)]\s*(.*)$/.exec(t);
  if (m && m[2]) return { marker: `(${m[1]})`, level: 2, name: m[2].trim() };
  return { marker: null, level: null, name: t };
}

/**
 * A classification's codes by their names (its 类 as the 政府收支分类科目 names them): the code a name printed
 * with any spacing or bracket width stands for, or null.
 */
export function codesByName(entries: readonly (readonly [code: string, name: string])[]): (name: string | null) => string | null {
  const byName = new Map<string, string>();
  for (const [code, name] of entries) byName.set(normaliseName(name), code);
  return (name) => (name ? (byName.get(normaliseName(name)) ?? null) : null);
}

/**
 * A row named in words, as a finding shows it: its unit, code and item, a name printed twice said once. A
 * unit's own row of a table listed by unit (a 三公 table's `110005 龙溪县职业技术教育中心`) has the unit for item too.
 */
export function rowWords(unit: string | null | undefined, code: string | null | undefined, item: string | null | undefined): string {
  const words: string[] = [];
  for (const w of [unit, code, item]) if (w && !words.includes(w)) words.push(w);
  return words.join(" ");
}
