import { describe, expect, it } from "vitest";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { narrativeHead, parseNarrative } from "../../src/loaders/narrative.js";
import { generic } from "../../src/templates/generic.js";

/*
 * A 目录 is a run of part and table titles before the first part's body, whatever markup the file gives it: Markdown
 * list items under group headings (the seed's form), plain lines, lines with leader dots and page numbers, or
 * headings. Before round 49 a 目录 of list items ran on into the body's `# 第一部分 部门概况` and `## 一、部门主要职责`
 * (they were taken for the 目录's group headings): the first part was lost, and the parts after it were read by
 * Shenzhen's readers of their numbers, which found nothing in a 江西 text (every text rule not checked). A 目录 of
 * plain lines or of leader dots was not read at all (no entry, the body starting at its first line).
 */

const BODY = ["# 第一部分 部门概况", "", "## 一、部门主要职责", "", "（一）贯彻落实党中央关于“三农”工作的方针政策。", "", "# 第二部分 2026年部门预算情况说明", "", "2026年收入预算1,939.23万元。"];
const PARTS = ["第一部分 部门概况", "第二部分 2026年部门预算情况说明", "第三部分 名词解释"];

const forms: [string, string[]][] = [
  ["list items under group headings", ["## 一、文字部分", "", ...PARTS.map((p) => `- ${p}`), "", "## 二、表格部分", "", "- 第四部分 2026年部门预算表"]],
  ["plain lines", [...PARTS, "第四部分 2026年部门预算表"].flatMap((p) => [p, ""])],
  ["leader dots and page numbers", [...PARTS, "第四部分 2026年部门预算表"].map((p, i) => `${p}……………………${i * 4 + 3}`)],
  ["headings with their sections as list items", ["## 第一部分 部门概况", "- 一、部门主要职责", "", "## 第二部分 2026年部门预算情况说明", "", "## 第三部分 名词解释", "", "## 第四部分 2026年部门预算表"]],
];

describe("a 目录 in any form ends where the body begins", () => {
  for (const [name, contents] of forms)
    it(`${name}: the body starts at # 第一部分 部门概况, the 目录's entries are its parts and tables`, () => {
      const lines = ["# 崇义县农业农村局2026年部门预算", "", "# 目 录", "", ...contents, "", ...BODY];
      const n = parseNarrative(lines, "f.md", generic);
      expect(lines[n.bodyStart]).toBe("# 第一部分 部门概况");
      expect(n.contents.filter((c) => c.number !== null).map((c) => [c.number, c.title])).toEqual([
        [1, "部门概况"],
        [2, "2026年部门预算情况说明"],
        [3, "名词解释"],
        [4, "2026年部门预算表"],
      ]);
      expect(n.parts.map((p) => [p.number, p.title])).toEqual([
        [1, "部门概况"],
        [2, "2026年部门预算情况说明"],
      ]);
      expect(n.parts[0].lines.map((l) => l.text)).toContain("（一）贯彻落实党中央关于“三农”工作的方针政策。");
    });

  it("the seed's form: the body's 一、文字部分 again ends the 目录, its group headings are no entries", () => {
    const lines = ["# 目 录", "## 一、文字部分", "- 第一部分 部门概况", "## 二、表格部分", "- (一) 收支总表", "# 一、文字部分", "## 第一部分 部门概况", "本部门…"];
    const n = narrativeHead(lines, "f.md", generic);
    expect(n.bodyStart).toBe(5);
    expect(n.contents.map((c) => [c.kind, c.title])).toEqual([
      ["text", "部门概况"],
      ["table", "收支总表"],
    ]);
  });

  it("a 目录 of the tables alone (leader dots): the headings without a page number over the first paragraph are the body's", () => {
    const lines = ["目 录", "一、部门收支总表……………………5", "二、部门收入总表……………………6", "第一部分 部门概况", "一、部门职责", "负责全县农业农村工作。"];
    const n = narrativeHead(lines, "f.md", generic);
    expect(lines[n.bodyStart]).toBe("第一部分 部门概况");
    expect(n.contents.map((c) => c.title)).toEqual(["一、部门收支总表", "二、部门收入总表"]);
  });

  it("a 目录 without page numbers whose last entry the body does not repeat keeps that entry (上海's 六、其他相关情况说明)", () => {
    const lines = ["目 录", "一、单位主要职能", "五、单位预算表", "  1. 2025年预算单位财务收支预算总表", "  4．2025年预算单位财政拨款收支预算总表", "六、其他相关情况说明", "某办公室主要职能", "某办公室是协助区政府领导处理日常工作的工作部门。"];
    const n = narrativeHead(lines, "f.md", generic);
    expect(lines[n.bodyStart]).toBe("某办公室主要职能");
    expect(n.contents.map((c) => c.title).pop()).toBe("六、其他相关情况说明");
  });

  // (Its parts headed 第N部分 are not Shenzhen's: not numbered, they are read by the generic reader, not by the readers
  // of Shenzhen's part 1 and part 2, which find nothing in them.)
  it("the layout reader's 目录 (a PDF's text) ends at the body's first part too, not at the paragraph after its first section; parts not Shenzhen's are not numbered as its", () => {
    const text = ["崇义县农业农村局2026年部门预算", "", "目 录", "", "一、文字部分", "第一部分 部门概况", "第二部分 2026年部门预算情况说明", "二、表格部分", "第四部分 2026年部门预算表", "", "第一部分 部门概况", "一、部门主要职责", "（一）贯彻落实党中央关于“三农”工作的方针政策。", "", "第二部分 2026年部门预算情况说明", "一、收入预算情况", "2026年收入预算1,939.23万元，其中：一般公共预算拨款收入1,935.63万元，占99.81%；单位资金收入3.60万元，占0.19%。", "2026年支出预算1,939.23万元，其中：基本支出1,234.69万元，占63.67%；项目支出704.54万元，占36.33%。", "2026年财政拨款收支总预算1,935.63万元。"].join("\n");
    const doc = loadLayoutText("f.txt", text);
    expect(doc.contents.map((c) => c.title)).toEqual(["文字部分", "第一部分 部门概况", "第二部分 2026年部门预算情况说明", "表格部分", "第四部分 2026年部门预算表"]);
    expect(doc.text.map((p) => [p.number, p.title])).toEqual([
      [null, "第一部分 部门概况"],
      [null, "第二部分 2026年部门预算情况说明"],
    ]);
    expect(doc.text[0].lines.map((l) => l.text)).toEqual(["一、部门主要职责", "（一）贯彻落实党中央关于“三农”工作的方针政策。"]);
  });
});
