// Array helpers whose results have the same shape whichever of V8's tiers runs them.
//
// Node 20's V8 builds the array that `Array.prototype.map` returns as PACKED in the interpreter but as
// HOLEY in optimised (TurboFan) code, and `String.prototype.split` likewise. Elements kinds are invisible to
// JavaScript, but not to the optimised code of a function that reads such an array: it was compiled for
// the shape the interpreter made, and is thrown away ("wrong map") the first time the producer runs
// optimised, then compiled again. These helpers build their arrays with `push`, which gives a PACKED array
// in every tier. With them on the checking path, a batch worker's deoptimisations over 500 documents went
// from 83 to 21-26 and its compile time from 3.8-4.9 to 2.8-3.1 s (docs/performance.md, "Eighth pass").
// test/unit/arrays.test.ts keeps `.map(` off the checking path.

/**
 * `xs.map(f)` for a dense array (no holes), with a PACKED result in every tier. Like `map`, it reads
 * `xs.length` once: elements that `f` appends are not visited.
 */
export function mapArray<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  const n = xs.length;
  for (let i = 0; i < n; i++) out.push(f(xs[i], i));
  return out;
}

/** `text.split(separator)` for a string separator, with a PACKED result in every tier (for a non-empty one). */
export function splitString(text: string, separator: string): string[] {
  if (separator === "") return text.split(separator);
  const out: string[] = [];
  const step = separator.length;
  let from = 0;
  for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
    out.push(text.slice(from, at));
    from = at + step;
  }
  out.push(text.slice(from));
  return out;
}
