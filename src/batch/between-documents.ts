// A batch worker's young generation, collected between two documents rather than in the middle of one.
//
// V8 scavenges when the young generation is full: on the benchmark's corpus (~5 MB allocated per
// document, a worker's ~11 MB semi-space) every second or third document, at a moment when most of that
// document's model, identities and findings are alive. A scavenge copies what is alive: ~1.95 MB each
// time, 3.9 ms on the worker's thread and 3.3 ms on V8's helper, ~28% of a warm document's CPU
// (docs/performance.md, "Twelfth pass"). Between two documents the last one is dead. So a worker scavenges
// when it begins a document with its young generation more than half full: before the document that would
// otherwise fill it half-way through. In a worker that moved 249 of 259 scavenges to a document's start
// (500 documents), each copying ~0.33 MB; on 1,000 documents one worker took 0.93 of the CPU, the default
// pool 0.99 and 11 MB less peak RSS (5 alternating pairs each). A scavenge before every document was
// measured in the sixth pass and did not pay: most found little to collect.
//
// V8's `gc` function only exists in a context made under --expose-gc, which src/batch/pool.ts sets among
// the workers' flags; a new context made here gets it. Without it (the flag not set) nothing happens.
import { getHeapSpaceStatistics } from "node:v8";
import { runInNewContext } from "node:vm";

type MinorGc = (options: { type: "minor" }) => void;

/** The young generation's fill: bytes in use and its capacity (V8's new_space), or null when V8 does not say. */
export function youngGeneration(spaces = getHeapSpaceStatistics()): { used: number; capacity: number } | null {
  for (const s of spaces) if (s.space_name === "new_space") return { used: s.space_used_size, capacity: s.space_used_size + s.space_available_size };
  return null;
}

/** Whether a document should begin with a scavenge: its young generation is more than half full. */
export function scavengeFirst(young: { used: number; capacity: number } | null): boolean {
  return young !== null && young.capacity > 0 && young.used * 2 > young.capacity;
}

let minorGc: MinorGc | null | undefined;

/** V8's `gc` from a new context, when --expose-gc is set; null otherwise. */
function exposedGc(): MinorGc | null {
  try {
    const gc = runInNewContext("typeof gc === 'function' ? gc : null") as MinorGc | null;
    return typeof gc === "function" ? gc : null;
  } catch {
    return null;
  }
}

/** Matched by forgetLastMatch: the empty string, which it matches. */
const EMPTY = /^$/;

/**
 * Makes V8 forget the subject of the last regular expression that matched. V8 keeps it (RegExp.input,
 * RegExp.lastMatch, $1 …) in the context's last-match info, an old object, so whatever string that was
 * survives every scavenge until the next match replaces it: at a document's end, one of the document's
 * lines, a slice of its whole text, which kept the ~53 kB text (and the ~110 kB of its two-byte copy on
 * a ~58 kB file of Chinese) alive into the scavenge between documents, to be copied there
 * (docs/performance.md, "Thirteenth pass").
 */
export function forgetLastMatch(): void {
  EMPTY.test("");
}

/**
 * Scavenges now if the next document would probably fill the young generation; true when it did. The last
 * document's text is first let go of (forgetLastMatch).
 */
export function collectBetweenDocuments(): boolean {
  forgetLastMatch();
  if (minorGc === undefined) minorGc = exposedGc();
  if (!minorGc || !scavengeFirst(youngGeneration())) return false;
  minorGc({ type: "minor" });
  return true;
}
