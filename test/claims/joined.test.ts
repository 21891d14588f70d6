import { describe, expect, it } from "vitest";
import { claimsOfKind } from "../../src/claims/index.js";
import { joinPart } from "../../src/claims/text.js";
import { textDoc } from "../helpers/text.js";

describe("claims read across line and page breaks", () => {
  it("joins a sentence broken over a page break and keeps each figure's own line and column", () => {
    const d = textDoc(`
## 第三部分 部门预算支出具体情况
### 一、单位A
单位A预算 100 万元，包括人员支出 50 万元、公用支出 10 万元、

对个人和家庭的补助支出 0 万元、项目支出 40 万元。
1. 综合管理预算 40 万元，主要包括：用于办公设备采购 30 万元，用于会议 10 万元，较 2022 年预算增加 8 万元，增幅 25%，主要原因是本年采购完

成。
`);
    const [u] = claimsOfKind(d, "unit-budget");
    expect(u.unit).toBe("单位A");
    expect(u.amount.value.toNumber()).toBe(100);
    expect(u.components.map((c) => [c.component, c.amount.value.toNumber(), c.amount.location.line])).toEqual([
      ["personnel", 50, 3],
      ["public", 10, 3],
      ["individual", 0, 5],
      ["project", 40, 5],
    ]);
    // (lines count from the `## 第三部分` heading, line 1) 对个人和家庭的补助支出 0 万元 on line 5: 11 characters and a space, the 0 is the 13th.
    expect(u.components[2].amount.location.column).toBe(13);
    const [p] = claimsOfKind(d, "project");
    expect(p).toMatchObject({ unit: "单位A", number: 1, name: "综合管理" });
    expect(p.items.map((i) => [i.label, i.amount.text])).toEqual([["办公设备采购", "30"], ["会议", "10"]]);
    expect(p.change).toMatchObject({ kind: "increase", percentDirection: "increase", year: 2022 });
    expect(p.change!.amount!.text).toBe("8");
    expect(p.change!.percent!.text).toBe("25");
  });

  it("inline math a converter writes ($15\\%$, $2,247$, $\\leq$) is read as what it prints, each figure at its column", () => {
    // A PDF-to-Markdown converter writes what it takes for a formula as LaTeX: the percentage and the amount were not
    // read (a project's 增幅 unchecked; $2,247$ 万元 no project's figure, its unit's projects then short of 项目支出).
    const d = textDoc(`
## 第三部分 部门预算支出具体情况
### 一、单位A
1. 综合管理预算 $2,247$ 万元，主要包括：用于办公设备采购 $30$ 万元，较 2022 年预算增加 8 万元，增幅 $25\\%$，成本控制率 $\\leq 100 \\%$。
`);
    const [p] = claimsOfKind(d, "project");
    expect(p).toMatchObject({ unit: "单位A", number: 1, name: "综合管理" });
    expect(p.amount.text).toBe("2,247");
    // (line 3: "1. 综合管理预算 $" is 11 characters: the 2 is the 12th.)
    expect([p.amount.location.line, p.amount.location.column]).toEqual([3, 12]);
    expect(p.items.map((i) => [i.label, i.amount.text])).toEqual([["办公设备采购", "30"]]);
    expect(p.change!.percent!.text).toBe("25");
    const j = joinPart(d.text[0], "t.md");
    expect(j.text).toContain("增幅 25%,成本控制率 ≤100%。");
    // A dollar sign of money is no math: left as printed.
    const money = joinPart({ number: null, title: "", location: { file: "t.md", line: 1 }, lines: [{ line: 1, text: "合同金额 $100 和 $200。" }] }, "t.md");
    expect(money.text).toBe("合同金额 $100 和 $200。");
  });

  it("a single space between two Chinese characters (a source line wrap read as a space) does not break a word", () => {
    // LibreOffice's .docx of a page Word saved, and some PDFs' text, print 人员 支出 and 服 务采购: the components
    // were not read, and the unit's budget was said not to add up (5473 against 5306 in the seed).
    const line = "单位A预算 100 万元，包括人员 支出 50 万元、公用支出 10 万元、对个人和家庭的补 助支出 0 万元、项目支出 40 万元。";
    const d = textDoc(`
## 第三部分 部门预算支出具体情况
### 一、单位A
${line}
`);
    const [u] = claimsOfKind(d, "unit-budget");
    expect(u.components.map((c) => [c.component, c.amount.text])).toEqual([
      ["personnel", "50"],
      ["public", "10"],
      ["individual", "0"],
      ["project", "40"],
    ]);
    // Each figure at its printed column, the spaces dropped before it counted.
    for (const c of u.components) expect(line.slice(c.amount.location.column! - 1).startsWith(`${c.amount.text} 万元`), c.label).toBe(true);
    // Two or more spaces stay a gap (one space in the joined text): cells of a row laid out with spaces.
    const j = joinPart(textDoc("## 第一部分\n人员支出  公用支出 名称\n").text[0], "a.md");
    expect(j.text).toContain("人员支出 公用支出名称");
  });

  it("a unit's heading printed as a plain line (一、单位A, as a PDF's text gives it) ends there: the unit is 单位A", () => {
    // Without the Markdown ###, the heading ran into the paragraph under it (no punctuation ends it): the unit
    // was read as “一、单位A单位A预算 100 …” and the unit's claims were matched to no unit.
    const d = textDoc(`
## 第三部分 部门预算支出具体情况
一、单位A
单位A预算 100 万元，包括人员支出 50 万元、公用支出 10 万元、对个人和家庭的补助支出 0 万元、项目支出 40 万元。
二、单位B
单位B预算 7 万元，包括人员支出 7 万元。
`);
    expect(claimsOfKind(d, "unit-budget").map((u) => [u.unit, u.amount.text])).toEqual([
      ["单位A", "100"],
      ["单位B", "7"],
    ]);
  });

  it("a heading numbered （二） printed as a plain line ends there too: the list under it starts with its first part", () => {
    // 江苏's （二）一般公共预算当年拨款结构情况 ran into its first 类 line: the part was named “(二)一般公共预算当年拨款结构情况
    // 一般公共服务支出(类)”, and text-vs-table found no row of that name.
    const j = joinPart(
      {
        number: null,
        title: "预算情况说明",
        location: { file: "a.txt", line: 1 },
        lines: ["（二）一般公共预算当年拨款结构情况", "一般公共服务支出（类）2,122.91万元，占75.02%；", "住房保障支出（类）706.92万元，占24.98%。"].map((text, i) => ({ line: 2 + i, text })),
      },
      "a.txt",
    );
    expect(j.paragraphs.map((r) => j.text.slice(r.start, r.end))).toEqual(["(二)一般公共预算当年拨款结构情况", "一般公共服务支出(类)2,122.91万元,占75.02%;", "住房保障支出(类)706.92万元,占24.98%。"]);
  });

  it("reads a unit's budget worded 单位A预算为 100 万元，其中：人员支出 … as …预算 100 万元，包括人员支出 …", () => {
    const d = textDoc(`
## 第三部分 部门预算支出具体情况
### 一、单位A
单位A预算为 100 万元，其中：人员支出 50 万元、公用支出 10 万元、对个人和家庭的补助支出 0 万元、项目支出 40 万元。
`);
    const [u] = claimsOfKind(d, "unit-budget");
    expect([u.unit, u.amount.text, u.components.map((c) => `${c.component} ${c.amount.text}`)]).toEqual(["单位A", "100", ["personnel 50", "public 10", "individual 0", "project 40"]]);
  });

  it("reads 政府采购预算总额为 N 万元 and “三公”经费预算总额为 N 万元 as …共计 N 万元 and …预算 N 万元", () => {
    const d = textDoc(`
## 第四部分 政府采购预算情况
2023 年政府采购预算总额为 171 万元，其中货物采购 13 万元、工程采购 0 万元、服务采购 158 万元。
## 第五部分 一般公共预算“三公”经费预算情况
2023 年“三公”经费预算总额为 15 万元，比 2022 年预算增加 0 万元，增长 0%。
`);
    expect(claimsOfKind(d, "procurement").map((c) => c.amount.text)).toEqual(["171"]);
    expect(claimsOfKind(d, "sanggong").map((c) => [c.component, c.amount.text])).toEqual([["total", "15"]]);
  });

  it("reads staffing worded 行政编制总数为15名，实有人数11名 … 退休人员53名 as …总数15人，实有在编人数11人 …", () => {
    const d = textDoc(`
## 第一部分 部门概况
系统包括单位A、单位B、共2家基层单位。系统行政编制总数为15名，实有人数11名；事业编制数为47名，实有人数42名；离休人员0名，退休人员53名。
`);
    const fields = ["admin", "adminActual", "service", "serviceActual", "retiredCadres", "retired"] as const;
    expect(claimsOfKind(d, "staffing").map((c) => fields.map((f) => c.counts[f]?.text ?? null))).toEqual([["15", "11", "47", "42", "0", "53"]]);
  });

  it("reads the department's totals worded 部门收入预算为 / 部门支出预算总额为 as 部门预算收入 / 部门预算支出", () => {
    const d = textDoc(`
## 第二部分 部门预算收支总体情况
2023 年单位A部门收入预算为 150 万元，较上年增加 10 万元，增长 7.14%。2023 年部门支出预算总额为 150 万元，与上年持平。
`);
    expect(claimsOfKind(d, "department-total").map((c) => [c.side, c.amount.text, c.change?.kind, c.change?.amount?.text ?? null, c.change?.percent?.text ?? null])).toEqual([
      ["income", "150", "increase", "10", "7.14"],
      ["expenditure", "150", "same", null, null],
    ]);
    // Not a total: 部门预算支出具体情况 has no figure.
    expect(claimsOfKind(textDoc("## 第二部分 部门预算收支总体情况\n详见部门预算支出具体情况。\n"), "department-total")).toEqual([]);
  });

  it("reads a figure printed on the line after its label", () => {
    const d = textDoc(`
## 第八部分 其他需要说明情况
2023年本部门本级机关运行经费财政拨款预算

131万元，比 2022 年预算增加 13 万元，增长 10%。
`);
    const [o] = claimsOfKind(d, "operating-cost");
    expect(o.amount.text).toBe("131");
    expect(o.amount.location).toMatchObject({ line: 4, column: 1 });
    expect(o.change!.percent!.location).toMatchObject({ line: 4 });
  });

  it("reads 机关运行经费 worded 财政拨款预算数为 N 万元 or 财政拨款安排 N 万元", () => {
    for (const wording of ["财政拨款预算数为", "财政拨款安排"]) {
      const d = textDoc(`
## 第八部分 其他需要说明情况
2023年本部门本级机关运行经费${wording}131万元，比 2022 年预算增加 13 万元，增长 10%。
`);
      const [o] = claimsOfKind(d, "operating-cost");
      expect([o.amount.text, o.change?.percent?.text], wording).toEqual(["131", "10"]);
    }
  });
});

describe("claims of a workbook's text sheet", () => {
  it("locate each figure by sheet and column-A cell of its row, not by line", async () => {
    const { extractClaims } = await import("../../src/claims/extract.js");
    const part = {
      number: 8,
      title: "其他需要说明情况",
      location: { file: "w.xlsx", sheet: "文字部分", cell: "A3" },
      lines: [
        { line: 4, text: "2023年本部门本级机关运行经费财政拨款预算131万元," },
        { line: 6, text: "比 2022 年预算增加 13 万元，增长 10%。" },
      ],
    };
    const { claims, paragraphs } = extractClaims({ ...textDoc(""), text: [part] });
    const o = claims.find((c) => c.kind === "operating-cost");
    expect(o && o.kind === "operating-cost" && [o.amount.location, o.change!.percent!.location]).toEqual([
      // (And the figure's character in its cell's text: 131 and 10% are each the 23rd.)
      { file: "w.xlsx", sheet: "文字部分", cell: "A4", column: 23 },
      { file: "w.xlsx", sheet: "文字部分", cell: "A6", column: 23 },
    ]);
    expect(paragraphs.map((p) => [p.location, p.lines])).toEqual([[{ file: "w.xlsx", sheet: "文字部分", cell: "A4" }, [4, 6]]]);
  });
});

describe("paragraphs of the layout forms (pdftotext -layout text, PDF): a first line's indent begins one", () => {
  const paragraphsOf = async (lines: { line: number; text: string; page?: number }[]) => {
    const { extractClaims } = await import("../../src/claims/extract.js");
    const part = { number: null, title: "说明", location: { file: "d.pdf", line: 1, page: 1 }, lines };
    return extractClaims({ ...textDoc(""), text: [part] }).paragraphs.map((p) => p.text);
  };

  it("splits where an indented line follows a line at the margin, though that line ends no sentence", async () => {
    expect(
      await paragraphsOf([
        { line: 1, page: 1, text: "    算数的主要原因：XXXXXXXX。年初预算为 XXX 万元，支出决" },
        { line: 2, page: 1, text: "算数的主要原因：XXXXXXXX。（如持平作持平表述）" },
        { line: 3, page: 1, text: "    按上述格式依次说明到各项级科目，预决算持平的不用说明" },
        { line: 4, page: 1, text: "变动原因。" },
      ]),
    ).toEqual(["算数的主要原因:XXXXXXXX。年初预算为XXX万元,支出决算数的主要原因:XXXXXXXX。(如持平作持平表述)", "按上述格式依次说明到各项级科目,预决算持平的不用说明变动原因。"]);
  });

  it("a first line ending in ： goes on at the margin: the list it introduces is the same paragraph", async () => {
    // The national 决算's 结构情况 (Shanghai's template prints it so): …主要用于以下方面： / 一般公共服务（类）支出 …
    const lines = [
      { line: 1, page: 1, text: "  2023年度一般公共预算财政拨款支出4,042.41万元，主要用于以下方面：" },
      { line: 2, page: 1, text: "一般公共服务（类）支出3,125.37万元，占77.31%；科学技术（类）支出" },
      { line: 3, page: 1, text: "12.00万元，占0.30%。" },
      { line: 4, page: 1, text: "  其中：" },
      { line: 5, page: 1, text: "  1.行政运行1,520.36万元。" },
    ];
    expect(await paragraphsOf(lines)).toEqual([
      "2023年度一般公共预算财政拨款支出4,042.41万元,主要用于以下方面:一般公共服务(类)支出3,125.37万元,占77.31%;科学技术(类)支出12.00万元,占0.30%。",
      "其中:",
      "1.行政运行1,520.36万元。",
    ]);
    // A ： line at the margin, or one followed by an indented line or a list item, still ends its paragraph.
    expect(await paragraphsOf([{ line: 1, page: 1, text: "  说明：" }, { line: 2, page: 1, text: "(一)收入。" }])).toEqual(["说明:", "(一)收入。"]);
  });

  it("in a part whose paragraphs begin indented, a long line ending in 。 goes on at the margin; a short one ends its paragraph", async () => {
    // 浙江: the sentence ended where the line was wrapped, the next line at the margin continues the paragraph.
    const lines = (last: string) => [
      { line: 0, page: 1, text: "    本部门收支预算均为13,121.49万元，收支平衡，比上" },
      { line: 0, page: 1, text: "  年增长3.9%。" },
      { line: 1, page: 1, text: "    （四）财政拨款收支预算情况的总体说明" },
      { line: 2, page: 1, text: "    2025年财政拨款收支总预算12,021.72万元。收入包" },
      { line: 3, page: 1, text: "  括：一般公共预算收入11,844.08万元、政府性基金" },
      { line: 4, page: 1, text: "  预算收入177.64万元。支出包括：教育支出9,837.23" },
      { line: 5, page: 1, text: last },
      { line: 6, page: 1, text: "  万元、其他支出177.64万元。" },
      { line: 7, page: 1, text: "    （五）一般公共预算当年拨款情况说明" },
    ];
    expect(await paragraphsOf(lines("  万元、住房保障支出561.94万元、卫生健康支出407.14万元。"))).toEqual([
      "本部门收支预算均为13,121.49万元,收支平衡,比上年增长3.9%。",
      "(四)财政拨款收支预算情况的总体说明",
      "2025年财政拨款收支总预算12,021.72万元。收入包括:一般公共预算收入11,844.08万元、政府性基金预算收入177.64万元。支出包括:教育支出9,837.23万元、住房保障支出561.94万元、卫生健康支出407.14万元。万元、其他支出177.64万元。",
      "(五)一般公共预算当年拨款情况说明",
    ]);
    // A short line ending in 。 ends its paragraph, though the next stands at the margin.
    expect(await paragraphsOf(lines("  万元。"))).toEqual([
      "本部门收支预算均为13,121.49万元,收支平衡,比上年增长3.9%。",
      "(四)财政拨款收支预算情况的总体说明",
      "2025年财政拨款收支总预算12,021.72万元。收入包括:一般公共预算收入11,844.08万元、政府性基金预算收入177.64万元。支出包括:教育支出9,837.23万元。",
      "万元、其他支出177.64万元。",
      "(五)一般公共预算当年拨款情况说明",
    ]);
    // Without first-line indents (every line at the margin), a line ending in 。 ends its paragraph, as before.
    expect(await paragraphsOf([{ line: 1, page: 1, text: "本年收入100万元，比上年增加10万元，增长11.11%。" }, { line: 2, page: 1, text: "本年支出100万元。" }])).toEqual([
      "本年收入100万元,比上年增加10万元,增长11.11%。",
      "本年支出100万元。",
    ]);
  });

  it("does not split a sentence continued on a page whose text stands further right, nor text without pages", async () => {
    // Page 2's lines all stand 3 columns in (its margin): the first of them continues the sentence.
    expect(
      await paragraphsOf([
        { line: 1, page: 1, text: "  一般公共预算财政拨款基本支出 XXX 万元。其中：人员经费" },
        { line: 2, page: 1, text: "XXX 万元，主要包括：基本工资、津贴补贴" },
        { line: 3, page: 2, text: "   和奖金；公用经费 XXX 万元，主要包" },
        { line: 4, page: 2, text: "   括：办公费。" },
      ]),
    ).toEqual(["一般公共预算财政拨款基本支出XXX万元。其中:人员经费XXX万元,主要包括:基本工资、津贴补贴和奖金;公用经费XXX万元,主要包括:办公费。"]);
    expect(await paragraphsOf([{ line: 1, text: "本年收入 100 万元，支出" }, { line: 2, text: "  90 万元。" }])).toEqual(["本年收入100万元,支出90万元。"]);
  });

  it("a line printed letter-spaced (a justified line through pdftotext -layout) reads as the same words, each figure at its printed column", () => {
    const plain = "单位A预算 100 万元，包括人员支出 50 万元、公用支出 10 万元、对个人和家庭的补助支出 0 万元、项目支出 40 万元。";
    const spaced = "单 位 A 预 算 100 万 元 ， 包 括 人 员 支 出 50 万 元 、 公 用 支 出 10 万 元 、 对 个 人 和 家 庭 的 补 助 支 出 0 万 元 、 项 目 支 出 40 万 元 。";
    const read = (line: string) => {
      const [u] = claimsOfKind(textDoc(`\n## 第三部分 部门预算支出具体情况\n### 一、单位A\n${line}\n`), "unit-budget");
      return u ? [u.unit, u.amount.text, ...u.components.map((c) => `${c.component} ${c.amount.text} ${c.amount.location.line}:${c.amount.location.column}`)] : null;
    };
    expect(read(plain)).not.toBeNull();
    // The figures' columns: where each is printed in its own line.
    const col = (line: string, figure: string) => line.indexOf(figure) + 1;
    expect(read(spaced)).toEqual(["单位A", "100", `personnel 50 3:${col(spaced, " 50 ") + 1}`, `public 10 3:${col(spaced, " 10 ") + 1}`, `individual 0 3:${col(spaced, " 0 ") + 1}`, `project 40 3:${col(spaced, " 40 ") + 1}`]);
  });

  it("a list of items each alone on a short line without punctuation ends at its last item's line (安徽's 部门构成)", async () => {
    const list = ["1．合肥市司法局机关（行政单位）", "2．合肥市法律援助中心（参照公务员法管理事业单位）", "3．合肥市社区矫正服务中心（公益一类事业单位）"];
    const after = "从人员构成看，本部门2025年末编制人数128人，其中：行政编制86人，参照公务员法管理事业编制24人，事业编制18人；实有在职人员121人。";
    const head = "纳入合肥市司法局2026年部门预算编制范围的单位共3个，具体包括：";
    // A Word document's paragraphs (no pages).
    expect(await paragraphsOf([head, ...list, after].map((text, i) => ({ line: i + 1, text })))).toEqual([head, ...list, after].map((t) => t.replace(/，/g, ",").replace(/：/g, ":").replace(/；/g, ";").replace(/（/g, "(").replace(/）/g, ")").replace(/．/g, ".")));
    // A PDF's lines: the same where each item stops short of the margin.
    const paged = [head, ...list, after.slice(0, 40), after.slice(40)].map((text, i) => ({ line: i + 1, page: 1, text }));
    expect((await paragraphsOf(paged)).slice(3)).toEqual(["3.合肥市社区矫正服务中心(公益一类事业单位)", expect.stringMatching(/^从人员构成看/)]);
    // An item wrapped at the margin goes on in the next line, as before; so does one after a single item (no list's shape).
    const wrapped = [
      { line: 1, page: 1, text: "1．甲单位（行政单位）" },
      { line: 2, page: 1, text: "2．乙单位（参照公务员法管理事业单位，主要承担全市法律援助案件的组织实施和指导工作" },
      { line: 3, page: 1, text: "等职能）" },
    ];
    expect(await paragraphsOf(wrapped)).toEqual(["1.甲单位(行政单位)", "2.乙单位(参照公务员法管理事业单位,主要承担全市法律援助案件的组织实施和指导工作等职能)"]);
    expect(await paragraphsOf([{ line: 1, text: "1．甲单位" }, { line: 2, text: "（行政单位），承担某某职能，为正处级。另有若干说明文字在此。" }])).toEqual(["1.甲单位(行政单位),承担某某职能,为正处级。另有若干说明文字在此。"]);
  });

  it("spaces between figures, and a line with a gap or two between its words, are kept", () => {
    const joined = (...lines: string[]) => joinPart({ number: 3, title: "t", location: { file: "t.txt", line: 1 }, lines: lines.map((text, i) => ({ line: i + 1, text })) }, "t.txt").text;
    // Two spaced pairs only (公用 支出, 项目 支出): one space between two Chinese characters is dropped (round 33:
    // a source line wrap read as a space), the spaces beside figures kept.
    expect(joined("人员支出 50 万元、公用 支出 10 万元、项目 支出 40 万元。")).toBe("人员支出 50 万元、公用支出 10 万元、项目支出 40 万元。");
    // Letter-spaced: the gaps beside Chinese characters go, the one between two figures stays.
    expect(joined("年 初 预 算 与 决 算 分 别 为 100 200 万 元 。")).toBe("年初预算与决算分别为100 200万元。");
  });

  it("a wide gap (a table's row laid out with spaces, read as text) is one space; each figure keeps its column", () => {
    const part = (text: string) => ({ number: null, title: "t", location: { file: "t.txt", line: 1 }, lines: [{ line: 1, text }] });
    const gap = " ".repeat(3000);
    const j = joinPart(part(`本年收入合计${gap}434.16${gap}支出总计`), "t.txt");
    expect(j.text).toBe("本年收入合计 434.16 支出总计");
    expect(j.at(j.text.indexOf("434.16"))).toEqual({ file: "t.txt", line: 1, column: 6 + 3000 + 1 });
    expect(j.at(j.text.indexOf("支出总计"))).toEqual({ file: "t.txt", line: 1, column: 6 + 3000 + 6 + 3000 + 1 });
  });

});
