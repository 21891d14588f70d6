import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { pad, padL } from "../helpers/layout.js";

/*
 * A budget unit's name wrapped around its row's figures in a table of codes (预算单位 | 科目编码 | 科目名称 |
 * amounts), as a PDF prints a narrow 预算单位 column with its cells centred vertically: 深圳市某局 / figures /
 * (本级), the figures on a line of their own. They were taken for figures floating beside the next code line
 * (206), which then held two rows' figures; the table's first such name was read as a header line; and a
 * row's figure of three digits that is no 类 (100) was read as a code.
 */
const line = (unit: string, code: string, name: string, ...amounts: string[]) => pad(unit, 12) + pad(code, 10) + pad(name, 20) + amounts.map((a) => padL(a, 10)).join("");
const unit = (top: string, bottom: string, figures: string[], codes: string[][]) => [
  line(top, "", ""),
  line("", "", "", ...figures),
  line(bottom, "", ""),
  ...codes.map(([code, name, ...amounts]) => line("", code, name, ...amounts)),
];
const TABLE = [
  "                    深圳市某局2026年部门预算",
  "",
  "                    支出总表",
  "",
  "单位：万元",
  line("预算单位", "科目编码", "科目名称", "合计", "基本支出", "项目支出"),
  // A unit: its name over two lines, its figures between them; then its codes (code, name, three figures).
  ...unit("深圳市某局", "(本级)", ["5,473", "1,171", "4,302"], [
    ["206", "科学技术支出", "4,965", "663", "4,302"],
    ["20607", "科学技术普及", "4,965", "663", "4,302"],
    ["2060701", "机构运行", "663", "663", "0"],
    ["2060702", "科普活动", "4,302", "0", "4,302"],
    ["208", "社会保障和就业支出", "508", "508", "0"],
    ["20805", "行政事业单位养老支出", "508", "508", "0"],
    ["2080501", "行政单位离退休", "508", "508", "0"],
  ]),
  ...unit("深圳市某服务", "中心", ["100", "100", "0"], [
    ["206", "科学技术支出", "100", "100", "0"],
    ["20607", "科学技术普及", "100", "100", "0"],
    ["2060701", "机构运行", "100", "100", "0"],
  ]),
].join("\n");

describe("a unit's name wrapped around its row's figures in a table of codes", () => {
  const doc = loadLayoutText("units.txt", TABLE + "\n");
  const table = doc.tables.find((t) => t.kind === "expenditure")!;

  it("reads each unit's row with its own figures, and each code line with its own", () => {
    const units = table.rows.filter((r) => !r.code);
    expect(units.map((r) => [r.unit ?? r.name, r.cells.total?.amount?.text])).toEqual([
      ["深圳市某局(本级)", "5,473"],
      ["深圳市某服务中心", "100"],
    ]);
    const codes = table.rows.filter((r) => r.code === "206");
    expect(codes.map((r) => [r.cells.total?.amount?.text, r.cells.basic?.amount?.text, r.cells.project?.amount?.text])).toEqual([
      ["4,965", "663", "4,302"],
      ["100", "100", "0"],
    ]);
  });

  it("its sums hold: no error", () => {
    expect(table.rows.length).toBeGreaterThan(0);
    const findings = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
    expect(findings.map((f) => f.message)).toEqual([]);
  });
});
