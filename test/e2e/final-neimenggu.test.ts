import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding as Finding } from "../helpers/cli.js";

/*
 * A 内蒙古 department's 决算 (test/fixtures/final-neimenggu), consistent, and copies of it with one figure of its
 * 总体情况 paragraphs retyped. 一、 states 使用非财政拨款结余（含专用结余） and 结余分配 beside the 结转和结余, and 四、 the
 * 本年财政拨款收入 and 本年财政拨款支出 beside the 财政拨款结转和结余: the 收支总表's and the 财政拨款收支总表's rows of
 * those names. Those four were unread, so a figure typed wrong in them went unreported.
 */
const FILE = join(ROOT, "test", "fixtures", "final-neimenggu", "document.txt");
const text = readFileSync(FILE, "utf8");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-neimenggu-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


/** The document with `from` (printed once) replaced by `to`, written to a file of its own, and the line of the retyped figure. */
function retyped(name: string, from: string, to: string): { file: string; line: number } {
  expect(text.split(from).length, from).toBe(2);
  const changed = text.replace(from, to);
  const file = join(tmp, `${name}.txt`);
  writeFileSync(file, changed);
  // (The line the retyped figure is printed on: the last line of the replacement.)
  const lines = changed.split("\n");
  const at = text.slice(0, text.indexOf(from)).split("\n").length + to.split("\n").length - 1;
  expect(lines[at - 1]).toContain(to.split("\n").pop());
  return { file, line: at };
}

describe("a 内蒙古 决算's 总体情况 paragraphs against its 收支总表s", () => {
  it("consistent: no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([FILE]);
    expect(report.documents[0].findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it("fails: each of the four figures retyped is an error of text-vs-table at that figure, the table's figure computed", { timeout: 60_000 }, () => {
    const cases = [
      { ...retyped("used", "使用非财政拨款结余（含专用结余）\n11.59万元", "使用非财政拨款结余（含专用结余）\n12.59万元"), item: "使用非财政拨款结余", stated: "12.59", computed: "11.59" },
      { ...retyped("distributed", "结余分配8.71万元", "结余分配9.71万元"), item: "结余分配", stated: "9.71", computed: "8.71" },
      { ...retyped("allocation-income", "本年财政拨款收入18257.47万元", "本年财政拨款收入18258.47万元"), item: "本年财政拨款收入", stated: "18258.47", computed: "18257.47" },
      { ...retyped("allocation-spent", "本年财政拨款支出\n18563.40万元", "本年财政拨款支出\n18564.40万元"), item: "本年财政拨款支出", stated: "18564.4", computed: "18563.4" },
    ];
    const { status, report } = cliJson(cases.map((c) => c.file));
    expect(status).toBe(1);
    for (const [i, c] of cases.entries()) {
      const doc = report.documents[i];
      expect(doc.path).toContain(c.file.split("/").pop());
      const found = doc.findings.filter((f: Finding) => f.ruleId === "text-vs-table" && f.severity === "error");
      expect(found.map((f: Finding) => [f.item, f.stated, f.computed, f.location.line]), c.item).toEqual([[c.item, c.stated, c.computed, c.line]]);
    }
  });

  it("上缴上级支出 and 对附属单位补助支出 in the 支出决算 paragraph: 0.00 agrees with the blank columns, another figure is an error", { timeout: 60_000 }, () => {
    const before = "经营支出\n96.30万元，占0.51%。";
    const write = (name: string, parts: string) => {
      expect(text.split(before).length).toBe(2);
      const file = join(tmp, `${name}.txt`);
      writeFileSync(file, text.replace(before, `经营支出\n96.30万元，占0.51%；${parts}。`.replace("%；。", "%。")));
      return file;
    };
    const zero = write("zero", "上缴上级支出0.00万元，占0.00%；对附属单位补助支出0.00万元，占0.00%");
    const three = write("three", "上缴上级支出3.00万元，占0.00%；对附属单位补助支出0.00万元，占0.00%");
    const { report } = cliJson([zero, three]);
    const errors = (i: number) => report.documents[i].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === "text-vs-table").map((f: Finding) => [f.item, f.stated, f.computed]);
    expect(errors(0)).toEqual([]);
    expect(errors(1)).toEqual([["上缴上级支出", "3", "0"]]);
  });
});
