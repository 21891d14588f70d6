import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPackage } from "../../src/check.js";
import { findPackages } from "../../src/loaders/index.js";
import { jsonPieces, streams } from "../../src/reporters/json.js";
import type { DocumentReport } from "../../src/report.js";
import { ROOT, SEED } from "../helpers/cli.js";

// A batch worker writes each document's JSON from pieces (src/reporters/json.ts, jsonPieces): they must
// join to exactly the text JSON.stringify makes, or a report would change with the number of workers.
describe("a document's JSON in pieces", () => {
  it("joins to JSON.stringify's text at any nesting depth and opening depth, indented or not (drawn values)", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withBoxedValues: true, withNullPrototype: true, withSparseArray: true }), fc.integer({ min: 0, max: 3 }), (v, levels) => {
        for (const indent of [0, 2]) {
          const top: string[] = [];
          jsonPieces(v, indent, 0, levels, top);
          expect(top.join("")).toBe(JSON.stringify(v, null, indent) ?? "null");
        }
        // Two levels deep, as a document inside the JSON report's "documents" array.
        const nested: string[] = [];
        jsonPieces(v, 2, 2, levels, nested);
        expect(`[\n  [\n    ${nested.join("")}\n  ]\n]`).toBe(JSON.stringify([[v === undefined || typeof v === "function" || typeof v === "symbol" ? null : v]], null, 2));
      }),
      { numRuns: 2_000 },
    );
  });

  it("writes empty and left-out members as JSON.stringify does", () => {
    const v = { a: [], b: {}, c: undefined, d: [undefined, () => 1, null], e: { f: Symbol("x") }, g: "line\nbreak \u2028 引号\"", h: -0, i: NaN };
    for (const indent of [0, 2])
      for (const levels of [0, 1, 2, 3]) {
        const out: string[] = [];
        jsonPieces(v, indent, 0, levels, out);
        expect(out.join("")).toBe(JSON.stringify(v, null, indent));
      }
  });

  it("cuts an array's elements into pieces of a few, around elements with toJSON, as JSON.stringify writes them", () => {
    const when = new Date(Date.UTC(2026, 11, 2));
    const findings = Array.from({ length: 11 }, (_, i) => ({ i, related: [{ line: i }, { line: i + 1 }], note: i % 3 ? "尾数" : undefined }));
    const v = { findings: [...findings.slice(0, 5), when, undefined, () => 0, ...findings.slice(5), null, [1, [2]], "x"], empty: [], one: [{ a: 1 }] };
    for (const indent of [0, 2])
      for (const depth of [0, 2]) {
        const out: string[] = [];
        jsonPieces(v, indent, depth, 2, out);
        let expected = JSON.stringify(v, null, indent);
        if (depth > 0 && indent > 0) expected = expected.replaceAll("\n", `\n${" ".repeat(indent * depth)}`);
        expect(out.join("")).toBe(expected);
        // Fewer pieces than elements: several findings in one piece.
        expect(out.filter((p) => p.includes('"i"')).length).toBeLessThan(findings.length);
      }
  });

  it("gives every fixture's report, in both formats and both languages, byte for byte, in pieces of a few kB", async () => {
    const inputs = [SEED, ...["shanghai", "other-provinces"].flatMap((d) => readdirSync(join(ROOT, "fixtures", d)).filter((f) => f.endsWith(".txt")).map((f) => join(ROOT, "fixtures", d, f)))];
    let documents = 0;
    for (const input of inputs)
      for (const pkg of findPackages(input))
        for (const lang of ["en", "zh"] as const) {
          const report: DocumentReport = await checkPackage(pkg, { tolerance: { kind: "auto" }, severities: {}, lang });
          documents++;
          for (const stream of [streams.json, streams.jsonl]) {
            const pieces = stream.documentPieces(report);
            expect(pieces.join("")).toBe(stream.document(report));
            // Below V8's largest regular object (128 kB: 65,536 UTF-16 characters) by far.
            expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(16_384);
          }
        }
    expect(documents).toBeGreaterThan(20);
  }, 60_000);
});
