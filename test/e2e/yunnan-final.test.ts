import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding as Finding } from "../helpers/cli.js";

/*
 * A 云南 department's 决算, trimmed (test/fixtures/yunnan-final, round 48): its 三公 table across the page with 预算数 and
 * 决算数 centred over their six columns each (on the gaps between columns: read as budget | final pairs before, 22 false
 * errors), the same table down the page (公务接待费 split into 国内接待费 · 其中：外事接待费 · 国（境）外接待费, then 统计数:
 * not read before), and the 政府性基金 section's balance (年初结转和结余 · 本年收入 · 本年支出 · 年末结转和结余: compared with
 * nothing before), against the fund table and the 财政拨款收入支出决算表; and (round 49) the text's 三公 counts (团组 · 人次 · 保有量 ·
 * 接待批次 and 人次) against the table's 统计数, and its units by kind (行政单位 1 个，公益一类事业单位 2 个…) against their count.
 */
const DIR = join(ROOT, "test", "fixtures", "yunnan-final");
const seeds: { id: string; file: string; line: number; column: number; printed: string; true: string }[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
const run = (file: string) => {
  const { status, report } = cliJson([join(DIR, file)]);
  const doc = report.documents[0];
  return { status, doc, errors: doc.findings.filter((f: Finding) => f.severity === "error") as Finding[] };
};

describe("a 云南 决算", () => {
  for (const file of ["document.txt", "down.txt"])
    it(`consistent (${file}): no error and no warning, every table read`, { timeout: 60_000 }, () => {
      const { status, doc } = run(file);
      expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(doc.unknownTables ?? []).toEqual([]);
      expect(status).toBe(0);
    });

  it("seeded: the 三公 决算数 across the page, the 政府性基金 balance in the text, in the 财政拨款收入支出决算表 and in the fund table, each blamed at its own figure", { timeout: 60_000 }, () => {
    const { status, errors } = run("seeded.txt");
    expect(status).toBe(1);
    const blamed = (id: string) => {
      const s = seeds.find((x) => x.id === id)!;
      return errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === s.line).map((f) => [f.stated, f.computed]);
    };
    expect(blamed("S1")).toEqual([["54.95", "45.95"]]);
    expect(blamed("S2")).toEqual([["153.62", "135.62"]]);
    expect(blamed("S3")).toEqual([["84.87", "88.47"]]);
    expect(blamed("S4")).toEqual([["135.26", "135.62"]]);
    // The text's 年初结转和结余 against the fund table's 合计 and the 财政拨款收入支出决算表's line of the fund; the
    // 财政拨款收入支出决算表's 年末 column of the fund against the fund table's (fund-tables).
    const s2 = seeds.find((x) => x.id === "S2")!;
    expect(errors.filter((f) => f.ruleId === "text-vs-table" && f.location.line === s2.line).map((f) => f.computed).sort()).toEqual(["135.26", "135.62"]);
    const s3 = seeds.find((x) => x.id === "S3")!;
    expect(errors.some((f) => f.ruleId === "fund-tables" && f.location.line === s3.line && f.stated === "84.87" && f.computed === "88.47")).toBe(true);
  });

  it("seeded down the page: a 国内接待费 its 公务接待费 is not, and a 外事接待费 above its 国内接待费", { timeout: 60_000 }, () => {
    const { status, errors } = run("down-seeded.txt");
    expect(status).toBe(1);
    const d1 = seeds.find((x) => x.id === "D1")!;
    const d2 = seeds.find((x) => x.id === "D2")!;
    expect(errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === d1.line).map((f) => [f.stated, f.computed])).toEqual([["3.85", "8.35"]]);
    expect(errors.some((f) => f.ruleId === "row-total" && f.column === "公务接待费" && f.computed === "3.85")).toBe(true);
    expect(errors.filter((f) => f.ruleId === "part-of-total").map((f) => [f.location.line, f.column, f.stated])).toEqual([[d2.line, "其中：外事接待费", "9.35"]]);
  });
  it("seeded down the page: the text's 三公 counts against the table's 统计数, and its units by kind against their count", { timeout: 60_000 }, () => {
    const { status, errors } = run("down-counts-seeded.txt");
    expect(status).toBe(1);
    const at = (id: string) => seeds.find((x) => x.id === id)!;
    // Each count at the text's figure (a count is exact: any difference is an error), the table's as computed.
    for (const id of ["C1", "C2", "C3"]) {
      const s = at(id);
      expect(errors.filter((f) => f.ruleId === "text-vs-table" && f.location.line === s.line && f.column === "统计数").map((f) => [(f.location as { column?: number }).column, f.stated, f.computed]), id).toEqual([[s.column, s.printed, s.true]]);
    }
    // 行政单位 1 + 公益一类 2 + 公益二类 3 is not the 5 units counted (and named) before: at the count, two lines above the
    // seed (the identity alone cannot tell the count from a kind).
    const c4 = at("C4");
    expect(errors.filter((f) => f.ruleId === "staffing-sum" && f.item === "预算单位").map((f) => [f.location.line, f.stated, f.computed])).toEqual([[c4.line - 2, "5", "6"]]);
  });
});
