/*
 * A workbook's formulas (A1 notation, as exceljs keeps them) as the other workbook forms store them, for the tests'
 * writers of those forms (xls.ts, xml-spreadsheet.ts): in R1C1 notation (an Excel 2003 XML spreadsheet's
 * `ss:Formula`), and as BIFF8 parsed tokens (an .xls FORMULA's rgce, [MS-XLS] 2.5.198), written independently of the
 * readers. Only what a budget table's totals use: cell and area references, + and −, SUM.
 */

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)/g;

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** `formula` (A1, without `=`) in R1C1 notation for the cell at 1-based `row`, `column`: relative where A1 is. */
export function toR1C1(formula: string, row: number, column: number): string {
  return formula.replace(REF, (_, colAbs: string, letters: string, rowAbs: string, digits: string) => {
    const r = Number(digits);
    const c = colNumber(letters);
    const rr = rowAbs ? `R${r}` : r === row ? "R" : `R[${r - row}]`;
    const cc = colAbs ? `C${c}` : c === column ? "C" : `C[${c - column}]`;
    return rr + cc;
  });
}

const u16 = (v: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v & 0xffff, 0);
  return b;
};

/**
 * A formula's BIFF8 tokens for the cell at 0-based `rw`, `col`, or null where it is not a sum of references (written
 * then without tokens). `shared`: a shared formula's (SHRFMLA), its relative references as offsets (ptgRefN,
 * ptgAreaN); else a cell's own (ptgRef, ptgArea).
 */
export function biffTokens(formula: string, rw: number, col: number, shared = false): Buffer | null {
  const f = formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  const ref = (m: RegExpExecArray) => {
    const r = Number(m[4]) - 1;
    const c = colNumber(m[2]) - 1;
    const rowRel = !m[3];
    const colRel = !m[1];
    const flags = (rowRel ? 0x8000 : 0) | (colRel ? 0x4000 : 0);
    const rr = shared && rowRel ? (r - rw) & 0xffff : r;
    const cc = shared && colRel ? (c - col) & 0xff : c;
    return { rw: rr, col: cc | flags };
  };
  const one = (text: string) => {
    const m = new RegExp(`^${REF.source}$`).exec(text);
    return m ? ref(m) : null;
  };
  /** A reference or a range as its token. */
  const operand = (text: string, valueClass: boolean): Buffer | null => {
    const [a, b] = text.split(":");
    const first = one(a);
    if (!first) return null;
    if (b === undefined) return Buffer.concat([Buffer.from([(valueClass ? 0x40 : 0x20) | (shared ? 0x0c : 0x04)]), u16(first.rw), u16(first.col)]);
    const last = one(b);
    if (!last) return null;
    return Buffer.concat([Buffer.from([0x20 | (shared ? 0x0d : 0x05)]), u16(first.rw), u16(last.rw), u16(first.col), u16(last.col)]);
  };
  const out: Buffer[] = [];
  const term = /([+-]?)(SUM\(([^()]*)\)|\$?[A-Z]{1,3}\$?\d+)/y;
  let pos = 0;
  let first = true;
  while (pos < f.length) {
    term.lastIndex = pos;
    const m = term.exec(f);
    if (!m || (!first && !m[1]) || (first && m[1] === "-")) return null;
    if (m[3] !== undefined) {
      const args = m[3].split(",");
      for (const a of args) {
        const t = operand(a, false);
        if (!t) return null;
        out.push(t);
      }
      // SUM of one argument as Excel writes it (ptgAttr's bitFSum), of more as a ptgFuncVar of function 4.
      out.push(args.length === 1 ? Buffer.from([0x19, 0x10, 0, 0]) : Buffer.concat([Buffer.from([0x42, args.length]), u16(4)]));
    } else {
      const t = operand(m[2], true);
      if (!t) return null;
      out.push(t);
    }
    if (!first) out.push(Buffer.from([m[1] === "-" ? 0x04 : 0x03]));
    first = false;
    pos = term.lastIndex;
  }
  return out.length ? Buffer.concat(out) : null;
}
