/**
 * A text's width as printed, in the columns of layout text: a Chinese character is two wide (where
 * `pdftotext -layout` starts the next cell after it); the layout reader measures a label the same way.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/**
 * The width of the spaces a cell's text starts with (a full-width space two wide, as a Chinese character; any
 * other space one): how far a name is indented in its cell (类 / 款 / 项 told by spaces).
 */
export function indentOf(text: string): number {
  const lead = text.length - text.trimStart().length;
  return lead ? displayWidth(text.slice(0, lead).replace(/[^\S\u3000]/g, " ")) : 0;
}

/** A paragraph's indentation as Word sets it: each side in hundredths of a character (…Chars), or in twips. */
export interface ParagraphIndent {
  left?: number | null;
  leftChars?: number | null;
  first?: number | null;
  firstChars?: number | null;
  hanging?: number | null;
  hangingChars?: number | null;
}

/**
 * How far a Word paragraph's indentation sets its first line in, in the columns above (a Chinese character two
 * wide): the left indent and the first line's, less a hanging one, each in characters where given (they win over
 * twips, as in Word), else in twips (a character of 五号, 10.5 pt, is 210). Null when it sets none.
 */
export function paragraphIndentWidth(i: ParagraphIndent): number | null {
  const side = (chars: number | null | undefined, twips: number | null | undefined) => (chars !== null && chars !== undefined ? (chars / 100) * 2 : twips !== null && twips !== undefined ? twips / 105 : null);
  const left = side(i.leftChars, i.left);
  const first = side(i.firstChars, i.first);
  const hanging = side(i.hangingChars, i.hanging);
  if (left === null && first === null && hanging === null) return null;
  const w = (left ?? 0) + (first ?? 0) - (hanging ?? 0);
  return w > 0 ? Math.min(w, 200) : 0;
}
