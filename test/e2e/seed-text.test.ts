import { describe, expect, it } from "vitest";
import { cliJson, SEED, SEED_CSV } from "../helpers/cli.js";

interface F {
  ruleId: string;
  severity: string;
  withinRounding: boolean;
  unit: string | null;
  item: string | null;
  stated: string | null;
  computed: string | null;
  message: string;
  location: { line: number };
  related: { line: number }[];
}

describe("the seed's written parts, checked by the real CLI", () => {
  const { report } = cliJson([SEED]);
  const findings: F[] = report.documents[0].findings;
  const text = (rule: string) => findings.filter((f) => f.ruleId === rule);

  it("reports the sums that differ only by rounding as info, with the figures a reader computes", () => {
    const sums = text("text-sum").map((f) => [f.severity, f.withinRounding, f.location.line, f.stated, f.computed]);
    expect(sums).toEqual([
      ["info", true, 82, "5473", "5472"], // 873 + 131 + 166 + 4,302
      ["info", true, 82, "4302", "4301"], // 本级's nine projects: 5 + 36 + 2,247 + 659 + 10 + 20 + 45 + 1,197 + 82
      ["info", true, 98, "2247", "2248"], // 学会能力提升…'s ten sub-items
      ["info", true, 100, "659", "660"], // 科协组织建设's six sub-items: 148 + 20 + 400 + 10 + 33 + 49
      ["info", true, 156, "504", "503"], // 科学馆 科普能力提升: 35 + 88 + 45 + 88 + 247
    ]);
  });

  it("finds every figure the text shares with the tables in agreement, and the staffing sums exact", () => {
    expect(text("text-vs-table")).toEqual([]);
    expect(text("staffing-sum")).toEqual([]);
  });

  it("notes the list item repeated across a page break (lines 62–64 repeat line 60)", () => {
    const d = text("duplicate-text");
    expect(d.map((f) => [f.severity, f.location.line, f.related.map((r) => r.line)])).toEqual([["info", 62, [60]]]);
  });

  it("keeps the year-on-year percentages that rounding explains as info (信息化系统运行维护 36, +3, 8%)", () => {
    const info = text("yoy-change").filter((f) => f.severity === "info");
    expect(info.map((f) => [f.location.line, f.stated, f.computed])).toEqual([[96, "8", "9.1"]]);
  });

  it("says which base a wrong percentage used, in Chinese too", () => {
    const zh = cliJson([SEED, "--lang", "zh"]).report.documents[0].findings.find((f: F) => f.ruleId === "yoy-change" && f.location.line === 98);
    expect(zh.message).toMatch(/学会能力提升和学术交流促进项目/);
    expect(zh.message).toMatch(/列示 15%/);
    // With the amounts it used, the percentages at the precision the document prints.
    expect(zh.message).toContain("327 ÷ (2,247 − 327 = 1,920) 应为 17%");
    expect(zh.message).toContain("增减额 ÷ 本年预算数：327 ÷ 2,247 = 15% 相符");
    const en = findings.find((f) => f.ruleId === "yoy-change" && f.location.line === 102)!;
    expect(en.message).toContain("59 ÷ (659 + 59 = 718) = 8% (");
    expect(en.computed).toBe("8.2"); // the finding's arithmetic keeps one digit more
  });

  it("reads the same claims from the CSV package's narrative: the same six text errors", () => {
    const csv: F[] = cliJson([SEED_CSV]).report.documents[0].findings;
    const errors = (fs: F[]) => fs.filter((f) => f.severity === "error").map((f) => [f.ruleId, f.location.line, f.stated]);
    expect(errors(csv)).toEqual(errors(findings));
    expect(errors(csv)).toHaveLength(6);
  });
});
