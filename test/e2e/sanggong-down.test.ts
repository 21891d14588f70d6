import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import type { LineSeed } from "../helpers/seeds.js";

/*
 * A small 部门决算 (test/fixtures/sanggong-down, 江北市林业局, synthetic) whose 三公 table prints its kinds down the page
 * (合计, 1.因公出国（境）费, 2.公务用车购置及运行维护费, （1）公务用车购置费, （2）公务用车运行维护费, 3.公务接待费) under 预算数 |
 * 决算数, with columns of counts beside them (车辆数（辆） | 批次 | 人次); and the same table with its kinds in another wording
 * and no counts (labels.txt); and document.txt as a web page (document.html). Before round 56 each was listed, not read
 * (表头未能识别 / 项目未能识别), and neither its identities nor the text's 三公 figures against it were checked.
 */
const DIR = join(ROOT, "test", "fixtures", "sanggong-down");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
const seed = (id: string) => seeds.find((s) => s.id === id)!;
type Finding = JsonFinding & { location: { line?: number } };
const run = (file: string) => {
  const { status, report } = cliJson([join(DIR, file), "--format", "json"]);
  const doc = report.documents[0];
  return { status, doc, errors: doc.findings.filter((f: Finding) => f.severity === "error") as Finding[] };
};

describe("a 决算's 三公 table printed down the page, counts in columns of their own", () => {
  // (document.html: the same document as a web page, each figure in a cell of its own.)
  for (const file of ["document.txt", "labels.txt", "document.html"])
    it(`${file}: consistent, the table read, no finding; the text's 三公 checked against it`, { timeout: 60_000 }, () => {
      const { status, doc } = run(file);
      expect(doc.findings.map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(status).toBe(0);
      expect(doc.stage).toBe("final");
      expect(doc.unknownTables ?? []).toEqual([]);
      expect(doc.tables.filter((t: { present: boolean }) => t.present).map((t: { printed: string; kind: string; rows: number }) => `${t.printed} ${t.kind} ${t.rows}`)).toEqual(["附表7 sanggong 1"]);
      const unchecked = (doc.notChecked ?? []).map((n: { ruleId: string }) => n.ruleId);
      for (const rule of ["row-total", "text-vs-table", "budget-execution", "text-sum"]) expect(unchecked).not.toContain(rule);
    });

  it("seeded: a kind's 决算数 mistyped is caught and diagnosed; a count mistyped is caught as a count, in no money sum", { timeout: 60_000 }, () => {
    const { status, errors } = run("seeded.txt");
    expect(status).toBe(1);
    // S1 (公务用车运行维护费 决算数 21.57 for 25.17): 公务用车购置及运行费 = 购置费 + 运行费 breaks, the text's 25.17 disagrees,
    // and the diagnosis names the figure with its true value.
    expect(errors.filter((f) => f.ruleId === "row-total").map((f) => [f.column, f.stated, f.computed])).toEqual([["公务用车购置及运行费", "49.55", "45.95"]]);
    expect(errors.filter((f) => f.ruleId === "text-vs-table" && f.stated === "25.17").map((f) => f.computed)).toEqual(["21.57"]);
    expect(errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed("S1").line).map((f) => [f.stated, f.computed])).toEqual([["21.57", "25.17"]]);
    // S2 (公务接待费 批次 54 for 45): the text's count against the table's, exactly; no money identity breaks.
    expect(errors.filter((f) => f.ruleId === "text-vs-table" && f.stated === "45").map((f) => f.computed)).toEqual(["54"]);
    expect(errors.filter((f) => f.ruleId === "row-total" && (f.stated === "54" || f.computed === "54"))).toEqual([]);
  });
});
