/*
 * A scan of XML as Office writes it (a Word document's parts, an Excel 2003 XML spreadsheet): its tags and the text
 * between them, in time linear in the input however it is damaged. Not a validating parser: a budget document's
 * parts need only their elements' names, attributes and text.
 */
import { decodeEntities } from "./html-tables.js";

export interface Tag {
  close: boolean;
  /** With its colon (`w:`); "" for none. */
  prefix: string;
  local: string;
  attrs: string;
  selfClose: boolean;
}

const NAME = /^\/?(?:([A-Za-z_][\w.-]*:))?([A-Za-z_][\w.-]*)/;

/**
 * A part's tags and its text between them (entities decoded, CDATA as it is); declarations, comments and
 * processing instructions left out. A tag ends at the first `>` (Word writes one inside an attribute as
 * `&gt;`): a scan in time linear in the part, however it is damaged.
 */
export function* tokens(xml: string): Generator<Tag | string> {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      yield decodeEntities(xml.slice(i));
      return;
    }
    if (lt > i) yield decodeEntities(xml.slice(i, lt));
    const skipTo = (end: string, keep: boolean) => {
      const e = xml.indexOf(end, lt);
      const stop = e < 0 ? n : e;
      i = e < 0 ? n : e + end.length;
      return keep ? xml.slice(lt + 9, stop) : null;
    };
    if (xml.startsWith("<!--", lt)) skipTo("-->", false);
    else if (xml.startsWith("<![CDATA[", lt)) yield skipTo("]]>", true)!;
    else if (xml.startsWith("<?", lt)) skipTo("?>", false);
    else {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) return;
      i = gt + 1;
      const inner = xml.slice(lt + 1, gt);
      const m = NAME.exec(inner);
      if (!m) continue; // <!DOCTYPE …>, or a stray `<`
      const selfClose = inner.endsWith("/");
      yield { close: inner[0] === "/", prefix: m[1] ?? "", local: m[2], attrs: inner.slice(m[0].length, selfClose ? -1 : undefined), selfClose };
    }
  }
}

const ATTRIBUTES = new Map<string, RegExp>();
/** An attribute's value, by its local name (w:val, val). */
export function attr(attrs: string, name: string): string | null {
  // (A tag of Word's is short; one of thousands of characters is damage, read as having no attributes.)
  if (attrs.length > 4096) return null;
  let rx = ATTRIBUTES.get(name);
  if (!rx) ATTRIBUTES.set(name, (rx = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = rx.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2]) : null;
}
