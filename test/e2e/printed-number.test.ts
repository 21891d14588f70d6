import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT } from "../helpers/cli.js";
import { wrongFundTotal as fundTotalIn } from "../helpers/printed-number.js";

/*
 * A document read by kind (the generic template) has each table under its kind's number: 山东's 表8 政府性基金预算支出表
 * is `T9`. The report says the number printed with each title (tables[].printed), and the human formats name the
 * table as printed: `T9 (表8)` in English, `表8` in Chinese — never 表9, a table the officer would look for in vain.
 */
const DIR = join(ROOT, "test", "fixtures", "shandong-web");
const tmp = mkdtempSync(join(tmpdir(), "bc-printed-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** budget.html with 表8's 合计 printed 3,580.00 for 3,850.00: findings on the table read as T9. */
const wrongFundTotal = () => fundTotalIn(tmp);

describe("the number printed with a table's title", () => {
  it("is in tables[] where a title carries one (表8 read as T9), absent where a table is not printed", { timeout: 60_000 }, () => {
    const { report } = cliJson([join(DIR, "budget.html")]);
    const byId = Object.fromEntries(report.documents[0].tables.map((t: { id: string; printed?: string }) => [t.id, t.printed]));
    expect(byId.T1).toBe("表1");
    expect(byId.T7).toBe("表7");
    expect(byId.T9).toBe("表8");
    expect(byId.T10).toBe("表9");
    expect(byId.T18).toBe("表10");
    expect("T8" in byId && byId.T8 === undefined).toBe(true);
  });

  it("is read from a PDF's text layer too (河北: 表8 on a line above its title)", { timeout: 60_000 }, () => {
    const { report } = cliJson([join(ROOT, "test", "fixtures", "hebei-pdf", "budget.pdf")]);
    const fund = report.documents[0].tables.find((t: { kind: string }) => t.kind === "gov-fund");
    expect([fund.id, fund.printed]).toEqual(["T9", "表8"]);
  });

  it("names the table in the text report as printed: T9 (表8), zh 表8", { timeout: 60_000 }, () => {
    const file = wrongFundTotal();
    const en = cli([file]);
    expect(en.status).toBe(1);
    expect(en.stdout).toMatch(/^\s+T9 \(表8\) · row 合计/m);
    const zh = cli([file, "--lang", "zh"]);
    expect(zh.stdout).toMatch(/^\s+表8 · 行「合计」/m);
    expect(zh.stdout).not.toMatch(/^\s+表9 · 行「合计」/m);
    // A table whose printed number is its id's keeps the plain form.
    expect(cli([join(DIR, "budget-seeded.html")]).stdout).toMatch(/^\s+T3 · row 合计 · column 合计/m);
  });

  it("names it so, with its printed title, in the markdown, GitHub and HTML formats", { timeout: 60_000 }, () => {
    const file = wrongFundTotal();
    // (Not the Shenzhen template's T9, 一般公共预算“三公”经费支出表: the document's own title.)
    expect(cli([file, "--format", "markdown"]).stdout).toContain("| T9 (表8) 山东省自然资源厅政府性基金预算支出表 |");
    expect(cli([file, "--format", "github"]).stdout).toContain("title=budget-check diagnosis (T9 (表8) 山东省自然资源厅政府性基金预算支出表)");
    const out = join(tmp, "report.html");
    expect(cli([file, "--format", "html", "--output", out]).status).toBe(1);
    expect(readFileSync(out, "utf8")).toContain('<caption><span class="tid">T9 (表8) 山东省自然资源厅政府性基金预算支出表</span>');
  });
});
