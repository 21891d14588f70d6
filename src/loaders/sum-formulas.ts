/*
 * Plain sum formulas (`SUM(B2:B9)`, `B2+B3-B4`, `SUM(B2:B4,B7)` over cells of their own worksheet), whatever workbook
 * form holds them: an .xlsx (exceljs's cells), an .xls (BIFF8 parsed tokens written back as A1 text, xls.ts), an Excel
 * 2003 XML spreadsheet (R1C1 written as A1, xml-spreadsheet.ts). Each form gives its worksheet as a `FormulaSheet`;
 * the sums are worked out here exactly (decimal.js), once for every form.
 */
import { Decimal } from "decimal.js";
import type { Amount } from "../model/amount.js";
import { parseNumber } from "../model/amount.js";
import type { SourceLocation } from "../model/location.js";
import type { SumFormula, WorkbookFacts } from "../model/workbook.js";
import { columnLetters } from "./sheets.js";
import { mapArray } from "../util/arrays.js";

/** A cell's stored value: a number (exact, as the workbook stores it: 15 significant digits), a text, or none. */
export type Stored = { number: Decimal } | { text: string } | null;

/** A worksheet's cells as a workbook form reads them, by A1 address. */
export interface FormulaSheet {
  /** The value the cell stores (a formula's cached result); null for a blank cell or a formula that stores none. */
  stored(address: string): Stored;
  /** The cell as shown (its number format applied). */
  shown(address: string): string;
  /** The cell's formula in A1 notation (without `=`), null where it holds none. */
  formula(address: string): string | null;
}

const REF = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** `A1`, `$B$2`, `C3:D9` → the cell addresses it covers, or null when it is not a plain reference. */
function expandRef(ref: string): string[] | null {
  const [a, b] = ref.split(":");
  const ma = REF.exec(a);
  if (!ma) return null;
  if (b === undefined) return [`${ma[1]}${ma[2]}`];
  const mb = REF.exec(b);
  if (!mb) return null;
  const [c1, c2] = [colNumber(ma[1]), colNumber(mb[1])].sort((x, y) => x - y);
  const [r1, r2] = [Number(ma[2]), Number(mb[2])].sort((x, y) => x - y);
  if ((c2 - c1 + 1) * (r2 - r1 + 1) > 10_000) return null;
  const out: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(`${columnLetters(c)}${r}`);
  return out;
}

/**
 * A plain sum formula — terms joined by + and −, each a cell reference or SUM(ref, range, …) on the
 * same sheet — as signed cell addresses; null for anything else (other functions, constants, other sheets).
 */
export function sumTerms(formula: string): { address: string; sign: 1 | -1; inSum: boolean }[] | null {
  const f = formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  if (!f) return null;
  const out: { address: string; sign: 1 | -1; inSum: boolean }[] = [];
  const re = /([+-]?)(SUM\(([^()]*)\)|\$?[A-Z]{1,3}\$?\d+)/y;
  let pos = 0;
  while (pos < f.length) {
    re.lastIndex = pos;
    const m = re.exec(f);
    if (!m || (pos > 0 && !m[1])) return null;
    const sign: 1 | -1 = m[1] === "-" ? -1 : 1;
    if (m[3] !== undefined) {
      for (const arg of m[3].split(",")) {
        const cells = expandRef(arg);
        if (!cells) return null;
        for (const address of cells) out.push({ address, sign, inSum: true });
      }
    } else out.push({ address: m[2].replace(/\$/g, ""), sign, inSum: false });
    pos = re.lastIndex;
  }
  return out.length ? out : null;
}

/**
 * Σ `term` over a plain sum formula's terms (each a cell of its worksheet), `seen` guarding against a cycle through
 * terms that are such formulas themselves; null for any other formula, a cycle, or a term `term` gives no value.
 */
function overTerms(sheet: FormulaSheet, address: string, seen: Set<string>, term: (ref: string, t: { sign: 1 | -1; inSum: boolean }) => Decimal | null): Decimal | null {
  const formula = sheet.formula(address);
  const terms = formula ? sumTerms(formula) : null;
  if (!terms || seen.has(address)) return null;
  seen.add(address);
  let total = new Decimal(0);
  for (const t of terms) {
    const value = term(t.address, t);
    if (value === null) return null;
    total = total.plus(value);
  }
  seen.delete(address);
  return total;
}

/** A stored value as an exact number: a number's, or a text's that reads as one; null otherwise. */
function storedNumber(v: Stored): Decimal | null {
  if (!v) return null;
  return "number" in v ? v.number : (parseNumber(v.text)?.value ?? null);
}

/**
 * A formula's value where the workbook stores none (a program wrote the formula and no spreadsheet ever
 * calculated it: Excel would show its result on opening): a plain sum (SUM(…), A1+B1−C1) of cells of its
 * worksheet, worked out exactly as Excel would show it; null for any other formula, a reference to text, or a
 * cycle. A blank cell adds 0, as in Excel.
 */
export function uncachedSum(sheet: FormulaSheet, address: string, seen: Set<string> = new Set()): Decimal | null {
  return overTerms(sheet, address, seen, (ref, t) => {
    const v = sheet.stored(ref);
    let value: Decimal | null;
    if (v === null || ("text" in v && v.text === "")) value = sheet.formula(ref) !== null ? uncachedSum(sheet, ref, seen) : new Decimal(0);
    else if ("number" in v) value = v.number;
    else value = parseNumber(v.text)?.value ?? (t.inSum ? new Decimal(0) : null);
    return value && value.times(t.sign);
  });
}

/** A cell's stored value as an exact amount, or null. */
function exactAmount(sheet: FormulaSheet, address: string, location: SourceLocation): Amount | null {
  const value = storedNumber(sheet.stored(address));
  if (value === null) return null;
  return { value, decimals: value.decimalPlaces(), text: sheet.shown(address), location, nonNegative: false, exact: true };
}

/**
 * The plain sum formula a cell holds (SumFormula): its cached value and the stored values it adds; null for a
 * cell without one, any other formula, or a formula that stores no number.
 */
export function sumFormula(sheet: FormulaSheet, address: string, at: (address: string) => SourceLocation): SumFormula | null {
  const formula = sheet.formula(address);
  const terms = formula ? sumTerms(formula) : null;
  const cached = terms ? exactAmount(sheet, address, at(address)) : null;
  if (!formula || !terms || !cached) return null;
  const parts: SumFormula["parts"] = [];
  for (const t of terms) {
    const v = sheet.stored(t.address);
    if (v === null || ("text" in v && v.text === "")) continue; // an empty cell adds 0
    const amount = exactAmount(sheet, t.address, at(t.address));
    if (amount) parts.push({ amount, sign: t.sign });
    else if (!t.inSum) return null; // text in A1+B1 is #VALUE! in Excel: not a plain sum
  }
  return { location: at(address), formula, cached, parts, halfUnits: sumHalfUnits(sheet, address, cached.value) };
}

/** A formula cell as a workbook fact: its plain sum (SumFormula) where it is one, else counted (`otherFormulas`). */
export function noteFormula(facts: WorkbookFacts, sheet: FormulaSheet, address: string, at: (address: string) => SourceLocation): void {
  const f = sumFormula(sheet, address, at);
  if (f) facts.formulas.push(f);
  else facts.otherFormulas++;
}

const HALF = new Decimal("0.5");

/**
 * How far the true amount of a plain sum formula's printed figure may lie from it, in half units of its last
 * printed digit (Amount.halfUnits), worked out exactly: the spread of each term — a cell holding a figure at no
 * more decimals than it shows may be a rounded figure, half a unit of its last shown digit off; one holding more
 * (1234.5678 shown 1,234.57) is the amount itself, 0; a sum formula's, the spread of its own terms; a blank, 0 —
 * and how far the printed figure is from the stored sum (a sum shown with fewer decimals than it has). A total
 * that a spreadsheet adds up from its printed items is the sum of figures each rounded once: it may be off by
 * their half units together, not by half a unit of its own. At least 1; 1 where a term cannot be followed (a
 * cycle, a figure it cannot read).
 */
function sumHalfUnits(sheet: FormulaSheet, address: string, cached: Decimal): number {
  const printed = parseNumber(sheet.shown(address));
  const spread = termsSpread(sheet, address, new Set());
  if (!printed || spread === null) return 1;
  const total = spread.plus(printed.value.minus(cached).abs());
  const half = HALF.times(new Decimal(10).pow(-printed.decimals));
  const n = total.div(half).ceil();
  return n.gt(1) && n.lte(1_000_000) ? n.toNumber() : 1;
}

/** The spread of a sum formula's terms together (sumHalfUnits); null where one cannot be followed. */
function termsSpread(sheet: FormulaSheet, address: string, seen: Set<string>): Decimal | null {
  return overTerms(sheet, address, seen, (ref) => {
    const f = sheet.formula(ref);
    if (f !== null && sumTerms(f)) return termsSpread(sheet, ref, seen);
    const v = sheet.stored(ref);
    const shown = v === null || ("text" in v && v.text === "") ? null : parseNumber(sheet.shown(ref));
    // A blank, or text a SUM passes over (sumFormula refuses A1+B1 of text), adds nothing.
    if (!shown) return new Decimal(0);
    const stored = v && "number" in v ? v.number.decimalPlaces() : shown.decimals;
    return stored > shown.decimals ? new Decimal(0) : HALF.times(new Decimal(10).pow(-shown.decimals));
  });
}

/** The cell at 0-based row `rw` and column `col`, offset, in A1 notation (null when off the sheet). */
function a1(rw: number, col: number): string | null {
  return rw < 0 || col < 0 || rw > 1_048_575 || col > 16_383 ? null : `${columnLetters(col + 1)}${rw + 1}`;
}

/**
 * A formula in R1C1 notation (an Excel 2003 XML spreadsheet's `ss:Formula`: `=SUM(R[-9]C:R[-1]C)`, `=R5C3+RC[1]`) in
 * A1 notation, for the cell at 1-based `row` and `column`; null where a reference falls off the sheet. Text in
 * quotes is kept as it is.
 */
export function r1c1ToA1(formula: string, row: number, column: number): string | null {
  let off = false;
  const parts = formula.replace(/^=/, "").split(/("[^"]*")/);
  const out = mapArray(parts, (p, i) =>
    i % 2
      ? p
      : p.replace(/(^|[^A-Za-z0-9_.!$])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g, (_, before: string, r?: string, c?: string) => {
          const at = (spec: string | undefined, here: number) => (spec === undefined ? here : spec.startsWith("[") ? here + Number(spec.slice(1, -1)) : Number(spec));
          const cell = a1(at(r, row) - 1, at(c, column) - 1);
          if (cell === null) off = true;
          return before + (cell ?? "");
        }),
  );
  return off ? null : out.join("");
}

/**
 * A BIFF8 formula's parsed tokens (its `rgce`, [MS-XLS] 2.5.198) written back in A1 notation, for the cell at 0-based
 * `rw`, `col`, as far as a plain sum needs: cell and area references (absolute, relative, and the shared formulas'
 * relative ptgRefN / ptgAreaN), + and −, SUM (ptgFuncVar, or ptgAttr's SUM of one argument), parentheses and the
 * space and volatile attributes. Null for anything else (a constant, another function or operator, another
 * sheet's cells): that formula is no plain sum, and only counted.
 */
export function biffFormula(rgce: Buffer, rw: number, col: number): string | null {
  const stack: { text: string; compound: boolean }[] = [];
  const ref = (r: number, c: number, shared: boolean) => {
    // ColRelNeg / RwRel in the column field's two top bits; a shared formula's relative parts are offsets.
    const colRel = (c & 0x4000) !== 0;
    const rowRel = (c & 0x8000) !== 0;
    const cc = c & 0x3fff;
    const row = shared && rowRel ? rw + ((r << 16) >> 16) : r;
    const column = shared && colRel ? col + ((cc << 24) >> 24) : cc;
    return a1(row, column);
  };
  let i = 0;
  while (i < rgce.length) {
    const ptg = rgce[i];
    const base = ptg & 0x1f;
    const cls = ptg & 0x60;
    if (ptg === 0x03 || ptg === 0x04) {
      const b = stack.pop();
      const a = stack.pop();
      if (!a || !b) return null;
      // a − (b + c) is no plain sum of signed terms: written with its parentheses, refused by sumTerms.
      const right = ptg === 0x04 && b.compound ? `(${b.text})` : b.text;
      stack.push({ text: `${a.text}${ptg === 0x03 ? "+" : "-"}${right}`, compound: true });
      i += 1;
    } else if (ptg === 0x15) {
      const a = stack.pop();
      if (!a) return null;
      stack.push({ text: a.compound ? `(${a.text})` : a.text, compound: false });
      i += 1;
    } else if (ptg === 0x19) {
      if (i + 4 > rgce.length) return null;
      const flags = rgce[i + 1];
      // bitFSum: SUM of the one argument before it; bitFSpace / bitFSemi (volatile): nothing to the value.
      if (flags & 0x10) {
        const a = stack.pop();
        if (!a) return null;
        stack.push({ text: `SUM(${a.text})`, compound: false });
      } else if (flags & ~0x41) return null; // an IF, a CHOOSE, a GOTO: no plain sum
      i += 4;
    } else if (cls !== 0 && base === 0x02) {
      // ptgFuncVar: its argument count, then the function (SUM is 4).
      if (i + 4 > rgce.length) return null;
      const n = rgce[i + 1] & 0x7f;
      if ((rgce.readUInt16LE(i + 2) & 0x7fff) !== 4 || n < 1 || n > stack.length) return null;
      const args = stack.splice(stack.length - n, n);
      stack.push({ text: `SUM(${mapArray(args, (a) => a.text).join(",")})`, compound: false });
      i += 4;
    } else if (cls !== 0 && (base === 0x04 || base === 0x0c)) {
      if (i + 5 > rgce.length) return null;
      const cell = ref(rgce.readUInt16LE(i + 1), rgce.readUInt16LE(i + 3), base === 0x0c);
      if (cell === null) return null;
      stack.push({ text: cell, compound: false });
      i += 5;
    } else if (cls !== 0 && (base === 0x05 || base === 0x0d)) {
      if (i + 9 > rgce.length) return null;
      const shared = base === 0x0d;
      const first = ref(rgce.readUInt16LE(i + 1), rgce.readUInt16LE(i + 5), shared);
      const last = ref(rgce.readUInt16LE(i + 3), rgce.readUInt16LE(i + 7), shared);
      if (first === null || last === null) return null;
      stack.push({ text: `${first}:${last}`, compound: false });
      i += 9;
    } else return null;
  }
  return stack.length === 1 ? stack[0].text : null;
}
