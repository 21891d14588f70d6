import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import { defaultTemplate } from "../../src/templates/index.js";
import { amountsOf } from "../helpers/mutation.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SEED } from "../helpers/cli.js";
import { parseNumber } from "../../src/model/amount.js";

/**
 * A sample of the mutation test of docs/diagnosis.md (scripts/diagnosis-mutation.mjs runs all of it):
 * each typo gives exactly one error, the diagnosis at the typo's own line, with the original value.
 */
const seedText = readFileSync(join(ROOT, SEED), "utf8");

function typo(line: number, cellIndex: number, to: (v: number) => number) {
  const lines = seedText.split("\n");
  const cells = lines[line - 1].split("\t");
  const original = cells[cellIndex];
  const n = parseNumber(original)!;
  cells[cellIndex] = String(to(n.value.toNumber()));
  lines[line - 1] = cells.join("\t");
  return { text: lines.join("\n"), original: n.value.toFixed() };
}

const pick = (table: "T3" | "T7" | "T8", i: number) => amountsOf(table).filter((a) => a.text !== "0")[i];
const cases = [
  { name: "表3, +3", at: pick("T3", 7), to: (v: number) => v + 3 },
  { name: "表3, −3", at: pick("T3", 40), to: (v: number) => v - 3 },
  { name: "表7, +3", at: pick("T7", 12), to: (v: number) => v + 3 },
  { name: "表8, −3", at: pick("T8", 30), to: (v: number) => v - 3 },
  { name: "表8, ×10", at: pick("T8", 5), to: (v: number) => v * 10 },
  { name: "表7, +100", at: pick("T7", 3), to: (v: number) => v + 100 },
];

describe("a sample of single-figure typos in the seed", () => {
  for (const c of cases)
    it(`${c.name} (line ${c.at.line}: ${c.at.text}): one error, at the typo, with the original value`, async () => {
      const { text, original } = typo(c.at.line, c.at.cellIndex, c.to);
      const findings = await checkDocument(loadMarkdown(SEED, text, defaultTemplate), { tolerance: { kind: "auto" }, severities: { "yoy-change": "off" }, lang: "en" });
      const errors = findings.filter((f) => f.severity === "error" && !f.explainedBy);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ ruleId: "diagnosis", location: { line: c.at.line }, computed: original });
    });
});

describe("a typo a single identity catches (表8: its column sum absorbs it within rounding)", () => {
  it("names the typo first, with the original value, and lists the equally small explanations", async () => {
    // 表8 line 638 prints 30102 津贴补贴 170 170 0; its 基本支出 typed 167 breaks only the row's
    // 支出总计 = 基本支出 + 项目支出 (301's column sum of ~10 codes absorbs 3 within rounding).
    const lines = seedText.split("\n");
    expect(lines[637].split("\t").slice(3, 6)).toEqual(["170", "170", "0"]);
    const cells = lines[637].split("\t");
    cells[4] = "167";
    lines[637] = cells.join("\t");
    const findings = await checkDocument(loadMarkdown(SEED, lines.join("\n"), defaultTemplate), { tolerance: { kind: "auto" }, severities: { "yoy-change": "off" }, lang: "en" });
    const errors = findings.filter((f) => f.severity === "error" && !f.explainedBy);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId: "diagnosis", location: { line: 638 }, stated: "167", computed: "170" });
    expect(errors[0].diagnosis!.alternatives.length).toBeGreaterThan(0);
    expect(errors[0].message).toContain("an equally small explanation");
  });
});
