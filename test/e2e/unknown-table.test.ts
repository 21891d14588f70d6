import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

type Finding = { ruleId: string; severity: string; message: string };
const said = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.message}`).sort();
const dir = tempDir("unknown-table");

// A Shenzhen text that prints a table its template does not (a later year's 表13 项目支出绩效目标表) was refused
// whole (exit 2, nothing checked); it is one table the tool cannot read, listed like any other.
describe("a table the template does not print", () => {
  it("lists a table the Shenzhen template does not print (表 13), and checks the rest as before", () => {
    const extra = ["", "表 13", "", "## 项目支出绩效目标表", "", "单位： 万元", "", "项目名称\t绩效目标\t金额", "科普活动\t举办 10 场\t3,265", "", "表 13", "", "## 项目支出绩效目标表", "", "项目名称\t绩效目标\t金额", "学术交流\t举办 5 场\t361", ""];
    const copy = join(dir, "seed-13.md");
    writeFileSync(copy, readFileSync(join(ROOT, SEED), "utf8") + extra.join("\n"));
    const seed = cliJson([SEED]);
    const withExtra = cliJson([copy]);
    expect(withExtra.status).toBe(seed.status);
    const doc = withExtra.report.documents[0];
    expect(doc.failure).toBeNull();
    expect(doc.unknownTables).toEqual([{ title: "表13 项目支出绩效目标表", location: expect.objectContaining({ file: copy }) }]);
    expect(said(doc.findings)).toEqual(said(seed.report.documents[0].findings));
  });

  // One table whose header is not the template's (表10 printing 合计金额 for 支出总计) refused the whole
  // document (exit 2, nothing checked); it is one table not read, listed with what was expected.
  it("lists a table whose header it cannot match, with what was expected, and checks the rest", () => {
    const lines = readFileSync(join(ROOT, SEED), "utf8").split("\n");
    const at = lines.findIndex((l) => /^## 政府性基金预算支出表/.test(l));
    const header = lines.findIndex((l, i) => i > at && l.startsWith("预算单位\t"));
    expect(at).toBeGreaterThan(0);
    lines[header] = lines[header].replace("支出总计", "合计金额");
    const copy = join(dir, "seed-header.md");
    writeFileSync(copy, lines.join("\n"));
    const seed = cliJson([SEED]).report.documents[0];
    const r = cliJson([copy]);
    const doc = r.report.documents[0];
    expect(doc.failure).toBeNull();
    expect(r.status).toBe(1); // the seed's own errors
    expect(doc.unknownTables).toEqual([
      {
        title: expect.stringMatching(/^表10 政府性基金预算支出表（表头未能识别 header not understood: expected 支出总计; found 预算单位 \| 科目编码 \| 科目名称 \| 合计金额/),
        location: expect.objectContaining({ file: copy, line: header + 1 }),
      },
    ]);
    expect(doc.tables.find((t: { id: string }) => t.id === "T10")).toMatchObject({ present: false, rows: 0 });
    // Every finding but the comparisons that summed 表10's rows is the seed's: with 表10 unread, 表6's items are not
    // compared with the units' tables at all (items-vs-units: its figures would be missing from every sum).
    const without10 = (fs: Finding[]) => said(fs).filter((f) => !/sum over units of the same code in T7, (T10, )?T11 /.test(f));
    expect(without10(doc.findings)).toEqual(without10(seed.findings));
  });

  it("a rule left without the table says the table was printed but not read, in English and Chinese", () => {
    const lines = readFileSync(join(ROOT, SEED), "utf8").split("\n");
    const at = lines.findIndex((l) => /^## 一般公共预算支出表（按功能分类）/.test(l));
    const header = lines.findIndex((l, i) => i > at && l.startsWith("预算单位\t"));
    lines[header] = lines[header].replace("基本支出", "基本支出合计");
    const copy = join(dir, "seed-t7-header.md");
    writeFileSync(copy, lines.join("\n"));
    const reason = (lang: string) => cliJson([copy, "--lang", lang]).report.documents[0].notChecked.find((n: { ruleId: string }) => n.ruleId === "general-vs-total")?.reason;
    expect(reason("en")).toBe("表7 一般公共预算支出表（按功能分类） is printed but was not read (why: the tables not read)");
    expect(reason("zh")).toBe("文档列示的表7 一般公共预算支出表（按功能分类）未能读取（原因见“未读取”）");
    // The seed itself reads its 表7: the rule runs.
    expect(cliJson([SEED]).report.documents[0].notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("general-vs-total");
  });

  it("fails: a text of one or two such tables keeps the header's error (exit 2)", () => {
    const one = join(dir, "one-table.md");
    writeFileSync(one, "表 7\n一般公共预算支出表（按功能分类）\n单位：万元\n预算单位\t科目编码\t科目名称\t合计金额\t基本支出\t项目支出\n甲单位\t\t\t10\t4\t6\n");
    const r = cliJson([one]);
    expect(r.status).toBe(2);
    expect(r.report.documents[0].failure.message).toMatch(/header cannot be matched: expected 支出总计/);
  });
});
