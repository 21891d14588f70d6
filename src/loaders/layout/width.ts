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
