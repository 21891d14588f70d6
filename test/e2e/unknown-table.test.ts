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

});
