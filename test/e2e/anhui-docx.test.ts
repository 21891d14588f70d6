import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { editDocumentXml } from "../helpers/docx.js";

/*
 * A 安徽 (合肥市司法局) 部门预算 as a Word document (test/fixtures/anhui-docx): statements of its written parts that went
 * unchecked before round 48, each retyped in a copy and found at its paragraph or cell.
 */
const DIR = join(ROOT, "test", "fixtures", "anhui-docx");
type Finding = JsonFinding & { location: { line?: number; sheet?: string; cell?: string } };
const tmp = mkdtempSync(join(tmpdir(), "budget-check-anhui-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of budget.docx with each `from` (printed once in its word/document.xml) retyped as `to`. */
function retyped(name: string, ...edits: [string, string][]): string {
  const file = join(tmp, `${name}.docx`);
  writeFileSync(
    file,
    editDocumentXml(readFileSync(join(DIR, "budget.docx")), (xml) => {
      for (const [from, to] of edits) {
        expect(xml.split(from).length, from).toBe(2);
        xml = xml.replace(from, to);
      }
      return xml;
    }),
  );
  return file;
}

const findings = (file: string): Finding[] => cliJson([file]).report.documents[0].findings;
const errors = (file: string) => findings(file).filter((f) => f.severity === "error" && f.ruleId !== "diagnosis");

describe("a 安徽 部门预算 as a Word document", () => {
  it("consistent: no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget.docx")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  const CASES: { name: string; edits: [string, string][]; rule: string; item: string; stated: number }[] = [
    { name: "allocation-income-total", edits: [["财政拨款收入总计3504.62", "财政拨款收入总计3504.65"]], rule: "text-vs-table", item: "财政拨款收入总计", stated: 3504.65 },
    { name: "allocation-general", edits: [["一般公共预算拨款收入3379.62万元，上年结转", "一般公共预算拨款收入3379.65万元，上年结转"]], rule: "text-vs-table", item: "一般公共预算拨款收入", stated: 3379.65 },
    { name: "allocation-carryover", edits: [["上年结转125.00万元；", "上年结转125.03万元；"]], rule: "text-vs-table", item: "上年结转", stated: 125.03 },
    { name: "allocation-spent", edits: [["财政拨款支出总计3504.62", "财政拨款支出总计3504.65"]], rule: "text-vs-table", item: "财政拨款支出总计", stated: 3504.65 },
    { name: "staffing-cangong", edits: [["管理事业编制24人", "管理事业编制27人"]], rule: "staffing-sum", item: "本部门2025年末编制人数", stated: 128 },
    { name: "item-to-nothing", edits: [["下降100%", "下降10%"]], rule: "yoy-change", item: "其他司法支出", stated: 10 },
  ];
  for (const c of CASES)
    it(`retyped ${c.name}: an error of ${c.rule}`, { timeout: 60_000 }, () => {
      const fs = errors(retyped(c.name, ...c.edits)).filter((f) => f.ruleId === c.rule);
      expect(fs.map((f) => [f.item, Number(f.stated)])).toEqual([[c.item, c.stated]]);
    });

  it("the unit list ends at its last item's line: the unit count's message names the three units, not the paragraph after", { timeout: 60_000 }, () => {
    const [f] = errors(retyped("unit-count", ["单位共3个", "单位共4个"])).filter((x) => x.ruleId === "staffing-sum");
    expect(f.message).toContain("合肥市社区矫正服务中心(公益一类事业单位))");
    expect(f.message).not.toContain("从人员构成看");
  });
});
