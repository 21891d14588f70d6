import { describe, expect, it } from "vitest";
import { cli, cliJson } from "../helpers/cli.js";

/*
 * A table the document prints but the reader could not read (a kind the model does not know, or a known
 * kind in a form it does not read) is in no check. The JSON report lists it (unknownTables); the reports
 * people read must say it too, or 0 errors reads as “every table adds up”.
 */
const JIANGSU = "fixtures/other-provinces/jiangsu_provincial-procuratorate_2019_dept-budget.txt";
const SEED = "fixtures/shenzhen-sast-2023/document.md";

describe("tables not read are named in the text, Markdown and HTML reports", () => {
  const listed = cliJson([JIANGSU]).report.documents[0].unknownTables as { title: string; location: { line: number } }[];
  // (One since round 54, its 收入预算总表 of items: its 政府采购支出预算表 is read as an outline.)
  const tables = `${listed.length} table${listed.length === 1 ? "" : "s"}`;

  it("the text report lists each with its line, in English and in Chinese", () => {
    expect(listed.length).toBeGreaterThan(0);
    const en = cli([JIANGSU, "--no-color"]).stdout;
    expect(en).toContain(`not read, ${tables} (no check sees their figures): `);
    for (const u of listed) expect(en).toContain(`${u.title} (line ${u.location.line})`);
    const zh = cli([JIANGSU, "--no-color", "--lang", "zh"]).stdout;
    expect(zh).toContain(`未读取 ${listed.length} 张表，其数字未经核对：${listed[0].title}（第 ${listed[0].location.line} 行）`);
  });

  it("Markdown and HTML say it too", () => {
    expect(cli([JIANGSU, "--format", "markdown"]).stdout).toContain(`⚠️ not read, ${tables}`);
    expect(cli([JIANGSU, "--format", "html"]).stdout).toContain(`<p class="missing unread">not read, ${tables}`);
  });

  it("passes: a document whose tables are all read has no such line", () => {
    expect(cliJson([SEED]).report.documents[0].unknownTables).toEqual([]);
    expect(cli([SEED, "--no-color"]).stdout).not.toContain("not read");
  });
});
