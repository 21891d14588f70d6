// A document of fixed-layout pages (a PDF, an OFD file) from its text rebuilt into layout lines: read by the
// one layout loader every layout form goes through, each figure placed on its page and in its box.
import type { BudgetDocument } from "../../model/document.js";
import type { PageTurn } from "../../model/page-turn.js";
import { InputError } from "../errors.js";
import { layoutDocument, type LayoutOptions } from "../layout/index.js";
import type { LayoutLine } from "../layout/types.js";
import { placeOnPages, rememberLines } from "./place.js";
import { mapArray } from "../../util/arrays.js";
import { pageRuns } from "../../util/page-runs.js";
import { withAsciiDigits } from "../layout/digits.js";

/** A fixed-layout document's text: its lines (pages 1-based, tokens boxed in PDF points) and each page's view box and turn. */
export interface PagesText {
  /** Each page's size in PDF points ([x0, y0, x1, y1] of its view box). */
  pageBoxes: [number, number, number, number][];
  /** Each page's turn (a PDF's /Rotate), null where it is shown as drawn. */
  pageTurns: (PageTurn | null)[];
  lines: LayoutLine[];
}

/**
 * The document its pages' text makes (`form` names the input's form in the error of a document whose text is
 * no disclosure: "PDF", "OFD"). Pages without a line of text are kept (`textlessPages`); where no table is read
 * and some pages have no text, the error says they are the likely reason.
 */
export function pagesDocument(file: string, text: PagesText, opts: LayoutOptions, form: "PDF" | "OFD"): BudgetDocument {
  const { pageBoxes, pageTurns } = text;
  const lines = withAsciiDigits(text.lines);
  // Pages without a line of text: images (a scanned table, an attachment printed as a picture) or blank.
  const printed = new Set(mapArray(lines, (l) => l.page));
  const textless: number[] = [];
  for (let n = 1; n <= pageBoxes.length; n++) if (!printed.has(n)) textless.push(n);
  let doc: BudgetDocument;
  try {
    doc = layoutDocument(file, lines, "pdf", opts);
  } catch (e) {
    // No table read, and pages without text: say that they are the likely reason.
    if (e instanceof InputError && /^not a budget disclosure/.test(e.message) && textless.length)
      throw new InputError(
        `not a budget disclosure as read: ${textless.length} of its ${pageBoxes.length} pages have no text (${pageRuns(textless)}: images, a scan?) and the others print no table of a known kind; budget-check reads the ${form}'s text, so run OCR on those pages first`,
        { file },
      );
    throw e;
  }
  if (textless.length) doc.textlessPages = textless;
  placeOnPages(doc, file, lines);
  rememberLines(doc, lines);
  doc.pages = mapArray(pageBoxes, (view, i) => ({ number: i + 1, view, ...(pageTurns[i] ? { turn: pageTurns[i]! } : {}), tokens: [] }));
  for (const l of lines) for (const t of l.tokens ?? []) if (t.box) doc.pages[l.page - 1].tokens.push({ text: t.text, box: t.box });
  return doc;
}
