import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { mapArray, splitString } from "../../src/util/arrays.js";
import { ROOT } from "../helpers/cli.js";

// util/arrays.ts stands in for Array.prototype.map and String.prototype.split on the checking path: the
// same results, and the same array shape whether V8 runs the caller interpreted or optimised.
describe("mapArray and splitString: map and split, one array shape in every tier", () => {
  it("mapArray gives what map gives, with each element's index", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 50; n++) {
      const xs = Array.from({ length: next() % 40 }, () => (next() % 3 === 0 ? `s${next() % 100}` : next() % 1000));
      const f = (x: string | number, i: number) => `${typeof x}:${x}@${i}`;
      expect(mapArray(xs, f)).toEqual(xs.map(f));
    }
    expect(mapArray([], () => 1)).toEqual([]);
  });

  it("mapArray reads the length once, as map does: elements appended on the way are not visited", () => {
    const xs = [1, 2, 3];
    const seen: number[] = [];
    const out = mapArray(xs, (x) => {
      seen.push(x);
      if (xs.length < 6) xs.push(x * 10);
      return x + 1;
    });
    expect(out).toEqual([2, 3, 4]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("splitString gives what split gives, separators at either end, repeated, longer than one character, or absent", () => {
    const texts = ["", "a", "\n", "a\nb", "\na\n\nb\n", "一行\n二行\n", "a\tb\t\tc\t", "a、b、、c", "xx--yy----zz--", "no separator here"];
    for (const text of texts) for (const sep of ["\n", "\t", "、", "--", "a", "zz"]) expect(splitString(text, sep)).toEqual(text.split(sep));
    expect(splitString("abc", "")).toEqual(["a", "b", "c"]);
  });

  it("their arrays are PACKED whether the caller runs interpreted or optimised (V8's own map and split are not)", () => {
    // Run in a Node with V8's test intrinsics, on the helpers as the build compiles them (feedback from the
    // first call, so that the optimised code is not thrown away at once for want of it).
    const helpers = transformSync(readFileSync(join(ROOT, "src/util/arrays.ts"), "utf8"), { loader: "ts", format: "esm" }).code.replace(/^export /gm, "");
    const probe = `${helpers}
const words = ["预算", "决算", "合计"];
// Each case: the function to optimise (the helper itself, or a caller of the built-in) and a call of it.
const cases = {
  mapArray: [mapArray, () => mapArray(words, (w) => w + "!")],
  splitString: [splitString, () => splitString("a\\nb\\nc", "\\n")],
  builtinMap: [null, () => words.map((w) => w + "!")],
  builtinSplit: [null, () => "a\\nb\\nc".split("\\n")],
};
const out = {};
for (const [name, [helper, call]] of Object.entries(cases)) {
  const g = helper ?? call;
  const interpreted = %HasHoleyElements(call());
  %PrepareFunctionForOptimization(g); call(); call(); %OptimizeFunctionOnNextCall(g);
  const optimised = %HasHoleyElements(call());
  out[name] = { interpreted, optimised, wasOptimised: (%GetOptimizationStatus(g) & 16) !== 0 };
}
console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ["--allow-natives-syntax", "--no-lazy-feedback-allocation", "--input-type=module", "-e", probe], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as Record<string, { interpreted: boolean; optimised: boolean; wasOptimised: boolean }>;
    for (const name of ["mapArray", "splitString"]) expect(out[name], name).toEqual({ interpreted: false, optimised: false, wasOptimised: true });
    // Why the helpers exist; informational, since a later V8 may build these alike.
    if (out.builtinMap.interpreted === out.builtinMap.optimised) console.info(`this V8 (${process.versions.v8}) builds map's array alike in both tiers`);
  });
});

describe("the checking path uses mapArray, not Array.prototype.map", () => {
  // Every module a document's check runs (loaders, model, templates, rules, engine, claims, diagnosis, the
  // report and its JSON): a `.map(` there brings the deoptimisations back (util/arrays.ts says why).
  const CHECKING_PATH = ["src/loaders", "src/model", "src/templates", "src/rules", "src/engine", "src/claims", "src/diagnosis", "src/util", "src/batch", "src/check.ts", "src/report.ts", "src/quote.ts", "src/accepted.ts", "src/reporters/json.ts"];
  it("has no `.map(` call", () => {
    const files = CHECKING_PATH.flatMap((p) => (p.endsWith(".ts") ? [p] : readdirSync(join(ROOT, p), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => join(p, f))));
    expect(files.length).toBeGreaterThan(80);
    const found = files.flatMap((f) =>
      readFileSync(join(ROOT, f), "utf8")
        .split("\n")
        .flatMap((line, i) => (/\.map\(/.test(line.replace(/\/\/.*$|^\s*\*.*$/, "")) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found, "use mapArray (util/arrays.ts) for these").toEqual([]);
  });
});
