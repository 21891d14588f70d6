import { readFileSync } from "node:fs";
import { Decimal } from "decimal.js";
import { join } from "node:path";
import { runRules } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import type { TableId, TableKind } from "../../src/model/document.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
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

/** The amount printed as `text` plus `delta` units of its last digit, printed the same way (separators, decimals). */
export function shifted(text: string, delta: number): string {
  const n = parseNumber(text)!;
  const v = n.value.plus(new Decimal(delta).times(new Decimal(10).pow(-n.decimals)));
  const [int, frac] = v.abs().toFixed(n.decimals).split(".");
  const grouped = text.includes(",") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return `${v.isNegative() ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/**
 * Every amount of the given kinds of tables (all, when `kinds` is null) of a layout text under fixtures/,
 * changed in the text itself by each of `deltas` units of its last printed digit: each change must give an
 * error that points at the changed line. `expected`: how many amounts those tables print.
 */
export async function layoutTableSuite(dir: string, file: string, kinds: TableKind[] | null, expected: number, deltas: number[]) {
  const { describe, expect, it } = await import("vitest");
  const text = readFileSync(join(ROOT, "fixtures", dir, file), "utf8");
  const doc = loadLayoutText(file, text);
  const targets = doc.tables
    .filter((t) => !kinds || kinds.includes(t.kind))
    .flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).filter((c) => c.amount).map((c) => ({ table: t.id, line: c.location.line!, column: c.location.column!, text: c.text }))));
  describe(`mutation of every amount of ${kinds ? kinds.join(", ") : "every table read"} in ${file}`, () => {
    it(`finds the ${expected} amounts those tables print`, () => {
      expect(targets.length).toBe(expected);
    });
    it(`turns each change of ${deltas.join(" / ")} in the last digit into an error at the changed line`, () => {
      const lines = text.split("\n");
      const escaped: string[] = [];
      for (const t of targets)
        for (const by of deltas) {
          const line = lines[t.line - 1];
          const at = t.column - 1;
          expect(line.slice(at, at + t.text.length)).toBe(t.text);
          const mutated = shifted(t.text, by);
          const changed = [...lines];
          changed[t.line - 1] = line.slice(0, at) + mutated + line.slice(at + t.text.length);
          const findings = runRules(loadLayoutText(file, changed.join("\n")), rules, { tolerance: { kind: "auto" }, lang: "en" });
          if (!errorAtLine(findings, t.line)) escaped.push(`${t.table} line ${t.line}: ${t.text} → ${mutated}`);
        }
      expect(escaped).toEqual([]);
    }, 600_000);
  });
}
