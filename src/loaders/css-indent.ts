/*
 * How far a web page's style indents a table cell's text: 类 / 款 / 项 told by how far each name is indented, where
 * the page sets it by style rather than with spaces — Excel's "save as web page" (`.xl66 {padding-left:24px;
 * mso-char-indent-count:2}`), Word's (`<p style='margin-left:21.0pt'>`), a hand-made page (`text-indent:2em`).
 * Widths are in the columns of layout text (layout/width.ts), a Chinese character two wide: at the 12 pt (16 px)
 * of a table's text, 1 em is 2, 6 pt is 1, 8 px is 1.
 */

/** The declarations the page's style sheets give each class (`.xl66`, `td.xl66`, `p.MsoNormal`), in order. */
export type ClassStyles = Map<string, string>;

const EMPTY: ClassStyles = new Map();

/**
 * The class rules of a page's style sheets (the text inside its <style> elements) that set an indentation, for
 * selectors of one class (`.name`, `tag.name`). Comments and at-rules (`@media print { … }`) are left out.
 */
export function classStyles(css: string): ClassStyles {
  if (!css || !/(?:padding|margin|text-indent|indent-count)/i.test(css)) return EMPTY;
  const out: ClassStyles = new Map();
  eachRule(css, (selector, body) => {
    if (!/(?:padding|margin|text-indent|indent-count)/i.test(body)) return true;
    for (const raw of selector.split(",")) {
      const sel = /^\s*(?:[a-z][\w-]*)?\.([\w-]+)\s*$/i.exec(raw);
      if (sel) out.set(sel[1], `${out.get(sel[1]) ?? ""};${body}`);
    }
    // (A page made by Excel has a class a cell format; a sheet of thousands is no page's.)
    return out.size < 5_000;
  });
  return out;
}

/**
 * Each rule of a style sheet outside at-rules (`@media print { … }`, `@import …;` are not the page on a desk's
 * screen), with its selector and declarations, until `fn` returns false. One pass with indexOf, in time linear in
 * the sheet however damaged it is: comments and the <!-- --> a page wraps a sheet in left out, a comment or a
 * block left open ending it.
 */
export function eachRule(css: string, fn: (selector: string, body: string) => boolean): void {
  const sheet = withoutComments(css);
  let i = 0;
  while (i < sheet.length) {
    const open = sheet.indexOf("{", i);
    if (open < 0) return;
    // The selector: after the last ; (an @import …; before it).
    const head = sheet.slice(i, open);
    const selector = head.slice(head.lastIndexOf(";") + 1);
    if (selector.trimStart().startsWith("@")) {
      // An at-rule's block, to its matching brace.
      let depth = 1;
      let k = open + 1;
      for (; k < sheet.length && depth > 0; k++) depth += sheet[k] === "{" ? 1 : sheet[k] === "}" ? -1 : 0;
      i = k;
      continue;
    }
    const close = sheet.indexOf("}", open);
    if (close < 0) return;
    i = close + 1;
    if (!fn(selector, sheet.slice(open + 1, close))) return;
  }
}

/** A style sheet without its comments and the <!-- --> a page wraps it in; a comment left open ends it. */
function withoutComments(css: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const c = css.indexOf("/*", i);
    if (c < 0) break;
    out += css.slice(i, c) + " ";
    const e = css.indexOf("*/", c + 2);
    if (e < 0) return out.replaceAll("<!--", " ").replaceAll("-->", " ");
    i = e + 2;
  }
  return (out + css.slice(i)).replaceAll("<!--", " ").replaceAll("-->", " ");
}

/** The text inside a page's <style> elements. */
export function styleSheetText(text: string): string {
  const lower = text.toLowerCase();
  let css = "";
  for (let at = lower.indexOf("<style"); at >= 0; ) {
    const open = lower.indexOf(">", at);
    if (open < 0) break;
    const close = lower.indexOf("</style", open);
    css += `${text.slice(open + 1, close < 0 ? text.length : close)}\n`;
    if (close < 0) break;
    at = lower.indexOf("<style", close);
  }
  return css;
}

const PER_UNIT: Record<string, number> = { pt: 1 / 6, px: 1 / 8, em: 2, rem: 2, ch: 1, cm: 28.35 / 6, mm: 2.835 / 6, in: 12, pc: 2 };

/** A CSS length as a width (null for 0 without a unit read as 0; null for what is not a length). */
function length(v: string): number | null {
  const m = /^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*([a-z]*)\s*$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  if (!m[2]) return n === 0 ? 0 : null;
  const per = PER_UNIT[m[2].toLowerCase()];
  return per === undefined ? null : n * per;
}

/**
 * How far declarations indent the first line of text: padding-left + margin-left + text-indent (a later
 * declaration of a property wins, as in CSS; `padding` / `margin` shorthands give their left side), else
 * mso-char-indent-count (characters); null when they set none.
 */
export function declaredIndent(decls: string): number | null {
  const props = new Map<string, string>();
  for (const d of decls.split(";")) {
    const i = d.indexOf(":");
    if (i < 0) continue;
    const name = d.slice(0, i).trim().toLowerCase();
    const value = d.slice(i + 1).replace(/!important/i, "").trim();
    if (name === "padding" || name === "margin") {
      // top right bottom left: the left side is the 4th, else the 2nd, else the only one.
      const parts = value.split(/\s+/);
      props.set(`${name}-left`, parts[parts.length === 4 ? 3 : parts.length >= 2 ? 1 : 0]);
    } else if (name === "padding-left" || name === "margin-left" || name === "text-indent" || name === "mso-char-indent-count") props.set(name, value);
  }
  let sum: number | null = null;
  for (const p of ["padding-left", "margin-left", "text-indent"]) {
    const v = props.get(p);
    const w = v === undefined ? null : length(v);
    if (w !== null) sum = (sum ?? 0) + w;
  }
  if (sum === null) {
    const chars = Number(props.get("mso-char-indent-count"));
    if (Number.isFinite(chars) && props.has("mso-char-indent-count")) sum = chars * 2;
  }
  return sum === null ? null : Math.max(0, Math.min(sum, 200));
}

const ATTRIBUTE = { class: /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i, style: /(?:^|\s)style\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i };
const attrValue = (attrs: string, name: keyof typeof ATTRIBUTE) => {
  const m = ATTRIBUTE[name].exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};

/** How far an element's classes and own style attribute indent its text (its own style wins); 0 when they do not. */
export function elementIndent(attrs: string, classes: ClassStyles): number {
  if (!attrs) return 0;
  const cls = classes.size ? attrValue(attrs, "class") : null;
  let decls = "";
  if (cls) for (const c of cls.split(/\s+/)) decls += classes.get(c) ?? "";
  const style = attrValue(attrs, "style");
  if (style) decls += `;${style}`;
  return decls ? (declaredIndent(decls) ?? 0) : 0;
}
