import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A 甘肃 district's 部门预算 as Excel writes it to CSV (test/fixtures/gansu-csv: GBK, CRLF, 元 with quoted thousands
 * separators, blank cells for zeros and for merged header cells), read by kind alone (`--template generic`):
 * - 02部门收入总表: 本年收入 merged over 小计 … 单位资金 beside 上年结转结余; 单位资金 was added to 本年收入 + 上年结转结余
 *   again (3 false row-total errors);
 * - 04财政拨款收支总表: （五）其他支出 prints its figure under 政府性基金预算 after a blank 一般公共预算; it was read as
 *   一般公共预算 (2 false hierarchy-sum errors);
 * - 10项目支出表: 本年拨款 merged over the year's five sources (listed as header not understood); flat/ prints the same
 *   table without 本年拨款, whose rows' 合计 were checked without 上年结转结余;
 * - 12项目支出绩效目标表: a card per project (项目名称 · 实施单位 · 年度资金总额), listed as header not understood before
 *   round 46; its project's amount is 10's for the same unit and name.
 */
const DIR = join(ROOT, "test", "fixtures", "gansu-csv");
const FLAT = join(DIR, "flat");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-gansu-csv-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  table: string | null;
  item: string | null;
  column: string | null;
  stated: string;
  computed: string;
  location: { file: string; line?: number };
}

const run = (dir: string) => cliJson([dir, "--template", "generic"]);
const notInfo = (fs: Finding[]) => fs.filter((f) => f.severity !== "info");

/**
 * A copy of `dir` with `from` (ASCII, printed once in `file`: a GBK file's figures and commas are its ASCII bytes;
 * with `first`, its first printing of several) replaced by `to`.
 */
function seeded(name: string, dir: string, file: string, from: string, to: string, first = false): string {
  const out = join(tmp, name);
  cpSync(dir, out, { recursive: true });
  const bytes = readFileSync(join(out, file)).toString("latin1");
  if (first) expect(bytes.split(from).length, from).toBeGreaterThan(2);
  else expect(bytes.split(from).length, from).toBe(2);
  writeFileSync(join(out, file), Buffer.from(bytes.replace(from, to), "latin1"));
  return out;
}

describe("a 甘肃 部门预算 as a CSV folder (GBK, 元, merged header cells blank)", () => {
  it("consistent: every table of figures is read, no error and no warning", { timeout: 60_000 }, () => {
    for (const dir of [DIR, FLAT]) {
      const { status, report } = run(dir);
      const doc = report.documents[0];
      expect(notInfo(doc.findings).map((f: Finding) => `${f.ruleId}: ${f.message}`), dir).toEqual([]);
      expect((doc.unknownTables ?? []).map((t: { title: string }) => t.title), dir).toEqual([]);
      expect(status).toBe(0);
    }
  });

  it("its 项目支出绩效目标表, a card per project (项目名称 · 实施单位 · 年度资金总额), is read: the project, its amount at its cell", { timeout: 60_000 }, () => {
    const { report } = run(DIR);
    const doc = report.documents[0];
    expect(doc.tables.find((t: { kind: string }) => t.kind === "project-performance")).toMatchObject({ present: true, rows: 1 });
    expect(doc.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("performance-vs-projects");
    const seededRun = run(seeded("performance-at", DIR, "12项目支出绩效目标表.csv", ',"486,300.00",,', ',"468,300.00",,', true));
    const errors = seededRun.report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === "performance-vs-projects");
    expect(errors.map((f: Finding & { location: { column?: number } }) => [f.item, f.location.file.endsWith("12项目支出绩效目标表.csv"), f.location.line, f.location.column])).toEqual([["教育系统安全稳定及综合管理经费", true, 5, 3]]);
  });

  it("fails: a figure retyped in each of the four tables is an error at its own row and column", { timeout: 90_000 }, () => {
    const cases = [
      // 东岗小学's 合计 (本年收入 11,546,974.20 + no carry-over).
      { dir: seeded("income", DIR, "02部门收入总表.csv", '"11,546,974.20","11,546,974.20"', '"11,546,974.30","11,546,974.20"'), rule: "row-total", table: "T2", column: "合计", stated: "11546974.3", computed: "11546974.2" },
      // （五）其他支出's 政府性基金预算: its 本年支出 no longer sums it.
      { dir: seeded("allocation", DIR, "04财政拨款收支总表.csv", ',"600,000.00",,"600,000.00",', ',"600,000.00",,"650,000.00",'), rule: "hierarchy-sum", table: "T4", column: "政府性基金预算", stated: "600000", computed: "650000" },
      // The project paid from last year's carry-over: its 上年结转结余 no longer makes its 合计.
      ...[DIR, FLAT].map((d, k) => ({ dir: seeded(`projects-${k}`, d, "10项目支出表.csv", ',,,,,,"1,837,540.26"', ',,,,,,"1,837,540.62"'), rule: "row-total", table: "T16", column: "合计", stated: "1837540.26", computed: "1837540.62" })),
      // The 项目支出绩效目标表's card: its 年度资金总额 (the first of its two 486,300.00, 其中：财政拨款 the second) against
      // 10's 合计 of the same unit's project of that name.
      { dir: seeded("performance", DIR, "12项目支出绩效目标表.csv", ',"486,300.00",,', ',"468,300.00",,', true), rule: "performance-vs-projects", table: "T18", column: "合计", stated: "468300", computed: "486300" },
    ];
    for (const c of cases) {
      const { status, report } = run(c.dir);
      const errors = report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === c.rule);
      expect(errors.map((f: Finding) => [f.table, f.column, f.stated, f.computed]), c.dir).toContainEqual([c.table, c.column, c.stated, c.computed]);
      expect(status).toBe(1);
    }
  });
});

/*
 * test/fixtures/gansu-csv-seeded: the probe's 一般公共预算基本支出表 with 30102 津贴补贴 printed 7,490,924.54 for
 * 7,490,294.54 in both its columns (two digits swapped). Any child of 301 could absorb the 630 in both columns: more
 * equally small explanations than a diagnosis lists, and the solver's first three did not hold 30102.
 */
describe("a 甘肃 一般公共预算基本支出表 with two digits of a figure swapped (test/fixtures/gansu-csv-seeded)", () => {
  const SEEDED = join(ROOT, "test", "fixtures", "gansu-csv-seeded");
  const FILE = "06一般公共预算基本支出表.csv";
  const typed = '"7,490,924.54","7,490,924.54"';

  it("consistent (the digits swapped back): no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = run(seeded("s2-undone", SEEDED, FILE, typed, '"7,490,294.54","7,490,294.54"'));
    expect(notInfo(report.documents[0].findings).map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it("fails: the diagnosis names 30102 in both columns, with the other children as equally small explanations", { timeout: 60_000 }, () => {
    const { status, report } = run(SEEDED);
    const findings: (Finding & { explainedBy?: string; diagnosis?: { alternatives: unknown[][] } })[] = report.documents[0].findings;
    const diagnoses = findings.filter((f) => f.ruleId === "diagnosis");
    expect(diagnoses.map((f) => [f.table, f.item, f.column, f.stated, f.computed])).toEqual([
      ["T6", "津贴补贴", "合计", "7490924.54", "7490294.54"],
      ["T6", "津贴补贴", "人员经费", "7490924.54", "7490294.54"],
    ]);
    // (Five explanations are looked for since round 53, three before: the transposition first, four siblings listed.)
    for (const d of diagnoses) {
      expect(d.diagnosis!.alternatives).toHaveLength(4);
      expect(d.message).toContain("the identities alone cannot tell which figure is wrong");
    }
    // 301's sums in both columns, each folded under a diagnosis: nothing else is an error.
    expect(findings.filter((f) => f.severity === "error" && f.ruleId !== "diagnosis").map((f) => [f.ruleId, f.column, !!f.explainedBy])).toEqual([
      ["hierarchy-sum", "合计", true],
      ["hierarchy-sum", "人员经费", true],
    ]);
    expect(status).toBe(1);
  });
});
