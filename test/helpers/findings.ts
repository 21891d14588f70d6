import type { Finding } from "../../src/engine/types.js";

/** A finding as the JSON report carries it (parsed from the real CLI's output). */
export type FindingLike = Finding;

/**
 * A finding without where it is printed: its location, related locations and the quoted printed line
 * (a workbook's cell holds 9724 where the text prints 9,724).
 */
export function withoutLocation(fs: FindingLike[]) {
  return fs
    .map(({ location: _l, related: _r, quote: _q, ...rest }) => JSON.stringify(rest))
    .sort();
}
