/**
 * A tab-separated text as a Word document (.docx), for the tests of the .docx reader: the findings of a
 * document read from the .docx must be those of its tab-separated text. Headings (#, ##, ###) as paragraphs of
 * the styles "1".."3" (heading 1..3, as Chinese Word names them), centred; each run of tab-separated rows one
 * <w:tbl>, a cell one paragraph; every other line an indented paragraph (a "- " mark left out), an empty one
 * after every 5th; each text cut into 1–3 runs of differing fonts. Options, each a thing a reader must get past:
 * - `numbered`: the Chinese list marks (一、 （一） (一) 第一部分) taken out of the text and made Word list
 *   numbers (numbering.xml, chineseCounting, restarts as w:num with a startOverride), which render the text again;
 * - `pages`: <w:lastRenderedPageBreak/> before each heading with 表 that has a table in its next 4 non-empty
 *   lines and before each # heading but the first (`docxPages` tells the page of each line);
 * - `tracked`: deletions (text not to read), insertions, proofing marks and bookmarks in every 4th paragraph
 *   with a digit, and one QUOTE field (its instruction not to read, its result to read);
 * - `toc`: the "- " lines under a 目录 heading as a Word table of contents (an SDT, hyperlinks, PAGEREF fields
 *   whose results are page numbers after a tab: those are not in the text);
 * - `merged`: a table's first row's cells followed by empty ones as one cell across (gridSpan), the empty cell
 *   below its first cell as a vertical merge (vMerge);
 * - `wps`: document.xml as WPS Office writes it (standalone="yes", w:rsidR, <w:t> without xml:space, CRLF).
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { zipParts } from "../../src/loaders/zip-limits.js";

/** What `asDocx` puts in besides the text (see above); each is independent of the others. */
export interface DocxOptions {
  numbered?: boolean;
  pages?: boolean;
  tracked?: boolean;
  toc?: boolean;
  merged?: boolean;
  wps?: boolean;
  /** A table cell keeps the spaces its text starts with (a name indented in its cell), as Word keeps them. */
  indented?: boolean;
  /** A table cell's leading spaces made its paragraph's indentation (w:ind, two spaces a character), not text. */
  indentedByFormat?: boolean;
}

// 2026-01-01 00:00:00 as an MS-DOS date and time: a fixed stamp, so that the same input gives the same bytes.
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** A ZIP archive of `entries` (UTF-8 names, each deflated), as Word writes a .docx. No ZIP64: under 4 GiB. */
export function zip(entries: { name: string; data: string | Buffer }[], opts: { stored?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
    // (Stored, method 0, where a test changes the parts' bytes themselves: a fuzzer's damage reaches the XML.)
    const packed = opts.stored ? data : deflateRawSync(data);
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // bit 11: the name is UTF-8
    local.writeUInt16LE(opts.stored ? 0 : 8, 8); // deflated, or stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    parts.push(local, name, packed);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(opts.stored ? 0 : 8, 10);
    head.writeUInt16LE(DOS_TIME, 12);
    head.writeUInt16LE(DOS_DATE, 14);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(name.length, 28);
    // extra, comment, disk number, internal and external attributes: all 0
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

type Block =
  | { kind: "heading"; line: number; hashes: number; text: string }
  | { kind: "para"; line: number; text: string; listed: boolean }
  | { kind: "table"; line: number; rows: string[][] }
  | { kind: "toc"; entries: { line: number; text: string }[] };

const HEADING = /^(#+)\s*([\s\S]*)$/;
const LIST = /^[-*]\s+/;
const bare = (s: string) => s.replace(/[\s*]/g, "");

/** The blocks of a tab-separated text, each with its 1-based line; a table's line is its first row's. */
function blocks(tabText: string, indented = false): Block[] {
  const out: Block[] = [];
  const lines = tabText.split("\n");
  for (const [i, l] of lines.entries()) {
    if (l.includes("\t")) {
      const row = l.split("\t").map((c) => (indented ? c.trimEnd() : c.trim()));
      const last = out[out.length - 1];
      if (last?.kind === "table" && lines[i - 1]?.includes("\t")) last.rows.push(row);
      else out.push({ kind: "table", line: i + 1, rows: [row] });
      continue;
    }
    const t = l.trim();
    if (!t) continue;
    const h = HEADING.exec(t);
    if (h) out.push({ kind: "heading", line: i + 1, hashes: h[1].length, text: h[2] });
    else out.push({ kind: "para", line: i + 1, text: t.replace(LIST, ""), listed: LIST.test(t) });
  }
  return out;
}

/** The lines (1-based) that `pages` starts a page at. */
function pageBreaks(tabText: string): Set<number> {
  const lines = tabText.split("\n");
  const breaks = new Set<number>();
  let first = true;
  for (const [i, l] of lines.entries()) {
    if (l.includes("\t")) continue;
    const h = HEADING.exec(l.trim());
    if (!h) continue;
    if (h[1].length === 1) {
      if (!first) breaks.add(i + 1);
      first = false;
    }
    if (h[2].includes("表")) {
      const next = lines.slice(i + 1).filter((x) => x.trim()).slice(0, 4);
      if (next.some((x) => x.includes("\t"))) breaks.add(i + 1);
    }
  }
  return breaks;
}

/**
 * The page (1-based) that `asDocx(tabText, { pages: true })` puts each line (1-based) of `tabText` on: a page
 * starts at each line that gets a <w:lastRenderedPageBreak/>; an empty line is on the page of the line before.
 */
export function docxPages(tabText: string): Map<number, number> {
  const breaks = pageBreaks(tabText);
  const pages = new Map<number, number>();
  let page = 1;
  tabText.split("\n").forEach((_, i) => {
    if (breaks.has(i + 1)) page++;
    pages.set(i + 1, page);
  });
  return pages;
}

// Word's chineseCounting numbers, 1..99 (一 … 十 十一 … 二十 … 九十九), and back.
const DIGITS = "零一二三四五六七八九";
const chineseCounting = (n: number) =>
  (n >= 20 ? DIGITS[Math.floor(n / 10)] : "") + (n >= 10 ? "十" : "") + (n % 10 ? DIGITS[n % 10] : "");
const COUNTING = new Map(Array.from({ length: 99 }, (_, i) => [chineseCounting(i + 1), i + 1] as const));

// The list marks `numbered` makes Word numbers: one abstractNum each (its id the index here).
const MARKS = [
  { re: /^([一二三四五六七八九十]+)、/, text: "%1、", suff: "nothing" },
  { re: /^（([一二三四五六七八九十]+)）/, text: "（%1）", suff: "nothing" },
  { re: /^\(([一二三四五六七八九十]+)\)/, text: "(%1)", suff: "nothing" },
  // "第一部分 部门概况": the space after the mark is Word's suffix, so it must be one space, and text after it.
  { re: /^第([一二三四五六七八九十]+)部分 (?=[^\s])/, text: "第%1部分", suff: "space" },
];

// Characters an XML 1.0 document cannot hold, or that a parser would change (a CR in text).
const UNWRITABLE = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `text` cut into 1–3 pieces (at thirds of its length in code points, so never inside a surrogate pair). */
function pieces(text: string): string[] {
  const cps = Array.from(text);
  const n = cps.length;
  const count = n >= 6 ? 3 : n >= 2 ? 2 : n;
  const cuts = Array.from({ length: count + 1 }, (_, k) => Math.floor((n * k) / count));
  return cuts.slice(1).map((c, k) => cps.slice(cuts[k], c).join(""));
}

const XML = (wps: boolean) => `<?xml version="1.0" encoding="UTF-8"${wps ? ' standalone="yes"' : ""}?>`;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REVISION = 'w:author="审核" w:date="2026-01-01T00:00:00Z"';
const PAGE_WIDTH = 8296; // the text width of an A4 page with Word's default margins, in twips

/**
 * `tabText` as a .docx (see the top of this file). Without options a plain document holding every line of the
 * text in order; the options are independent and can be put together.
 */
export function asDocx(tabText: string, opts: DocxOptions = {}): Buffer {
  const { numbered = false, pages = false, tracked = false, toc = false, merged = false, wps = false } = opts;
  const nl = wps ? "\r\n" : "";
  let ids = 0; // w:id of revisions and bookmarks: one series
  let rsid = 0;
  const p = (pPr: string, items: string[]) => {
    const attr = wps ? ` w:rsidR="${(0x00a41c2e + 0x101 * rsid++).toString(16).toUpperCase().padStart(8, "0")}"` : "";
    if (!pPr && !items.length) return `<w:p${attr}/>`;
    return `<w:p${attr}>${[pPr && `<w:pPr>${pPr}</w:pPr>`, ...items].filter(Boolean).join(nl)}</w:p>`;
  };
  const t = (s: string) =>
    wps && !/^\s|\s$/.test(s) ? `<w:t>${esc(s)}</w:t>` : `<w:t xml:space="preserve">${esc(s)}</w:t>`;
  // The runs of a text; `bold` for all of them (a heading), `first` put in the first run before its text.
  const runs = (text: string, bold = false, first = ""): string[] => {
    if (UNWRITABLE.test(text)) throw new Error(`asDocx: a character XML cannot hold in ${JSON.stringify(text)}`);
    const out = pieces(text).map((s, k) => {
      const rPr = [
        k === 1 ? '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' : '<w:rFonts w:hint="eastAsia"/>',
        bold || k === 2 ? "<w:b/>" : "",
        k === 1 ? '<w:sz w:val="24"/>' : "",
      ].join("");
      return `<w:r><w:rPr>${rPr}</w:rPr>${k === 0 ? first : ""}${t(s)}</w:r>`;
    });
    return out.length || !first ? out : [`<w:r>${first}</w:r>`];
  };
  const bookmark = (name: string, items: string[]) => {
    const id = ids++;
    return [`<w:bookmarkStart w:id="${id}" w:name="${name}"/>`, ...items, `<w:bookmarkEnd w:id="${id}"/>`];
  };
  const field = (instr: string, result: string[]) => [
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
    `<w:r><w:instrText xml:space="preserve">${esc(instr)}</w:instrText></w:r>`,
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    ...result,
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
  ];

  // The Word numbers: per mark kind the number of its last numbered paragraph and its w:num.
  const nums: { abstract: number; start?: number }[] = [];
  const lists = new Map<number, { last: number; numId: number }>();
  const numberOf = (text: string): { text: string; numPr: string } => {
    if (!numbered) return { text, numPr: "" };
    for (const [kind, m] of MARKS.entries()) {
      const hit = m.re.exec(text);
      const k = hit && COUNTING.get(hit[1]);
      if (!hit || !k) continue;
      let list = lists.get(kind);
      if (!list || k !== list.last + 1) {
        // A new w:num: numbers of one abstractNum run on across its w:nums unless told where to start.
        nums.push({ abstract: kind, start: list || k !== 1 ? k : undefined });
        list = { last: k, numId: nums.length };
        lists.set(kind, list);
      } else list.last = k;
      return { text: text.slice(hit[0].length), numPr: `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${list.numId}"/></w:numPr>` };
    }
    return { text, numPr: "" };
  };

  // The blocks, with the "- " lines under a 目录 heading gathered into tables of contents.
  const all: Block[] = [];
  let inContents = false;
  for (const b of blocks(tabText, opts.indented || opts.indentedByFormat)) {
    if (b.kind === "heading") inContents = b.hashes === 1 ? bare(b.text) === "目录" : inContents || bare(b.text) === "目录";
    const last = all[all.length - 1];
    if (toc && inContents && b.kind === "para" && b.listed) {
      if (last?.kind === "toc") last.entries.push({ line: b.line, text: b.text });
      else all.push({ kind: "toc", entries: [{ line: b.line, text: b.text }] });
    } else all.push(b);
  }
  // Each entry of a table of contents links to a bookmark on the first heading after it of the same words.
  const anchors = new Map<Block, string>();
  const pageOf = docxPages(tabText);
  const breaks = pages ? pageBreaks(tabText) : new Set<number>();
  let entries = 0;
  const contents = (b: Extract<Block, { kind: "toc" }>) => {
    const at = all.indexOf(b);
    const sdt = b.entries.map((e) => {
      const name = `_Toc${++entries}`;
      const target = all.slice(at + 1).find((h) => h.kind === "heading" && !anchors.has(h) && bare(h.text) === bare(e.text));
      if (target) anchors.set(target, name);
      const page = target && target.kind === "heading" ? pageOf.get(target.line)! : entries + 1;
      const link = [...runs(e.text), "<w:r><w:tab/></w:r>", ...field(` PAGEREF ${name} \\h `, [`<w:r><w:t>${page}</w:t></w:r>`])];
      return p(`<w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${PAGE_WIDTH}"/></w:tabs>`, [
        `<w:hyperlink w:anchor="${name}" w:history="1">${link.join(nl)}</w:hyperlink>`,
      ]);
    });
    return [
      '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>',
      `<w:sdtContent>${sdt.join(nl)}</w:sdtContent></w:sdt>`,
    ].join(nl);
  };

  const table = (rows: string[][]) => {
    const width = Math.max(...rows.map((r) => r.length));
    const col = Math.floor(PAGE_WIDTH / width);
    type Cell = { text: string; span: number; vMerge?: "restart" | "continue" };
    const grid: Cell[][] = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")].map((text) => ({ text, span: 1 })));
    if (merged) {
      const first: Cell[] = [];
      for (let c = 0; c < width; ) {
        const cell = { ...grid[0][c] };
        if (cell.text) while (c + cell.span < width && !grid[0][c + cell.span].text) cell.span++;
        first.push(cell);
        c += cell.span;
      }
      grid[0] = first;
      if (grid.length > 1 && first[0].span === 1 && first[0].text && !grid[1][0].text) {
        first[0].vMerge = "restart";
        grid[1][0].vMerge = "continue";
      }
    }
    const tc = (c: Cell) => {
      const tcPr = [
        `<w:tcW w:w="${col * c.span}" w:type="dxa"/>`,
        c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : "",
        c.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : c.vMerge ? "<w:vMerge/>" : "",
      ].join("");
      const lead = opts.indentedByFormat ? c.text.length - c.text.trimStart().length : 0;
      const pPr = lead ? `<w:ind w:leftChars="${lead * 50}" w:left="${lead * 105}"/>` : "";
      return `<w:tc>${[`<w:tcPr>${tcPr}</w:tcPr>`, p(pPr, c.vMerge === "continue" ? [] : runs(lead ? c.text.trimStart() : c.text))].join(nl)}</w:tc>`;
    };
    const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
    return `<w:tbl>${[
      `<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr>`,
      `<w:tblGrid>${Array.from({ length: width }, () => `<w:gridCol w:w="${col}"/>`).join("")}</w:tblGrid>`,
      ...grid.map((r) => `<w:tr>${r.map(tc).join(nl)}</w:tr>`),
    ].join(nl)}</w:tbl>`;
  };

  const body: string[] = [];
  let paras = 0;
  let digits = 0;
  for (const b of all) {
    // Two tables one after the other would be one in Word: an empty paragraph between them, as Word keeps.
    if (b.kind === "table" && body[body.length - 1]?.startsWith("<w:tbl>")) body.push(p("", []));
    if (b.kind === "toc") body.push(contents(b));
    else if (b.kind === "table") body.push(table(b.rows));
    else if (b.kind === "heading") {
      const level = Math.min(3, b.hashes);
      const { text, numPr } = numberOf(b.text);
      const broken = breaks.has(b.line) ? "<w:lastRenderedPageBreak/>" : "";
      const items = runs(text, true, broken);
      const name = anchors.get(b);
      body.push(p(`<w:pStyle w:val="${level}"/>${numPr}<w:jc w:val="center"/>`, name ? bookmark(name, items) : items));
    } else {
      const { text, numPr } = numberOf(b.text);
      let items = runs(text);
      const counted = tracked && /\d/.test(text) ? ++digits : 0;
      if (counted && counted % 4 === 0) {
        const [first, second, ...rest] = items;
        const ins = second ? [`<w:ins w:id="${ids++}" ${REVISION}>${second}</w:ins>`] : [];
        const del = `<w:del w:id="${ids++}" ${REVISION}><w:r><w:delText>9999.99万元</w:delText></w:r></w:del>`;
        items = bookmark(`_Toc${100000000 + digits}`, [first, del, '<w:proofErr w:type="spellStart"/>', ...ins, '<w:proofErr w:type="spellEnd"/>', ...rest]);
      } else if (counted === 1) {
        // The first paragraph with a digit: its last run the result of a field.
        items = [...items.slice(0, -1), ...field(' QUOTE "x" ', items.slice(-1))];
      }
      body.push(p(`${numPr}<w:ind w:firstLine="420"/>`, items));
      if (++paras % 5 === 0) body.push(p("", []));
    }
  }
  // Word ends a body with a paragraph, never a table.
  if (!body.length || body[body.length - 1].startsWith("<w:tbl>")) body.push(p("", []));
  body.push(
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>',
  );
  const document = `${XML(wps)}${wps ? "\r\n" : "\n"}<w:document xmlns:w="${W}" xmlns:r="${R}">${nl}<w:body>${nl}${body.join(nl)}${nl}</w:body>${nl}</w:document>`;

  const plain = XML(true) + "\n";
  const type = (part: string, kind: string) => `<Override PartName="/word/${part}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml"/>`;
  const rel = (id: number, kind: string, target: string) => `<Relationship Id="rId${id}" Type="${R}/${kind}" Target="${target}"/>`;
  const heading = (n: number) =>
    `<w:style w:type="paragraph" w:styleId="${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:uiPriority w:val="9"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="260" w:after="260"/><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${[44, 32, 30][n - 1]}"/></w:rPr></w:style>`;
  const styles =
    `${plain}<w:styles xmlns:w="${W}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>' +
    [1, 2, 3].map(heading).join("") +
    '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    "</w:styles>";
  const numbering =
    `${plain}<w:numbering xmlns:w="${W}">` +
    MARKS.map(
      (m, i) =>
        `<w:abstractNum w:abstractNumId="${i}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>` +
        `<w:suff w:val="${m.suff}"/><w:lvlText w:val="${esc(m.text)}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>`,
    ).join("") +
    nums
      .map(
        (n, i) =>
          `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${n.abstract}"/>` +
          (n.start === undefined ? "" : `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${n.start}"/></w:lvlOverride>`) +
          "</w:num>",
      )
      .join("") +
    "</w:numbering>";
  return zip([
    {
      name: "[Content_Types].xml",
      data:
        `${plain}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `${type("document", "document.main")}${type("styles", "styles")}${numbered ? type("numbering", "numbering") : ""}</Types>`,
    },
    {
      name: "_rels/.rels",
      data: `${plain}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel(1, "officeDocument", "word/document.xml")}</Relationships>`,
    },
    { name: "word/document.xml", data: document },
    {
      name: "word/_rels/document.xml.rels",
      data: `${plain}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel(1, "styles", "styles.xml")}${numbered ? rel(2, "numbering", "numbering.xml") : ""}</Relationships>`,
    },
    { name: "word/styles.xml", data: styles },
    ...(numbered ? [{ name: "word/numbering.xml", data: numbering }] : []),
  ]);
}

/** A .docx with its word/document.xml changed by `edit` (the other parts as they are). */
export function editDocumentXml(docx: Buffer, edit: (xml: string) => string): Buffer {
  const parts = zipParts(docx, 10_000);
  if (!Array.isArray(parts)) throw new Error("not a zip");
  return zip(
    parts.map((p) => {
      const data = p.method === 8 ? inflateRawSync(p.data) : Buffer.from(p.data);
      return { name: p.name, data: p.name === "word/document.xml" ? edit(data.toString("utf8")) : data };
    }),
  );
}
