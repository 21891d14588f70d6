import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { parseNumber } from "../../src/model/amount.js";
import type { TableKind } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";
import { errorAtLine } from "../helpers/mutation.js";

/*
 * The seed's mutation test on real Shanghai documents in their layout-text form: every amount of the
 * function and economic tables (and of a 决算's income and expenditure tables) changed by ±3 in its last
 * printed digit, in the text itself, must give an error that points at the changed line.
 */

/** The amount printed as `text` plus `delta` units of its last digit, printed the same way (separators, decimals). */
function shifted(text: string, delta: number): string {
  const n = parseNumber(text)!;
  const v = n.value.plus(new Decimal(delta).times(new Decimal(10).pow(-n.decimals)));
  const [int, frac] = v.abs().toFixed(n.decimals).split(".");
  const grouped = text.includes(",") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return `${v.isNegative() ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

function suite(file: string, kinds: TableKind[], expected: number) {
  const path = join(ROOT, "fixtures", "shanghai", file);
  const text = readFileSync(path, "utf8");
  const doc = loadLayoutText(file, text);
  const targets = doc.tables
    .filter((t) => kinds.includes(t.kind))
    .flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).filter((c) => c.amount).map((c) => ({ table: t.id, line: c.location.line!, column: c.location.column!, text: c.text }))));
  describe(`mutation of every amount of ${kinds.join(", ")} in ${file}`, () => {
    it(`finds the ${expected} amounts those tables print`, () => {
      expect(targets.length).toBe(expected);
    });
    it("turns each change of ±3 in the last digit into an error at the changed line", () => {
      const lines = text.split("\n");
      const escaped: string[] = [];
      for (const t of targets)
        for (const delta of [3, -3]) {
          const line = lines[t.line - 1];
          const at = t.column - 1;
          expect(line.slice(at, at + t.text.length)).toBe(t.text);
          const mutated = shifted(t.text, delta);
          const changed = [...lines];
          changed[t.line - 1] = line.slice(0, at) + mutated + line.slice(at + t.text.length);
          const findings = runRules(loadLayoutText(file, changed.join("\n")), rules, { tolerance: { kind: "auto" }, lang: "en" });
          if (!errorAtLine(findings, t.line)) escaped.push(`${t.table} line ${t.line}: ${t.text} → ${mutated}`);
        }
      expect(escaped).toEqual([]);
    }, 600_000);
  });
}

suite("shanghai-putuo_district-govt-office_2025_dept-budget.txt", ["expenditure", "general-function", "general-basic-economic"], 155);
suite("shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt", ["income", "expenditure", "general-function"], 133);
