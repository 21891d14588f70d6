import { describe, expect, it } from "vitest";
import { loadLayoutText } from "../../src/loaders/layout/index.js";

/*
 * A 目录 made by Word and saved as text (a web page's copy of a 决算, 泸州's among them) keeps the field of each
 * entry's page number when it was never turned into text: `一、主要职责 PAGEREF _Toc32310 \h 3`. And the body
 * often begins right after the 目录, with its first entry again (第一部分 单位概况). Before round 32 the
 * entries were not read as the 目录's (the field is no dot leader), and the 目录 ran on into the body's first
 * headings, which were lost to the written parts.
 */

const DOC = [
  "2023年度某市中医医院单位决算",
  "",
  "目录",
  "",
  "第一部分 单位概况 PAGEREF _Toc25831 \\h 3",
  "一、 主要职责 PAGEREF _Toc32310 h 3",
  "第二部分 2023年度单位决算情况说明 PAGEREF _Toc2776 \\h 4",
  "一、收入支出决算总体情况说明 PAGEREF _Toc16112 \\h 4",
  "第三部分 附表 PAGEREF _Toc29898 \\h 22",
  "一、收入支出决算总表 PAGEREF _Toc20349 \\h 22",
  "二、收入决算表 PAGEREF _Toc4418 \\h 22",
  "三、支出决算表 PAGEREF _Toc6022 \\h 22",
  "",
  "第一部分 单位概况",
  "一、主要职责",
  "承担全市中医医疗服务工作。",
  "第二部分 2023年度单位决算情况说明",
  "一、收入支出决算总体情况说明",
  "2023年度收入总计434.72万元，其中：本年收入合计434.16万元，年初结转和结余0.56万元。",
  "本年收入合计434.16万元，其中：财政拨款收入400.00万元，占92.13%；其他收入34.16万元，占7.87%。",
  "本年支出合计434.16万元，其中：基本支出300.00万元，占69.10%；项目支出134.16万元，占30.90%。",
  "",
].join("\n");

describe("a Word 目录 saved as text", () => {
  const doc = loadLayoutText("word-contents.txt", DOC);

  it("reads each entry without its PAGEREF field, the tables among them", () => {
    expect(doc.contents.map((e) => e.title)).toEqual([
      "第一部分 单位概况",
      "主要职责",
      "第二部分 2023年度单位决算情况说明",
      "收入支出决算总体情况说明",
      "第三部分 附表",
      "收入支出决算总表",
      "收入决算表",
      "支出决算表",
    ]);
    expect(doc.contents.filter((e) => e.kind === "table").map((e) => e.location.line)).toEqual([10, 11, 12]);
  });

  it("ends where the body prints the 目录's first entry again: 第一部分 is a written part", () => {
    expect(doc.text[0].title).toBe("第一部分 单位概况");
    expect(doc.text[0].location.line).toBe(14);
    expect(doc.text.flatMap((p) => p.lines.map((l) => l.text))).toContain("承担全市中医医疗服务工作。");
  });
});
