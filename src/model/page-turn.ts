import type { Box } from "./location.js";

/**
 * A PDF page shown turned: its /Rotate, clockwise degrees (a wide table printed on a portrait sheet, its
 * text drawn turned the other way, is shown upright at 90). The page's own coordinates (PDF points, origin
 * bottom left) are what a location's box is in; the shown frame is the page as a reader sees it, origin at
 * its bottom left: what lines are read in and what a page is drawn in.
 */
export type PageTurn = 90 | 180 | 270;

type View = readonly [number, number, number, number];

const round2 = (v: number) => Math.round(v * 100) / 100;

/** A page's /Rotate as a turn (null: shown as it is drawn). */
export function pageTurn(rotate: number): PageTurn | null {
  const r = (((Math.round(rotate / 90) * 90) % 360) + 360) % 360;
  return r === 0 ? null : (r as PageTurn);
}

/** A text matrix [a, b, c, d, e, f] of the page, in the shown frame. */
export function shownMatrix([a, b, c, d, e, f]: readonly number[], [x0, y0, x1, y1]: View, turn: PageTurn): number[] {
  // At 90: shown x is the page's y (from its bottom), shown y the page's x (from its right edge).
  if (turn === 90) return [b, -a, d, -c, f - y0, x1 - e];
  if (turn === 180) return [-a, -b, -c, -d, x1 - e, y1 - f];
  return [-b, a, -d, c, y1 - f, e - x0];
}

/** A box of the shown frame, in the page's own coordinates. */
export function pageBox({ x, y, width, height }: Box, [x0, y0, x1, y1]: View, turn: PageTurn): Box {
  if (turn === 90) return { x: round2(x1 - y - height), y: round2(y0 + x), width: height, height: width };
  if (turn === 180) return { x: round2(x1 - x - width), y: round2(y1 - y - height), width, height };
  return { x: round2(x0 + y), y: round2(y1 - x - width), width: height, height: width };
}

/** A box of the page's own coordinates, in the shown frame. */
export function shownBox({ x, y, width, height }: Box, [x0, y0, x1, y1]: View, turn: PageTurn): Box {
  if (turn === 90) return { x: round2(y - y0), y: round2(x1 - x - width), width: height, height: width };
  if (turn === 180) return { x: round2(x1 - x - width), y: round2(y1 - y - height), width, height };
  return { x: round2(y1 - y - height), y: round2(x - x0), width: height, height: width };
}

/** The shown page's view box: [0, 0, width, height] as shown. */
export function shownView([x0, y0, x1, y1]: View, turn: PageTurn): [number, number, number, number] {
  return turn === 180 ? [0, 0, x1 - x0, y1 - y0] : [0, 0, y1 - y0, x1 - x0];
}
