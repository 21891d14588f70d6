import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runRules } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import type { TableId } from "../../src/model/document.js";
import { parseNumber } from "../../src/model/amount.js";
import { rules } from "../../src/rules/index.js";
import { defaultTemplate } from "../../src/templates/index.js";
import { ROOT, SEED } from "./cli.js";

export interface Mutation {
  table: TableId;
  line: number;
  column: string;
  printed: string;
  mutated: string;
}

const seedText = () => readFileSync(join(ROOT, SEED), "utf8");

/** Every amount printed in the given table of the seed, with its line and the tab-separated cell index. */
export function amountsOf(table: TableId) {
  const text = seedText();
  const doc = loadMarkdown(SEED, text, defaultTemplate);
  const out: { line: number; cellIndex: number; key: string; text: string }[] = [];
  const lines = text.split("\n");
  for (const t of doc.tables) {
    if (t.id !== table) continue;
    for (const r of t.rows)
      for (const [key, cell] of Object.entries(r.cells)) {
        if (!cell.amount) continue;
        const line = cell.location.line!;
        // Find the cell by its character column on the printed line.
        const cells = lines[line - 1].split("\t");
        let col = 1;
        let cellIndex = -1;
        cells.forEach((c, i) => {
          if (col === cell.location.column) cellIndex = i;
          col += [...c].length + 1;
        });
        out.push({ line, cellIndex, key, text: cell.text });
      }
  }
  return out;
}

/**
 * Changes one printed amount of the seed by `delta` (in the text itself, so the loader reads it as a user's
 * mistyped figure) and returns the findings of every rule on the changed document.
 */
export function checkMutated(line: number, cellIndex: number, delta: number): { findings: Finding[]; mutation: string } {
  const lines = seedText().split("\n");
  const cells = lines[line - 1].split("\t");
  const n = parseNumber(cells[cellIndex]);
  if (!n) throw new Error(`line ${line} cell ${cellIndex} is not an amount: ${cells[cellIndex]}`);
  const printed = cells[cellIndex];
  cells[cellIndex] = n.value.plus(delta).toFixed(n.decimals);
  lines[line - 1] = cells.join("\t");
  const doc = loadMarkdown(SEED, lines.join("\n"), defaultTemplate);
  return { findings: runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }), mutation: `${printed} → ${cells[cellIndex]}` };
}

/** Does some error point at the line, as its location or among its related figures? */
export function errorAtLine(findings: Finding[], line: number): boolean {
  return findings.some((f) => f.severity === "error" && (f.location.line === line || f.related.some((r) => r.line === line)));
}

/**
 * Every amount of the table, changed by +3 and by −3, must yield an error that points at its line.
 * One file per table so that vitest runs the tables in parallel.
 */
export async function mutationSuite(table: TableId, printedAmounts: number) {
  const { describe, expect, it } = await import("vitest");
  describe(`mutation of every ${table} amount in the seed`, () => {
    const targets = amountsOf(table);
    it(`finds all ${printedAmounts} amounts the table prints`, () => {
      expect(targets.length).toBe(printedAmounts);
    });
    it("turns each change of ±3 into an error at the changed line", () => {
      const escaped: string[] = [];
      for (const t of targets)
        for (const delta of [3, -3]) {
          const { findings, mutation } = checkMutated(t.line, t.cellIndex, delta);
          if (!errorAtLine(findings, t.line)) escaped.push(`line ${t.line} ${t.key} ${mutation}`);
        }
      expect(escaped).toEqual([]);
    }, 600_000);
  });
}
