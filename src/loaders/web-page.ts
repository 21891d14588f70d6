/*
 * The web forms of a document, read by the layout reader: a saved web page (html-page.ts), a text whose tables are
 * HTML, and a single-file web page (mhtml.ts) — each as a file, or as the chunk of HTML a Word document carries.
 */
import type { BudgetDocument } from "../model/document.js";
import type { DocumentTemplate } from "../templates/index.js";
import { eachLineLocation, relocate } from "./cell-forms.js";
import { decodeTextWithEncoding, type EncodingName } from "./decode.js";
import { htmlPageLines, isHtmlPage } from "./html-page.js";
import { hasHtmlTable, htmlTables } from "./html-tables.js";
import { layoutDocument, recogniseTemplate } from "./layout/index.js";
import { tabFormLines } from "./layout/tab-form.js";
import { mhtmlPage } from "./mhtml.js";

/** A page's text: a whole page, or a text with tables in HTML (rows of them, not a mention of <table>). */
export function loadWebText(file: string, text: string, template: DocumentTemplate | undefined): BudgetDocument {
  return isHtmlPage(text) || !(hasHtmlTable(text) && htmlTables(text).some((t) => t.rows.length >= 2)) ? loadHtmlPage(file, text, template) : loadHtmlTables(file, text, template);
}

/**
 * A Markdown text whose tables are HTML (<table>…</table>): its rows laid out on a grid as a tab-separated
 * text's are, read by the layout reader with the template it recognises (Shenzhen's too: the tab-separated
 * reader reads tabs, not HTML).
 */
export function loadHtmlTables(file: string, text: string, template: DocumentTemplate | undefined): BudgetDocument {
  const lines = tabFormLines(text);
  return layoutDocument(file, lines, "markdown", template ? { template } : { template: recogniseTemplate(lines), recognised: true });
}

/**
 * A saved web page (html-page.ts): its blocks of text and tables of data as lines, read by the layout reader
 * with the template it recognises, every location put back at the page's line (and column).
 */
export function loadHtmlPage(file: string, text: string, template: DocumentTemplate | undefined): BudgetDocument {
  const { lines, places, columnStarts, columnRuns } = htmlPageLines(file, text);
  const doc = layoutDocument(file, lines, "markdown", template ? { template } : { template: recogniseTemplate(lines), recognised: true });
  relocate(doc, file, places, false);
  for (const part of doc.text)
    for (const l of part.lines) {
      const start = columnStarts.get(l.line);
      const runs = columnRuns.get(l.line);
      if (start) l.columnStart = start;
      else if (runs) l.columnRuns = runs;
    }
  return doc;
}

/**
 * A single-file web page (mhtml.ts): its HTML part read as a saved web page is, every location put back from the
 * page's line to the file's (a quoted-printable or base64 part keeps no column).
 */
export function loadMhtml(file: string, bytes: Buffer, template: DocumentTemplate | undefined, encoding?: EncodingName): BudgetDocument {
  const page = mhtmlPage(bytes, file);
  const decoded = decodeTextWithEncoding(page.html, file, encoding ?? page.charset ?? undefined);
  const doc = loadWebText(file, decoded.text, template);
  eachLineLocation(doc, file, (r) => {
    r.line = page.lines[Math.min(r.line, page.lines.length) - 1] ?? r.line;
    if (!page.columns) delete r.column;
  });
  if (!page.columns)
    for (const part of doc.text)
      for (const l of part.lines) {
        delete l.columnStart;
        delete l.columnRuns;
      }
  doc.encoding = decoded.encoding;
  return doc;
}
