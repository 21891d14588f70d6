import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import type { Claim } from "../../src/claims/types.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";
import { textSum } from "../../src/rules/text-sum.js";
import { checkText, t1, T3, T7, textDoc } from "../helpers/text.js";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { fundsLine, layoutTable, pad, padL } from "../helpers/layout.js";
import { twoSided } from "../helpers/tables.js";

/*
 * The generic reader's figures that restate a table (src/claims/generic-figures.ts), in a written part no
 * province's reader knows (here 第九部分, as other provinces' 部门预算情况说明), and text-vs-table on them.
 */
// The title names the department (国家某局), whose name may come right before its totals.
const part = (...paragraphs: string[]) => `# 2026 年国家某局部门预算\n## 第九部分 某局部门预算情况说明\n${paragraphs.join("\n")}`;
const show = (c: Claim) =>
  c.kind === "department-total"
    ? `department ${c.side} ${c.amount.text}`
    : c.kind === "table-figure"
      ? `figure ${c.figure} ${c.label} ${c.amount.text}`
      : c.kind === "sanggong"
        ? `三公 ${c.component} ${c.label} ${c.amount.text}`
        : c.kind === "procurement"
        ? `采购 ${c.amount.text} = ${c.components.map((x) => `${x.component} ${x.amount.text}`).join(" + ")}`
      : c.kind === "function-item"
          ? `item ${c.names.map((n, i) => `${n}(${c.levels?.[i]})`).join("")} ${c.amount.text}`
          : c.kind === "performance"
            ? `绩效 ${c.amount?.text}${c.all ? " = 项目支出" : c.partial ? " at most 项目支出" : ""}${c.projects ? ` (${c.projects.text} projects)` : ""}`
            : null;
const read = (...paragraphs: string[]) => claimsOf(textDoc(part(...paragraphs))).claims.map(show).filter((s) => s !== null);

describe("the generic reader: figures that restate a table", () => {
  it("reads a part holding rows of a table laid out with wide gaps at once (its letter-spaced patterns took minutes on the gaps)", () => {
    const gap = " ".repeat(400);
    const rows = Array.from({ length: 5 }, (_, i) => `支出预算${gap}${100 + i}${gap}合计`);
    // The total is read, nothing from the rows (their figures are no 万元): the test's time limit stops a read
    // that backtracks over the gaps (round 32: a saved web page's unread table of findings took 15 minutes).
    expect(read("2026 年本部门收入预算 163,539.07 万元，比上年减少 1 万元。", ...rows)).toEqual(["department income 163,539.07"]);
  });

  it("a 类 numbered （一） is named without its number; a paragraph opening with 一般公共预算支出 under its heading is the table's 合计", () => {
    expect(read("三、一般公共预算支出情况", "2026年一般公共预算支出6150.98万元，比上年增加482.70万元，增长8.52%。主要用于以下方面：", "（一）教育支出（类）4675.48万元，占76.01%。")).toEqual([
      "figure general 一般公共预算支出 6150.98",
      "item 教育支出(类) 4675.48",
    ]);
    // Under another heading (the department's 支出 by fund), not read as that table's.
    expect(read("二、收支总体情况", "2026年一般公共预算支出6150.98万元。")).not.toContain("figure general 一般公共预算支出 6150.98");
    // (一般公共预算财政拨款支出 is read once, as before.)
    expect(read("三、一般公共预算支出情况", "2026年一般公共预算财政拨款支出6150.98万元。").filter((x) => x.startsWith("figure general"))).toHaveLength(1);
  });

  it("the paragraph's own heading run in before its 一般公共预算支出 (（一）一般公共预算支出总体情况。2026年…, the national template's …规模。)", () => {
    for (const heading of ["一般公共预算支出总体情况。", "一般公共预算支出规模。", "总体情况："])
      expect(read("五、一般公共预算支出预算情况", `（一）${heading}2026年一般公共预算支出6150.98万元，占本年支出合计的80.49%。`)).toContain("figure general 一般公共预算支出 6150.98");
    // A figure in the words before it: no heading, not read as the table's.
    expect(read("五、一般公共预算支出预算情况", "（一）其中2项共100万元。2026年一般公共预算支出6150.98万元。")).not.toContain("figure general 一般公共预算支出 6150.98");
  });

  it("fails: the text's 一般公共预算支出 or a numbered 类 disagreeing with the 一般公共预算 table is an error", () => {
    const doc = (total: string, item: string) => part("三、一般公共预算支出情况", `2026年一般公共预算支出${total}万元，主要用于以下方面：`, `（一）科学技术支出（类）${item}万元。`);
    const errors = (text: string) => checkText(textVsTable, text).filter((f) => f.severity === "error").map((f) => [f.item, f.stated, f.computed]);
    expect(errors(doc("150", "150"))).toEqual([]);
    // (The table prints whole 万元: a difference of 1 is within its rounding.)
    expect(errors(doc("152", "150"))).toEqual([["一般公共预算支出", "152", "150"]]);
    expect(errors(doc("150", "140"))).toEqual([["科学技术支出", "140", "150"]]);
    // Its share of the 一般公共预算支出 the section opened with (text-sum): 150 of 150 is 100%, not 90%.
    const shares = (pct: string) => checkText(textSum, part("三、一般公共预算支出情况", "2026年一般公共预算支出150万元，主要用于以下方面：", `（一）科学技术支出（类）150万元，占${pct}%。`)).filter((f) => f.severity === "error").map((f) => [f.item, f.stated]);
    expect(shares("100.00")).toEqual([]);
    expect(shares("90.00")).toEqual([["科学技术支出", "90"]]);
    // (广东's wording: the opening numbered as a heading of its own, the 类 under a sub-heading of the 一般公共预算支出
    // again, the share naming its base.)
    const named = (pct: string) =>
      checkText(textSum, part("三、一般公共预算支出预算情况", "（一）2026年一般公共预算支出150万元，比2025年预算增加10万元，增长7.14%。", "（二）一般公共预算支出按功能分类科目的情况：", `1.科学技术支出（类）150万元，占一般公共预算支出的${pct}%。`))
        .filter((f) => f.severity === "error")
        .map((f) => [f.item, f.stated]);
    expect(named("100.00")).toEqual([]);
    expect(named("90.00")).toEqual([["科学技术支出", "90"]]);
  });

  it("a 单位预算's own totals: 单位 / 本单位 before them, and 收支预算 without 总额", () => {
    expect(
      read(
        "2026年单位收入预算4,453.79万元，其中：一般公共预算拨款收入4,148.50万元，占93.15%。",
        "2026年本单位支出预算4,453.79万元，其中：基本支出3,653.42万元。",
        "2026年单位收支预算4,453.79万元，比上年预算增加209.32万元。",
      ),
    ).toEqual([
      "department income 4,453.79",
      "figure general-public-income 一般公共预算收入 4,148.50",
      "department expenditure 4,453.79",
      "department income 4,453.79",
    ]);
    // A fund's or a kind's figure stays its own, not the unit's total.
    expect(read("事业单位收入预算 50.57 万元。", "附属单位支出预算 12.00 万元。", "各预算单位收入预算 3.00 万元。")).toEqual([]);
  });

  it("政府性基金预算（拨款）支出 X 万元 is the 政府性基金预算支出表's 合计; a sum of two funds' or its 收入 is not", () => {
    expect(
      read(
        "(七)政府性基金预算支出情况说明(详见表8)2026年政府性基金预算支出177.64万元，比上年执行数增加27.64万元。",
        "2026年本部门政府性基金预算拨款支出657.84万元，主要用于体育彩票公益金项目。",
        "2026年政府性基金预算财政拨款支出33.93万元。",
      ),
    ).toEqual(["figure gov-fund-expenditure 政府性基金预算支出 177.64", "figure gov-fund-expenditure 政府性基金预算支出 657.84", "figure gov-fund-expenditure 政府性基金预算支出 33.93"]);
    expect(read("2026年国有资本经营预算支出182.27万元。")).toEqual(["figure state-capital-expenditure 国有资本经营预算支出 182.27"]);
    expect(read("2026年一般公共预算和政府性基金预算支出1,000.00万元。", "上年政府性基金预算支出150.00万元。")).toEqual([]);
  });

  it("the projects that set 绩效目标, worded 涉及资金 / 涉及预算金额 (浙江, 厦门): at most the 项目支出", () => {
    expect(read("2026年实行绩效目标管理的项目17个，涉及资金4,716.61万元。", "实行绩效目标管理的项目10个，涉及预算金额800.37万元。")).toEqual([
      "绩效 4,716.61 at most 项目支出 (17 projects)",
      "绩效 800.37 at most 项目支出 (10 projects)",
    ]);
  });

  it("河北's 涉及项目 N 个，项目支出预算 X 万元: every project's where the text says 全部 / 所有, else at most the 项目支出", () => {
    expect(read("本部门2026年预算项目全部实行绩效目标管理，涉及项目16个，项目支出预算23594.14万元。")).toEqual(["绩效 23594.14 = 项目支出 (16 projects)"]);
    expect(read("本部门2026年所有项目实行绩效目标管理，涉及项目16个，项目支出预算23594.14万元。")).toEqual(["绩效 23594.14 = 项目支出 (16 projects)"]);
    expect(read("纳入绩效目标管理的项目16个，涉及项目支出预算23594.14万元。")).toEqual(["绩效 23594.14 at most 项目支出 (16 projects)"]);
    // (一级项目 N 个 counts other projects than a table of 二级项目 lists: not read as the count.)
    expect(read("实行绩效目标管理的一级项目3个，涉及资金2,131.61万元。")).toEqual(["绩效 2,131.61 at most 项目支出"]);
  });

  it("the department's totals in the Ministry of Finance's wordings; 本年 …合计 is the 本年 subtotal", () => {
    expect(
      read(
        "国家某局 2026 年收支总预算 50,616.94 万元。",
        "2026 年本部门收入预算 163,539.07 万元，比上年减少 1 万元。",
        "（二）支出预算总计 24,169.74 万元。包括：",
        "国家某局本年收入预算合计24,169.74万元。",
        "2026 年国家某局支出预算总额为 100 万元；本年支出合计 90 万元。",
        "2026 年部门预算收入 80 万元；一般公共预算收入 70 万元。",
      ),
    ).toEqual([
      "department income 50,616.94",
      "department income 163,539.07",
      "department expenditure 24,169.74",
      "figure income-subtotal 本年收入预算合计 24,169.74",
      "department expenditure 100",
      "figure expenditure-subtotal 本年支出合计 90",
      "department income 80",
      // A fund's income: the income table's column.
      "figure general-public-income 一般公共预算收入 70",
    ]);
    // Another year's figure is not this budget's (the title says 2026).
    expect(read("2025 年收入预算 100 万元。2025 年“三公”经费预算数为 5 万元。")).toEqual([]);
  });

  it("a fund's, an income kind's or a spending kind's 收入预算 / 支出预算 is not the department's, nor a figure compared with", () => {
    expect(
      read(
        "1．财政拨款收入预算总计 24,169.74 万元。（1）一般公共预算收入预算 24,169.74万元。",
        "事业收入预算 10 万元；基本支出预算数为 15,844.04万元；项目支出预算数为4335.3万元。",
        "2019年度政府采购支出预算总额2744.84万元，其中：拟采购货物 1 万元。",
        "某中心收入预算 10 万元。",
        "比上年收入预算 100 万元增加 5 万元。",
      ),
      // A fund's 收入 is its column of the income table, read as that (江苏's 1．财政拨款收入预算总计 …).
    ).toEqual(["figure allocation-income 财政拨款收入 24,169.74", "figure general-public-income 一般公共预算收入 24,169.74"]);
  });

  it("机关运行经费 N 万元 is the running-cost table's figure, not the department's 支出预算; a definition or another year's is not read", () => {
    expect(read("2026 年 省 检 察 院 一 般 公 共 预 算 机 关 运 行 经 费 预 算 支 出 2391.92 万元，与上年相比减少 330.65 万元。")).toEqual(["figure running-cost 机关运行经费 2391.92"]);
    expect(read("国 家 信 访 局 2026 年 机 关 运 行 经 费 财 政 拨 款 预 算 2,376.26 万元，较 2025 年预算增加 222.33 万元。")).toEqual(["figure running-cost 机关运行经费 2,376.26"]);
    expect(read("2026年，本部门机关运行经费安排990.04万元，比上年减少759.52万元。")).toEqual(["figure running-cost 机关运行经费 990.04"]);
    expect(read("机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金，包括办公费 10 万元。", "2025 年机关运行经费预算 100 万元。")).toEqual([]);
  });

  it("财政拨款收支总预算, and 一般公共预算基本支出 with its 人员经费 and 公用经费 in the paragraphs after it, up to the next heading", () => {
    expect(read("2026 年财政拨款收支总预算 5,753.07 万元。", "六、关于一般公共预算基本支出表的说明", "2026 年一般公共预算基本支出 9,880.88 万元，其中：", "人员经费 7,504.62 万元，主要包括：基本工资。", "公用经费 2,376.26 万元，主要包括：办公费。")).toEqual([
      "figure allocation-grand-total 财政拨款收支总预算 5,753.07",
      "figure general-basic 一般公共预算基本支出 9,880.88",
      "figure personnel 人员经费 7,504.62",
      "figure public 公用经费 2,376.26",
    ]);
    // 江苏's wording, 收 and 支 apart.
    expect(read("省检察院2026年度财政拨款收、支总预算 24,169.74 万元。")).toEqual(["figure allocation-grand-total 财政拨款收支总预算 24,169.74"]);
    expect(read("2026 年一般公共预算基本支出 100 万元。", "七、关于“三公”经费的说明", "人员经费 70 万元。")).toEqual(["figure general-basic 一般公共预算基本支出 100"]);
    expect(read("2026 年一般公共预算安排基本支出 100 万元。")).toEqual(["figure general-basic 一般公共预算基本支出 100"]);
    // The 一般公共预算 table's 合计 worded as its spending, and the 三公 total worded as 支出预算.
    expect(read("2026 年一般公共预算财政拨款支出预算 120 万元。")).toEqual(["figure general 一般公共预算当年拨款 120"]);
    // Its 收入 is the income table's column, not the 一般公共预算 table's 合计.
    expect(read("2026 年一般公共预算拨款收入 120 万元。")).toEqual(["figure general-public-income 一般公共预算收入 120"]);
    expect(read("2026 年“三公”经费财政拨款支出预算为 12.5 万元。")).toEqual(["三公 total “三公”经费 12.5"]);
    expect(read("2026 年一般公共预算安排的基本支出 100 万元。")).toEqual(["figure general-basic 一般公共预算基本支出 100"]);
  });

  it("财政拨款基本支出 with its 人员经费 and 公用经费 under their own headings: the 财政拨款基本支出表's; 一般公共预算财政拨款基本支出 is not", () => {
    expect(read("六、财政拨款基本支出预算情况说明", "省检察院2026年度财政拨款基本支出预算 15,844.04 万元。其中：", "（一）人员经费 13,452.12 万元。主要包括：基本工资。", "（二）公用经费 2391.92 万元。主要包括：办公费。", "七、一般公共预算支出预算情况说明", "人员经费 1 万元。")).toEqual([
      "figure allocation-basic 财政拨款基本支出 15,844.04",
      "figure allocation-personnel 人员经费 13,452.12",
      "figure allocation-public 公用经费 2391.92",
    ]);
    expect(read("2026 年财政拨款安排的基本支出 100 万元。")).toEqual(["figure allocation-basic 财政拨款基本支出 100"]);
    expect(read("2026 年一般公共预算财政拨款基本支出预算 100 万元，其中人员经费 80 万元。")).toEqual(["figure general-basic 一般公共预算基本支出 100", "figure personnel 人员经费 80"]);
    expect(read("2026 年一 般 公 共 预 算 财 政 拨 款 基 本 支 出 100 万元。")).toEqual(["figure general-basic 一般公共预算基本支出 100"]);
    // Last year's: not this budget's.
    expect(read("比上年财政拨款基本支出预算 90 万元增加 10 万元。")).toEqual([]);
  });

  it("letter-spaced words (a justified line in pdftotext -layout) and 一般公共预算当年（财政）拨款", () => {
    expect(read("国 家 某 局 2026 年 一 般 公 共 预 算 当 年 财 政 拨 款 16,474.82 万元, 比 2025 年执行数减少 1 万元。", "收 支 总 预 算 100 万元。", "一般公共预算当年拨款收入 5 万元。")).toEqual([
      "figure general 一般公共预算当年拨款 16,474.82",
      "department income 100",
      "figure general-public-income 一般公共预算收入 5",
    ]);
  });

  it("a 三公 figure stated for a fund's own 三公 (政府性基金 / 国有资本经营) is not the 三公's: not read (round 48)", () => {
    // 四川's 表4-1 政府性基金预算“三公”经费支出预算表 restated: compared with the 一般公共预算's table it was a false error.
    expect(read("2026 年“三公”经费财政拨款预算 77.10 万元。其中，政府性基金预算安排“三公”经费 9.30 万元，其中：因公出国（境）费 2.00 万元，公务用车购置及运行费 6.50 万元，公务接待费 0.80 万元。")).toEqual(["三公 total “三公”经费 77.10"]);
    expect(read("国有资本经营预算安排的“三公”经费预算 1.20 万元。")).toEqual([]);
    // Both funds together: neither's table.
    expect(read("一般公共预算和政府性基金预算安排的“三公”经费预算 80 万元。")).toEqual([]);
    // A clause that only says a fund has none leaves the 三公 after it the 三公's.
    expect(read("本部门无政府性基金预算安排的“三公”经费，“三公”经费财政拨款预算 77.10 万元，其中：公务接待费 10.10 万元。")).toEqual(["三公 total “三公”经费 77.10", "三公 reception 公务接待费 10.10"]);
  });

  it("the “三公” total and its components, whatever the order of 财政拨款, 预算数 and 安排", () => {
    expect(read("国家某局 2026 年“三公”经费财政拨款预算数为 112.61 万元。其中：因公出国（境）费 68.50 万元；公务用车购置及运行费 38.60 万元；公务接待费 5.51 万元。")).toEqual([
      "三公 total “三公”经费 112.61",
      "三公 abroad 因公出国(境)费 68.50",
      "三公 vehicle 公务用车购置及运行费 38.60",
      "三公 reception 公务接待费 5.51",
    ]);
    expect(read("2026年本部门财政拨款安排“三公”经费149.77万元，比上年减少7.92万元。公务用车购置费0万元；公务用车运行维护费支出 18.00 万元；公 务 用 车 购 置 及 运 行 费 18 万元。")).toEqual([
      "三公 total “三公”经费 149.77",
      "三公 vehicle-purchase 公务用车购置费 0",
      "三公 vehicle-operation 公务用车运行维护费 18.00",
      "三公 vehicle 公务用车购置及运行费 18",
    ]);
    expect(read('"三公"经费预算数为 3 万元。')).toEqual(["三公 total “三公”经费 3"]);
    // Last year's figure in a comparison is not this year's.
    expect(read("比上年“三公”经费预算 150 万元减少 1 万元。")).toEqual([]);
    // 预算 before 支出 (江苏's 1．因公出国（境）费预算支出80万元，比上年预算减少20万元).
    expect(read("1．因公出国（境）费预算支出80万元，比上年预算减少20万元。", "3．公务接待费预算支出101.26万元。")).toEqual(["三公 abroad 因公出国(境)费 80", "三公 reception 公务接待费 101.26"]);
    // 因公出国（境）经费 / 费用 for 费.
    expect(read("“三公”经费预算数为 3 万元，其中：因公出国（境）经费 1 万元；公务接待费 2 万元。", "因公出国（境）费用预算 1 万元。")).toEqual([
      "三公 total “三公”经费 3",
      "三公 abroad 因公出国(境)经费 1",
      "三公 reception 公务接待费 2",
      "三公 abroad 因公出国(境)费用 1",
    ]);
    // 公务车 for 公务用车 (上海万里街道 2023: 公务车购置及运行费, 公务车用车运行费).
    expect(read("公务车购置及运行费21.56万元，其中：公务用车购置费0万元；公务车用车运行费21.56万元。")).toEqual([
      "三公 vehicle 公务车购置及运行费 21.56",
      "三公 vehicle-purchase 公务用车购置费 0",
      "三公 vehicle-operation 公务车用车运行费 21.56",
    ]);
  });

  it("会议费 and 培训费 under a heading that names them (江苏's “三公”经费、会议费、培训费 section), not elsewhere", () => {
    expect(
      read(
        "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明",
        "省检察院2026年度一般公共预算拨款安排的会议费预算支出158.44万元，比上年预算减少42万元。",
        "省检察院2026年度一般公共预算拨款安排的培训费预算支出700万元，与上年持平。",
        "十、政府采购情况说明",
        "某项目预算 50 万元，主要包括：会议费 5 万元、培训费 10 万元。",
      ),
    ).toEqual(["三公 meeting 会议费 158.44", "三公 training 培训费 700"]);
  });

  it("the parts listed under the 收入 total are the income table's columns, under the 支出 total the expenditure table's", () => {
    expect(
      read(
        "2026 年国家某局收入预算总计 50,616.94 万元，其中，一般公共预算拨款收入 16,474.82 万元，占 32.55%；其他收入 31,888.00 万元，占 63.0%；上年结转 2,254.12 万元，占 4.45%。",
        "2026 年国家某局支出预算总计 50,616.94 万元，其中，基本支出 11,056.07 万元，占 21.84%；项目支出 39,560.87 万元，占 78.16%；单位预留机动经费 0 万元，占 0%。",
      ),
    ).toEqual([
      "department income 50,616.94",
      "department expenditure 50,616.94",
      "figure general-public-income 一般公共预算拨款收入 16,474.82",
      "figure other-income 其他收入 31,888.00",
      "figure carryover 上年结转 2,254.12",
      "figure basic 基本支出 11,056.07",
      "figure project 项目支出 39,560.87",
    ]);
  });

  it("收入合计 / 支出合计 (河南) is the department's total or its 本年 subtotal, its parts the tables' columns", () => {
    expect(
      read(
        "2026年收入合计17196.90万元，其中：一般公共预算收入17021.01万元，占98.98%；事业收入166.53万元，占0.97%；其他收入9.35万元，占0.05%。",
        "2026年支出合计17196.90万元，其中：基本支出10453.99万元，占60.79%；项目支出6742.91万元，占39.21%。",
      ),
    ).toEqual([
      "department income 17196.90",
      "department expenditure 17196.90",
      "figure general-public-income 一般公共预算收入 17021.01",
      "figure business-income 事业收入 166.53",
      "figure other-income 其他收入 9.35",
      "figure basic 基本支出 10453.99",
      "figure project 项目支出 6742.91",
    ]);
    // (A unit's 事业收入合计 is no department's.)
    expect(read("其中事业收入合计 120.00 万元。")).toEqual([]);
  });

  it("a function-classification item named with its levels marked (类, 款, 项), from the 类 or below it", () => {
    expect(
      read(
        "按照支出功能分类，2026 年，一般公共服务（类）支出 13,144.37 万元，占 79.78%；教育（类）支出 118.01 万元，占 0.72%。",
        "1.一般公共服务支出（类）信访事务（款）行政运行（项）2026 年预算数为 5,826.21 万元，比 2025 年执行数增加 271.14 万元，增幅 4.88%。",
        "（1）科学技术支出（类）技术研究与开发（款）科技成果转化与扩散（项）28.00 万元，主要用于数智气象。",
        "1．检察（款）行政运行（项）支出12,268.62 万元，与上年相比增加 1385.26 万元。",
        // (广西: a colon after the names.)
        "10.农林水支出（类）林业和草原（款）行政运行（项）：2025 年预算数为 1270.90 万元，比上年预算数减少 51.67 万元，下降 3.91%。",
      ),
    ).toEqual([
      "item 一般公共服务(类) 13,144.37",
      "item 教育(类) 118.01",
      "item 一般公共服务支出(类)信访事务(款)行政运行(项) 5,826.21",
      "item 科学技术支出(类)技术研究与开发(款)科技成果转化与扩散(项) 28.00",
      "item 检察(款)行政运行(项) 12,268.62",
      "item 农林水支出(类)林业和草原(款)行政运行(项) 1270.90",
    ]);
    // The section says which table the items are of: the 一般公共预算 one, or the department's spending.
    const scopes = (...paragraphs: string[]) => claimsOf(textDoc(part(...paragraphs))).claims.flatMap((c) => (c.kind === "function-item" ? [c.scope ?? "none"] : []));
    expect(scopes("（二）支出预算总计 100 万元。包括：", "1．公共安全（类）支出 60 万元。", "三、一般公共预算当年拨款情况", "1．公共安全（类）支出 50 万元。", "科学技术（类）支出 5 万元。")).toEqual(["department", "general", "general"]);
    // Levels out of order are not an item's path.
    expect(read("行政运行（项）信访事务（款）100 万元。")).toEqual([]);
    // A name's own bracket (政府办公厅（室）, 四川) is part of it: no level ends there.
    expect(read("1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2025年预算数为1234.56万元，主要用于：机关日常运转。")).toEqual([
      "item 一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项) 1234.56",
    ]);
  });

  it("按支出功能分类，包括 A 支出 a 万元、…: the 类 by their names, no level marked (杭州); a compared figure is not one", () => {
    expect(
      read("（三）支出预算情况说明", "1.按支出功能分类，包括科学技术支出 28.00 万元、社会保障和就业支出 396.67 万元、卫生健康支出 80.52 万", "元、自然资源海洋气象等支出 5,371.48 万元。"),
    ).toEqual(["item 科学技术支出(类) 28.00", "item 社会保障和就业支出(类) 396.67", "item 卫生健康支出(类) 80.52", "item 自然资源海洋气象等支出(类) 5,371.48"]);
    // Of the section's table: the department's spending here.
    const scopes = claimsOf(textDoc(part("（三）支出预算情况说明", "1.按支出功能分类，包括科学技术支出 28.00 万元。"))).claims.flatMap((c) => (c.kind === "function-item" ? [c.scope] : []));
    expect(scopes).toEqual(["department"]);
    // After the 财政拨款收支总预算, its 支出包括 (across a line ending in ；): of the 财政拨款 tables.
    const allocation = claimsOf(textDoc(part("2026 年国家某局财政拨款收支总预算 18,728.91 万元。收入包括：一般公共预算当年拨款收入 16,474.82 万元；支出包括：一般公共服务支出 15,291.3 万元，占 81.65%；", "住房保障支出 1,111.44 万元，占 5.93%。"))).claims;
    expect(allocation.flatMap((c) => (c.kind === "function-item" ? [`${c.names[0]} ${c.amount.text} ${c.scope}`] : []))).toEqual(["一般公共服务支出 15,291.3 allocation", "住房保障支出 1,111.44 allocation"]);
    // Its 收入包括 (杭州: …总预算 5,753.07 万元。收入包括：一般公共预算收入 5,753.07 万元。): each fund the income table prints.
    expect(read("2026 年财政拨款收支总预算 5,753.07 万元。收入包括：一般公共预算收入 5,753.07 万元、政府性基金预算收入 0.00 万元。支出包括：科学技术支出 28.00 万元。")).toEqual([
      "figure allocation-grand-total 财政拨款收支总预算 5,753.07",
      "figure general-public-income 一般公共预算收入 5,753.07",
      "figure gov-fund-income 政府性基金预算收入 0.00",
      "item 科学技术支出(类) 28.00",
    ]);
    // Not a 类's name (no 支出 at its end), another wording, or a figure compared with last year's: none.
    expect(read("1.按支出功能分类，包括科学技术 28.00 万元。", "按支出经济分类，包括工资福利支出 20 万元。", "按支出功能分类，包括比上年科学技术支出 28.00 万元。")).toEqual([]);
  });

  it("按支出功能分类：A 支出 a 万元；…, the list straight after the colon (西藏 probe's county 编制说明): the 类 of the paragraph's spending", () => {
    const items = (...paragraphs: string[]) => claimsOf(textDoc(part(...paragraphs))).claims.flatMap((c) => (c.kind === "function-item" ? [`${c.names[0]} ${c.amount.text} ${c.scope ?? "none"}`] : []));
    expect(items("三、一般公共预算支出预算情况", "2025年一般公共预算支出584.67万元，其中：基本支出406.95万元，项目支出177.72万元。按支出功能分类：社会保障和就业支出50.71万元；卫生健康支出20.50万元；农林水支出481.73万元；住房保障支出31.73万元。")).toEqual([
      "社会保障和就业支出 50.71 general",
      "卫生健康支出 20.50 general",
      "农林水支出 481.73 general",
      "住房保障支出 31.73 general",
    ]);
    // A colon that opens no list of 类 (按支出功能分类：见表5): none.
    expect(items("三、一般公共预算支出预算情况", "按支出功能分类：见表5。")).toEqual([]);
  });

  it("按支出功能分类：…, each 类 with its share and its change on last year (山西 probe: …，占 P%，比上年增加 D 万元，增长 Q%；…): every 类 and share read", () => {
    const read = (...paragraphs: string[]) =>
      claimsOf(textDoc(part(...paragraphs))).claims.flatMap((c) =>
        c.kind === "function-item" ? [`${c.names[0]} ${c.amount.text} ${c.scope ?? "none"}`] : c.kind === "share" ? [`share ${c.label} ${c.percent.text} of ${c.base?.text}`] : [],
      );
    expect(
      read(
        "五、一般公共预算支出安排情况",
        "2025年一般公共预算支出584.67万元，比上年增加10.00万元，增长1.74%。按支出功能分类：社会保障和就业支出50.71万元，占8.67%，比上年增加1.71万元，增长3.49%；卫生健康支出20.50万元，占3.51%，比上年减少0.50万元，下降2.38%；农林水支出481.73万元，占82.39%，与上年持平；住房保障支出31.73万元，占5.43%，比上年增加0.73万元，增长2.35%。",
      ),
    ).toEqual(
      expect.arrayContaining([
        "社会保障和就业支出 50.71 general",
        "卫生健康支出 20.50 general",
        "农林水支出 481.73 general",
        "住房保障支出 31.73 general",
        "share 社会保障和就业支出 8.67 of 584.67",
        "share 卫生健康支出 3.51 of 584.67",
        "share 农林水支出 82.39 of 584.67",
        "share 住房保障支出 5.43 of 584.67",
      ]),
    );
  });

  it("a numbered item naming a 类 by its whole name, no level marked (江苏's 2．社会保障和就业支出1890.27万元): the 类 of the section's table", () => {
    const items = (...paragraphs: string[]) => claimsOf(textDoc(part(...paragraphs))).claims.flatMap((c) => (c.kind === "function-item" ? [`${c.names[0]}(${c.levels?.[0]}) ${c.amount.text} ${c.scope ?? "none"}`] : []));
    expect(items("（二）支出预算总计 24,169.74 万元。包括：", "2．社会保障和就业支出1890.27万元。主要用于离休费。", "3、住房保障支出 5686.35万元。")).toEqual([
      "社会保障和就业支出(类) 1890.27 department",
      "住房保障支出(类) 5686.35 department",
    ]);
    // A name that is no 类's (a 款, a project), an item not numbered, or a figure compared with last year's: none.
    expect(items("（二）支出预算总计 100 万元。包括：", "1．行政事业单位养老支出 50 万元。", "2．检察业务支出 10 万元。", "住房保障支出 30 万元。", "3．比上年住房保障支出 30 万元。")).toEqual([]);
    // Under no heading that says which table's (a heading of its own): none.
    expect(items("（四）卫生健康支出 80.52 万元。", "1．卫生健康支出 80.52 万元。")).toEqual([]);
  });

  it("a fund's income stated on its own (江苏's 1．财政拨款收入预算总计 … （1）一般公共预算收入预算 …): the income table's column", () => {
    expect(read("（一）收入预算总计 24,169.74 万元。包括：", "1．财政拨款收入预算总计 24,169.74 万元。", "（1）一般公共预算收入预算 24,169.74万元，与上年相比增加2228.78 万元，增长10.15 %。")).toEqual([
      "department income 24,169.74",
      "figure allocation-income 财政拨款收入 24,169.74",
      "figure general-public-income 一般公共预算收入 24,169.74",
    ]);
    // Last year's, another year's, or a unit's: not the department's column.
    expect(read("比上年财政拨款收入 100 万元增加 5 万元。", "2025 年一般公共预算收入 90 万元。", "某中心一般公共预算收入 10 万元。", "上年财政拨款收入 80 万元。")).toEqual([]);
  });

  it("收入全部为…，包括： after the 财政拨款收支总预算 (国家信访局): its fund, and its 上年结转 as the 财政拨款收支总表's (the 财政拨款's only, not the income table's)", () => {
    expect(read("2026 年国家某局财政拨款收支总预算 18,728.91 万元。收入全部为一般公共预算拨款（无政府性基金及国有资本经营预算拨款），包括：一般公共预算当年拨款收入 16,474.82 万元、上年结转 2,254.12 万元；支出包括：一般公共服务支出 15,291.3 万元。")).toEqual([
      // (The two funds said to be none: each fund's income and spending an exact 0, none-said.ts.)
      "figure allocation-gov-fund-income 政府性基金预算拨款收入（无） 0.00",
      "figure gov-fund-expenditure 政府性基金预算拨款支出（无） 0.00",
      "figure allocation-state-capital-income 国有资本经营预算拨款收入（无） 0.00",
      "figure state-capital-expenditure 国有资本经营预算拨款支出（无） 0.00",
      "figure allocation-grand-total 财政拨款收支总预算 18,728.91",
      "figure general-public-income 一般公共预算当年拨款收入 16,474.82",
      "figure allocation-carryover 上年结转 2,254.12",
      "item 一般公共服务支出(类) 15,291.3",
    ]);
  });

  it("收入全部为本年拨款收入，其中： after the 财政拨款收支总预算 (河南): its funds, and 支出包括：'s funds, the 财政拨款收支总表's columns", () => {
    const para = (lead: string, wrap = "") =>
      read(`2026年财政拨款收支总预算300.00万元，比2025年增加10.00万元，增长3.45%。${lead}一般公共预算拨款收入200.00万元，政府性基金预算拨款收入100.00万元；支出包括：${wrap}一般公共预算支出200.00万元，政府性基金预算支出100.00万元。`).filter((x) => /allocation-(?!grand)|item/.test(x));
    const expected = [
      "figure allocation-general-public 一般公共预算支出 200.00",
      "figure allocation-gov-fund 政府性基金预算支出 100.00",
      "figure allocation-general-public 一般公共预算拨款收入 200.00",
      "figure allocation-gov-fund 政府性基金预算拨款收入 100.00",
    ];
    expect(para("其中：")).toEqual(expected);
    expect(para("收入全部为本年拨款收入，其中：")).toEqual(expected);
    // 支出包括： ending a line (the text reader ends the paragraph there): the list is read on the next line.
    expect(para("收入全部为本年拨款收入，其中：", "\n")).toEqual(expected);
    // A clause with a figure of its own is no such lead: its 其中 is that figure's.
    expect(para("收入中本年拨款290.00万元，其中：").filter((x) => x.includes("收入"))).toEqual([]);
  });

  it("the 项目支出 that set 绩效目标 (涉及预算拨款 / 涉及项目预算资金 X 万元), in a sentence about 绩效目标 only", () => {
    expect(read("2026 年国家某局对项目支出全面实施绩效目标管理，涉及预算拨款 39,560.87 万元，均为一般公共预算拨款。")).toEqual(["绩效 39,560.87 at most 项目支出"]);
    // An evaluation of last year's projects is not this budget's targets.
    expect(read("对 2025 年度 5 个项目开展绩效评价，涉及预算资金 1,000 万元。")).toEqual([]);
    // 四川: the projects' 一般公共预算当年拨款, not the whole of it.
    expect(read("2025年本部门实行绩效目标管理的项目3个，涉及一般公共预算当年拨款763.60万元。")).toEqual(["绩效 763.60 at most 项目支出"]);
  });

  it("not the department's 整体支出绩效目标 after the projects' (涉及预算资金: the whole budget, not the projects')", () => {
    const projects = "2025年本部门实行绩效目标管理的项目10个，对项目支出实施绩效目标管理，涉及项目预算资金3,269.06万元";
    expect(read(`${projects}；同时编制了部门整体支出绩效目标，涉及预算资金7,777.60万元。`)).toEqual(["绩效 3,269.06 at most 项目支出 (10 projects)"]);
    expect(read("编制了部门整体绩效目标，涉及预算资金7,777.60万元。")).toEqual([]);
  });

  it("a budget unit's own “三公”, after 分单位看 or a unit's name, is not the department's", () => {
    const total = "2026年本部门一般公共预算“三公”经费预算81.65万元。";
    expect(read(`${total}分单位看：某局机关“三公”经费71.70万元；某数据管理中心“三公”经费9.95万元。`)).toEqual(["三公 total “三公”经费 81.65"]);
    expect(read(`${total}其中：局机关“三公”经费71.70万元，数据管理中心“三公”经费9.95万元。`)).toEqual(["三公 total “三公”经费 81.65"]);
    // The document's own unit (本所) is the department.
    expect(read("2026年本所“三公”经费预算9.95万元。")).toEqual(["三公 total “三公”经费 9.95"]);
  });

  it("an item named by its function code (2, 3, 5 or 7 digits) and name, its figure later in the clause", () => {
    expect(read("减少较为明显的项级支出科目为 2014099 其他信访事务支出，2026 年预算数为 3,623.98 万元，占部门支出总额的 22.00%。")).toEqual(["item 其他信访事务支出(项) 3,623.98"]);
    expect(read("20607 科学技术普及预算 10 万元；301 工资福利支出预算 5 万元；2026 年预算 7 万元。")).toEqual(["item 科学技术普及(款) 10"]);
  });

  it("政府采购 and its kinds in the sentence after it, across a ；, two kinds at least", () => {
    expect(
      read(
        "国家某局 2026 年政府采购预算总额 4,308.39 万元，其中：政府采购货物预算 2,315.5 万元；",
        "政府采购工程预算 417.8 万元；政府采购服务预算 1,575.09 万元。",
        "2026年本部门政府采购安排1,772.21万元，其中：货物类采购预算124.4万元，工程类采购预算78万元，服务类采购预算1,569.81万元等。",
        "2026年度政府采购支出预算总额2744.84万元，其中：拟采购货物支出303.4万元、拟购买服务支出2441.44万元。",
        "政府采购预算 10 万元，其中：货物 10 万元。服务 5 万元。",
      ),
    ).toEqual([
      "采购 4,308.39 = goods 2,315.5 + works 417.8 + services 1,575.09",
      "采购 1,772.21 = goods 124.4 + works 78 + services 1,569.81",
      "采购 2744.84 = goods 303.4 + services 2441.44",
    ]);
  });

  it("the part reserved for small and medium enterprises after it (山东, 福建), and its share of the procurement", () => {
    const para = (pct: string) => [
      "国家某局 2026 年政府采购预算总额 4846.06 万元，其中：政府采购货物预算 2322.59 万元、政府采购工程预算 1834.42 万元、政府采购服务预算 689.05 万元。",
      `2026 年国家某局面向中小企业预留政府采购项目预算金额 2539.88 万元，占政府采购预算总额的 ${pct}%。`,
    ];
    const claims = claimsOf(textDoc(part(...para("52.41")))).claims;
    const p = claims.find((c) => c.kind === "procurement");
    expect(p?.kind === "procurement" && p.reserved?.sme.text).toBe("2539.88");
    expect(claims.flatMap((c) => (c.kind === "share" ? [`${c.label} ${c.percent.text}% of ${c.baseLabel} ${c.base?.text}`] : []))).toEqual(["面向中小企业预留 52.41% of 政府采购预算总额 4846.06"]);
    expect(checkText(textSum, part(...para("52.41"))).filter((f) => f.severity === "error")).toEqual([]);
    const fs = checkText(textSum, part(...para("62.41"))).filter((f) => f.severity === "error");
    expect(fs.map((f) => [f.item, f.stated])).toEqual([["面向中小企业预留", "62.41"]]);
  });

  it("a 决算 is not read so: its text states 年初预算 and 决算 side by side", () => {
    expect(read("2024 年度收入预算 100 万元，决算数 90 万元。")).toEqual([]);
    const final = claimsOf(textDoc("## 第九部分 某局2024年度部门决算情况说明\n2024 年度收入预算总计 100 万元。\n“三公”经费预算数为 5 万元。")).claims;
    expect(final.map(show).filter((s) => s !== null)).toEqual([]);
  });
});

/** The department of test/helpers/text.ts (表7: 150 = 110 basic + 40 project) with its 表1 and a 三公 table. */
const TABLES = `${t1("150")}${T7}
表 9
一般公共预算“三公”经费支出表
单位：万元
预算单位→年度→总计→因公出国(境)费→公务接待费→公务用车购置及运行维护费→→
→→→→→小计→公务用车购置费→公务用车运行维护费
单位A→2023 年→3→0→2→1→0→1
`;

describe("text-vs-table on the generic reader's figures", () => {
  const check = (...paragraphs: string[]) => checkText(textVsTable, part(...paragraphs), TABLES);

  it("passes when the text restates the tables", () => {
    expect(check("2026 年收支总预算 150 万元。", "支出预算总计 150 万元。", "2026 年一般公共预算基本支出 110 万元。", "“三公”经费预算数为 3 万元，其中：公务接待费 2 万元；公务用车购置及运行维护费 1 万元。")).toEqual([]);
  });

  it("the 项目支出 that set 绩效目标: at most the expenditure table's 项目支出 (表3: 40)", () => {
    const t3 = `${TABLES}${T3}`;
    const check = (...paragraphs: string[]) => checkText(textVsTable, part(...paragraphs), t3);
    expect(check("对项目支出全面实施绩效目标管理，涉及预算拨款 40 万元。")).toEqual([]);
    expect(check("对项目支出实施绩效目标管理，涉及项目预算资金 30 万元。")).toEqual([]);
    expect(check("本部门实行绩效目标管理的项目3个，涉及一般公共预算当年拨款40万元。")).toEqual([]);
    expect(check("本部门实行绩效目标管理的项目3个，涉及一般公共预算当年拨款46万元。").map((f) => [f.stated, f.computed])).toEqual([["46", "40"]]);
    const fs = check("对项目支出全面实施绩效目标管理，涉及预算拨款 46 万元。");
    expect(fs.map((f) => [f.severity, f.stated, f.computed, f.location.line])).toEqual([["error", "46", "40", 3]]);
  });

  it("财政拨款收入 against the summary's 财政拨款 row where no income table prints it (江苏's 收入预算总表 lists projects)", () => {
    // 表1's 一、政府预算拨款 is 150; no 收入总表.
    expect(check("1．财政拨款收入预算总计 150 万元。")).toEqual([]);
    const fs = check("1．财政拨款收入预算总计 105 万元。");
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed, f.location.line])).toEqual([["error", "财政拨款收入", "105", "150", 3]]);
  });

  it("财政拨款收入（预算）总计 where 财政拨款 is carried over: this year's 财政拨款, or the 财政拨款收支总表's 收入总计, as the figure is", () => {
    // 表1: 政府预算拨款 300 this year, 上年结转 50; 表6: 收入总计 350.
    const carried = `${t1("350", "300")}${twoSided(6, "一、一般公共预算拨款→300→一、科学技术支出→350\n本年收入合计→300→本年支出合计→350\n上年结转→50→结转下年→0\n收入总计→350→支出总计→350")}`;
    const run = (text: string) => checkText(textVsTable, part(text), carried).filter((f) => f.severity !== "info").map((f) => [f.item, f.stated, f.computed]);
    expect(run("1．财政拨款收入预算总计 300 万元。")).toEqual([]);
    expect(run("1．财政拨款收入预算总计 350 万元。")).toEqual([]);
    expect(run("1．财政拨款收入预算总计 340 万元。")).toEqual([["财政拨款收入", "340", "300"]]);
    // (财政拨款收入 without 总计 is this year's only.)
    expect(run("1．财政拨款收入 350 万元。")).toEqual([["财政拨款收入", "350", "300"]]);
  });

  it("a function item is the department's: Σ of the code's rows over the budget units; a 类 may be named without its 支出", () => {
    // 表7: 206 科学技术支出 is 100 in 单位A and 50 in 单位B.
    expect(check("科学技术（类）支出 150 万元。")).toEqual([]);
    const [f] = check("科学技术支出（类）支出 100 万元。");
    expect([f.severity, f.code, f.stated, f.computed]).toEqual(["error", "206", "100", "150"]);
    expect(f.message).toContain("all units");
  });

  it("an item named by its code (2014099 其他信访事务支出，2026 年预算数为 N 万元) is that code's row, its name agreeing", () => {
    // 表7: 206 科学技术支出 is 100 in 单位A and 50 in 单位B.
    expect(check("五、关于一般公共预算支出表的说明", "主要是 206 科学技术支出，2026 年预算数为 150 万元，占 100%。")).toEqual([]);
    const fs = check("五、关于一般公共预算支出表的说明", "主要是 206 科学技术支出，2026 年预算数为 160 万元。");
    expect(fs.map((f) => [f.severity, f.code, f.stated, f.computed, f.location.line])).toEqual([["error", "206", "160", "150", 4]]);
    // A code whose row bears another name is not compared (said so); another year's figure is not read.
    expect(check("主要是 206 教育支出，2026 年预算数为 160 万元。").map((f) => [f.severity, f.message])).toEqual([["info", expect.stringContaining("not matched by name")]]);
    expect(check("主要是 206 科学技术支出，2025 年预算数为 160 万元。")).toEqual([]);
  });

  it("a 类 of a list 按支出功能分类，包括 … is the department's expenditure table's 类, summed over its units", () => {
    // 表7: 206 科学技术支出 is 100 in 单位A and 50 in 单位B.
    expect(check("（三）支出预算情况说明", "1.按支出功能分类，包括科学技术支出 150 万元。")).toEqual([]);
    const fs = check("（三）支出预算情况说明", "1.按支出功能分类，包括科学技术支出 105 万元。");
    expect(fs.map((f) => [f.severity, f.code, f.stated, f.computed, f.location.line])).toEqual([["error", "206", "105", "150", 4]]);
  });

  it("a 类 the 财政拨款收支总预算's 支出包括 lists is the 财政拨款收支总表's expenditure item, not the 一般公共预算 table's", () => {
    // 表6's 科学技术支出 140 (with a carry-over beside the 一般公共预算 table's 206: 150 over the units).
    const t6 = `${TABLES}
表 6
政府预算拨款收支总表
单位：万元
收 入→→支 出→
项 目→2023 年预算数→项 目→2023 年预算数
政府预算拨款→150→一、科学技术支出→140
一般公共预算拨款→150→二、社会保障和就业支出→10
本年收入合计→150→本年支出合计→150
收入总计→150→支出总计→150
`;
    const run = (...paragraphs: string[]) => checkText(textVsTable, part(...paragraphs), t6).map((f) => [f.severity, f.stated, f.computed, f.location.line]);
    const text = (science: string) => `2026 年财政拨款收支总预算 150 万元。收入包括：一般公共预算收入 150 万元。支出包括：科学技术支出 ${science} 万元，占 93.3%；社会保障和就业支出 10 万元，占 6.7%。`;
    expect(run(text("140"))).toEqual([]);
    expect(run(text("150"))).toEqual([["error", "150", "140", 3]]);
  });

  it("a 项 named as the text shortens it (…保险费（项） for …保险缴费支出) is that row, when one row only has that name", () => {
    const t7 = (pension: string, annuity: string) => `
表 7
一般公共预算支出表（按功能分类）
单位：万元
预算单位→科目编码→科目名称→支出总计→基本支出→项目支出
单位A→→→100→100→0
→208→社会保障和就业支出→100→100→0
→20805→行政事业单位离退休→100→100→0
→2080505→机关事业单位基本养老保险缴费支出→${pension}→${pension}→0
→2080506→机关事业单位职业年金缴费支出→${annuity}→${annuity}→0
`;
    const run = (stated: string, tables: string) =>
      checkText(textVsTable, part(`行政事业单位离退休（款）机关事业单位基本养老保险费（项）支出 ${stated} 万元。`, "行政事业单位离退休（款）机关事业单位职业年金（项）支出 30 万元。"), tables).map((f) => [f.severity, f.code ?? null, f.stated, f.computed]);
    expect(run("70", t7("70", "30"))).toEqual([]);
    expect(run("75", t7("70", "30"))).toEqual([["error", "2080505", "75", "70"]]);
  });

  it("a bare 收入预算 X 万元 may be this year's 本年收入合计 where the department carries funds over; 收入预算总计 is the 总计", () => {
    // 本年收入合计 140, 上年结转 10, 收入总计 150.
    const carried = `${t1("150", "140")}${T7}`;
    const run = (...paragraphs: string[]) => checkText(textVsTable, part(...paragraphs), carried).map((f) => [f.severity, f.stated, f.computed]);
    expect(run("2026 年收入预算 140 万元。")).toEqual([]);
    expect(run("2026 年收入预算 150 万元。")).toEqual([]);
    expect(run("2026 年收入预算总计 140 万元。")).toEqual([["error", "140", "150"]]);
    expect(run("2026 年收入预算 145 万元。")).toEqual([["error", "145", "150"]]);
  });

  it("fails on a figure the table does not print, at the figure's line, with the table's figure and the difference", () => {
    const fs = check("2026 年收支总预算 150 万元。", "2026 年一般公共预算基本支出 101 万元。", "“三公”经费预算数为 3 万元，其中：公务接待费 4 万元。").sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed, f.difference])).toEqual([
      ["error", "一般公共预算基本支出", "101", "110", "-9"],
      ["error", "公务接待费", "4", "2", "2"],
    ]);
    expect(fs.map((f) => f.location.line)).toEqual([4, 5]);
    expect(fs[0].message).toContain("T7");
  });
});

/** The errors and warnings of text-vs-table and text-sum on a layout text: rule, item, stated, computed. */
const errors = (doc: string) =>
  runRules(loadLayoutText("预算.txt", doc), [textVsTable, textSum], { tolerance: { kind: "auto" }, lang: "en" })
    .filter((f) => f.severity !== "info")
    .map((f) => [f.ruleId, f.item, f.stated, f.computed]);

/**
 * A 北京 财政拨款收支总表 (300 万元: 一般公共预算 200, 政府性基金 100, 国有资本经营 0), its expenditure side by fund; with
 * `carried`, 一般公共预算 carries that over from last year (本年 200, 支出总计 200 + carried).
 */
const allocationTable = (carried = "0.00") => {
  const general = (200 + Number(carried)).toFixed(2);
  const total = (300 + Number(carried)).toFixed(2);
  return layoutTable("北京市某局2026年部门预算", "财政拨款收支总表", `部门：北京市某局${" ".repeat(54)}单位：万元`, [
    `收    入${" ".repeat(40)}支    出`,
    fundsLine("项    目", "预算数", "项    目", ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]),
    fundsLine("一、本年收入", "300.00", "一、本年支出", [total, general, "100.00", "0.00"]),
    fundsLine("（一）一般公共预算财政拨款", "200.00", "（一）农林水支出", [general, general, "0.00", "0.00"]),
    fundsLine("（二）政府性基金预算财政拨款", "100.00", "（二）城乡社区支出", ["100.00", "0.00", "100.00", "0.00"]),
    fundsLine("二、上年结转", carried, "二、结转下年", ["0.00", "0.00", "0.00", "0.00"]),
    fundsLine("（一）一般公共预算财政拨款", carried, "", []),
    fundsLine("      收入总计", total, "支出总计", [total, general, "100.00", "0.00"]),
  ]);
};

describe("the 财政拨款's funds listed under its 收支预算总计 (北京)", () => {
  const text = (total: string, general: string, fund = "100.00", capital = "0.00") =>
    [
      "北京市某局2026年部门预算情况说明",
      "三、财政拨款收支预算情况",
      `2026年财政拨款收支预算总计${total}万元，比2025年减少10.00万元，下降3.23%。其中：一般公共预算财政拨款${general}万元，比2025年减少10.00万元，下降4.76%；政府性基金预算财政拨款${fund}万元，与2025年持平；国有资本经营预算财政拨款${capital}万元。`,
      "",
    ].join("\n");

  it("each fund is the 财政拨款收支总表's 支出总计 column of that fund, and the funds at most the total", () => {
    expect(errors(text("300.00", "200.00") + allocationTable())).toEqual([]);
    // A part's change after it (，比2025年减少…，下降…；) is passed over, the list read on to its last fund.
    const claims = claimsOf(loadLayoutText("预算.txt", text("300.00", "200.00") + allocationTable())).claims;
    expect(claims.filter((c) => c.kind === "table-figure" && c.figure.startsWith("allocation-") && c.figure !== "allocation-grand-total").map((c) => (c.kind === "table-figure" ? `${c.figure} ${c.amount.text}` : ""))).toEqual([
      "allocation-general-public 200.00",
      "allocation-gov-fund 100.00",
      "allocation-state-capital 0.00",
    ]);
  });

  it("fails: a fund the table does not print, or funds that pass the total", () => {
    expect(errors(text("300.00", "200.37") + allocationTable())).toEqual([
      ["text-vs-table", "一般公共预算财政拨款", "200.37", "200"],
      ["text-sum", "财政拨款收支预算总计", "300", "300.37"],
    ]);
    expect(errors(text("300.00", "200.00", "100.00", "0.37") + allocationTable())).toEqual([
      ["text-vs-table", "国有资本经营预算财政拨款", "0.37", "0"],
      ["text-sum", "财政拨款收支预算总计", "300", "300.37"],
    ]);
    // Some funds only (or their 上年结转 left out) are less than the total: not an error.
    expect(errors(text("300.00", "190.00") + allocationTable())).toEqual([["text-vs-table", "一般公共预算财政拨款", "190", "200"]]);
  });

  it("a fund carrying money over: its figure may be this year's allocation (the 本年 row) or all it pays for (the 支出总计 column)", () => {
    // 一般公共预算: 本年 200, 上年结转 50, 支出总计 250.
    expect(errors(text("350.00", "250.00") + allocationTable("50.00"))).toEqual([]);
    expect(errors(text("350.00", "200.00") + allocationTable("50.00"))).toEqual([]);
    expect(errors(text("350.00", "225.00") + allocationTable("50.00"))).toEqual([["text-vs-table", "一般公共预算财政拨款", "225", "250"]]);
  });
});

describe("the 财政拨款收入总计 and its parts, and the 财政拨款支出总计 (安徽)", () => {
  // The 财政拨款收支总表 (allocationTable("50.00")): 本年 一般公共预算 200, 政府性基金 100; 上年结转 50; 收入总计 and 支出总计 350.
  const text = (total: string, general: string, fund: string, carried: string, spent: string) =>
    [
      "北京市某局2026年部门预算情况说明",
      "四、财政拨款收支预算总体情况",
      `2026年财政拨款收入总计${total}万元，其中：一般公共预算拨款收入${general}万元，政府性基金预算拨款收入${fund}万元，上年结转${carried}万元；财政拨款支出总计${spent}万元，与2025年相比，财政拨款收、支总计各增加10.00万元，增长2.94%。`,
      "",
    ].join("\n");
  const figures = (doc: string) =>
    claimsOf(loadLayoutText("预算.txt", doc))
      .claims.filter((c) => c.kind === "table-figure" || c.kind === "department-total")
      .map((c) => (c.kind === "table-figure" ? `${c.figure} ${c.amount.text}` : `department ${c.side} ${c.amount.text}`));

  it("reads the 收入总计 as the table's (its 上年结转 listed), each fund's 本年 income, the 上年结转 and the 支出总计", () => {
    const doc = text("350.00", "200.00", "100.00", "50.00", "350.00") + allocationTable("50.00");
    expect(figures(doc)).toEqual([
      "allocation-expenditure-total 350.00",
      "allocation-grand-total 350.00",
      "allocation-general-public-income 200.00",
      "allocation-gov-fund-income 100.00",
      "allocation-carryover 50.00",
    ]);
    expect(errors(doc)).toEqual([]);
  });

  it("fails: each figure the table does not print", () => {
    const table = allocationTable("50.00");
    expect(errors(text("353.00", "200.00", "100.00", "50.00", "350.00") + table)).toEqual([["text-vs-table", "财政拨款收入总计", "353", "350"]]);
    // (A part typed higher makes the parts exceed the 收入总计 as well: the list is at most it, round 55.)
    expect(errors(text("350.00", "203.00", "100.00", "50.00", "350.00") + table)).toEqual([
      ["text-vs-table", "一般公共预算拨款收入", "203", "200"],
      ["text-sum", "财政拨款收入总计", "350", "353"],
    ]);
    expect(errors(text("350.00", "200.00", "100.00", "53.00", "350.00") + table)).toEqual([
      ["text-vs-table", "上年结转", "53", "50"],
      ["text-sum", "财政拨款收入总计", "350", "353"],
    ]);
    expect(errors(text("350.00", "200.00", "100.00", "50.00", "353.00") + table)).toEqual([["text-vs-table", "财政拨款支出总计", "353", "350"]]);
  });

  it("财政拨款收入总计 X 万元，支出总计 Y 万元: the table's two 总计, not the department's 支出; without a 上年结转 listed or a 支出总计, 总计 may be this year's only", () => {
    const table = allocationTable("50.00");
    const totals = (income: string, spent: string) => ["北京市某局2026年部门预算情况说明", "四、财政拨款收支预算总体情况", `2026年财政拨款收入总计${income}万元，支出总计${spent}万元。`, ""].join("\n");
    expect(figures(totals("350.00", "350.00") + table)).toEqual(["allocation-expenditure-total 350.00", "allocation-grand-total 350.00"]);
    expect(errors(totals("350.00", "353.00") + table)).toEqual([["text-vs-table", "财政拨款支出总计", "353", "350"]]);
    // A list of the funds alone (no 上年结转): this year's 财政拨款 or the table's 收入总计, as the figure is.
    const funds = (income: string) => ["北京市某局2026年部门预算情况说明", "四、财政拨款收支预算总体情况", `2026年财政拨款收入总计${income}万元，其中：一般公共预算拨款收入200.00万元，政府性基金预算拨款收入100.00万元。`, ""].join("\n");
    expect(figures(funds("350.00") + table)).toEqual(["allocation-income 350.00"]);
  });

  it("财政拨款收、支总计均为 X 万元 and 财政拨款收入支出预算总计 X 万元 are the table's 收入总计; 收、支总计各增加 is a change", () => {
    expect(read("2026年财政拨款收、支总计均为350.00万元。")).toEqual(["figure allocation-grand-total 财政拨款收支总预算 350.00"]);
    expect(read("2026年财政拨款收入支出预算总计350.00万元。")).toEqual(["figure allocation-grand-total 财政拨款收支总预算 350.00"]);
    expect(read("与2025年相比，财政拨款收、支总计各增加10.00万元，增长2.94%。")).toEqual([]);
  });
});

describe("基本支出 and 项目支出 under the 一般公共预算's spending, a 类 list introduced by …支出中：, and the 绩效 share (北京)", () => {
  it("其中：基本支出 a，项目支出 b after the 一般公共预算财政拨款支出's sentence: the 一般公共预算 table's columns, and its whole", () => {
    // 表7: 150 = 110 basic + 40 project.
    const run = (basic: string, project: string) =>
      [...checkText(textVsTable, part(`2026年一般公共预算财政拨款支出预算150万元，比2025年减少10万元，下降6.25%。其中：基本支出${basic}万元，项目支出${project}万元。`)), ...checkText(textSum, part(`2026年一般公共预算财政拨款支出预算150万元，比2025年减少10万元，下降6.25%。其中：基本支出${basic}万元，项目支出${project}万元。`))]
        .filter((f) => f.severity !== "info")
        .map((f) => [f.ruleId, f.item, f.stated, f.computed]);
    expect(run("110", "40")).toEqual([]);
    expect(run("110", "45")).toEqual([
      ["text-vs-table", "一般公共预算项目支出", "45", "40"],
      ["text-sum", "一般公共预算财政拨款支出预算", "150", "155"],
    ]);
    // Under the department's 支出 total they are the expenditure table's, not the 一般公共预算 table's.
    expect(read("2026年一般公共预算财政拨款支出预算150万元。其中：基本支出110万元，项目支出40万元。")).toEqual([
      "figure general 一般公共预算当年拨款 150",
      "figure general-basic 一般公共预算基本支出 110",
      "figure general-project 一般公共预算项目支出 40",
    ]);
    expect(read("2026年部门支出预算150万元。其中：基本支出110万元，项目支出40万元。")).toEqual(["department expenditure 150", "figure basic 基本支出 110", "figure project 项目支出 40"]);
    // 其中 naming other parts (人员经费, 公用经费) is not read as 基本支出 / 项目支出.
    expect(read("2026年一般公共预算财政拨款支出预算150万元。其中：人员经费100万元，公用经费10万元。").filter((x) => /basic|project/.test(x))).toEqual([]);
  });

  it("按支出功能分类科目，2026年一般公共预算财政拨款支出中：X支出 a 万元 …: the 一般公共预算 table's 类", () => {
    const list = (year: string, science: string) => part("四、一般公共预算财政拨款支出预算情况", `按支出功能分类科目，${year}年一般公共预算财政拨款支出中：科学技术支出${science}万元，占100.00%。`);
    expect(claimsOf(textDoc(list("2026", "150"))).claims.filter((c) => c.kind === "function-item").map((c) => (c.kind === "function-item" ? `${c.names.join("-")} ${c.amount.text} ${c.scope}` : ""))).toEqual(["科学技术支出 150 general"]);
    expect(checkText(textVsTable, list("2026", "150")).filter((f) => f.severity !== "info")).toEqual([]);
    expect(checkText(textVsTable, list("2026", "140")).filter((f) => f.severity !== "info").map((f) => [f.code, f.stated, f.computed])).toEqual([["206", "140", "150"]]);
    // Another year's spending (2025年…支出中) is not this budget's.
    expect(claimsOf(textDoc(list("2025", "140"))).claims.filter((c) => c.kind === "function-item")).toEqual([]);
    // The 财政拨款's (every fund's) 类 are of the 财政拨款 tables, not of the 一般公共预算 table alone.
    const allocation = part("四、财政拨款支出预算情况", "按支出功能分类科目，2026年财政拨款支出中：科学技术支出150万元，占100.00%。");
    expect(claimsOf(textDoc(allocation)).claims.filter((c) => c.kind === "function-item").map((c) => (c.kind === "function-item" ? c.scope : ""))).toEqual(["allocation"]);
  });

  it("涉及项目预算资金 X 万元，占项目支出预算的 P%: X ÷ the expenditure table's 项目支出 (表3: 40)", () => {
    const run = (pct: string) =>
      checkText(textVsTable, part(`2026年本部门实行绩效目标管理的项目14个，涉及项目预算资金40.00万元，占项目支出预算的${pct}%。`), `${TABLES}${T3}`)
        .filter((f) => f.severity !== "info")
        .map((f) => [f.column, f.stated]);
    expect(run("100")).toEqual([]);
    // (表3 prints whole 万元: 40 may be 39.5 to 40.5, 98.75% to 101.28% of it.)
    expect(run("90")).toEqual([["占比", "90"]]);
    // A share of another base (占部门预算的) is not read.
    expect(checkText(textVsTable, part("2026年本部门实行绩效目标管理的项目14个，涉及项目预算资金40.00万元，占部门预算的26.67%。"), `${TABLES}${T3}`).filter((f) => f.severity !== "info")).toEqual([]);
  });
});

/*
 * 人员经费 and 公用经费 with the economic classes they hold (河北: 人员经费 X 万元，主要包括工资福利支出 Y 万元、对个人和家庭的
 * 补助 Z 万元；公用经费 W 万元，主要包括商品和服务支出 …): each class against its row (301, 303, 302) of the
 * 一般公共预算基本支出表. The classes' figures were not read.
 */
describe("the economic classes stated under 一般公共预算基本支出", () => {
  const UNIT_LINE = `编制单位：某省某厅${" ".repeat(50)}单位：万元`;
  const row = (code: string, name: string, xs: string[]) => `${pad(`${code}   ${name}`, 36)}${xs.map((x) => padL(x, 14)).join("")}`;
  const basicTable = () =>
    layoutTable("某省某厅2026年部门预算", "一般公共预算基本支出表", UNIT_LINE, [
      row("科目编码", "科目名称", ["合计", "人员经费", "公用经费"]),
      row("", "合    计", ["100.00", "80.00", "20.00"]),
      row("301", "工资福利支出", ["70.00", "70.00", "0.00"]),
      row("30101", "基本工资", ["70.00", "70.00", "0.00"]),
      row("302", "商品和服务支出", ["20.00", "0.00", "20.00"]),
      row("30201", "办公费", ["20.00", "0.00", "20.00"]),
      row("303", "对个人和家庭的补助", ["10.00", "10.00", "0.00"]),
      row("30302", "退休费", ["10.00", "10.00", "0.00"]),
    ]);
  const text = (wages: string, individual = "10.00") =>
    [
      "某省某厅2026年部门预算情况说明",
      "三、一般公共预算支出预算情况",
      `（三）一般公共预算基本支出100.00万元，其中：人员经费80.00万元，主要包括工资福利支出${wages}万元、对个人和家庭的补助${individual}万元；公用经费20.00万元，主要包括商品和服务支出20.00万元。`,
      "",
    ].join("\n");

  it("reads each class after 人员经费 / 公用经费, and each agrees with its row: no error", () => {
    const claims = claimsOf(loadLayoutText("预算.txt", text("70.00") + basicTable())).claims;
    expect(claims.filter((c) => c.kind === "table-figure").map((c) => (c.kind === "table-figure" ? `${c.figure} ${c.amount.text}` : ""))).toEqual([
      "general-basic 100.00",
      "personnel 80.00",
      "public 20.00",
      "general-wages 70.00",
      "general-individual 10.00",
      "general-goods 20.00",
    ]);
    expect(errors(text("70.00") + basicTable())).toEqual([]);
  });

  it("fails: a class's figure other than its row's", () => {
    // (77 + 10 exceed the 人员经费 80 they are said to be mainly of: round 55.)
    expect(errors(text("77.00") + basicTable())).toEqual([
      ["text-vs-table", "工资福利支出", "77", "70"],
      ["text-sum", "人员经费", "80", "87"],
    ]);
    expect(errors(text("70.00", "1.00") + basicTable())).toEqual([["text-vs-table", "对个人和家庭的补助", "1", "10"]]);
  });

  it("not read after a comparison (比上年 …) nor outside the 一般公共预算基本支出's paragraphs", () => {
    expect(read("2026 年一般公共预算基本支出 100 万元。", "七、关于“三公”经费的说明", "工资福利支出 70 万元。")).toEqual(["figure general-basic 一般公共预算基本支出 100"]);
    expect(read("工资福利支出 70 万元。")).toEqual([]);
  });
});

describe("收入包括：… / 支出包括：… in a paragraph of the department's own total (天津)", () => {
  const TIANJIN = (science = "150", carried = "0") =>
    `按照综合预算的原则，某局所有收入和支出均纳入部门预算管理。收入包括：一般公共预算拨款收入150.00万元、政府性基金预算拨款收入0万元、财政专户管理资金收入0万元、事业收入0万元、其他收入0万元；上年结转0万元。支出包括：科学技术支出${science}.00万元；结转下年${carried}万元。2026年收支总预算150.00万元，比上年增加10.00万元，增长7.14%。`;

  it("reads each source of income, the 上年结转, each 类 and the 结转下年 as the department's: the paragraph's total is the department's", () => {
    expect(read(TIANJIN())).toEqual([
      "department income 150.00",
      "figure general-public-income 一般公共预算拨款收入 150.00",
      "figure gov-fund-income 政府性基金预算拨款收入 0",
      "figure special-account-income 财政专户管理资金收入 0",
      "figure business-income 事业收入 0",
      "figure other-income 其他收入 0",
      "figure carryover 上年结转 0",
      "item 科学技术支出(类) 150.00",
      "figure carryforward 结转下年 0",
    ]);
    const scopes = claimsOf(textDoc(part(TIANJIN()))).claims.flatMap((c) => (c.kind === "function-item" ? [c.scope] : []));
    expect(scopes).toEqual(["department"]);
    // The total before the lists, no words of the 部门预算: the same.
    expect(read("2026年收支总预算150.00万元。收入包括：事业收入150.00万元。支出包括：科学技术支出150.00万元。")).toEqual([
      "department income 150.00",
      "figure business-income 事业收入 150.00",
      "item 科学技术支出(类) 150.00",
    ]);
  });

  it("not read where the paragraph names a fund or the 财政拨款 before its lists, or states no total of the department's", () => {
    expect(read("某局一般公共预算安排如下。收入包括：事业收入150.00万元。支出包括：科学技术支出150.00万元。")).toEqual([]);
    expect(read("收入包括：事业收入150.00万元。支出包括：科学技术支出150.00万元。")).toEqual([]);
    // (基本支出包括：… is a part's list, not the department's spending.)
    expect(read("2026年收支总预算150.00万元。基本支出包括：科学技术支出150.00万元。")).toEqual(["department income 150.00"]);
  });

  it("fails: a 类 of the department's list against the expenditure table, its 结转下年 against the 收支总表's", () => {
    const tables = `${t1("150", "140")}${T3}`;
    const run = (science: string, carried = "0") => checkText(textVsTable, part(TIANJIN(science, carried)), tables).filter((f) => f.severity === "error").map((f) => [f.item, f.stated, f.computed]);
    expect(run("150")).toEqual([]);
    expect(run("140")).toEqual([["科学技术支出", "140", "150"]]);
    expect(run("150", "3")).toEqual([["结转下年", "3", "0"]]);
  });

  it("the 财政拨款收支总预算's 上年结转 and 结转下年 are the 财政拨款收支总表's", () => {
    expect(read("2026 年财政拨款收支总预算 150.00 万元。收入包括：一般公共预算收入 150.00 万元；上年结转 0 万元。支出包括：科学技术支出 150.00 万元；结转下年 0 万元。")).toEqual([
      "figure allocation-grand-total 财政拨款收支总预算 150.00",
      "figure general-public-income 一般公共预算收入 150.00",
      "figure allocation-carryover 上年结转 0",
      "item 科学技术支出(类) 150.00",
      "figure allocation-carryforward 结转下年 0",
    ]);
  });
});

describe("a list of 类 with their shares under a spending the text has told (天津's 一般公共预算当年拨款结构情况)", () => {
  const T7_TWO = `
表 7
一般公共预算支出表（按功能分类）
单位：万元
预算单位→科目编码→科目名称→支出总计→基本支出→项目支出
部门→→→150→110→40
单位A→→→150→110→40
→206→科学技术支出→100→60→40
→208→社会保障和就业支出→50→50→0
`;
  const structure = (science: string, lead = "2026年一般公共预算当年拨款150.00万元，比2025年预算增加10.00万元，增长7.14%。") =>
    part("五、关于一般公共预算支出情况表的说明", "（一）一般公共预算当年拨款规模变化情况", lead, "（二）一般公共预算当年拨款结构情况", `科学技术支出${science}万元，占66.67%；社会保障和就业支出50.00万元，占33.33%。`);
  const items = (text: string) => claimsOf(textDoc(text)).claims.flatMap((c) => (c.kind === "function-item" ? [`${c.names[0]} ${c.amount.text} ${c.scope}`] : []));

  it("each 类 is the 一般公共预算's, where the total the shares are of is its 当年拨款", () => {
    expect(items(structure("100.00"))).toEqual(["科学技术支出 100.00 general", "社会保障和就业支出 50.00 general"]);
    // Shares of a total whose spending is not told (a figure of no known kind): no 类 read.
    expect(items(structure("100.00", "2026年某项资金150.00万元。"))).toEqual([]);
  });

  it("fails: a 类 that disagrees with the 一般公共预算 table", () => {
    const errors = (science: string) => checkText(textVsTable, structure(science), T7_TWO).filter((f) => f.severity === "error").map((f) => [f.item, f.stated, f.computed]);
    expect(errors("100.00")).toEqual([]);
    expect(errors("110.00")).toEqual([["科学技术支出", "110", "100"]]);
  });

  it("其中：… under the spending's total: its 类 too", () => {
    expect(items(part("2026年一般公共预算当年拨款150.00万元，其中：科学技术支出100.00万元，社会保障和就业支出50.00万元。"))).toEqual(["科学技术支出 100.00 general", "社会保障和就业支出 50.00 general"]);
  });
});
