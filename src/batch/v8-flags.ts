// V8 flags a batch sets for its worker threads. Node gives a worker no way to take V8 flags of its own
// (`resourceLimits` has no initial heap size; a worker's `execArgv` refuses V8 flags), so they are set in
// this process with `v8.setFlagsFromString` before the first worker starts: V8 reads the heap flags as
// each new isolate (worker) is made, and the compiler's as it compiles. Node documents runtime flag
// changes as possibly unpredictable after start-up; these are sizing and inlining limits, which change
// how fast the code runs and never what it computes (test/e2e/worker-heap.test.ts checks their effect,
// the whole suite that the findings are the same).
//
// V8 stamps a code cache with a hash of its flags and rejects a cache made under other flags: a process
// that changed them must not write the CLI's code cache (src/cli/start.ts asks `v8FlagsChanged`), or
// the next run, started with the usual flags, would find a cache it cannot use.
import { setFlagsFromString } from "node:v8";

let changed = false;
/** Every flag set so far, in order (a worker's code cache is named after them: src/batch/worker-start.ts). */
const set: string[] = [];

/** Sets V8 flags for the isolates made from now on (once per flag value; setting one again is harmless). */
export function setV8Flags(flags: readonly string[]): void {
  for (const flag of flags) {
    setFlagsFromString(flag);
    set.push(flag);
  }
  if (flags.length > 0) changed = true;
}

/** The flags this process set, in order. */
export function v8FlagsSet(): readonly string[] {
  return set;
}

/** Whether this process changed V8's flags since it started. */
export function v8FlagsChanged(): boolean {
  return changed;
}
