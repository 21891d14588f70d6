import type ExcelJS from "exceljs";
import { biffTokens, toR1C1 } from "./formulas.js";
import { readBook } from "./read-book.js";

/*
 * A workbook written as an Excel 97–2003 file (BIFF8 in a compound file), as [MS-XLS] and [MS-CFB] lay it out, for
 * the .xls reader's tests. Written independently of the reader: numbers as RK (integers, and hundredths ×100),
 * MULRK for a run of them, NUMBER otherwise; strings in a shared string table split over CONTINUE records at a
 * small size (so that strings break across them, their characters' width flag repeated), some cells as LABEL;
 * number formats as built-in or FORMAT records through XF records; hidden rows (ROW), columns (COLINFO) and
 * sheets (BOUNDSHEET); formulas with cached numbers or strings (FORMULA + STRING), a sum's parsed tokens (formulas.ts),
 * filled right as one shared formula (SHRFMLA); an embedded chart's substream
 * inside a sheet; FILEPASS or BIFF5 on request.
 */

/** A formula: its cached result, and its text (A1, as exceljs keeps it) where its tokens are to be written. */
export type XlsCell = string | number | boolean | { formula: number | string; text?: string } | null;
export interface XlsSheet {
  name: string;
  /** Hidden (`very`: very hidden, shown by no menu). */
  hidden?: boolean | "very";
  /** `indent`: the cell's format indents its text (an XF aligned left with cIndent). */
  rows: { r: number; cells: { c: number; v: XlsCell; numFmt?: string; indent?: number }[]; hidden?: boolean }[];
  hiddenColumns?: number[];
}

const BUILT_IN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

const rec = (type: number, data: Buffer) => {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(data.length, 2);
  return Buffer.concat([h, data]);
};
const u16 = (...v: number[]) => {
  const b = Buffer.alloc(v.length * 2);
  v.forEach((x, i) => b.writeUInt16LE(x, i * 2));
  return b;
};
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0, 0);
  return b;
};
const wide = (s: string) => [...s].some((ch) => ch.charCodeAt(0) > 0xff);
/** XLUnicodeString (16-bit count) or ShortXLUnicodeString (8-bit). */
const xlString = (s: string, short = false) => Buffer.concat([short ? Buffer.from([s.length]) : u16(s.length), Buffer.from([wide(s) ? 1 : 0]), Buffer.from(s, wide(s) ? "utf16le" : "latin1")]);

/** The shared string table as SST + CONTINUE records of at most `max` bytes, strings split inside their characters. */
function sstRecords(strings: string[], total: number, max: number): Buffer[] {
  const records: Buffer[][] = [[u32(total), u32(strings.length)]];
  let size = 8;
  const add = (b: Buffer) => {
    records[records.length - 1].push(b);
    size += b.length;
  };
  const next = () => {
    records.push([]);
    size = 0;
  };
  for (const s of strings) {
    const w = wide(s);
    if (size + 3 + (w ? 2 : 1) > max) next();
    add(Buffer.concat([u16(s.length), Buffer.from([w ? 1 : 0])]));
    let chars = [...s];
    while (chars.length) {
      const room = Math.floor((max - size) / (w ? 2 : 1));
      if (room <= 0) {
        next();
        // A string's characters go on in a CONTINUE record that begins with their width.
        add(Buffer.from([w ? 1 : 0]));
        continue;
      }
      const piece = chars.slice(0, room).join("");
      add(Buffer.from(piece, w ? "utf16le" : "latin1"));
      chars = chars.slice(room);
    }
  }
  return records.map((parts, i) => rec(i === 0 ? 0x00fc : 0x003c, Buffer.concat(parts)));
}

/** An RK value for `v`, where one holds it exactly. */
function rk(v: number): number | null {
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 29) return ((v << 2) | 0x02) >>> 0;
  const h = Math.round(v * 100);
  if (Math.abs(h) < 2 ** 29 && String(h / 100) === String(v)) return ((h << 2) | 0x03) >>> 0;
  return null;
}

export function biff8(sheets: XlsSheet[], opts: { password?: boolean; biff5?: boolean; sstRecordBytes?: number; activeTab?: number; oleSize?: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } } = {}): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  let total = 0;
  const fmts = new Map<string, number>();
  let nextFmt = 164;
  const xfOf = new Map<string, number>();
  const xfs: { ifmt: number; indent: number }[] = Array.from({ length: 17 }, () => ({ ifmt: 0, indent: 0 })); // 16 style XFs, XF 16 the default cell XF
  const xf = (numFmt?: string, indent = 0) => {
    if ((!numFmt || numFmt === "General") && !indent) return 16;
    let ifmt = !numFmt || numFmt === "General" ? 0 : BUILT_IN[numFmt];
    if (ifmt === undefined) {
      if (!fmts.has(numFmt!)) fmts.set(numFmt!, nextFmt++);
      ifmt = fmts.get(numFmt!)!;
    }
    const key = `${ifmt}/${indent}`;
    if (!xfOf.has(key)) {
      xfOf.set(key, xfs.length);
      xfs.push({ ifmt, indent });
    }
    return xfOf.get(key)!;
  };
  let labelTurn = 0;
  const sheetStreams: Buffer[] = [];
  for (const sheet of sheets) {
    const out: Buffer[] = [rec(0x0809, Buffer.concat([u16(0x0600, 0x0010, 0x0dbb, 0x07cc), u32(0), u32(0x06)]))];
    out.push(rec(0x0200, Buffer.concat([u32(0), u32(Math.max(1, ...sheet.rows.map((r) => r.r + 1))), u16(0, 256, 0)])));
    for (const c of sheet.hiddenColumns ?? []) out.push(rec(0x007d, u16(c, c, 2340, 15, 0x0001, 0)));
    for (const row of sheet.rows) out.push(rec(0x0208, u16(row.r, 0, 256, 0xff, 0, 0, 0x0100 | (row.hidden ? 0x20 : 0), 0x0f)));
    for (const row of sheet.rows) {
      const cells = [...row.cells].sort((a, b) => a.c - b.c);
      // Formulas filled right (the same in R1C1 in adjacent cells) as Excel stores them: one shared formula.
      const shared = sharedGroups(row.r, cells);
      for (let i = 0; i < cells.length; i++) {
        const { c, v, numFmt, indent } = cells[i];
        const ixfe = xf(typeof v === "number" || (v && typeof v === "object" && typeof v.formula === "number") ? numFmt : undefined, indent);
        if (v === null) continue;
        if (typeof v === "number") {
          // A run of RK numbers in adjacent cells: one MULRK.
          const run: number[] = [];
          for (let j = i; j < cells.length && typeof cells[j].v === "number" && cells[j].c === c + (j - i) && rk(cells[j].v as number) !== null; j++) run.push(j);
          if (run.length >= 2) {
            const body = [u16(row.r, c)];
            for (const j of run) body.push(u16(xf(cells[j].numFmt)), u32(rk(cells[j].v as number)!));
            body.push(u16(c + run.length - 1));
            out.push(rec(0x00bd, Buffer.concat(body)));
            i += run.length - 1;
            continue;
          }
          const r = rk(v);
          if (r !== null) out.push(rec(0x027e, Buffer.concat([u16(row.r, c, ixfe), u32(r)])));
          else {
            const d = Buffer.alloc(8);
            d.writeDoubleLE(v, 0);
            out.push(rec(0x0203, Buffer.concat([u16(row.r, c, ixfe), d])));
          }
        } else if (typeof v === "string") {
          // Most strings shared; every fifth written in its cell (LABEL), as some writers do.
          if (++labelTurn % 5 === 0) out.push(rec(0x0204, Buffer.concat([u16(row.r, c, ixfe), xlString(v)])));
          else {
            total++;
            if (!index.has(v)) {
              index.set(v, strings.length);
              strings.push(v);
            }
            out.push(rec(0x00fd, Buffer.concat([u16(row.r, c, ixfe), u32(index.get(v)!)])));
          }
        } else if (typeof v === "boolean") out.push(rec(0x0205, Buffer.concat([u16(row.r, c, ixfe), Buffer.from([v ? 1 : 0, 0])])));
        else {
          const result = Buffer.alloc(8);
          if (typeof v.formula === "number") result.writeDoubleLE(v.formula, 0);
          else result.set([0, 0, 0, 0, 0, 0, 0xff, 0xff]);
          const group = shared.get(c);
          const own = v.text && !group ? biffTokens(v.text, row.r, c) : null;
          const rgce = group ? Buffer.concat([Buffer.from([0x01]), u16(row.r, group.first)]) : (own ?? Buffer.alloc(0));
          out.push(rec(0x0006, Buffer.concat([u16(row.r, c, ixfe), result, u16(group ? 0x0008 : 0), u32(0), u16(rgce.length), rgce])));
          if (group && group.first === c) {
            const tokens = biffTokens(v.text!, row.r, c, true)!;
            out.push(rec(0x04bc, Buffer.concat([u16(row.r, row.r), Buffer.from([c, group.last, 0, group.last - c + 1]), u16(tokens.length), tokens])));
          }
          if (typeof v.formula === "string") out.push(rec(0x0207, xlString(v.formula)));
        }
      }
    }
    // An embedded chart's substream, whose records are not the sheet's cells.
    out.push(rec(0x0809, Buffer.concat([u16(0x0600, 0x0020, 0x0dbb, 0x07cc), u32(0), u32(0x06)])), rec(0x0203, Buffer.concat([u16(0, 0, 16), Buffer.alloc(8, 0x40)])), rec(0x000a, Buffer.alloc(0)));
    out.push(rec(0x000a, Buffer.alloc(0)));
    sheetStreams.push(Buffer.concat(out));
  }
  const globals = (offsets: number[]) => {
    const g: Buffer[] = [rec(0x0809, Buffer.concat([u16(opts.biff5 ? 0x0500 : 0x0600, 0x0005, 0x0dbb, 0x07cc), u32(0), u32(0x06)]))];
    if (opts.password) g.push(rec(0x002f, Buffer.concat([u16(1), Buffer.alloc(52)])));
    g.push(rec(0x0042, u16(1200)));
    // WINDOW1 (its itabCur: the active sheet) and OLESIZE (the range an embedded workbook shows; 0-based rows and columns).
    if (opts.activeTab !== undefined) g.push(rec(0x003d, u16(0, 0, 20000, 10000, 0x38, opts.activeTab, 0, 1, 600)));
    if (opts.oleSize) g.push(rec(0x00de, Buffer.concat([u16(0, opts.oleSize.firstRow - 1, opts.oleSize.lastRow - 1), Buffer.from([opts.oleSize.firstColumn - 1, opts.oleSize.lastColumn - 1])])));
    for (const [f, i] of fmts) g.push(rec(0x041e, Buffer.concat([u16(i), xlString(f)])));
    // XF: ifnt, ifmt, flags, then alc (1, left, where indented), trot, cIndent.
    for (const { ifmt, indent } of xfs) g.push(rec(0x00e0, Buffer.concat([u16(0, ifmt, 0), Buffer.from([indent ? 1 : 0, 0, indent]), Buffer.alloc(11)])));
    sheets.forEach((s, k) => g.push(rec(0x0085, Buffer.concat([u32(offsets[k]), Buffer.from([s.hidden === "very" ? 2 : s.hidden ? 1 : 0, 0]), xlString(s.name, true)]))));
    g.push(...sstRecords(strings, total, opts.sstRecordBytes ?? 301));
    g.push(rec(0x000a, Buffer.alloc(0)));
    return Buffer.concat(g);
  };
  // The sheets' offsets depend on the globals' length, which does not depend on them.
  const head = globals(sheets.map(() => 0)).length;
  const offsets: number[] = [];
  let at = head;
  for (const s of sheetStreams) {
    offsets.push(at);
    at += s.length;
  }
  return Buffer.concat([globals(offsets), ...sheetStreams]);
}

/**
 * The cells of a row whose formulas are one shared formula (two adjacent cells or more whose formulas are the same
 * in R1C1 and can be written as tokens), by column: the group's first and last column.
 */
function sharedGroups(r: number, cells: XlsSheet["rows"][number]["cells"]): Map<number, { first: number; last: number }> {
  const out = new Map<number, { first: number; last: number }>();
  const key = (k: number) => {
    const v = cells[k]?.v;
    return v && typeof v === "object" && v.text && biffTokens(v.text, r, cells[k].c, true) ? toR1C1(v.text, r + 1, cells[k].c + 1) : null;
  };
  for (let i = 0; i < cells.length; ) {
    let j = i;
    const k = key(i);
    while (k !== null && j + 1 < cells.length && cells[j + 1].c === cells[j].c + 1 && key(j + 1) === k) j++;
    if (j > i) for (let m = i; m <= j; m++) out.set(cells[m].c, { first: cells[i].c, last: cells[j].c });
    i = j + 1;
  }
  return out;
}

/** `streams` in a compound file of 512-byte sectors (each stream padded with zeros to at least 4096 bytes: no mini stream). */
export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const padded = streams.map((s) => ({ ...s, data: s.data.length >= 4096 ? s.data : Buffer.concat([s.data, Buffer.alloc(4096 - s.data.length)]), sectors: Math.ceil(Math.max(s.data.length, 4096) / 512) }));
  const dirSectors = Math.ceil((padded.length + 1) / 4);
  let fatSectors = 1;
  const body = () => dirSectors + padded.reduce((n, s) => n + s.sectors, 0);
  while (fatSectors * 128 < fatSectors + body()) fatSectors++;
  const total = fatSectors + body();
  const fat = new Uint32Array(fatSectors * 128).fill(0xffffffff);
  for (let i = 0; i < fatSectors; i++) fat[i] = 0xfffffffd;
  const chainOf = (start: number, n: number) => {
    for (let i = 0; i < n; i++) fat[start + i] = i === n - 1 ? 0xfffffffe : start + i + 1;
  };
  chainOf(fatSectors, dirSectors);
  let next = fatSectors + dirSectors;
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(next);
    chainOf(next, s.sectors);
    next += s.sectors;
  }
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(fatSectors, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : 0xffffffff, 0x4c + i * 4);
  const dir = Buffer.alloc(dirSectors * 512);
  const entry = (k: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = k * 128;
    Buffer.from(`${name}\0`, "utf16le").copy(dir, at);
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir[at + 0x42] = type;
    dir[at + 0x43] = 1;
    dir.writeUInt32LE(0xffffffff, at + 0x44);
    dir.writeUInt32LE(right, at + 0x48);
    dir.writeUInt32LE(child, at + 0x4c);
    dir.writeUInt32LE(start, at + 0x74);
    dir.writeUInt32LE(size, at + 0x78);
  };
  entry(0, "Root Entry", 5, 0xfffffffe, 0, padded.length ? 1 : 0xffffffff, 0xffffffff);
  padded.forEach((s, i) => entry(i + 1, s.name, 2, starts[i], s.data.length, 0xffffffff, i + 2 <= padded.length ? i + 2 : 0xffffffff));
  const fatBytes = Buffer.alloc(fat.length * 4);
  fat.forEach((v, i) => fatBytes.writeUInt32LE(v, i * 4));
  const parts = [header, fatBytes, dir, ...padded.map((s) => Buffer.concat([s.data, Buffer.alloc(s.sectors * 512 - s.data.length)]))];
  const file = Buffer.concat(parts);
  if (file.length !== (total + 1) * 512) throw new Error("compound file laid out wrong");
  return file;
}

/** An .xlsx workbook (its cells, number formats, hidden rows, columns and sheets) as an .xls file's bytes. */
export async function asXls(xlsxPath: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await readBook(xlsxPath);
  edit?.(wb);
  return compoundFile([{ name: "Workbook", data: biff8(sheetsOf(wb)) }]);
}

/** A workbook's sheets as the writer takes them (merged cells' others left empty, as Excel stores them). */
export function sheetsOf(wb: ExcelJS.Workbook): XlsSheet[] {
  return wb.worksheets.map((ws) => {
    const rows: XlsSheet["rows"] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: XlsSheet["rows"][number]["cells"] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const raw = cell.value as unknown;
        const isFormula = raw !== null && typeof raw === "object" && ("formula" in (raw as object) || "sharedFormula" in (raw as object));
        const f = isFormula ? (raw as { result?: unknown }).result : undefined;
        const v = f !== undefined ? { formula: f as number | string, ...(cell.formula ? { text: cell.formula } : {}) } : raw;
        if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || (v && typeof v === "object" && "formula" in v))
          cells.push({ c: c - 1, v: v as XlsCell, numFmt: cell.numFmt, ...(cell.alignment?.indent ? { indent: cell.alignment.indent } : {}) });
        else if (v && typeof v === "object" && "richText" in (v as object)) cells.push({ c: c - 1, v: (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("") });
      });
      rows.push({ r: r - 1, cells, hidden: row.hidden });
    });
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
    return { name: ws.name, hidden: ws.state === "veryHidden" ? "very" : ws.state !== "visible", rows, hiddenColumns };
  });
}
