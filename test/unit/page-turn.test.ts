import { describe, expect, it } from "vitest";
import { pageBox, pageTurn, shownBox, shownMatrix, shownView } from "../../src/model/page-turn.js";

// A page shown turned (/Rotate): boxes go from the page's own coordinates to the shown frame and back.
const VIEW = [0, 0, 595, 842] as const;
/** A matrix with −0 written 0. */
const upright = (m: number[]) => m.map((v) => v + 0);

describe("page turns", () => {
  it("reads /Rotate as a turn, any multiple of 90 (negative too)", () => {
    expect([0, 90, 180, 270, 360, -90, 450].map(pageTurn)).toEqual([null, 90, 180, 270, null, 270, 90]);
  });

  it("a box comes back where it was, for every turn", () => {
    const b = { x: 100.5, y: 200.25, width: 48, height: 13.2 };
    for (const t of [90, 180, 270] as const) expect(pageBox(shownBox(b, VIEW, t), VIEW, t)).toEqual(b);
  });

  it("text drawn turned against the page's turn is upright in the shown frame, where a reader sees it", () => {
    // At 90 (shown clockwise), text drawn upwards from the page's point (500, 100) reads left to right,
    // 100 points from the shown page's left and 95 from its bottom (the page's right edge is at 595).
    expect(upright(shownMatrix([0, 12, -12, 0, 500, 100], VIEW, 90))).toEqual([12, 0, 0, 12, 100, 95]);
    // At 270 (shown anticlockwise), text drawn downwards reads left to right.
    expect(upright(shownMatrix([0, -12, 12, 0, 500, 742], VIEW, 270))).toEqual([12, 0, 0, 12, 100, 500]);
    expect(upright(shownMatrix([-12, 0, 0, -12, 495, 742], VIEW, 180))).toEqual([12, 0, 0, 12, 100, 100]);
    expect(shownView(VIEW, 90)).toEqual([0, 0, 842, 595]);
    expect(shownView(VIEW, 180)).toEqual([0, 0, 595, 842]);
  });
});
