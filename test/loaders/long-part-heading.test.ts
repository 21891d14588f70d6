import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * A 决算's 情况说明 headed with a long department's name (第三部分 广东省人大常委会办公厅2024年度部门决算情况说明):
 * a heading was at most 30 characters, so this one was read as a line of the part before, the 情况说明 was
 * never found, and text-vs-table and budget-execution said nothing of it.
 */
const FILE = "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt";
const text = readFileSync(join(ROOT, FILE), "utf8");
const LONG = "上海市普陀区人民政府办公室机关事务管理服务中心";
const said = (t: string) =>
  runRules(loadLayoutText("决算.txt", t), rules, { tolerance: { kind: "auto" }, lang: "en" })
    .filter((f) => f.table === "text")
    .map((f) => `${f.severity} ${f.ruleId} ${f.stated} ${f.computed} ${f.location.line}`);

describe("a 第N部分 heading that names a long department", () => {
  it("still heads its part: the 情况说明 is read as with a short name, its two misprints found", () => {
    const lines = text.split("\n");
    const at = lines.findIndex((l) => /^\s*第三部分上海市普陀区财政局2024年度部门决算情况$/.test(l));
    expect(at).toBeGreaterThan(100);
    lines[at] = lines[at].replace("上海市普陀区财政局", LONG);
    expect(lines[at].trim().length).toBeGreaterThan(30);
    const renamed = said(lines.join("\n"));
    expect(renamed).toEqual(said(text));
    expect(renamed.filter((s) => s.startsWith("error"))).toHaveLength(2);
  });
});
