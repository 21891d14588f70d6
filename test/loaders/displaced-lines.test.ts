import { describe, expect, it } from "vitest";
import { restoreDisplacedLines } from "../../src/loaders/layout/displaced-lines.js";
import type { TextPart } from "../../src/model/document.js";

/*
 * pdftotext -layout places a line that begins with a figure a line too high (the digits' font has other metrics):
 * the reading puts it back after the line it precedes, when that line ends where a figure should follow and the
 * line before it does not. Each line keeps its number (so every figure its location).
 */
const part = (lines: [number, string, number?][]): TextPart => ({
  number: null,
  title: "三、支出决算情况说明",
  location: { file: "a.txt", line: 1 },
  lines: lines.map(([line, text, page]) => ({ line, text, page: page ?? 21 })),
});
const order = (p: TextPart) => p.lines.map((l) => l.line);

describe("restoreDisplacedLines", () => {
  it.each([
    ["a part's first line, before a line ending with an item's name", [[542, "603.14万元，占20.51%；"], [543, "    本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出"]], [543, 542]],
    ["after a clause ended, before a line ending with 占", [[565, "（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；"], [567, "15.16%；"], [568, "卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占"]], [565, 568, 567]],
    ["after a word wrapped, before a line ending with 为", [[599, " 6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老"], [601, "161.62万元，支出决算为160.75万元。 决算数小于预算数的主要原因：预算按充分保"], [602, "保险缴费支出（项）。主要用于：在职人员的基本养老保险支出。年初预算为"], [603, "障预估，实际执行基本贴合预期。"]], [599, 602, 601, 603]],
    ["a letter-spaced figure's line (161.62 万 元 ，), before a line ending with 为", [[599, " 6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老"], [601, "161.62 万 元 ， 支 出 决 算 为 160.75 万 元 。 决 算 数 小 于 预 算 数 的 主 要 原 因 ： 预 算 按 充 分 保"], [602, "保险缴费支出（项）。主要用于：在职人员的基本养老保险支出。年初预算为"]], [599, 602, 601]],
    ["a letter-spaced line ending with 金额", [[664, "实行"], [666, "598.42万元；绩效跟踪评价的项目4个"], [667, "全过程绩效管理：编报绩效目标的项目4个，涉及预 算 金 额"]], [664, 667, 666]],
  ] as [string, [number, string][], number[]][])("%s: put back", (_, lines, expected) => {
    const p = part(lines);
    restoreDisplacedLines(p);
    expect(order(p)).toEqual(expected);
  });

  it.each([
    ["a figure after a line that asks for it", [[612, "支出（项）。主要用于：退休人员经费支出。年初预算为 0.94 万元，支出决算为"], [613, "0.94万元。 决算数与预算数基本持平。"], [615, "9、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：年初预算为"]]],
    [
      "a figure after an item named by its levels, before a line ending with 增长 (浙江: （项） / 1,413.27万元… / …增长 / 6.5%…)",
      [[117, "  （5）教育支出（类）普通教育（款）小学教育（项）"], [118, "1,413.27万元，主要用于县实验小学人员经费、公用经"], [119, "费和生均公用经费。比上年执行数增加86.47万元，增长"], [120, "6.5%，主要原因是教师人数增加。"]],
    ],
    ["a figure after 服务预算 (政府采购服务预算 / 270.00万元)", [[805, "2023年本部门政府采购预算830.00万元，其中：政府采购服务预算"], [806, "270.00万元。"], [807, "2023年本部门面向中小企业预留政府采购项目预算为"]]],
    ["a blank line between the figure's line and the next", [[542, "603.14万元，占20.51%；"], [544, "本年支出合计2940.05万元，其中：项目支出"]]],
    ["the next line on another page", [[542, "603.14万元，占20.51%；", 21], [543, "本年支出合计2940.05万元，其中：项目支出", 22]]],
    ["a line that does not begin with a figure", [[542, "其中603.14万元，占20.51%；"], [543, "本年支出合计2940.05万元，其中：项目支出"]]],
    ["a next line that does not ask for a figure", [[542, "603.14万元，占20.51%；"], [543, "本年支出合计2940.05万元。"]]],
    ["a table's row", [[542, "603.14万元\t20.51%"], [543, "本年支出合计2940.05万元，其中：项目支出"]]],
  ] as [string, [number, string, number?][]][])("%s: left where it is", (_, lines) => {
    const p = part(lines);
    restoreDisplacedLines(p);
    expect(order(p)).toEqual(lines.map((l) => l[0]));
  });
});
