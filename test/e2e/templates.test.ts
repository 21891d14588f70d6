import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The real Shanghai disclosures (fixtures/shanghai, pdftotext -layout text of the published PDFs), read by
 * the real CLI. Every expectation below was checked by hand against the printed document: the tables and
 * their row counts, and that their figures add up (the only findings are rounding notes, each a 0.01 万元
 * or 1 元 difference of printed rounded figures, and one 类-款-项 name the text misprints).
 */

const SH = "fixtures/shanghai";
const doc = (file: string, args: string[] = []) => {
  const r = cliJson([`${SH}/${file}`, ...args]);
  return { ...r, d: r.report.documents[0] };
};
const rowsByKind = (d: { tables: { kind: string; rows: number; present: boolean }[] }) =>
  Object.fromEntries(d.tables.filter((t) => t.present).map((t) => [t.kind, t.rows]));

const BUDGET_NINE = ["summary", "income", "expenditure", "allocation-summary", "general-function", "gov-fund", "state-capital", "general-basic-economic", "sanggong"];

describe("Shanghai 部门预算 / 单位预算 (layout text)", () => {
  /*
   * Real defects of the published documents, each checked by hand against the PDF (the fixtures are its
   * pdftotext -layout text), as `line:column stated`:
   * - 万里街道 2023, page 6, 部门预算编制说明: “政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元” is the
   *   一般公共预算's increase printed again: an increase of 1,421.25 to 0 makes last year's −1,421.25. The
   *   diagnosis names 1421.25 (the 政府性基金 amount is 0 in the tables too).
   * - 万里街道 2023, page 6, 编制说明 item 3 (群众团体事务 一般行政管理事务): 2022 执行 11.67 → 2023 预算 45.41 万元 is
   *   +289.12%, the text prints “增加314.82%”.
   * - 万里街道 2023, page 7, item 16 (机关事业单位职业年金缴费支出, 220.63 万元, as 表5 prints it): “2023年预算安排441.25
   *   万元，…增加60.54%” are item 15's figures copied (274.85 → 441.25 = +60.54%); for 132.59 → 220.63 it is +66.40%.
   *   The diagnosis names 441.25 (should be 220.63); the percentage is wrong too.
   * - 万里街道 2024, page 9, item 31 (住房公积金, 350.35 万元, as 表5 prints it): “2024年预算安排352.67万元”; the
   *   “增加0.53%” printed is 348.52 → 350.35. The diagnosis names 352.67 (should be 350.35), and the 0.53% that
   *   only 352.67 makes wrong is folded under it (explainedBy): one figure to fix.
   */
  const cases: [string, string, number, Record<string, number>, number, string[]][] = [
    // file, department, year, rows per kind (the 9 tables), info notes, the errors to fix (line:column stated);
    // 万里街道 2023's 公共服务设施运行经费 form prints 年度资金申请总额 10,903,043.00 over 当年财政拨款 11,419,043.00
    // + 0.00 + 0.00 (its 项目资金总额 and 财政资金 say 10,903,043.00: one of the two figures is wrong).
    ["shanghai-putuo_district-govt-office_2025_dept-budget.txt", "上海市普陀区人民政府办公室", 2025, { summary: 13, income: 21, expenditure: 21, "allocation-summary": 9, "general-function": 21, "gov-fund": 0, "state-capital": 0, "general-basic-economic": 30, sanggong: 1 }, 15, []],
    ["shanghai-putuo_district-govt-office_2025_unit-budget.txt", "上海市普陀区人民政府办公室", 2025, { summary: 13, income: 21, expenditure: 21, "allocation-summary": 9, "general-function": 21, "gov-fund": 0, "state-capital": 0, "general-basic-economic": 30, sanggong: 1 }, 15, []],
    ["shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt", "上海市普陀区人民政府万里街道办事处", 2023, { summary: 17, income: 67, expenditure: 67, "allocation-summary": 13, "general-function": 67, "gov-fund": 0, "state-capital": 0, "general-basic-economic": 31, sanggong: 1 }, 18, ["71:65 1421.25", "84:53 314.82", "129:45 441.25", "129:67 60.54", "1106:84 10903043"]],
    // 万里街道 2024's 三公 table prints 47.91 (and 443.18 of 机关运行经费) over its note 注:本部门2024年无“三公”经费和机关运行经费
    // 预算，故本表为空表 (line 794, left from a year without them): the note's 0 against the text's 47.91 and the table's (round 54),
    // both explained by the diagnosis naming the note (round 55).
    ["shanghai-putuo_wanli-subdistrict-office_2024_dept-budget.txt", "上海市普陀区人民政府万里街道办事处", 2024, { summary: 18, income: 67, expenditure: 67, "allocation-summary": 14, "general-function": 67, "gov-fund": 0, "state-capital": 0, "general-basic-economic": 32, sanggong: 1 }, 17, ["176:19 352.67", "794:11 0"]],
    ["shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.txt", "上海市普陀区人民政府万里街道办事处", 2025, { summary: 18, income: 67, expenditure: 67, "allocation-summary": 14, "general-function": 67, "gov-fund": 0, "state-capital": 0, "general-basic-economic": 32, sanggong: 1 }, 31, []],
  ];
  for (const [file, department, year, rows, info, defects] of cases)
    it(`${file}: all 9 tables recognised by kind, ${defects.length ? `the ${defects.length} error${defects.length === 1 ? "" : "s"} of the document itself` : "no error"}, ${info} info notes`, () => {
      const { d, status } = doc(file);
      expect(status).toBe(defects.length ? 1 : 0);
      expect(d.failure).toBeNull();
      expect(d).toMatchObject({ template: "shanghai", stage: "budget", format: "layout", department, year, moneyUnit: "元" });
      expect(d.tables.map((t: { kind: string }) => t.kind)).toEqual(BUDGET_NINE);
      expect(rowsByKind(d)).toEqual(rows);
      expect(d.summary.warning).toBe(0);
      expect(d.summary.info).toBe(info);
      const toFix = d.findings.filter((f: { severity: string; explainedBy?: string }) => f.severity === "error" && !f.explainedBy);
      expect(toFix.map((f: { location: { line: number; column: number }; stated: string }) => `${f.location.line}:${f.location.column} ${f.stated}`)).toEqual(defects);
      expect(d.unknownTables).toEqual([]);
      // The 9 tables print no 政府性基金 or 国有资本经营 figure (empty tables): fund-tables is listed, with the
      // reason, as not checked. A Shanghai 预算 never prints a 表8 of Shenzhen's kind, a 基本支出总表, a 项目支出总表,
      // a 绩效目标表 or a 财政拨款支出表 by function: the rules asking for those do not apply, and are not listed.
      expect(d.notChecked.map((n: { ruleId: string }) => n.ruleId)).toEqual(["fund-tables"]);
      for (const n of d.notChecked) expect(n.reason).toMatch(/prints no/);
      // Every finding has its page and line.
      for (const f of d.findings) {
        expect(f.location.page).toBeGreaterThan(0);
        expect(f.location.line).toBeGreaterThan(0);
      }
    });

  it("国有资产: 共有车辆 N 辆 is the sum of the categories listed after it (万里街道 2024: 7 = … + 其他用车 7)", () => {
    const lines = readFileSync(join(ROOT, SH, "shanghai-putuo_wanli-subdistrict-office_2024_dept-budget.txt"), "utf8").split("\n");
    expect(lines[816]).toContain("其他用车7辆");
    const ok = doc("shanghai-putuo_wanli-subdistrict-office_2024_dept-budget.txt").d.findings.filter((f: { item: string }) => f.item === "共有车辆");
    expect(ok).toEqual([]);
    lines[816] = lines[816].replace("其他用车7辆", "其他用车6辆");
    const file = join(tempDir("vehicles"), "w2024.txt");
    writeFileSync(file, lines.join("\n"));
    const f = cliJson([file]).report.documents[0].findings.find((x: { item: string; ruleId: string }) => x.item === "共有车辆" && x.ruleId === "text-sum");
    expect(f).toMatchObject({ severity: "error", stated: "7", computed: "6", location: { line: 816, page: 32 } });
  });

  it("the 三公's car items named 公务车购置及运行费 / 公务车用车运行费 (万里街道 2023), and 因公出国（境）经费, are read and reconciled with 表9", () => {
    const lines = readFileSync(join(ROOT, SH, "shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt"), "utf8").split("\n");
    expect(lines[797]).toContain("公务车购置及运行费21.56万元");
    expect(lines[798]).toContain("公务车用车运行费21.56万元");
    const items = (findings: { item: string; ruleId: string; severity: string; stated: string; computed: string; location: { line: number } }[]) =>
      findings.filter((f) => f.ruleId === "text-vs-table" && /公务车|出国/.test(f.item ?? "")).map((f) => [f.item, f.severity, f.stated, f.computed, f.location.line]);
    expect(items(doc("shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt").d.findings)).toEqual([]);
    // And 因公出国（境）费 printed 经费.
    expect(lines[796]).toContain("因公出国（境）费0万元");
    lines[796] = lines[796].replace("因公出国（境）费0万元", "因公出国（境）经费1.5万元");
    lines[797] = lines[797].replace("公务车购置及运行费21.56万元", "公务车购置及运行费21.65万元");
    lines[798] = lines[798].replace("公务车用车运行费21.56万元", "公务车用车运行费21.66万元");
    const file = join(tempDir("car-items"), "w2023.txt");
    writeFileSync(file, lines.join("\n"));
    expect(items(cliJson([file, "--rule", "diagnosis=off"]).report.documents[0].findings)).toEqual([
      ["因公出国(境)经费", "error", "1.5", "0", 797],
      ["公务车购置及运行费", "error", "21.65", "21.56", 798],
      ["公务车用车运行费", "error", "21.66", "21.56", 799],
    ]);
  });

  it("the 三公 table is read in 万元 beside tables in 元, its columns placed by the row's arithmetic", () => {
    const { d } = doc("shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.txt");
    expect(d.tables.find((t: { kind: string }) => t.kind === "sanggong")).toMatchObject({ id: "T9", rows: 1 });
    // 37.91 = 0 + 1.35 + 36.56 and 36.56 = 15 + 21.56 hold, so nothing about the 三公 row is reported.
    expect(d.findings.filter((f: { table: string }) => f.table === "T9")).toEqual([]);
  });

  it("reconciles the 编制说明 in 万元 with 表1 in 元 within rounding (9,101.68 万元 vs 91,016,775.35 元)", () => {
    const { d } = doc("shanghai-putuo_district-govt-office_2025_dept-budget.txt");
    const income = d.findings.find((f: { item: string }) => f.item === "部门预算收入");
    expect(income).toMatchObject({ ruleId: "text-vs-table", severity: "info", withinRounding: true, stated: "9101.68", computed: "9101.677535", location: { line: 71, page: 6 } });
    // 财政拨款支出主要内容: each 类-款-项 line against 表5's row.
    const line = d.findings.find((f: { code: string | null; table: string }) => f.table === "text" && f.code === "2010301");
    expect(line).toMatchObject({ stated: "1202.95", computed: "1202.950184", withinRounding: true });
  });

  it("a 类-款-项 the text names that no table prints is listed, not guessed (万里街道 2025 line 120)", () => {
    const { d } = doc("shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.txt");
    const f = d.findings.find((x: { location: { line: number } ; ruleId: string }) => x.ruleId === "text-vs-table" && x.location.line === 120);
    // The document prints 卫生健康支出（类）卫生健康支出（款）计划生育事务（项）; its tables have 21007 计划生育事务 / 2100717.
    expect(f).toMatchObject({ severity: "info", withinRounding: false, item: "卫生健康支出-卫生健康支出-计划生育事务" });
  });
});

describe("three years of one 街道 with --previous: the 比上年 statements", () => {
  const W = `${SH}/shanghai-putuo_wanli-subdistrict-office`;
  const dir = mkdtempSync(join(tmpdir(), "budget-check-prev-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("2024 against 2023 and 2025 against 2024 reconcile (三公 and 机关运行经费 changes against last year's table)", () => {
    for (const [year, prev] of [["2024", "2023"], ["2025", "2024"]]) {
      const r = cliJson([`${W}_${year}_dept-budget.txt`, "--previous", `${W}_${prev}_dept-budget.txt`]);
      const d = r.report.documents.find((x: { path: string }) => x.path.includes(year));
      // Only the document's own errors of the 编制说明 and 2024's 三公 note (above): nothing about last year.
      const own = d.findings.filter((f: { severity: string; ruleId: string; column: string | null; item: string }) => f.severity === "error" && !(f.ruleId === "yoy-change" && /预算执行数|预算安排/.test(f.column ?? "")) && f.ruleId !== "diagnosis" && f.item !== "“三公”经费（无）");
      expect(own, year).toEqual([]);
    }
  });

  it("the 编制说明's 财政拨款收入 / 支出 比上年 figures are reconciled with last year's document", () => {
    // 2024: 财政拨款收入15621.11万元，比2023年预算减少876.75万元 — 2023 printed 16497.86 (text and 表1).
    const p = join(dir, "2024-allocation.txt");
    const lines = readFileSync(join(ROOT, `${W}_2024_dept-budget.txt`), "utf8").split("\n");
    expect(lines[72]).toMatch(/^876\.75万元；事业收入/);
    lines[72] = lines[72].replace("876.75万元", "867.75万元");
    writeFileSync(p, lines.join("\n"));
    const d = cliJson([p, "--previous", `${W}_2023_dept-budget.txt`]).report.documents.find((x: { path: string }) => x.path === p);
    const f = d.findings.find((x: { ruleId: string; item: string }) => x.ruleId === "yoy-change" && x.item === "财政拨款收入");
    expect(f).toMatchObject({ severity: "error", column: "减少额", stated: "867.75", computed: "876.75", location: { line: 73, page: 6 } });
    // This year's figures themselves agree with this year's tables (表1 财政拨款收入, 表4 支出总计 and its 一般公共预算 column).
    const now = d.findings.filter((x: { ruleId: string; item: string }) => x.ruleId === "text-vs-table" && /财政拨款收入|拨款支出预算/.test(x.item));
    expect(now.map((x: { item: string; severity: string; withinRounding: boolean }) => `${x.item} ${x.severity} ${x.withinRounding}`)).toEqual(["财政拨款收入 info true", "财政拨款支出预算 info true", "一般公共预算拨款支出预算 info true"]);
  });

  it("a 比上年 figure the two years' tables cannot give is an error at its page and line", () => {
    // 2024 prints “三公”经费预算数为47.91万元，比2023年预算增加25万元; 2023's 三公 table prints 22.91.
    const p = join(dir, "2024.txt");
    writeFileSync(p, readFileSync(join(ROOT, `${W}_2024_dept-budget.txt`), "utf8").replace("比2023年预算增加25万元。其中", "比2023年预算增加26万元。其中"));
    const d = cliJson([p, "--previous", `${W}_2023_dept-budget.txt`]).report.documents.find((x: { path: string }) => x.path === p);
    const f = d.findings.find((x: { ruleId: string; severity: string; column: string | null }) => x.ruleId === "yoy-change" && x.severity === "error" && x.column === "增加额");
    expect(f).toMatchObject({ stated: "26", computed: "25", location: { line: 798, page: 32 } });
    // Without last year's document the same text has nothing to compare with (only its own 编制说明 errors, above).
    expect(cliJson([p]).report.documents[0].findings.filter((x: { location: { line: number }; severity: string }) => x.severity === "error" && x.location.line === 798)).toEqual([]);
  });
});

describe("Shanghai 部门决算 (layout text)", () => {
  // Row counts guard against regressions. The 财政拨款收入支出决算总表's wrapped income labels (政府性基金预算财政拨
  // / 二、外交支出 / 款), an expenditure line printed between their pieces, are read whole: their roles known.
  it("the finance bureau's 决算: all 9 tables read (the two-lane 基本支出 table too), its 情况说明 reconciled: the two errors of the document itself", () => {
    const { d, status } = doc("shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt");
    expect(status).toBe(1);
    expect(d).toMatchObject({ template: "shanghai-final", stage: "final", department: "上海市普陀区财政局", year: 2024, moneyUnit: "万元" });
    expect(rowsByKind(d)).toEqual({ summary: 42, income: 20, expenditure: 20, "allocation-summary": 38, "general-function": 20, "general-basic-economic": 65, sanggong: 1, "gov-fund": 0, "state-capital": 0 });
    // One row fewer than before: 二十一、国有资本经营预算 / 支出 is one item (test/loaders/two-sided-wraps.test.ts).
    expect(d.unknownTables).toEqual([]);
    // The two lanes are checked: 类 = Σ 款 in each (two rounding notes), and 人员经费合计 + 公用经费合计 = 表5's 基本支出.
    expect(d.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("economic-vs-function");
    const t6 = d.findings.filter((f: { table: string }) => f.table === "T6");
    expect(t6.map((f: { severity: string; code: string; column: string }) => `${f.severity} ${f.code} ${f.column}`)).toEqual(["info 301 人员经费", "info 302 公用经费"]);
    // A real defect of the published document, checked by hand against the PDF (page 21, 四、财政拨款收入支出决算
    // 总体情况说明): “财政拨款收入支出总计0.3万元” while its 财政拨款收入支出决算总表 (page 12) prints 总计 2,961.68 on
    // both sides, and the next sentence calls the total unchanged on 2023. The diagnosis names the 0.3; the
    // text-vs-table finding it explains is folded under it.
    // A second one (page 21, 五、(二) 结构情况): 一般公共服务支出（类）2106.66万元 “占71.73%” of the 2940.05 万元
    // just stated; 2106.66 ÷ 2940.05 = 71.65%, and the four 类 shares printed add up to 100.07%.
    // The info notes: 10 rounding differences between the tables, and 政府采购 251.25 = 4.79 + 0 + 246.47
    // (251.26) within rounding, and the 一般公共预算's 年初预算 2993.92 not less than its items' stated budgets 2993.93
    // within rounding (budget-execution).
    expect(d.summary).toEqual({ error: 3, warning: 0, info: 12 });
    const real = d.findings.filter((f: { severity: string; explainedBy?: string }) => f.severity === "error" && !f.explainedBy);
    expect(real).toHaveLength(2);
    expect(real[0]).toMatchObject({ ruleId: "diagnosis", table: "text", stated: "0.3", location: { page: 21, line: 548, column: 28 } });
    expect(real[0].message).toContain("2961.7");
    expect(real[1]).toMatchObject({ ruleId: "text-sum", table: "text", item: "一般公共服务支出（类）", stated: "71.73", computed: "71.654", location: { page: 21, line: 565, column: 15 } });
    // Every other statement of the 情况说明 that is read agrees with the tables: the totals, the 类 and
    // 类-款-项 决算 figures, 人员经费 / 公用经费, the “三公” 预算 and 决算, the 完成预算 percentages and wording.
    expect(d.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("text-vs-table");
    expect(d.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("budget-execution");
    // 总计 = 本年收入合计 + 年初结转和结余 (two carry-over lines, one blank) holds exactly: no finding at line 164.
    expect(d.findings.some((f: { location: { line: number } }) => f.location.line === 164)).toBe(false);
    // A figure printed a line above its code (the 决算's vertically centred cells) is read on its row.
    const all = d.findings.map((f: { message: string }) => f.message).join("\n");
    expect(all).not.toMatch(/basic \+ project/);
  });

  it("the folded rounding lines name the tables by the titles this document prints (not Shenzhen's 表 names)", () => {
    const out = cli([`${SH}/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt`]).stdout;
    expect(out).toMatch(/^ {2}rounding +1 rounding difference in T4 财政拨款收入支出决算总表, all within/m);
    expect(out).toMatch(/^ {2}rounding +2 rounding differences in T6 一般公共预算财政拨款基本支出决算表, all within/m);
    expect(out).not.toContain("基本支出总表");
  });

  it("a “三公” component's 完成预算 P% is its 决算 ÷ the 三公 table's 预算数 (公务接待费 0.00 of 0.95: 0%, not 3%)", () => {
    const lines = readFileSync(join(ROOT, SH, "shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt"), "utf8").split("\n");
    expect(lines[641]).toMatch(/^预算的0%。2024年度/);
    lines[641] = lines[641].replace("预算的0%", "预算的3%");
    const file = join(tempDir("sanggong-final"), "final.txt");
    writeFileSync(file, lines.join("\n"));
    // (Its errors: the document's 一般公共预算 年初预算 against its items' is an info within rounding.)
    const f = cliJson([file]).report.documents[0].findings.filter((x: { ruleId: string; severity: string }) => x.ruleId === "budget-execution" && x.severity === "error");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", item: "公务接待费", column: "完成预算%", stated: "3", computed: "0", location: { line: 642, page: 23 } });
  });

  it("a mistyped 公用经费合计 in the two-lane table is an error at its page and line, with the figure it should be", () => {
    const lines = readFileSync(join(ROOT, SH, "shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt"), "utf8").split("\n");
    expect(lines[476]).toMatch(/2,152\.26\s+184\.65$/);
    lines[476] = lines[476].replace("184.65", "187.65");
    const file = join(tempDir("two-lane"), "final-two-lane.txt");
    writeFileSync(file, lines.join("\n"));
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    // One error to fix (besides the document's own two on page 21); the identities it breaks (表5's 基本支出,
    // the lane's 合计) are explained by it.
    const errors = report.documents[0].findings.filter((f: { severity: string; explainedBy?: string; location: { line: number } }) => f.severity === "error" && !f.explainedBy && f.location.line !== 548 && f.location.line !== 565);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId: "diagnosis", table: "T6", column: "公用经费", location: { page: 17, line: 477 } });
    expect(errors[0].message).toContain("184.65");
  });

  it("the blank 决算 template: tables recognised, its placeholders one error, nothing else to check, said so (not a crash, not 'all clear')", () => {
    const { d, status } = doc("TEMPLATE_shanghai-putuo_2024_dept-final-accounts-template-no-data.txt");
    expect(status).toBe(1);
    expect(d.failure).toBeNull();
    expect(d.template).toBe("shanghai-final");
    // 上海市 XX 局 … XX（类）XX（款）XX（项）: the template's placeholders, one error at the first (the heading of its
    // 概况, 第一部分 上海市 XX 局概况, line 56: the body's first line, after the 目录), the ~45 other places related.
    // No other error: its tables hold no figure.
    const errors = d.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.map((f: { ruleId: string; location: { line: number } }) => [f.ruleId, f.location.line])).toEqual([["placeholder-text", 56]]);
    expect(errors[0].related.length).toBeGreaterThan(30);
    expect(d.notChecked.map((n: { ruleId: string }) => n.ruleId)).toEqual(expect.arrayContaining(["balance-totals", "items-vs-units", "general-vs-total"]));
    const text = cli([`${SH}/TEMPLATE_shanghai-putuo_2024_dept-final-accounts-template-no-data.txt`]).stdout;
    // 15: income-vs-expenditure concerns a 预算 only, and is not listed for a 决算; split-vs-expenditure and
    // tasks-vs-budget ask for tables a Shanghai 决算 never prints, and are not listed either. sanggong-vs-economic is
    // (since round 50): it also reads a 一般公共预算（财政拨款）基本支出 table by economic code, which a 决算 prints (T6); here
    // its 三公 table holds no rows.
    expect(text).toMatch(/not checked, 15 rules: year-change/);
    expect(text).toContain("sanggong-vs-economic");
    for (const id of ["income-vs-expenditure", "split-vs-expenditure", "tasks-vs-budget", "allocation-tables"]) expect(text).not.toContain(id);
  });
});

describe("Shanghai 部门预算: the part of the procurement reserved for small enterprises", () => {
  // 万里街道 2025: 政府采购预算 … 面向中小企业预留 1928.48 万元，其中，预留给小型和微型企业的 … 1349.94 万元 (line 766).
  const file = "shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.txt";
  const retyped = (from: string, to: string) => {
    const text = readFileSync(join(ROOT, SH, file), "utf8");
    expect(text.split(from)).toHaveLength(2);
    const p = join(tempDir("reserved"), file);
    writeFileSync(p, text.replace(from, to));
    const line = text.slice(0, text.indexOf(from)).split("\n").length;
    const errors = (cliJson([p, "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; severity: string; stated: string; computed: string; location: { line: number } }[]).filter((f) => f.severity === "error");
    return { line, errors: errors.map((f) => [f.ruleId, f.stated, f.computed, f.location.line]) };
  };

  it("the small and micro enterprises' part beyond what is reserved for small and medium ones is an error at its line", () => {
    const { line, errors } = retyped("企业的政府采购项目预算为1349.94", "企业的政府采购项目预算为2349.94");
    expect(errors).toEqual([["text-sum", "2349.94", "1928.48", line]]);
  });

  it("what is reserved beyond the procurement budget itself is an error at its line", () => {
    const { line, errors } = retyped("项目预算金额1928.48万元", "项目预算金额91928.48万元");
    expect(errors.filter((e) => e[0] === "text-sum")).toEqual([["text-sum", "91928.48", expect.any(String), line]]);
  });

  // Not procurement, but the same kind of bound in the same part: 编报绩效目标的项目 … 涉及项目预算资金 8825.98 万元
  // (line 770) covers only the projects that set targets, at most 表3's 项目支出 (88,425,805.00 元).
  it("the 绩效目标's 涉及项目预算资金 beyond 表3's 项目支出 is an error at its line; below it, none", () => {
    const { line, errors } = retyped("涉及项目预算资金8825.98万元", "涉及项目预算资金88825.98万元");
    expect(errors).toEqual([["text-vs-table", "88825.98", "8842.5805", line]]);
    expect(retyped("涉及项目预算资金8825.98万元", "涉及项目预算资金8000.00万元").errors).toEqual([]);
  });
});

describe("Shanghai 部门预算: a table's title left at last year's year", () => {
  it("is read as the table it is, and warned of at its line and page", () => {
    // 万里街道 2025: its 表2 retitled 2024年部门收入预算总表 (the 目录's entry, line 14, left as printed).
    const file = "shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.txt";
    const lines = readFileSync(join(ROOT, SH, file), "utf8").split("\n");
    const at = lines.findIndex((l, i) => i > 20 && l.trim() === "2025年部门收入预算总表") + 1;
    expect(at).toBeGreaterThan(20);
    lines[at - 1] = lines[at - 1].replace("2025年", "2024年");
    const p = join(tempDir("title-year"), file);
    writeFileSync(p, lines.join("\n"));
    const d = cliJson([p]).report.documents[0];
    expect(d.tables.find((t: { id: string }) => t.id === "T2")).toMatchObject({ kind: "income", present: true });
    const fs = (d.findings as { ruleId: string; severity: string; table: string; message: string; location: { line: number; page: number } }[]).filter((f) => f.ruleId === "title-year");
    expect(fs.map((f) => [f.severity, f.table, f.location.line, f.location.page])).toEqual([["warning", "T2", at, 10]]);
    expect(fs[0].message).toContain("names 2024; the document is the 2025 budget");
  });
});

describe("templates", () => {
  it("budget-check templates lists every template with its tables' kinds (text and json)", () => {
    const r = cli(["templates"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^shanghai \(预算, 元\)/m);
    expect(r.stdout).toMatch(/^ {2}T8 {3}general-basic-economic {2}一般公共预算基本支出部门预算经济分类预算表$/m);
    const j = JSON.parse(cli(["templates", "--format", "json"]).stdout);
    expect(j.map((t: { name: string }) => t.name)).toEqual(["shenzhen", "shanghai", "shanghai-final", "generic"]);
    expect(j.find((t: { name: string }) => t.name === "shanghai").tables.find((t: { id: string }) => t.id === "T9")).toMatchObject({ kind: "sanggong", moneyUnit: "万元" });
  });

  it("--template forces one; an unknown name is a usage error", () => {
    const forced = cliJson([SEED, "--template", "shenzhen"]);
    expect(forced.report.documents[0].template).toBe("shenzhen");
    const wrong = cli([SEED, "--template", "atlantis"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--template.*atlantis/);
    // A Shanghai document forced to the 决算 template has none of its titles: a one-line error.
    const r = cli([`${SH}/shanghai-putuo_district-govt-office_2025_dept-budget.txt`, "--template", "shanghai-final"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/not a budget disclosure of the shanghai-final template/);
  });

  it("the Shenzhen seed read by kind alone (--template generic): its tables read, the same errors as with its template", () => {
    // What a document of a template like Shenzhen's (a district's, another year's) gets: 支出总计 as the total,
    // 政府采购 over its 小计 and 其中, the rest by kind. Only the 三公 table by unit and year is not read.
    type F = { ruleId: string; severity: string; message: string };
    const errors = (d: { findings: F[] }) => d.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.message}`).sort();
    const own = cliJson([SEED]).report.documents[0];
    const byKind = cliJson([SEED, "--template", "generic"]).report.documents[0];
    expect(byKind.template).toBe("generic");
    const read = byKind.tables.filter((t: { present: boolean }) => t.present).map((t: { kind: string }) => t.kind).sort();
    expect(read).toEqual(["allocation-summary", "expenditure", "gov-fund", "general-economic", "general-function", "performance", "state-capital", "summary"].sort());
    expect(byKind.unknownTables.map((u: { title: string }) => u.title)).toEqual([expect.stringMatching(/^一般公共预算“三公”经费支出表（表头未能识别/)]);
    expect(errors(byKind)).toEqual(errors(own));
    expect(errors(own)).toHaveLength(6);
  });
});

describe("other provinces' templates: tables recognised by kind, the rest listed", () => {
  const OP = "fixtures/other-provinces";
  /*
   * What is read as which kind (rows per kind), checked by hand against each document (pdftotext -layout of
   * its PDF): every figure in the column the page prints it in. Every other table is listed in unknownTables
   * with the reason: a kind the model does not know (项目支出 by economic code, 财政拨款 by function, 机关运行经费,
   * 政府采购, 项目绩效), a header not understood (named by its labels), a summary with three item columns, rows
   * that are items rather than codes. No figure is guessed into a column, so no false error; the identities
   * that do not hold exactly are 0.01 万元 rounding notes (info), listed below by rule.
   */
  // textSum: the 部门预算情况说明 lists parts under a total with their shares (src/claims/generic.ts), so text-sum runs;
  // yoyChange: it prints figures with their change on last year and its percentage, so yoy-change runs.
  // text-vs-table: the figures that restate a table (收支总预算, 支出预算总计 and its 基本支出 / 项目支出, 三公 …,
  // src/claims/generic-figures.ts) are compared with the tables they restate.
  const cases: { file: string; rows: Record<string, number>; unknown: string[]; summary: Record<string, number>; byRule: Record<string, number>; notChecked: string[]; checked?: string[]; textSum: boolean; yoyChange: boolean }[] = [
    {
      // 国家信访局 (部门公开表1–9): 表5 with last year's outturn and the change (扣除中央基建投资 pair); its 财政拨款收支总表
      // spends 上年结转 2,254.12 beside tables of this year's budget, so it is checked by its total (a note).
      file: "central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt",
      rows: { summary: 16, income: 1, expenditure: 23, "allocation-summary": 16, "general-function": 26, "general-basic-economic": 40, sanggong: 1, "gov-fund": 0, "state-capital": 0 },
      unknown: [],
      // Two errors of the document itself. Page 25: 委托业务费 1,391.68 万元，比 2025 年预算增加 333.83 万元，增长
      // 31.35% — 333.83 ÷ (1,391.68 − 333.83) = 31.56%. Its 15 other changes hold. Page 18: 财政拨款收支总预算
      // 18,728.91 万元, where 表4 prints 18,728.94 (= 16,474.82 + 2,254.12, as the same paragraph says): the
      // text-vs-table error, explained by the diagnosis (a third error, naming 18,728.91). Its 类 and 类-款-项
      // figures hold against 表5 (卫生健康支出-行政事业单位医疗-行政单位医疗 “0.00 万元” against a row that prints
      // only last year's figure: blank, 0).
      // Page 18's 支出包括：一般公共服务支出 15,291.3 万元，占 81.65%；… (four 类, their shares of the 18,728.91) add up to
      // 18,728.94: within rounding of the printed 18,728.91 (a note), the diagnosis's 18,728.94 settling it too.
      // Those 类 are 表4's expenditure items (15,291.30 …) and hold; with them the 18,728.91 cannot be within rounding
      // of the parts and of 表4 at once: a rounding-consistency error the diagnosis explains too (18,728.94).
      summary: { error: 4, warning: 0, info: 15 },
      byRule: { "items-vs-units/info": 1, "hierarchy-sum/info": 12, "duplicate-text/info": 1, "yoy-change/error": 1, "text-vs-table/error": 1, "diagnosis/error": 1, "text-sum/info": 1, "rounding-consistency/error": 1 },
      notChecked: ["fund-tables", "tasks-vs-budget"],
      // 收入预算总计 = 一般公共预算拨款收入 + 其他收入 + 上年结转 and 支出预算总计 = 基本支出 + 项目支出, with 5 shares: all hold;
      // so do the shares of the 类 under 财政拨款收支总预算 and 一般公共预算当年拨款 (lists no 其中 introduces).
      textSum: true,
      yoyChange: true,
    },
    {
      // 广州 (表1–12): codes in brackets, names wrapped around their code line, 收入总体情况表 by unit with 财政专户 split;
      file: "guangzhou_science-and-technology-bureau_2026_dept-budget.txt",
      // Its 三公 table prints the items as rows and the funds as columns: one row per column.
      // Its 部门预算基本支出预算表 names each unit, then the unit's 经济分类 类 (工资福利支出 …) without codes, under
      // 总计 | 财政拨款 (合计 · 一般公共预算 · 政府性基金预算 · 国有资本经营预算) | 财政专户拨款 | 其他资金: read as a
      // 基本支出 table by unit and 类 (301, 302 …). 评审中心's 1,245.08 is its 1,165.93 + 79.14 within rounding.
      // Its 项目支出及其他支出预算表 prints each project's 绩效目标 beside its rows, the words running over the lines
      // between them, the names wrapped around their figures: read without the words, each unit's line at the
      // margin above its indented projects (3 units, 32 projects): unit = Σ its projects (科学技术局's 144,814.30
      // within rounding), 合计 = Σ units = 表3's 项目支出 + its other spending. Its
      // 一般公共预算项目支出情况表（按经济分类科目） ([302]商品和服务支出 …): its 合计 is 表5's 项目支出, and holds.
      rows: { summary: 41, income: 4, expenditure: 33, "allocation-summary": 34, "general-function": 33, "general-basic-economic": 40, sanggong: 4, "gov-fund": 1, "state-capital": 1, "basic-summary": 13, "general-project-economic": 27, "project-summary": 35 },
      unknown: [],
      summary: { error: 0, warning: 0, info: 17 },
      // Its 收入总体情况表 lists the units under 合计 (单位名称 | 合计 | sources): 合计 = Σ units, 163,539.08 within rounding.
      byRule: { "hierarchy-sum/info": 15, "row-total/info": 2 },
      notChecked: ["tasks-vs-budget"],
      // 政府采购安排1,772.21万元，其中：货物类 124.4、工程类 78、服务类 1,569.81 万元: they add up.
      textSum: true,
      // 收入预算 / 支出预算 163,539.07 万元，比上年预算减少 65,151.4 万元，下降 28.5%, 三公, 机关运行经费, 委托业务费: 7 changes, all hold.
      yoyChange: true,
    },
    {
      // 杭州 (表1–11): no codes (names indented), grouped and wrapped headers numbered ** 1 2 3 …, units' names wrapped
      // around their figures. The document prints no code at all: its 表1 and 表4 expenditure items cannot be
      // matched by code, said once per table (item-code info), not as 34 warnings. The text's 类-款-项 items are
      // found in 表5 by their names in printed order, and hold. Its 三公 table prints 合计 above a row per
      // unit: the text's 24.02 is the 合计's, not the sum of the three rows. Its 项目支出预算表 lists projects by
      // unit (单位名称 | 项目名称), a unit's name wrapped around its project's line: 合计 = Σ projects = 表3's 项目支出.
      file: "hangzhou_meteorological-bureau_2026_dept-budget.txt",
      // Its 表11 项目支出绩效表 repeats 表10's 3 projects with their 绩效目标 (the first project's words above its figures).
      rows: { summary: 33, income: 4, expenditure: 18, "allocation-summary": 29, "general-function": 18, "general-basic-economic": 39, sanggong: 3, "gov-fund": 1, "state-capital": 1, "project-summary": 4, "project-performance": 3 },
      unknown: [],
      // Its shares follow a total stated in the sentence before (…收入预算 5,876.67 万元，…持平。/ 其中：一般公共预算
      // 拨款收入 5,753.07 万元，占 97.9%；其他收入 123.61 万元，占 2.1%), letter-spaced: 5,753.07 + 123.61 = 5,876.68,
      // a rounding note.
      // So do two lists no 其中 introduces: 按支出用途分类，包括人员支出 2,906.80 万元，占 49.4%；日常公用支出 838.27 万元，
      // 占 14.3%；项目支出 2,131.61 万元，占 36.3% (of the 支出预算 5,876.67 two paragraphs up): 5,876.68, and 49.4% for
      // 49.46% balanced to make 100% — two notes; and the 类 of the 一般公共预算当年拨款 5,753.07, 占 0.5% … 91.2%:
      // 5,753.06, a note.
      // Its 收入预算总表 lists the units indented under the department's line: 合计 = Σ units, 5,753.06 in 一般公共预算.
      // Its tables by function and economic class print names only, 类 / 款 / 项 told by indentation: summed by level,
      // 合计 = Σ 类 in 表3 (人员经费) and 表5 (合计, 基本支出, 人员经费), 工资福利支出 = Σ its 款 in 表6 (合计, 人员经费) each
      // 0.01 off: six notes.
      summary: { error: 0, warning: 0, info: 17 },
      byRule: { "item-code/info": 2, "hierarchy-sum/info": 8, "row-total/info": 3, "text-sum/info": 4 },
      notChecked: ["tasks-vs-budget"],
      textSum: true,
      yoyChange: true,
    },
    {
      // 江苏 (公开01–12表): figures flush left (三公 with 会议费 and 培训费), 支出预算总表 as one unlabelled line.
      file: "jiangsu_provincial-procuratorate_2019_dept-budget.txt",
      // Its 收支预算总表 prints three sides (收入 | 支出 by function | 支出 by purpose): read as 收入 | 支出 by function,
      // the purpose side (the 财政拨款收支预算总表's and 支出预算总表's again) left out but for the totals it spans.
      // Its 一般公共预算机关运行经费支出预算表: 合计 and 302 2,391.92 over 16 款 (hierarchy-sum holds).
      // Its 政府采购支出预算表 lists 大类 (一、货物 A) over projects over economic items over items bought, with 采购组织形式:
      // read as an outline since round 54 (41 rows: 合计, 2 大类, 13 subtotals, 25 items; test/e2e/outline-tables.test.ts).
      rows: { summary: 32, expenditure: 1, "allocation-summary": 7, "general-function": 17, "general-basic-economic": 31, sanggong: 1, "gov-fund": 0, "allocation-function": 17, "allocation-basic-economic": 31, "running-cost-economic": 17, procurement: 41 },
      unknown: ["收入预算总表（按项目列示 rows are items, not codes）"],
      // 本年支出预算合计 = 基本支出 + 项目支出 + 单位预留机动经费, one part a line across a page break. Its shares
      // add up to 100.00%, and 65.56% is 15,844.04 ÷ 24,169.74 = 65.553% balanced by a unit: a rounding note.
      // Two 款-项 items the text names shorter than its 表5 (机关事业单位基本养老保险费 for …保险缴费支出, …职业年金 for
      // …职业年金缴费支出): matched by their core, and they agree (no finding).
      // Seven percentages of the document itself wrong, in its changes on last year (与上年相比增加 … 万元，增长 …%).
      // Three errors: page 25, 项目支出 4,335.3 万元 down 1,237.7 printed 13.22% (the 基本支出's percentage above it),
      // for 1,237.7 ÷ 5,573 = 22.21%; 收、支预算总计 up 2,214.39 printed 10.06% for 10.086%; 34.38% for 368.97 ÷
      // 1,073.77 = 34.362% (住房公积金). Four warnings, percentages cut off (截尾) rather than rounded: 10.15% three
      // times for 2,228.78 ÷ 21,940.96 = 10.158% (一般公共预算收入, 财政拨款收、支总预算, 一般公共预算支出), and 35.77% for
      // 1,311.6 ÷ 3,666 = 35.778% (一般行政管理事务). The others it states so hold
      // (机关运行经费 12.14%, the 类 after what each is for (主要用于…。与上年相比…) …; 提租补贴's 64.07% within the
      // rounding of its whole 1657, 未归口管理的行政单位离退休's 7.57% within that of 28.1).
      // Its 财政拨款支出预算表（功能科目） and 财政拨款基本支出预算表（经济科目） are its 一般公共预算 tables again (its
      // 政府性基金 table is empty), and their 合计 its 财政拨款收支预算总表's 支出合计 and 基本支出: all hold. That table's
      // expenditure lines are by purpose (基本支出, 项目支出, 单位预留机动经费), no function code to match.
      summary: { error: 3, warning: 4, info: 5 },
      byRule: { "duplicate-text/info": 2, "text-sum/info": 1, "yoy-change/error": 3, "yoy-change/warning": 4, "yoy-change/info": 2 },
      notChecked: ["fund-tables", "tasks-vs-budget"],
      // Its 收支预算总表 read: against the 财政拨款收支预算总表 and, its budget being all 一般公共预算, 表7 against 表3.
      // staffing-sum: its 预算单位共计3家，具体包括：A、B、C (round 46: the count against the units listed; they agree).
      checked: ["allocation-vs-summary", "general-vs-total", "balance-totals", "item-code", "staffing-sum"],
      textSum: true,
      yoyChange: true,
    },
  ];
  for (const c of cases)
    it(`${c.file}: read by kind with the generic template, ${c.summary.error ? `${c.summary.error} errors: the document's own` : "no error"}`, () => {
      const d = cliJson([`${OP}/${c.file}`]).report.documents[0];
      expect(d.failure).toBeNull();
      expect(d.template).toBe("generic");
      expect(rowsByKind(d)).toEqual(c.rows);
      expect(d.unknownTables.map((u: { title: string }) => u.title)).toEqual(c.unknown);
      expect(d.summary).toEqual(c.summary);
      const byRule: Record<string, number> = {};
      for (const f of d.findings as { ruleId: string; severity: string }[]) byRule[`${f.ruleId}/${f.severity}`] = (byRule[`${f.ruleId}/${f.severity}`] ?? 0) + 1;
      expect(byRule).toEqual(c.byRule);
      // The identities of the tables read are checked; the rules listed as not checked lack their tables.
      const notChecked = d.notChecked.map((n: { ruleId: string }) => n.ruleId);
      expect(notChecked).toEqual(expect.arrayContaining(c.notChecked));
      for (const id of ["row-total", "hierarchy-sum", "items-vs-units", ...(c.checked ?? [])]) expect(notChecked).not.toContain(id);
      expect(notChecked.includes("text-sum")).toBe(!c.textSum);
      expect(notChecked.includes("yoy-change")).toBe(!c.yoyChange);
      // The generic reader's figures are read in every one of them: text-vs-table runs.
      expect(notChecked).not.toContain("text-vs-table");
      // The rules that read a province's statements only are still listed as not checked: nothing of theirs was read.
      // (staffing-sum also reads any province's head counts and unit lists, since round 46: checked where printed.)
      for (const id of ["budget-execution", ...(c.checked?.includes("staffing-sum") ? [] : ["staffing-sum"])]) expect(notChecked).toContain(id);
    });

  /**
   * Each case a copy of a bundled document with `from` (printed once) retyped as `to`, checked (the diagnosis
   * off): an error of `ruleId` at the line it is on, stating `stated` against `computed`.
   */
  const retypedErrors = (dir: string, ruleId: string, cases: [file: string, from: string, to: string, stated: string, computed: string][]) => {
    for (const [file, from, to, stated, computed] of cases) {
      const text = readFileSync(join(ROOT, OP, file), "utf8");
      expect(text.split(from)).toHaveLength(2);
      const p = join(dir, file);
      writeFileSync(p, text.replace(from, to));
      const line = text.slice(0, text.indexOf(from)).split("\n").length;
      const findings = cliJson([p, "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; severity: string; stated: string; computed: string; location: { line: number } }[];
      expect(findings.filter((f) => f.severity === "error").map((f) => [f.ruleId, f.stated, f.computed, f.location.line]), `${file}: ${to}`).toContainEqual([ruleId, stated, computed, line]);
    }
  };

  it("a figure of the text changed from what its table prints is an error at its line, against that table's figure", () => {
    // 杭州: its 三公 table prints 合计 above a row per unit (the 合计 is the department's); 广州: 收入预算 in 表1.
    retypedErrors(tempDir("generic-figures"), "text-vs-table", [
      ["hangzhou_meteorological-bureau_2026_dept-budget.txt", "“三公”经费预算数为 24.02", "“三公”经费预算数为 24.20", "24.2", "24.02"],
      ["hangzhou_meteorological-bureau_2026_dept-budget.txt", "人员支出 2,906.80 万元，主要包括", "人员支出 2,960.80 万元，主要包括", "2960.8", "2906.8"],
      // 财政拨款收支总预算 …。支出包括：…自然资源海洋气象等支出 5,247.87 万元 (letter-spaced): 表4's expenditure item.
      ["hangzhou_meteorological-bureau_2026_dept-budget.txt", "5,247.87 万元。", "5,274.87 万元。", "5274.87", "5247.87"],
      // 国家信访局's: 一般公共服务支出 15,291.3 is 表4's (with 上年结转), not 表5's 13,144.37.
      ["central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt", "共服务支出 15,291.3 万元", "共服务支出 15,921.3 万元", "15921.3", "15291.3"],
      // 按支出功能分类，包括…卫生健康支出 80.52 万元: the 类 of its 部门支出总表, found by name.
      ["hangzhou_meteorological-bureau_2026_dept-budget.txt", "卫生健康支出 80.52 万", "卫生健康支出 85.02 万", "85.02", "80.52"],
      // Its tables print no codes: a 类-款-项 item is found by its names in printed order (表5 行政运行 2,617.19).
      ["hangzhou_meteorological-bureau_2026_dept-budget.txt", "行政运行（项）2,617.19 万元", "行政运行（项）2,671.19 万元", "2671.19", "2617.19"],
      ["guangzhou_science-and-technology-bureau_2026_dept-budget.txt", "收入预算163,539.07万元", "收入预算163,593.07万元", "163593.07", "163539.07"],
      ["central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt", "上年结转 2,254.12 万元，占", "上年结转 2,245.12 万元，占", "2245.12", "2254.12"],
      // A letter-spaced line (国 家 信 访 局 2026 年 一 般 公 共 预 算 当 年 财 政 拨 款), its figure on the next: 表5's 合计.
      ["central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt", "16,474.82 万元, 比", "16,447.82 万元, 比", "16447.82", "16474.82"],
      // An item's change on last year's execution against 表5's 增减额 of its row (2014001 行政运行: 271.14).
      ["central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt", "比 2025 年执行数增加 271.14", "比 2025 年执行数增加 217.14", "217.14", "271.14"],
      // 江苏's 会议费 and 培训费, in the section on them, against its “三公”经费、会议费、培训费 table; a 三公 item
      // restated as 预算支出 (1．因公出国（境）费预算支出80万元) against the same table.
      ["jiangsu_provincial-procuratorate_2019_dept-budget.txt", "出158.44万元", "出158.48万元", "158.48", "158.44"],
      // 国家信访局's 项级支出科目 named by its code (2014099 其他信访事务支出，2026 年预算数为 …): 表5's row of that code.
      ["central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt", "预算数为 3,623.98 万元，占部", "预算数为 3,632.98 万元，占部", "3632.98", "3623.98"],
      ["jiangsu_provincial-procuratorate_2019_dept-budget.txt", "费预算支出80万元", "费预算支出85万元", "85", "80"],
      // 江苏's 机关运行经费 (一 般 公 共 预 算 机 关 运 行 经 费 预 算 支 出, its figure on the next line): the 合计 of its
      // 一般公共预算机关运行经费支出预算表.
      ["jiangsu_provincial-procuratorate_2019_dept-budget.txt", "2391.92 万元，与上年相比减少 330.65", "2319.92 万元，与上年相比减少 330.65", "2319.92", "2391.92"],
      // 江苏's 类 under （二）支出预算总计 … 包括：, named whole with no level marked (2．社会保障和就业支出1890.27万元):
      // the 类 of its 支出预算总表, found by name.
      ["jiangsu_provincial-procuratorate_2019_dept-budget.txt", "2．社会保障和就业支出1890.27万元", "2．社会保障和就业支出1890.24万元", "1890.24", "1890.27"],
    ]);
    // (Sixteen runs of the CLI, ~1 s each on a quiet host: past the default 30 s on a loaded one.)
  }, 120_000);

  it("杭州's 项目支出绩效表: a project's 金额 retyped is an error at its line, against 表10's 合计 of that project", () => {
    const file = "hangzhou_meteorological-bureau_2026_dept-budget.txt";
    const text = readFileSync(join(ROOT, OP, file), "utf8");
    const lines = text.split("\n");
    const title = lines.findIndex((l) => l.includes("项目支出绩效表")) + 1;
    const at = lines.findIndex((l, i) => i >= title && /气象设施维护及科普\s+887\.90$/.test(l)) + 1;
    expect([title > 0, at > title]).toEqual([true, true]);
    lines[at - 1] = lines[at - 1].replace("887.90", "878.90");
    const p = join(tempDir("project-performance"), file);
    writeFileSync(p, lines.join("\n"));
    const errors = (cliJson([p, "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; severity: string; stated: string; computed: string; unit: string; location: { line: number } }[]).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.ruleId, f.unit, f.stated, f.computed, f.location.line])).toEqual([["performance-vs-projects", "杭州市气象局", "878.9", "887.9", at]]);
  });

  it("江苏's 机关运行经费 table by economic code: an 款 retyped is an error of its 类 at the 类's line", () => {
    // 302 商品和服务支出 2,391.92 = Σ of its 16 款 (30201 办公费 158.00 …); 合计 = 302.
    const file = "jiangsu_provincial-procuratorate_2019_dept-budget.txt";
    const text = readFileSync(join(ROOT, OP, file), "utf8");
    const lines = text.split("\n");
    const title = lines.findIndex((l) => l.trim() === "一般公共预算机关运行经费支出预算表") + 1;
    const office = lines.findIndex((l, i) => i >= title && /^30201\s+办公费\s+158\.00$/.test(l.trim())) + 1;
    const cls = lines.findIndex((l, i) => i >= title && /^302\s+商品和服务支出\s+2,391\.92$/.test(l.trim())) + 1;
    expect(title).toBeGreaterThan(0);
    expect([office > title, cls > title]).toEqual([true, true]);
    lines[office - 1] = lines[office - 1].replace("158.00", "185.00");
    const p = join(tempDir("running-cost"), file);
    writeFileSync(p, lines.join("\n"));
    const errors = (cliJson([p, "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; severity: string; stated: string; computed: string; tableKind: string | null; location: { line: number } }[]).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.ruleId, f.tableKind, f.stated, f.computed, f.location.line])).toContainEqual(["hierarchy-sum", "running-cost-economic", "2391.92", "2418.92", cls]);
  });

  it("a share of a list no 其中 introduces, retyped, is an error at its line against the total stated before the list", () => {
    // 杭州's 一般公共预算当年拨款结构 (of 5,753.07), 国家信访局's 财政拨款 支出包括 (of 18,728.91) and 一般公共预算当年拨款
    // 结构 (of 16,474.82, stated under the heading before the list's).
    retypedErrors(tempDir("generic-shares"), "text-sum", [
      ["hangzhou_meteorological-bureau_2026_dept-budget.txt", "占 6.9%", "占 9.6%", "9.6", "6.89"],
      ["central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt", "占 11.79%", "占 11.97%", "11.97", "11.79"],
      ["central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt", "13,144.37 万元，占 79.78%", "13,144.37 万元，占 79.87%", "79.87", "79.785"],
    ]);
  });

  it("江苏's 三公 shares of a total it never prints (占“三公”经费的 …) are checked against the parts' sum", () => {
    // 80 + 237 + 101.26 = 418.26; 19.1% · 56.7% · 24.2% hold. A unit moved from the first to the last (20.1%,
    // 23.2%) still makes 100%: two errors, at their lines.
    const file = "jiangsu_provincial-procuratorate_2019_dept-budget.txt";
    const text = readFileSync(join(ROOT, OP, file), "utf8");
    for (const s of ["费的19.1%", "\n24.2%。"]) expect(text.split(s)).toHaveLength(2);
    const p = join(tempDir("sanggong-shares"), file);
    writeFileSync(p, text.replace("费的19.1%", "费的20.1%").replace("\n24.2%。", "\n23.2%。"));
    const lineOf = (s: string) => text.slice(0, text.indexOf(s) + (s.startsWith("\n") ? 1 : 0)).split("\n").length;
    const errors = (cliJson([p, "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; severity: string; stated: string; computed: string; location: { line: number } }[]).filter((f) => f.ruleId === "text-sum" && f.severity === "error");
    expect(errors.map((f) => [f.stated, f.computed, f.location.line])).toEqual([
      ["20.1", "19.13", lineOf("费的19.1%")],
      ["23.2", "24.21", lineOf("\n24.2%。")],
    ]);
  });

  it("江苏's 人员经费 / 公用经费, under 财政拨款基本支出 and 一般公共预算基本支出, against tables printing 合计 only: 301 + 303 and the other classes", () => {
    // 表13 财政拨款基本支出 and 表6 一般公共预算基本支出 print 15,844.04 = 301 11,960.62 + 302 2,391.92 + 303 1,491.50;
    // the text states 人员经费 13,452.12 and 公用经费 2391.92 twice, word for word (lines 913/917 and 933/937).
    const file = "jiangsu_provincial-procuratorate_2019_dept-budget.txt";
    const text = readFileSync(join(ROOT, OP, file), "utf8");
    const lines = text.split("\n");
    const lineOf = (s: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(s)) + 1;
    const personnel = lineOf("（一）人员经费 13,452.12");
    const publicSecond = lineOf("（二）公用经费 2391.92", personnel + 5);
    const basic = lineOf("财政拨款基本支出预算 15,844.04");
    expect([basic, personnel, publicSecond]).toEqual([911, 913, 937]);
    const clean = (cliJson([join(ROOT, OP, file), "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; location: { line: number } }[]).filter((f) => f.ruleId === "text-vs-table");
    expect(clean.filter((f) => [basic, personnel, publicSecond].includes(f.location.line))).toEqual([]);
    lines[basic - 1] = lines[basic - 1].replace("15,844.04", "15,884.04");
    lines[personnel - 1] = lines[personnel - 1].replace("13,452.12", "13,425.12");
    lines[publicSecond - 1] = lines[publicSecond - 1].replace("2391.92", "2319.92");
    const p = join(tempDir("basic-parts"), file);
    writeFileSync(p, lines.join("\n"));
    const errors = (cliJson([p, "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; severity: string; stated: string; computed: string; message: string; location: { line: number } }[]).filter((f) => f.ruleId === "text-vs-table" && f.severity === "error");
    expect(errors.map((f) => [f.stated, f.computed, f.location.line])).toEqual([
      ["15884.04", "15844.04", basic],
      ["13425.12", "13452.12", personnel],
      ["2319.92", "2391.92", publicSecond],
    ]);
    expect(errors[1].message).toContain("301 and 303");
  });

  it("an item of the 一般公共预算 is not compared with the department's expenditure table when the department has other income", () => {
    // 国家信访局's 一般公共预算支出表 made unreadable (its title one of a kind no template knows): its items
    // (201 一般公共服务 13,144.37 …) are not the 部门支出总表's (47,179.30, with 上年结转 and 事业收入): not
    // compared, said as not found.
    const file = "central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt";
    const text = readFileSync(join(ROOT, OP, file), "utf8");
    const from = "                                          一般公共预算支出表\n";
    expect(text).toContain(from);
    const p = join(tempDir("general-items"), file);
    writeFileSync(p, text.replace(from, "                                          一般公共预算分项明细表\n"));
    const d = cliJson([p, "--rule", "diagnosis=off"]).report.documents[0];
    expect(d.tables.find((t: { kind: string }) => t.kind === "general-function").present).toBe(false);
    const errors = (d.findings as { ruleId: string; severity: string; stated: string }[]).filter((f) => f.ruleId === "text-vs-table" && f.severity === "error");
    // Only the error the document has anyway (财政拨款收支总预算 18,728.91 against 表4's 18,728.94).
    expect(errors.map((f) => f.stated)).toEqual(["18728.91"]);
    const notFound = (d.findings as { ruleId: string; severity: string; item: string }[]).filter((f) => f.ruleId === "text-vs-table" && f.severity === "info" && f.item);
    expect(notFound.map((f) => f.item)).toContain("一般公共服务支出-信访事务-行政运行");
  });

  it("a 三公 table printing 合计 above a row per unit: 合计 = Σ the units (hierarchy-sum), 24.02 = 13.13 + 10.89 in 杭州", () => {
    const file = "hangzhou_meteorological-bureau_2026_dept-budget.txt";
    const text = readFileSync(join(ROOT, OP, file), "utf8");
    const from = "杭州市气象局              13.13";
    expect(text).toContain(from);
    const p = join(tempDir("sanggong-units"), file);
    writeFileSync(p, text.replace(from, "杭州市气象局              13.31"));
    const fs = (cliJson([p, "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; severity: string; table: string; item: string; stated: string; computed: string }[]).filter((f) => f.ruleId === "hierarchy-sum" && f.severity === "error");
    expect(fs.map((f) => [f.table, f.item, f.stated, f.computed])).toEqual([["T7", "合计", "24.02", "24.2"]]);
  });

  it("a list of projects by unit: a project's figure mistyped is an error at its line, its unit named; 合计 = 表3's 项目支出", () => {
    const file = "hangzhou_meteorological-bureau_2026_dept-budget.txt";
    const text = readFileSync(join(ROOT, OP, file), "utf8");
    const from = "专业系统维护及科普                 146.69       118.00                           28.69";
    expect(text).toContain(from);
    const dir = tempDir("projects-by-unit");
    // The project's total and its 一般公共预算 both 3.00 more: its row adds up, the table's 合计 does not, and 表11
    // (项目支出绩效表) still prints the project at 146.69.
    const p = join(dir, file);
    writeFileSync(p, text.replace(from, "专业系统维护及科普                 149.69       121.00                           28.69"));
    const fs = (cliJson([p, "--rule", "diagnosis=off"]).report.documents[0].findings as { ruleId: string; severity: string; table: string; item: string; stated: string; computed: string; column: string }[]).filter((f) => f.severity === "error");
    expect(fs.map((f) => [f.ruleId, f.table, f.item, f.column, f.stated, f.computed])).toEqual([
      ["hierarchy-sum", "T16", "合计", "合计", "2131.61", "2134.61"],
      ["hierarchy-sum", "T16", "合计", "一般公共预算", "2008", "2011"],
      ["performance-vs-projects", "T18", "专业系统维护及科普", "合计", "146.69", "149.69"],
    ]);
    // 合计 itself mistyped: against the projects and against 表3's 项目支出.
    const q = join(dir, "total-" + file);
    writeFileSync(q, text.replace("                  合计                    2,131.61", "                  合计                    2,134.61"));
    const gs = (cliJson([q]).report.documents[0].findings as { ruleId: string; severity: string; table: string; location: { line: number } }[]).filter((f) => f.severity === "error");
    expect(new Set(gs.map((f) => f.ruleId))).toEqual(new Set(["diagnosis", "row-total", "hierarchy-sum", "split-vs-expenditure"]));
    expect(new Set(gs.map((f) => f.location.line))).toEqual(new Set([592]));
  });

  it("the rounding notes are 0.01 万元 differences, each at its page", () => {
    const d = cliJson([`${OP}/central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt`]).report.documents[0];
    const notes = (d.findings as { ruleId: string; difference: string | null; location: { page: number } }[]).filter((f) => f.ruleId === "hierarchy-sum");
    expect(notes.map((f) => f.difference?.replace(/^-/, ""))).toEqual(notes.map(() => "0.01"));
    expect(new Set(notes.map((f) => f.location.page))).toEqual(new Set([10, 11]));
  });

});

describe("the seed as layout text", () => {
  const dir = mkdtempSync(join(tmpdir(), "budget-check-layout-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("with its tabs turned into runs of spaces, it gives the seed's findings (same rules, lines and arithmetic)", () => {
    const key = (f: { ruleId: string; table: string; location: { line: number }; stated: string | null; computed: string | null; severity: string }) =>
      [f.ruleId, f.table, f.location.line, f.stated, f.computed, f.severity].join("|");
    const seed = cliJson([SEED]).report.documents[0];
    for (const spaces of ["    ", "  "]) {
      const p = join(dir, `seed-${spaces.length}.md`);
      writeFileSync(p, readFileSync(join(ROOT, SEED), "utf8").replace(/\t/g, spaces));
      const d = cliJson([p]).report.documents[0];
      expect(d.failure).toBeNull();
      expect(d).toMatchObject({ format: "layout", template: "shenzhen", department: "深圳市科学技术协会", year: 2023 });
      expect(d.findings.map(key).sort()).toEqual(seed.findings.map(key).sort());
    }
  });
});
