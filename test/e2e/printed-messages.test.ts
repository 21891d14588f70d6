import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { wrongFundTotal as fundTotalIn } from "../helpers/printed-number.js";

/*
 * Round 49: a finding's message names a table as the document prints it. A document read by kind has its tables
 * under the kinds' numbers (山东's 表8 政府性基金预算支出表 is `T9`, 安徽's 部门公开表08 too); the place line said
 * `T9 (表8)` since round 48, but the message still said `T9` / `表9`, a table the officer looks for in vain. The
 * fingerprints (and so every `accepted` list) hash the finding's subject with the table's id, not the message:
 * the values pinned below are the ones the build before this change gave for the same document.
 */
const tmp = mkdtempSync(join(tmpdir(), "bc-printed-messages-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** 山东's budget.html with 表8's 合计 printed 3,580.00 for 3,850.00. */
const wrongFundTotal = () => fundTotalIn(tmp);

interface F {
  ruleId: string;
  severity: string;
  table: string;
  message: string;
  fingerprint: string;
}
const errorsOf = (args: string[]): F[] => (cliJson(args).report.documents[0].findings as F[]).filter((f) => f.severity === "error");

describe("messages name the tables as printed", () => {
  it("山东 (表8 read as T9): en `T9 (表8)`, zh `表8`, in the finding's subject and in what it is compared with", { timeout: 60_000 }, () => {
    const file = wrongFundTotal();
    const en = errorsOf([file]);
    const zh = errorsOf([file, "--lang", "zh"]);
    const byRule = (fs: F[], rule: string) => fs.find((f) => f.ruleId === rule)!.message;
    expect(byRule(en, "row-total")).toBe("T9 (表8) 合计 [合计]: printed 3580, basic + project 3850, difference -270 (tolerance 0.01), beyond rounding");
    expect(byRule(zh, "row-total")).toMatch(/^表8 合计「合计」：列示 3580，/);
    expect(byRule(en, "fund-tables")).toBe("T1 政府性基金预算拨款 [预算数]: printed 3850, T9 (表8) total 3580, difference 270 (tolerance 0.01), beyond rounding");
    expect(byRule(zh, "fund-tables")).toMatch(/^表1 政府性基金预算拨款「预算数」：列示 3850，表8 合计 3580，/);
    expect(byRule(en, "text-vs-table")).toContain(", T9 (表8) 合计 合计 3580,");
    expect(byRule(zh, "text-vs-table")).toContain("，表8 合计 合计 3580，");
    expect(byRule(en, "diagnosis")).toMatch(/^T9 \(表8\) 合计 \[合计\]: printed 3,580\.00, the figures around it say 3,850\.00/);
    expect(byRule(zh, "diagnosis")).toMatch(/^表8 合计「合计」：列示 3,580\.00/);
    // No message names the table by its id alone (T9 but for `T9 (表8)`, or 表9, which is T10's printed number here).
    for (const f of en) expect(f.message).not.toMatch(/\bT9\b(?! \(表8\))/);
    for (const f of zh) expect(f.message).not.toMatch(/T9|表9/);
  });

  it("keeps every fingerprint: the values of the build before round 49, and an accepted list of them still matches", { timeout: 60_000 }, () => {
    const file = wrongFundTotal();
    const before = {
      "fund-tables": "c4645c3cdce5cea0",
      diagnosis: "be8a7d37f0d2ca2b",
      "hierarchy-sum": "b5b4097e014b5a0a",
      "row-total": "658fbeaa20c91df1",
      "text-vs-table": "a079731d1d91a58c",
    };
    for (const lang of ["en", "zh"]) expect(Object.fromEntries(errorsOf([file, "--lang", lang]).map((f) => [f.ruleId, f.fingerprint]))).toEqual(before);
    const config = join(tmp, "accepted.config.json");
    writeFileSync(config, JSON.stringify({ accepted: Object.entries(before).map(([rule, fingerprint]) => ({ fingerprint, reason: `${rule}: 已说明`, until: "2099-12-31" })) }));
    const r = cli([file, "--config", config]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/matches no finding/);
  });

  it("安徽 (部门公开表04 … 部门公开表09): the items-vs-units note names each table as printed", { timeout: 60_000 }, () => {
    const file = join(ROOT, "test", "fixtures", "anhui-docx", "budget.docx");
    const note = (lang: string) => (cliJson([file, "--lang", lang]).report.documents[0].findings as F[]).find((f) => f.ruleId === "items-vs-units")!.message;
    expect(note("en")).toMatch(/^T4 \(部门公开表04\) 本年支出合计 \[预算数\]: T4 \(部门公开表04\) spends the carry-over 125\.00 as well, while T5 \(部门公开表05\), T9 \(部门公开表08\), T10 \(部门公开表09\) print this year's budget only/);
    expect(note("zh")).toMatch(/^部门公开表04 本年支出合计「预算数」：部门公开表04 支出含上年结转 125\.00，而 部门公开表05、部门公开表08、部门公开表09 只列本年预算/);
  });

  it("the HTML report's table filter, in a batch of two templates, names each table by its document's number and title", { timeout: 90_000 }, () => {
    const out = join(tmp, "batch.html");
    cli([SEED, wrongFundTotal(), "--format", "html", "--output", out]);
    const html = readFileSync(out, "utf8");
    const select = /<select id="filter-table">(.*?)<\/select>/.exec(html)![1];
    // T4 is the Shenzhen seed's 基本支出总表 and 山东's 财政拨款收支总表: one option each, the second keyed apart.
    expect(select).toContain('<option value="T4">T4 基本支出总表</option>');
    expect(select).toContain('<option value="T4~2">T4 财政拨款收支总表</option>');
    // …and the second document's findings and rounding line on its T4 carry that value, the filter's (the seed's, T4).
    expect(html).toMatch(/<li class="[^"]*" data-finding="d1f\d+" data-kind="\w+" data-table="T4~2"/);
    expect(html).toContain('<li class="fold" data-table="T4~2">');
    expect(html).toMatch(/<li class="[^"]*" data-finding="d0f\d+" data-kind="\w+" data-table="T4"/);
    // 山东's 表8, read as T9 (the seed has no finding on its T9): its printed number, its title without the department.
    expect(select).toContain('<option value="T9">T9 (表8) 政府性基金预算支出表</option>');
    // The same table in both (T1 收支总表, printed 表1 in both): one option.
    expect(select.match(/value="T1[~"]/g)).toHaveLength(1);
    const zh = join(tmp, "batch-zh.html");
    cli([SEED, wrongFundTotal(), "--format", "html", "--lang", "zh", "--output", zh]);
    expect(readFileSync(zh, "utf8")).toContain('<option value="T9">表8 政府性基金预算支出表</option>');
  });
});
