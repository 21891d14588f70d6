import type { Lang } from "../engine/types.js";
import type { PrintedPage } from "../model/document.js";
import type { Box } from "../model/location.js";
import { shownBox, shownView } from "../model/page-turn.js";
import { pageText } from "./place.js";

/** A box to draw on a page: the findings there (ids of the report's finding data), their worst kind, a tooltip. */
export interface PageMark {
  page: number;
  box: Box;
  kind: string;
  ids: string[];
  title: string;
  related: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const px = (n: number) => `${Math.round(n * 10) / 10}px`;
const PAD = 1.5;

/**
 * The pages of a PDF (or an OFD document) that findings are on, drawn from its text layer: each token where it is
 * printed (1 px per PDF point), each finding's figure boxed in its kind's colour (clickable like a
 * marked cell), related figures outlined. No rendering of the PDF itself: nothing native is needed.
 */
export function pagesHtml(pages: PrintedPage[], marks: PageMark[], lang: Lang): string {
  const shown = [...new Set(marks.filter((m) => !m.related).map((m) => m.page))].sort((a, b) => a - b);
  if (!shown.length) return "";
  const out = shown.map((n) => {
    const p = pages[n - 1];
    if (!p) return "";
    // A page shown turned is drawn as shown: its view and every box in the shown frame.
    const turn = p.turn;
    const [x0, y0, x1, y1] = turn ? shownView(p.view, turn) : p.view;
    const shown = (b: Box) => (turn ? shownBox(b, p.view, turn) : b);
    const at = (box: Box, pad = 0) => {
      const b = shown(box);
      return `left:${px(b.x - x0 - pad)};top:${px(y1 - (b.y + b.height) - pad)};width:${px(b.width + 2 * pad)};height:${px(b.height + 2 * pad)}`;
    };
    const tokens = p.tokens.map((t) => `<span class="tok" style="${at(t.box)};font-size:${px(shown(t.box).height / 1.1)};line-height:${px(shown(t.box).height)}">${esc(t.text)}</span>`).join("");
    const boxes = marks
      .filter((m) => m.page === n)
      .map((m) =>
        m.related
          ? `<div class="pbox prel" style="${at(m.box, PAD)}" title="${esc(m.title)}"></div>`
          : `<div class="pbox marked k-${m.kind}" tabindex="0" style="${at(m.box, PAD)}" data-findings="${m.ids.join(" ")}" title="${esc(m.title)}"></div>`,
      )
      .join("");
    return `<figure class="pdfpage" data-page="${n}"><figcaption>${pageText(n, lang)}</figcaption><div class="sheet" style="width:${px(x1 - x0)};height:${px(y1 - y0)}">${tokens}${boxes}</div></figure>`;
  });
  return `<section class="pages"><h3>${lang === "zh" ? "版面（文字层）" : "Pages (the text layer)"}</h3>\n${out.join("\n")}</section>`;
}

export const PAGES_STYLE = `
section.pages figure{margin:10px 0}section.pages figcaption{font-weight:600;color:#5a6b7b}
.sheet{position:relative;background:#fff;border:1px solid #ccd3da;box-shadow:0 1px 3px #0002;overflow:hidden}
.sheet .tok{position:absolute;white-space:nowrap;color:#1d2733}
.sheet .pbox{position:absolute;background:transparent!important}.sheet .pbox.marked.k-error{outline:2px solid var(--err)}
.sheet .pbox.marked.k-warning{outline:2px solid var(--warn)}.sheet .pbox.marked.k-rounding{outline:2px solid var(--rnd)}
.sheet .pbox.marked.k-info{outline:2px dashed var(--info)}.sheet .prel{outline:1px dashed var(--rel)}
`;
