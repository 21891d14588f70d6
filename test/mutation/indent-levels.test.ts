import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { loadPdf } from "../../src/loaders/pdf/index.js";
import type { BudgetDocument, Table } from "../../src/model/document.js";
import { ROOT } from "../helpers/cli.js";
import { REAL } from "../helpers/pdfs.js";
import { shifted } from "../helpers/mutation.js";

/*
 * 杭州 prints its tables by function and economic class by name only, 类 / 款 / 项 told by indentation. Read
 * without their levels, a row's figure was held only by its row's total (合计 = 人员经费 + 公用经费 + 项目支出):
 * a figure typed 0.03 万元 off broke that one identity, and the diagnosis could not tell the figure from its
 * row's 合计 (it named the 合计 first in 40 of 139 such typos over the document). With the levels, the figure's
 * 款 and 类 sums hold it too.
 */
const FILE = "hangzhou_meteorological-bureau_2026_dept-budget.txt";
const text = readFileSync(join(ROOT, "fixtures", "other-provinces", FILE), "utf8");
const BY_NAME = ["T3", "T5", "T6"];
const levelsOf = (doc: BudgetDocument) => doc.tables.filter((t) => BY_NAME.includes(t.id)).map((t: Table) => [t.id, t.rows.map((r) => r.level)]);

describe("杭州's tables by name only: levels from indentation", () => {
  const doc = loadLayoutText(FILE, text);

  it("gives the rows of its 支出预算总表, 一般公共预算支出预算表 and 基本支出预算表 their levels", () => {
    const t3 = doc.tables.find((t) => t.id === "T3")!;
    expect(t3.rows.slice(0, 8).map((r) => [r.name, r.level])).toEqual([
      ["合计", null],
      ["科学技术支出", 1],
      ["技术研究与开发", 2],
      ["科技成果转化与扩散", 3],
      ["社会保障和就业支出", 1],
      ["行政事业单位养老支出", 2],
      ["行政单位离退休", 3],
      ["机关事业单位基本养老保险缴费支出", 3],
    ]);
    const t6 = doc.tables.find((t) => t.id === "T6")!;
    expect(t6.rows.slice(0, 4).map((r) => [r.name, r.level])).toEqual([["合计", null], ["工资福利支出", 1], ["基本工资", 2], ["津贴补贴", 2]]);
    for (const [, levels] of levelsOf(doc)) expect((levels as (number | null)[]).filter((l) => l !== null).length).toBeGreaterThan(10);
  });

  it("reads the same levels from the PDF (where names start, in points)", async () => {
    const pdf = await loadPdf(join(REAL, "other-provinces", "pdf", FILE.replace(/\.txt$/, ".pdf")), {});
    expect(levelsOf(pdf)).toEqual(levelsOf(doc));
    for (const [, levels] of levelsOf(pdf)) expect((levels as (number | null)[]).filter((l) => l !== null).length).toBeGreaterThan(10);
  });

  it("names each figure of those tables typed 0.03 万元 off as the figure that is wrong, with its printed value (±0.01)", async () => {
    const lines = text.split("\n");
    const targets = doc.tables
      .filter((t) => BY_NAME.includes(t.id))
      .flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).filter((c) => c.amount).map((c) => ({ table: t.id, line: c.location.line!, column: c.location.column!, text: c.text }))));
    expect(targets.length).toBe(189);
    const missed: string[] = [];
    for (const t of targets) {
      const line = lines[t.line - 1];
      const at = t.column - 1;
      expect(line.slice(at, at + t.text.length)).toBe(t.text);
      const mutated = shifted(t.text, t.text.endsWith("0") ? 3 : -3);
      const changed = [...lines];
      changed[t.line - 1] = line.slice(0, at) + mutated + line.slice(at + t.text.length);
      const findings = await checkDocument(loadLayoutText(FILE, changed.join("\n")), { tolerance: { kind: "auto" }, severities: { "yoy-change": "off" }, lang: "en" });
      const named = findings.find((f) => f.ruleId === "diagnosis" && f.location.line === t.line && f.location.column === t.column);
      // Its value: the printed one, or one unit of the last digit from it where the figures around it hold only
      // within rounding (docs/diagnosis.md: the value that adds up exactly is then the likelier).
      if (!named || new Decimal(named.computed!).minus(t.text.replace(/,/g, "")).abs().gt("0.01")) missed.push(`${t.table} line ${t.line}:${t.column} ${t.text} → ${mutated}: ${findings.filter((f) => f.ruleId === "diagnosis").map((f) => `${f.location.line}:${f.location.column} ${f.computed}`).join("; ")}`);
    }
    expect(missed).toEqual([]);
  }, 300_000);
});
