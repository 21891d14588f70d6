import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import { rules } from "../../src/rules/index.js";
import { defaultTemplate } from "../../src/templates/index.js";
import { ROOT, SEED } from "../helpers/cli.js";

/*
 * Mutation test over the seed's text: every amount the written parts print in 万元 (第二 to 第五部分,
 * 绩效, 机关运行经费) and every amount of 第七部分's table, found here by a plain pattern independent of
 * the claim parser, is raised by 10 and (when at least 10) lowered by 10. Each change must give an error at that line (as the finding's
 * location, or as one of its related figures when the figure is a part of a sum printed elsewhere).
 * Year-on-year change amounts (增加 / 减少 / 新增 X 万元) are not totals or components and are left out,
 * except 三公's, which 表9 prints.
 */
const lines = readFileSync(join(ROOT, SEED), "utf8").split("\n");
// The 目录 names 二、表格部分 too (line 19): the text ends at the body's heading of that name.
const TEXT_END = lines.map((l) => /^## 二、表格部分/.test(l)).lastIndexOf(true);

function mutations(): { line: number; column: number; text: string }[] {
  const out = [];
  for (let i = 0; i < TEXT_END; i++) {
    const l = lines[i];
    const line = i + 1;
    if (l.includes("\t")) {
      const cells = l.split("\t");
      if (cells[0].trim() && /^\d[\d, ]*$/.test(cells[1]?.trim() ?? "")) out.push({ line, column: cells[0].length, text: cells[1] });
      continue;
    }
    for (const m of l.matchAll(/(\d{1,3}(?:, ?\d{3})+|\d+)(?=\s*万元)/g)) {
      const before = l.slice(Math.max(0, m.index - 4), m.index);
      const sanggong = line >= 164 && line <= 178;
      if (/(增加|减少|新增)\s*$/.test(before) && !sanggong) continue;
      if (/单价\s*$/.test(before)) continue; // 单价 50 万元以上: a threshold, not a figure
      out.push({ line, column: m.index - 1, text: m[1] });
    }
  }
  return out;
}

describe("changing any figure of the seed's text by 10 either way gives an error at its line", () => {
  const all = mutations();
  const run = (text: string) => runRules(loadMarkdown(SEED, text, defaultTemplate), rules, { tolerance: { kind: "auto" }, lang: "en" });
  const baseline = new Set(run(lines.join("\n")).filter((f) => f.severity === "error").map((f) => `${f.ruleId}:${f.location.line}`));

  it("covers the text's figures: totals, components, projects, sub-items, 采购, 三公, 第七部分", () => {
    expect(all.length).toBeGreaterThan(110);
    expect(all.some((m) => m.line === 162 && m.text === "171")).toBe(true);
    expect(all.some((m) => m.line === 196 && m.text === "1, 197")).toBe(true);
  });

  // Raised by 10, and lowered by 10 where the figure is at least 10.
  const cases = all.flatMap((m) => {
    const value = Number(m.text.replace(/[, ]/g, ""));
    return [10, -10].filter((d) => value + d >= 0).map((d) => [`${m.line}: ${m.text} ${d > 0 ? "+" : ""}${d}`, { ...m, delta: d }] as const);
  });

  it.each(cases)("%s", (_, m) => {
    const l = lines[m.line - 1];
    const start = l.indexOf(m.text, m.column + 1);
    const raised = String(Number(m.text.replace(/[, ]/g, "")) + m.delta);
    const mutated = [...lines];
    mutated[m.line - 1] = l.slice(0, start) + raised + l.slice(start + m.text.length);
    const errors = run(mutated.join("\n")).filter((f) => f.severity === "error" && !baseline.has(`${f.ruleId}:${f.location.line}`));
    const here = errors.filter((f) => f.location.line === m.line || f.related.some((r) => r.line === m.line));
    expect(here.length, `${l.slice(start - 15, start + 10)} → ${raised}`).toBeGreaterThan(0);
  });
});
