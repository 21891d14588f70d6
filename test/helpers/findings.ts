import type { Finding } from "../../src/engine/types.js";

/** A finding as the JSON report carries it (parsed from the real CLI's output). */
export type FindingLike = Finding;

export function withoutLocation(fs: FindingLike[]) {
  return fs
    .map(({ location: _l, related: _r, ...rest }) => JSON.stringify(rest))
    .sort();
}
