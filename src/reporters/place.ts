import type { Lang } from "../engine/types.js";
import { formatLocation, type SourceLocation } from "../model/location.js";

/** A printed page as a reader names it: `第 3 页`, `page 3`. */
export function pageText(page: number, lang: Lang): string {
  return lang === "zh" ? `第 ${page} 页` : `page ${page}`;
}

/**
 * Where a figure is, for a person: a PDF figure by its page (`file 第 3 页`: the line numbers of the
 * rebuilt text mean nothing in a PDF reader), a layout-text figure by line and page
 * (`file:120 (第 3 页)`), anything else as formatLocation names it.
 */
export function placeText(loc: SourceLocation, lang: Lang): string {
  if (!loc.page) return formatLocation(loc);
  if (loc.box) return `${loc.file} ${pageText(loc.page, lang)}`;
  return `${formatLocation(loc)} (${pageText(loc.page, lang)})`;
}
