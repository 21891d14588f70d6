import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * 科目名称 wrapped with their first part on the line above their code's (江苏's 部门支出总表, laid out as pdftotext
 * writes it): `2010350 事业运行` / `其他政府办公厅（室）及相关机` / `2010399 构事务支出`, and, on the page after a
 * page turn, `机关事业单位基本养老保险缴费` / `2080505 支出` right under the repeated header. The first part was read
 * as the end of the row above, or dropped: three code-name warnings against the 一般公共预算支出表, which prints the
 * names whole. The document's own whole names say where such a part belongs.
 */
const FILE = "test/fixtures/wrapped-names/document.txt";
const text = readFileSync(join(ROOT, FILE), "utf8");
const names = (t: string, id: string) =>
  loadLayoutText("预算.txt", t)
    .tables.find((x) => x.id === id)!
    .rows.filter((r) => r.kind === "code" && ["2010350", "2010399", "2080505"].includes(r.code!))
    .map((r) => `${r.code} ${r.name}`);
const warnings = (t: string) => runRules(loadLayoutText("预算.txt", t), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity !== "info");

describe("a 科目名称 whose first part stands on the line above its code's", () => {
  it("is read whole, the row above keeping its own name: no code-name warning", () => {
    expect(names(text, "T3")).toEqual(["2010350 事业运行", "2010399 其他政府办公厅（室）及相关机构事务支出", "2080505 机关事业单位基本养老保险缴费支出"]);
    expect(warnings(text)).toEqual([]);
  });

  // With 事业运行 printed otherwise in the other table, nothing says the part is 2010399's: it stays where it was
  // read, and both rows differ from the other table.
  it("fails: a name the other table prints otherwise is still a code-name warning", () => {
    const renamed = text.replace("2010350           事业运行                                412.35", "2010350           事业单位运行                            412.35");
    expect(renamed).not.toEqual(text);
    expect(warnings(renamed).map((f) => `${f.ruleId} ${f.code}`)).toEqual(["code-name 2010350", "code-name 2010399"]);
  });
});
