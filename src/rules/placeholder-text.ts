import { claimsOf } from "../claims/index.js";
import type { Rule } from "../engine/types.js";
import type { TableId } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import { mapArray } from "../util/arrays.js";

/**
 * What a template leaves for the department to fill in: a run of X (上海市 XX 局, XX（类）, XX 万元), of × beside
 * Chinese (×××单位), and the instructions 待填写 / 请填写 / 待补充. Not a letter of a word or a code (ABXX1), not
 * asterisks (a name masked on purpose, 张**), not a single X.
 */
const PLACEHOLDER = /(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])[XＸ]{2,}(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])|×{2,}(?=\p{Script=Han})|(?<=\p{Script=Han})×{2,}|待填写|请填写|待补充/u;

/** What every placeholder holds, tested first: a plain pattern, ~20 times cheaper than PLACEHOLDER on a paragraph. */
const QUICK = /[XＸ×]{2}|待填写|请填写|待补充/;

/** The printed text around a placeholder, for the message: at most 24 characters, spaces collapsed. */
function around(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= 24) return t;
  const i = Math.max(0, (PLACEHOLDER.exec(t)?.index ?? 0) - 8);
  return `${i > 0 ? "…" : ""}${t.slice(i, i + 24)}${i + 24 < t.length ? "…" : ""}`;
}

/** The places a finding lists beside the first (a template carries ~100). */
const MAX_RELATED = 100;

export const placeholderText: Rule = {
  id: "placeholder-text",
  defaultSeverity: "error",
  description: "A template's placeholder left unfilled (上海市 XX 局, XX（类）, ×××, 待填写 / 请填写 / 待补充) in the written parts, a table's title or a row's name: one finding at the first, the others as related places.",
  descriptionZh: "文字部分、表格标题或行名称中残留未填写的模板占位符（上海市 XX 局、XX（类）、×××、待填写 / 请填写 / 待补充）：在首处报告一次，其余各处列为相关位置。",
  check(doc, ctx) {
    const places: { location: SourceLocation; text: string; placeholder: string; table: TableId | "text" }[] = [];
    const seen = new Set<string>();
    const add = (location: SourceLocation, text: string, table: TableId | "text") => {
      const m = QUICK.test(text) ? PLACEHOLDER.exec(text) : null;
      // (The place's key made only for a placeholder: this runs for every row's name and unit.)
      if (!m) return;
      const key = `${location.file}:${location.line ?? ""}:${location.sheet ?? ""}:${location.cell ?? ""}`;
      if (seen.has(key)) return;
      seen.add(key);
      places.push({ location, text, placeholder: m[0], table });
    };
    // The written parts by paragraph (joined across line and page breaks), each at the line that prints its
    // first placeholder.
    for (const part of doc.text) add(part.location, part.title, "text");
    // The printed lines by number, made only when a paragraph holds a placeholder.
    let lineText: Map<number, { text: string; page: number | null }> | null = null;
    const lines = () => {
      if (!lineText) {
        lineText = new Map();
        for (const part of doc.text) for (const l of part.lines) lineText.set(l.line, { text: l.text, page: l.page ?? null });
      }
      return lineText;
    };
    for (const p of claimsOf(doc).paragraphs) {
      if (!QUICK.test(p.text) || !PLACEHOLDER.test(p.text)) continue;
      const lineText = lines();
      const line = p.lines.find((n) => PLACEHOLDER.test(lineText.get(n)?.text ?? ""));
      const page = line !== undefined ? lineText.get(line)!.page : null;
      add(line !== undefined ? { file: p.location.file, line, ...(page != null ? { page } : {}) } : p.location, p.text, "text");
    }
    for (const t of doc.tables) {
      add(t.location, t.title, t.id);
      for (const r of t.rows) {
        if (r.name) add(r.cells.name?.location ?? r.location, r.name, t.id);
        if (r.unit) add(r.cells.unit?.location ?? r.location, r.unit, t.id);
      }
    }
    if (!places.length) return;
    // One finding, at the first place printed: a template left unfilled has placeholders everywhere, and how a
    // converter cut its lines into paragraphs should not change what the report counts.
    places.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
    const [first, ...rest] = places;
    const shown = around(first.text);
    // How many is the related list's length (a count in the message would differ with how the text was cut).
    const others = rest.length ? { zh: "；其余各处见相关位置", en: "; the other places are listed as related" } : { zh: "", en: "" };
    ctx.report({
      subject: { table: first.table },
      location: first.location,
      related: mapArray(rest.slice(0, MAX_RELATED), (x) => x.location),
      message: { zh: `模板占位符“${first.placeholder}”未填写：「${shown}」${others.zh}`, en: `the template's placeholder “${first.placeholder}” was left unfilled: “${shown}”${others.en}` },
    });
  },
};
