import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE, FINAL_GOV_FUND_TABLE } from "../helpers/final.js";
import { runRules } from "../../src/engine/run.js";
import { yoyChange } from "../../src/rules/yoy-change.js";
import { textSum } from "../../src/rules/text-sum.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";
import { budgetExecution } from "../../src/rules/budget-execution.js";

/* A 决算's 情况说明 read into claims (src/claims/final.ts), on a small layout document. */
const TABLE = FINAL_FUNCTION_TABLE;
const claims = (paragraphs: string[]) =>
  claimsOf(loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", ...paragraphs].join("\n"), { template: shanghaiFinal })).claims;
const figures = (paragraphs: string[]) => claims(paragraphs).flatMap((c) => (c.kind === "table-figure" ? [`${c.figure} ${c.amount.text}`] : []));

describe("the 决算's 情况说明", () => {
  it("reads the 支出决算 paragraph's totals and its 其中 parts", () => {
    expect(figures(["  本年支出合计1,521.89万元，其中：基本支出1,511.89万元，占99.34%；项目支出10.00万元，占0.66%。"])).toEqual([
      "expenditure-subtotal 1,521.89",
      "basic 1,511.89",
      "project 10.00",
    ]);
  });

  it("a heading run on in its paragraph is the section's words alone, not the text after it (广西's (一)收入决算情况。本年收入合计 …)", () => {
    // The funds the income's parts name are no scope of the section: its 年初结转和结余 is the department's.
    expect(
      figures([
        "  一、2024年度收入支出决算总体情况",
        "  （一）收入决算情况。本年收入合计300.00万元，其中：一般公共预算财政拨款收入280.00万元，占93.33%；事业收入20.00万元，占6.67%。年初结转和结余12.00万元。",
      ]),
    ).toEqual(["opening 12.00", "income-subtotal 300.00", "general-public-income 280.00", "business-income 20.00"]);
  });

  it("the fund tables' 本年支出 in their own sections (八、九: 政府性基金 / 国有资本经营预算财政拨款支出 X 万元)", () => {
    expect(
      figures([
        "  八、政府性基金预算财政拨款收入支出决算情况说明",
        "  2024年度政府性基金预算财政拨款支出2465.37万元，主要用于中央专项彩票公益金支出。",
        "  九、国有资本经营预算财政拨款支出决算情况说明",
        "  2024年度国有资本经营预算财政拨款支出182.27万元，主要用于所属企业解决历史遗留问题。",
      ]),
    ).toEqual(["gov-fund-expenditure 2465.37", "state-capital-expenditure 182.27"]);
  });

  it("an item whose name holds a word in brackets (中医（民族）医院（项）) is read", () => {
    const items = (paragraph: string) =>
      claims([paragraph]).flatMap((c) => (c.kind === "execution" ? [`${c.label} ${c.final.text}`] : []));
    expect(items("  1.卫生健康支出（类）公立医院（款）中医（民族）医院（项）。年初预算为1183.00万元，支出决算为1245.31万元，完成年初预算的105.27%。")).toEqual([
      "卫生健康支出-公立医院-中医(民族)医院 1245.31",
    ]);
  });

  it("a 其中 part under another whole (一般公共预算财政拨款支出…其中：基本支出) is not read as the 支出决算表's", () => {
    expect(figures(["  一般公共预算财政拨款支出1,521.89万元，其中：基本支出1,511.89万元，项目支出10.00万元。"])).toEqual(["general 1,521.89"]);
  });

  it("人员经费 and 公用经费 in paragraphs of their own under the 基本支出 section's heading (天津, 吉林)", () => {
    const read = figures([
      "六、一般公共预算财政拨款基本支出决算情况说明",
      "    2024年度一般公共预算财政拨款基本支出4579.95万元，其中：",
      "    人员经费3946.70万元，主要包括：基本工资、津贴补贴、奖金。",
      "    公用经费633.25万元，主要包括：办公费、印刷费、水费。",
    ]);
    expect(read).toEqual(expect.arrayContaining(["personnel 3946.70", "public 633.25"]));
    // (Under another section they are some other whole's parts, not read as the 基本支出's.)
    expect(figures(["七、机关运行经费支出说明", "    人员经费3946.70万元，主要包括：基本工资。"]).filter((f) => f.startsWith("personnel"))).toEqual([]);
  });

  it("the “三公” components' 决算, 因公出国（境）费 printed 经费 or 费用 and 公务用车 printed 公务车", () => {
    const sanggong = (text: string) => claims([text]).flatMap((c) => (c.kind === "sanggong-final" ? [`${c.component} ${c.label} ${c.amount.text} ${c.completion?.text ?? "-"}`] : []));
    expect(sanggong("  2024年度“三公”经费支出决算中，因公出国（境）经费决算为1.20万元，完成预算的60%；公务车购置及运行费决算为10.00万元；公务接待费决算为0.50万元。")).toEqual([
      "abroad 因公出国(境)经费 1.20 60",
      "vehicle 公务车购置及运行费 10.00 -",
      "reception 公务接待费 0.50 -",
    ]);
    expect(sanggong("  “三公”经费中，因公出国（境）费用决算为2万元。")).toEqual(["abroad 因公出国(境)费用 2 -"]);
  });

  it("the 收入决算 by fund in the national template's wording: 一般公共预算财政拨款收入 X 万元，占 P%", () => {
    expect(figures(["  2024年度本年收入合计11039.09万元，其中：一般公共预算财政拨款收入10914.56万元，占98.87%；政府性基金预算财政拨款收入20.00万元，占0.18%；事业收入98.00万元，占0.89%。"])).toEqual([
      "income-subtotal 11039.09",
      "general-public-income 10914.56",
      "gov-fund-income 20.00",
      "business-income 98.00",
    ]);
  });

  it("the 年初 and 年末 结转和结余 of the 总体情况 (the 收支总表's) and of the 财政拨款 (its 收支总表's), not a fund's", () => {
    const carry = (...paragraphs: string[]) => figures(paragraphs).filter((f) => /opening|closing/.test(f));
    expect(carry("  一、收入支出决算总体情况说明", "  其中：本年收入合计11039.09万元，使用非财政拨款结余0.00万元，年初结转和结余397.46万元；本年支出合计11226.59万元，年末结转和结余209.96万元。")).toEqual([
      "opening 397.46",
      "closing 209.96",
    ]);
    expect(carry("  四、财政拨款收入支出决算总体情况说明", "  其中：年初财政拨款结转和结余215.00万元，本年财政拨款收入10914.56万元；年末财政拨款结转和结余38.64万元。")).toEqual([
      "allocation-opening 215.00",
      "allocation-closing 38.64",
    ]);
    // (The parts of the 财政拨款's after it, by fund, do not make the 年末 after the ；a fund's.)
    expect(carry("  四、财政拨款收入支出决算总体情况说明", "  年初财政拨款结转和结余50.65万元，其中一般公共预算财政拨款12.00万元，政府性基金预算财政拨款38.65万元；年末财政拨款结转和结余63.73万元，其中一般公共预算财政拨款45.23万元。")).toEqual([
      "allocation-opening 50.65",
      "allocation-closing 63.73",
    ]);
    // A fund's, and the department's words under the allocations' heading: not these rows.
    expect(carry("  七、政府性基金预算财政拨款收入支出决算情况说明", "  2024年度政府性基金预算财政拨款年初结转和结余38.65万元，本年收入204.50万元，年末结转和结余18.50万元。")).toEqual([]);
  });

  it("the 总体情况's 使用非财政拨款结余 and 结余分配, and the 财政拨款's 本年财政拨款收入 and 支出; not a fund's", () => {
    const rows = (...paragraphs: string[]) => figures(paragraphs).filter((f) => /balance|allocation-(income|expenditure)-subtotal/.test(f));
    expect(rows("  一、收入支出决算总体情况说明", "  其中：本年收入合计18599.92万元，使用非财政拨款结余（含专用结余）11.59万元，年初结转和结余1484.43万元；本年支出合计18906.82万元，结余分配8.71万元，年末结转和结余1180.41万元。")).toEqual([
      "non-allocation-balance-used 11.59",
      "balance-distribution 8.71",
    ]);
    expect(rows("  四、财政拨款收入支出决算总体情况说明", "  其中：年初财政拨款结转和结余1443.12万元，本年财政拨款收入18257.47万元；本年财政拨款支出18563.40万元，年末财政拨款结转和结余1137.20万元。")).toEqual([
      "allocation-income-subtotal 18257.47",
      "allocation-expenditure-subtotal 18563.40",
    ]);
    // A fund's section, or a sentence naming a fund before the figure: that fund's, not the 财政拨款收支总表's rows.
    expect(rows("  七、政府性基金预算财政拨款收入支出决算情况说明", "  本年财政拨款收入204.50万元，本年财政拨款支出224.65万元。")).toEqual([]);
    expect(rows("  四、财政拨款收入支出决算总体情况说明", "  其中政府性基金预算本年财政拨款收入204.50万元。")).toEqual([]);
  });

  it("the national template's wording: 收、支总计 and its change against 上年 as against a year", () => {
    const changes = (text: string) =>
      claims([text]).flatMap((c) => (c.kind === "table-figure" || c.kind === "operating-cost" ? [`${c.kind === "table-figure" ? c.figure : "operating-cost"} ${c.amount.text} ${c.change ? `${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%` : "-"}`] : []));
    expect(changes("  2023年度收、支总计100.00万元。与上年相比，收、支总计各增加10.00万元，增长11.11%。")).toEqual(["grand-total 100.00 increase 10.00 11.11%"]);
    expect(changes("  2023年度财政拨款收、支总计100.00万元。与2022年度相比，财政拨款收、支总计各减少10.00万元，下降9.09%。")).toEqual(["allocation-grand-total 100.00 decrease 10.00 9.09%"]);
    expect(changes("  2023年度机关运行经费支出100.00万元，比上年增加10.00万元，增长11.11%。")).toEqual(["operating-cost 100.00 increase 10.00 11.11%"]);
    // The percentage first.
    expect(changes("  2023年度机关运行经费支出90.00万元，比上年下降10%，减少10.00万元。")).toEqual(["operating-cost 90.00 decrease 10.00 10%"]);
  });

  it("收入总计 and 支出总计 stated apart (河北's wording), the change after them read for the income side", () => {
    const changes = (text: string) =>
      claims([text]).flatMap((c) => (c.kind === "table-figure" ? [`${c.figure} ${c.amount.text} ${c.change ? `${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%` : "-"}`] : []));
    expect(changes("  2024年度收入总计77321242.17元，支出总计77321242.17元。与2023年度相比，收、支总计各增加5458036.69元，增长7.60%。")).toEqual([
      "grand-total 77321242.17 increase 5458036.69 7.60%",
      "expenditure-total 77321242.17 -",
    ]);
    expect(changes("  2024年度财政拨款收入总计772.60万元，支出总计772.60万元。")).toEqual(["allocation-grand-total 772.60 -", "allocation-expenditure-total 772.60 -"]);
  });

  it("the national template's 收、支总计均为, and 2023年度收入合计 with its 其中 parts (no 本年)", () => {
    const changes = (text: string) =>
      claims([text]).flatMap((c) => (c.kind === "table-figure" ? [`${c.figure} ${c.amount.text} ${c.change ? `${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%` : "-"}`] : []));
    expect(changes("  2023年度收、支总计均为4,165.18万元。与2022年度相比，收、支总计各增加41.68万元，增长1.01%。")).toEqual(["grand-total 4,165.18 increase 41.68 1.01%"]);
    expect(changes("  2023年度财政拨款收、支总计均为4,069.41万元。")).toEqual(["allocation-grand-total 4,069.41 -"]);
    expect(figures(["  2023年度收入合计4,114.38万元，其中：财政拨款收入4,027.92万元，占97.90%；事业收入66.46万元，占1.62%；其他收入20.00万元，占0.48%。"])).toEqual([
      "income-subtotal 4,114.38",
      "allocation-income 4,027.92",
      "other-income 20.00",
      "business-income 66.46",
    ]);
    expect(figures(["  2023年度支出合计4,127.38万元，其中：基本支出2,902.13万元，占70.31%；项目支出1,225.25万元，占29.69%。"])).toEqual([
      "expenditure-subtotal 4,127.38",
      "basic 2,902.13",
      "project 1,225.25",
    ]);
  });

  it("the national template's 三公: each budget printed before its 决算 (支出预算为 B 万元，支出决算为 X 万元)", () => {
    const sanggong = claims([
      "  “三公”经费财政拨款支出预算为23.50万元，支出决算为17.70万元，完成预算的75.32%，其中：因公出国（境）费支出预算为12.00万元，支出决算为8.64万元，完成预算的72.00%；公务接待费支出预算为3.00万元，支出决算为1.82万元，完成预算的60.67%。",
    ]).flatMap((c) => (c.kind === "sanggong-final" ? [`${c.component} ${c.budget?.text ?? "-"} ${c.amount.text} ${c.completion?.text ?? "-"}`] : []));
    expect(sanggong).toEqual(["total 23.50 17.70 75.32", "abroad 12.00 8.64 72.00", "reception 3.00 1.82 60.67"]);
  });

  it("the 三公's components under its heading, in paragraphs that do not name it (1.因公出国（境）经费支出 X 万元)", () => {
    const sanggong = (paragraphs: string[]) => claims(paragraphs).flatMap((c) => (c.kind === "sanggong-final" ? [`${c.component} ${c.amount.text}`] : []));
    const items = ["  1.因公出国（境）经费支出8.64万元，全年安排因公出国（境）团组2个。", "  2.公务用车购置及运行维护费支出7.23万元。", "  3.公务接待费支出1.82万元，国内公务接待18批次。"];
    expect(sanggong(["  （二）“三公”经费财政拨款支出决算具体情况说明", ...items])).toEqual(["abroad 8.64", "vehicle 7.23", "reception 1.82"]);
    // Under another heading they are not the 三公's.
    expect(sanggong(["  （二）“三公”经费财政拨款支出决算具体情况说明", "  （三）机关运行经费支出情况", ...items])).toEqual([]);
  });

  it("passes and fails: the change's percentage so read is judged (10 on 100 − 10 is 11.11%, not 10%)", () => {
    const doc = (pct: string) => loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", `  2024年度收、支总计100.00万元。与上年相比，收、支总计各增加10.00万元，增长${pct}%。`].join("\n"), { template: shanghaiFinal });
    const judged = (pct: string) => runRules(doc(pct), [yoyChange], { tolerance: { kind: "auto" }, lang: "en" }).map((f) => `${f.severity} ${f.stated} ${f.computed}`);
    expect(judged("11.11")).toEqual([]);
    expect(judged("10.00")).toEqual(["error 10 11.111"]);
  });

  it("the national template's 三公 total (决算为 X 万元，完成预算的 P%) and 政府采购支出总额 with its kinds", () => {
    const text = (total: string) =>
      `  2024年度“三公”经费财政拨款支出决算为${total}万元，完成预算的83.33%。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行维护费支出决算为8.30万元；公务接待费支出决算为4.20万元。`;
    const sanggong = claims([text("12.50")]).flatMap((c) => (c.kind === "sanggong-final" ? [`${c.component} ${c.label} ${c.amount.text} ${c.completion?.text ?? "-"}`] : []));
    expect(sanggong).toEqual(["total “三公”经费 12.50 83.33", "abroad 因公出国(境)费 0 -", "vehicle 公务用车购置及运行维护费 8.30 -", "reception 公务接待费 4.20 -"]);
    const summed = (t: string) =>
      runRules(loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", text(t)].join("\n"), { template: shanghaiFinal }), [textSum], { tolerance: { kind: "auto" }, lang: "en" }).map(
        (f) => `${f.severity} ${f.item} ${f.stated} ${f.computed}`,
      );
    expect(summed("12.50")).toEqual([]);
    expect(summed("12.80")).toEqual(["error “三公”经费 决算 12.8 12.5"]);
    const procurement = claims(["  2024年度政府采购支出总额100.00万元，其中：政府采购货物支出60.00万元、政府采购工程支出0万元、政府采购服务支出40.00万元。"]).flatMap((c) =>
      c.kind === "procurement" ? [`${c.amount.text} = ${c.components.map((k) => `${k.label} ${k.amount.text}`).join(" + ")}`] : [],
    );
    expect(procurement).toEqual(["100.00 = 货物采购 60.00 + 工程采购 0 + 服务采购 40.00"]);
  });

  it("the national template's 结构情况 (一般公共服务（类）支出 X 万元，占 P%) and an item numbered 1. are checked against the table", () => {
    const doc = (lei: string, item: string) =>
      loadLayoutText(
        "final.txt",
        [
          ...TABLE,
          "第三部分 某局2024年度部门决算情况说明",
          `  2024年度一般公共预算财政拨款支出1,521.89万元，主要用于以下方面：一般公共服务（类）支出${lei}万元，占100%。`,
          `  1.一般公共服务（类）财政事务（款）行政运行（项）：年初预算为1,600.00万元，支出决算为${item}万元，完成年初预算的94.49%。`,
        ].join("\n"),
        { template: shanghaiFinal },
      );
    const judged = (lei: string, item: string) => runRules(doc(lei, item), [textVsTable], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error").map((f) => `${f.item} ${f.stated} ${f.computed}`);
    const items = claimsOf(doc("1,521.89", "1,511.89")).claims.flatMap((c) => (c.kind === "function-item" ? [`${c.names.join("-")} ${c.amount.text}`] : []));
    expect(items).toEqual(["一般公共服务支出 1,521.89", "一般公共服务-财政事务-行政运行 1,511.89"]);
    expect(judged("1,521.89", "1,511.89")).toEqual([]);
    expect(judged("1,512.89", "1,511.89").length).toBe(1);
    expect(judged("1,521.89", "1,151.89").length).toBe(1);
  });

  it("a 类 named whole and then 支出 (社会保障和就业支出（类）支出 X 万元, 宁波's 结构情况) names the table's row, not …支出支出", () => {
    const items = claims(["  （二）一般公共预算财政拨款支出决算结构情况", "  一般公共服务支出（类）支出1,521.89万元，占100%。"]).flatMap((c) =>
      c.kind === "function-item" ? [`${c.names.join("-")} ${c.amount.text}`] : [],
    );
    expect(items).toEqual(["一般公共服务支出 1,521.89"]);
  });

  it("a 类 headline (1.一般公共服务支出（类）。年初预算为 …) and the 项 under it by their 款 and 项 are read, the headline's 类 completing their path", () => {
    const doc = (lei: string, item: string, leiPct = "95.12") =>
      loadLayoutText(
        "final.txt",
        [
          ...TABLE,
          "第三部分 某局2024年度部门决算情况说明",
          "  （三）一般公共预算财政拨款支出决算具体情况",
          `  1.一般公共服务支出（类）。年初预算为1,600.00万元，支出决算为${lei}万元，完成年初预算的${leiPct}%。`,
          `  （1）财政事务（款）行政运行（项）。全年预算数为1,590.00万元，决算数为${item}万元，完成预算的95.09%。决算数小于预算数的主要原因是人员减少。`,
          "  （2）财政事务（款）一般行政管理事务（项）。年初预算为10.00万元，支出决算为10.00万元，完成年初预算的100.00%。",
          "  （四）一般公共预算财政拨款基本支出决算情况说明",
          "  （1）财政事务（款）行政运行（项）。年初预算为1,590.00万元，支出决算为1,511.89万元。",
        ].join("\n"),
        { template: shanghaiFinal },
      );
    const read = claimsOf(doc("1,521.89", "1,511.89")).claims.flatMap((c) =>
      c.kind === "execution" ? [`${c.label} ${c.budget.text} ${c.final.text} ${c.percent?.text ?? "-"}`] : c.kind === "function-item" ? [`item ${c.names.join("-")} ${c.amount.text}`] : [],
    );
    // (Under the next section's heading a 项 by its 款 and 项 has no 类: not read.)
    expect(read).toEqual([
      "一般公共服务支出 1,600.00 1,521.89 95.12",
      "item 一般公共服务支出 1,521.89",
      "一般公共服务支出-财政事务-行政运行 1,590.00 1,511.89 95.09",
      "item 一般公共服务支出-财政事务-行政运行 1,511.89",
      "一般公共服务支出-财政事务-一般行政管理事务 10.00 10.00 100.00",
      "item 一般公共服务支出-财政事务-一般行政管理事务 10.00",
    ]);
    const judged = (lei: string, item: string, leiPct?: string) =>
      runRules(doc(lei, item, leiPct), [textVsTable, budgetExecution], { tolerance: { kind: "auto" }, lang: "en" })
        .filter((f) => f.severity === "error")
        .map((f) => `${f.ruleId} ${f.item}${f.column ? ` ${f.column}` : ""} ${f.stated}`);
    expect(judged("1,521.89", "1,511.89")).toEqual([]);
    expect(judged("1,521.89", "1,511.89", "96.12")).toEqual(["budget-execution 一般公共服务支出 完成预算% 96.12"]);
    expect(judged("1,512.89", "1,511.89", "94.56")).toEqual(["text-vs-table 一般公共服务支出 1512.89"]);
    expect(judged("1,521.89", "1,151.89")).toEqual(expect.arrayContaining(["text-vs-table 一般公共服务支出-财政事务-行政运行 1151.89"]));
  });

  it("passes and fails: a headline 类's 年初预算 is at least the Σ of the 项's stated under it (a 项 of 年初预算为0.00万元 prints no percentage)", () => {
    const text = (lei: string, pct: string, second: string) => [
      "  （三）一般公共预算财政拨款支出决算具体情况",
      `  1.一般公共服务支出（类）。年初预算为${lei}万元，支出决算为1,521.89万元，完成年初预算的${pct}%。`,
      "  （1）财政事务（款）行政运行（项）。年初预算为1,549.20万元，支出决算为1,511.89万元，完成年初预算的97.59%。",
      `  （2）财政事务（款）一般行政管理事务（项）。年初预算为${second}万元，支出决算为10.00万元，决算数大于年初预算数的主要原因是年初未作预算。`,
    ];
    const judged = (lei: string, pct: string, second: string) =>
      runRules(loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", ...text(lei, pct, second)].join("\n"), { template: shanghaiFinal }), [budgetExecution], { tolerance: { kind: "auto" }, lang: "en" })
        .filter((f) => f.severity === "error")
        .map((f) => `${f.item} ${f.column} ${f.stated} ${f.computed}`);
    expect(judged("1,549.20", "98.24", "0.00")).toEqual([]);
    // A 项 budgeted and not spent, left out of the text: the 类's budget is more than its 项's, rightly.
    expect(judged("1,600.00", "95.12", "0.00")).toEqual([]);
    // A 项's budget that the 类's cannot hold.
    expect(judged("1,549.20", "98.24", "5.00")).toEqual(["一般公共服务支出 年初预算 1549.2 1554.2"]);
  });

  it("the whole 一般公共预算财政拨款支出's 年初预算, the year's 追加 between it and the 决算 (湖北's wording): read and judged", () => {
    const text = (final: string, pct: string) => [
      "  四、财政拨款收入支出决算总体情况说明",
      `  2024年度一般公共预算财政拨款支出年初预算为1,400.00万元，年中追加121.89万元，支出决算为${final}万元，完成年初预算的${pct}%。`,
    ];
    const executions = claims(text("1,521.89", "108.71")).flatMap((c) => (c.kind === "execution" ? [`${c.scope} ${c.budget.text} ${c.final.text} ${c.percent?.text}`] : []));
    expect(executions).toEqual(["general 1,400.00 1,521.89 108.71"]);
    const judged = (final: string, pct: string) =>
      runRules(loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", ...text(final, pct)].join("\n"), { template: shanghaiFinal }), [textVsTable, budgetExecution], { tolerance: { kind: "auto" }, lang: "en" })
        .filter((f) => f.severity === "error")
        .map((f) => `${f.ruleId} ${f.stated} ${f.computed}`);
    expect(judged("1,521.89", "108.71")).toEqual([]);
    expect(judged("1,521.89", "108.17")).toEqual(["budget-execution 108.17 108.706"]);
    expect(judged("1,512.89", "108.06").map((f) => f.split(" ")[0])).toContain("text-vs-table");
  });

  it.each([
    ["全年预算数为 … 决算数为 … 完成全年预算的", "全年预算数为1,600.00万元，决算数为1,511.89万元，完成全年预算的94.49%"],
    ["预算数为 … 决算数为 … 完成预算的", "预算数为1,600.00万元，决算数为1,511.89万元，完成预算的94.49%"],
    ["年初预算为 … 支出决算为 … 预算完成率为", "年初预算为1,600.00万元，支出决算为1,511.89万元，预算完成率为94.49%"],
    ["年初预算为 … 支出决算为 … 为年初预算的", "年初预算为1,600.00万元，支出决算为1,511.89万元，为年初预算的94.49%"],
    ["年初预算为 … 支出决算为 … 占年初预算的", "年初预算为1,600.00万元，支出决算为1,511.89万元，占年初预算的94.49%"],
  ])("an item's execution worded %s is read: its budget, 决算 and percentage", (_, words) => {
    const executions = claims([`  1.一般公共服务（类）财政事务（款）行政运行（项）。${words}。`]).flatMap((c) =>
      c.kind === "execution" ? [`${c.scope} ${c.label} ${c.budget.text} ${c.final.text} ${c.percent?.text ?? "-"}`] : [],
    );
    expect(executions).toEqual(["item 一般公共服务-财政事务-行政运行 1,600.00 1,511.89 94.49"]);
  });

  it("a 预算为 … 决算为 that names no item, in the paragraph after an item's, is no execution of that item", () => {
    const c = claims(["  1.一般公共服务（类）财政事务（款）行政运行（项）。年初预算为1,600.00万元，支出决算为1,511.89万元，完成年初预算的94.49%。", "  机关运行经费预算为200.00万元，决算为184.65万元。"]);
    expect(c.filter((x) => x.kind === "execution").length).toBe(1);
  });

  it("收入、支出决算总计均为 X (决算 before 总计) is the 收入支出总计, with its change", () => {
    const c = claims(["  2024年度收入、支出决算总计均为2,995.39万元，与上年相比，收、支总计各减少56.95万元，下降1.78%。", "  财政拨款收入、支出决算总计均为2,961.68万元。"]);
    expect(c.flatMap((x) => (x.kind === "table-figure" ? [`${x.figure} ${x.amount.text} ${x.change ? `${x.change.kind} ${x.change.amount?.text} ${x.change.percent?.text}` : "-"}`] : []))).toEqual([
      "grand-total 2,995.39 decrease 56.95 1.78",
      "allocation-grand-total 2,961.68 -",
    ]);
  });

  it("机关运行经费's change on 上年决算数 (较上年决算数增加 D 万元，增长 P%) is read", () => {
    const c = claims(["  2024年度机关运行经费支出184.65万元，较上年决算数增加2.55万元，增长1.40%。"]);
    expect(c.flatMap((x) => (x.kind === "operating-cost" ? [`${x.amount.text} ${x.change?.kind} ${x.change?.amount?.text} ${x.change?.percent?.text}`] : []))).toEqual(["184.65 increase 2.55 1.40"]);
  });

  it("the contracts awarded to small and medium enterprises: parts of the procurement, their shares of the base they name", () => {
    const text = (sme: string, micro: string, pct: string) => [
      "  2024年度政府采购支出总额251.25万元，其中：政府采购货物支出4.79万元、政府采购工程支出0万元、政府采购服务支出246.46万元。",
      `  授予中小企业合同金额${sme}万元，占政府采购支出总额的${pct}%，其中：授予小微企业合同金额${micro}万元，占授予中小企业合同金额的50.00%。`,
    ];
    const cs = claims(text("246.46", "123.23", "98.09"));
    expect(cs.flatMap((c) => (c.kind === "procurement" && c.awarded ? [`${c.awarded.sme.text} ${c.awarded.micro?.text}`] : []))).toEqual(["246.46 123.23"]);
    expect(cs.flatMap((c) => (c.kind === "share" && /授予/.test(c.label) ? [`${c.label} ${c.percent.text} ${c.baseLabel}`] : []))).toEqual([
      "授予中小企业合同金额 98.09 政府采购支出总额",
      "授予小微企业合同金额 50.00 授予中小企业合同金额",
    ]);
    const judged = (sme: string, micro: string, pct: string) =>
      runRules(loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", ...text(sme, micro, pct)].join("\n"), { template: shanghaiFinal }), [textSum], { tolerance: { kind: "auto" }, lang: "en" })
        .filter((f) => f.severity === "error")
        .map((f) => `${f.item} ${f.column ?? ""} ${f.stated} ${f.computed}`.replace(/\s+/g, " "));
    expect(judged("246.46", "123.23", "98.09")).toEqual([]);
    expect(judged("246.46", "123.23", "89.10")).toEqual(["授予中小企业合同金额 占比 89.1 98.094"]);
    expect(judged("264.47", "132.24", "98.09").some((f) => f.startsWith("授予中小企业合同金额 264.47"))).toBe(true);
  });

  it("a sentence printed out of order (figure before its words) reads nothing from it", () => {
    const c = claims(["  449.52万元。决算数小于预算数的主要原因：未实施。年初预算为450.52万元，支出决算为", "  支付完毕。"]);
    expect(c.filter((x) => x.kind === "execution")).toEqual([]);
  });
});

describe("a share of a base named short (占基本支出的 P%)", () => {
  const shares = (paragraphs: string[]) => claims(paragraphs).flatMap((c) => (c.kind === "share" ? [`${c.label} ${c.percent.text}% of ${c.baseLabel} ${c.base?.text}`] : []));
  const PARAS = [
    "  2024年度本年支出合计6116.92万元，其中：基本支出2972.59万元，占48.60%；项目支出3144.33万元，占51.40%。",
    "  2024年度一般公共预算财政拨款基本支出2951.59万元，其中：人员经费2640.12万元，占基本支出的89.45%，主要包括基本工资；公用经费311.47万元，占基本支出的10.55%，主要包括办公费。",
  ];
  it("after a total of its kind in the paragraph (一般公共预算财政拨款基本支出 X，其中：…), is a share of that total", () => {
    expect(shares(PARAS).filter((s) => /经费/.test(s))).toEqual([
      "人员经费 89.45% of 一般公共预算财政拨款基本支出 2951.59",
      "公用经费 10.55% of 一般公共预算财政拨款基本支出 2951.59",
    ]);
  });
  it("fails: a share that is not its figure's part of that total is an error (云南's wording, 2640.12 ÷ 2951.59 = 89.45%)", () => {
    const d = loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", PARAS[0], PARAS[1].replace("89.45", "88.45")].join("\n"), { template: shanghaiFinal });
    const errors = runRules(d, [textSum], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error" && f.column === "占比");
    expect(errors.map((f) => [f.item, f.stated])).toEqual([["人员经费", "88.45"]]);
  });
});

describe("云南's wordings of the 决算's 情况说明", () => {
  const read = (paragraphs: string[]) =>
    claims(paragraphs).flatMap((c) =>
      c.kind === "table-figure" ? [`${c.label} ${c.amount.text}${c.change ? ` ${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%` : ""}`] : c.kind === "function-item" ? [`item ${c.names.join("")} ${c.amount.text}`] : c.kind === "share" ? [`share ${c.label} ${c.percent.text}% of ${c.baseLabel}`] : [],
    );

  it("the totals' change opening the next line's paragraph (收入总计和支出总计各增加 …)", () => {
    expect(read(["  一、收入支出决算总体情况说明", "", "  某委员会2024年度收入总计6195.11万元，支出总计6195.11万元。", "与2023年度相比，收入总计和支出总计各增加352.09万元，增长6.03%。主要原因是项目资金增加。"])).toEqual([
      "收入总计 6195.11 increase 352.09 6.03%",
      "支出总计 6195.11",
    ]);
  });

  it("a change opened by 同比 (同比增加 X 万元，增长 P%)", () => {
    expect(read(["  2024年度一般公共预算财政拨款支出6095.92万元，占本年支出合计的99.66%，同比增加574.88万元，增长10.41%。"])).toEqual([
      "一般公共预算财政拨款支出 6095.92 increase 574.88 10.41%",
    ]);
  });

  it("the structure paragraph's 类 named without （类）, under its heading or after 主要用于以下方面", () => {
    const para = "  2024年度一般公共预算财政拨款支出6095.92万元，主要用于以下方面：一般公共服务支出4417.98万元，占72.47%；教育支出96.82万元，占1.59%。";
    expect(read(["  （二）一般公共预算财政拨款支出决算结构情况", para])).toEqual([
      "一般公共预算财政拨款支出 6095.92",
      "item 一般公共服务支出 4417.98",
      "item 教育支出 96.82",
      "share 一般公共服务支出（类） 72.47% of 一般公共预算财政拨款支出",
      "share 教育支出（类） 1.59% of 一般公共预算财政拨款支出",
    ]);
    // Not the 支出决算 paragraph's 基本支出 / 项目支出.
    expect(read(["  三、支出决算情况说明", "  2024年度本年支出合计6116.92万元，其中：基本支出2972.59万元，占48.60%；项目支出3144.32万元，占51.40%。"]).filter((x) => x.startsWith("item"))).toEqual([]);
  });
});

describe("云南's “三公” statements", () => {
  const PARAS = [
    "  七、一般公共预算财政拨款“三公”经费支出决算情况说明",
    "  （一）“三公”经费财政拨款支出决算总体情况说明",
    "  某委员会2024年度“三公”经费财政拨款支出共计35.20万元，完成年初预算的81.49%，较上年减少7.03万元，下降16.65%。决算数小于预算数的主要原因是坚持过紧日子。",
    "  （二）“三公”经费财政拨款支出决算具体情况说明",
    "  2.公务用车购置费：2024年度公务用车购置费支出0.00万元，年初预算为0.00万元，本年度未购置公务用车。",
    "  3.公务用车运行维护费：2024年度公务用车运行维护费支出28.76万元，完成年初预算的92.19%，较上年减少1.36万元，下降4.51%。",
    "  4.公务接待费：2024年度国内公务接待费支出6.44万元，完成年初预算的53.65%，同比减少0.81万元，下降11.21%。",
  ];
  const sanggong = (paragraphs: string[]) =>
    claims(paragraphs).flatMap((c) => (c.kind === "sanggong-final" ? [`${c.component} ${c.amount.text} ${c.completion?.text ?? "-"}${c.change ? ` ${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%` : ""}`] : []));

  it("the total 共计, the vehicles' two parts apart, and each one's change on last year", () => {
    expect(sanggong(PARAS)).toEqual(["total 35.20 81.49 decrease 7.03 16.65%", "vehicle-purchase 0.00 -", "vehicle-operation 28.76 92.19 decrease 1.36 4.51%", "reception 6.44 53.65 decrease 0.81 11.21%"]);
  });

  it("the 三公's change in the sentence after its 决算 that names it (江西: …完成预算的84.98%。与2023年度相比，“三公”经费支出增加…)", () => {
    const para = "  2024年度“三公”经费财政拨款支出预算为103.00万元，支出决算为87.53万元，完成预算的84.98%。与2023年度相比，“三公”经费支出增加34.39万元，增长64.71%。";
    expect(sanggong([PARAS[0], para])).toEqual(["total 87.53 84.98 increase 34.39 64.71%"]);
    // (Not a change of something else that follows.)
    expect(sanggong([PARAS[0], para.replace("“三公”经费支出增加", "机关运行经费增加")])).toEqual(["total 87.53 84.98"]);
  });

  it("fails: a change's percentage that is not the change ÷ last year's figure is an error", () => {
    const d = loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", ...PARAS.map((p) => p.replace("下降16.65%", "下降19.65%"))].join("\n"), { template: shanghaiFinal });
    const errors = runRules(d, [yoyChange], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.item, f.stated])).toEqual([["“三公”经费 决算", "19.65"]]);
  });
});

describe("a list that runs on into the next paragraph (a line ending in ；)", () => {
  it("its figures keep the scope and the total of the paragraph it continues (江西's 收入决算情况)", () => {
    const read = (paragraphs: string[]) =>
      claims(paragraphs).flatMap((c) => (c.kind === "table-figure" ? [`${c.figure} ${c.amount.text}`] : c.kind === "share" ? [`share ${c.label} ${c.percent.text}% of ${c.baseLabel}`] : []));
    expect(read(["  2024年度本年收入合计33519.85万元，其中：财政拨款收入32578.42万元，占97.19%；", "事业收入784.43万元，占2.34%；其他收入157.00万元，占0.47%。"])).toEqual([
      "income-subtotal 33519.85",
      "allocation-income 32578.42",
      "share 财政拨款收入 97.19% of 本年收入合计",
      "other-income 157.00",
      "business-income 784.43",
      "share 事业收入 2.34% of 本年收入合计",
      "share 其他收入 0.47% of 本年收入合计",
    ]);
  });
});

describe("a 决算's written part headed 二、部门决算情况说明 at the margin (重庆)", () => {
  const doc = (heading: string) =>
    loadLayoutText("final.txt", [...TABLE, "一、部门基本情况", "  某局是市政府工作部门。", heading, "（一）收入支出决算总体情况。", "  2024年度本年支出合计1,521.89万元，其中：基本支出1,511.89万元，占99.34%；项目支出10.00万元，占0.66%。", "三、其他需要说明的情况", "  无。"].join("\n"), { template: shanghaiFinal });
  it("is a part of its own, read as a 决算's 情况说明", () => {
    const d = doc("二、部门决算情况说明");
    expect(d.text.map((p) => p.title)).toContain("二、部门决算情况说明");
    expect(claimsOf(d).claims.flatMap((c) => (c.kind === "table-figure" ? [`${c.figure} ${c.amount.text}`] : []))).toEqual(["expenditure-subtotal 1,521.89", "basic 1,511.89", "project 10.00"]);
  });
  it("fails: a share that is not its figure's part of the total is an error (the part was unread: no finding)", () => {
    const d = loadLayoutText("final.txt", [...TABLE, "二、部门决算情况说明", "  2024年度本年支出合计1,521.89万元，其中：基本支出1,511.89万元，占98.34%；项目支出10.00万元，占0.66%。"].join("\n"), { template: shanghaiFinal });
    const fs = runRules(d, [textSum], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
    expect(fs.map((f) => [f.item, f.stated])).toContainEqual(["基本支出", "98.34"]);
  });
});

describe("the 三公's shares, 公务接待费's split and its 决算 against its budget (round 45)", () => {
  const TOTAL = "  2024年度“三公”经费财政拨款支出预算为343.36万元，支出决算为283.87万元，完成预算的82.68%。";
  const LIST = (a: string, b = "62.30", c = "8.25") =>
    `  2024年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算83.60万元，${a}；公务用车购置费及运行维护费支出决算176.84万元，占${b}%；公务接待费支出决算23.43万元，占${c}%。具体情况如下：`;
  const shares = (paragraphs: string[]) =>
    claims(paragraphs).flatMap((c) => (c.kind === "share" ? [`${c.label} ${c.amount.text} ${c.percent.text}% of ${c.baseLabel} ${c.base?.text ?? `(${c.baseParts!.map((a) => a.text).join(" + ")})`}${c.balanced ? " balanced" : ""}`] : []));

  it("each component's 占 P% is a share of the 三公 total stated before (占 · 占比 · 占比为 · 占“三公”经费的)", () => {
    // (29.45 + 62.30 + 8.25 = 100.00: printed to make 100%, one may have been balanced by a unit.)
    const expected = ["因公出国(境)费 83.60 29.45% of “三公”经费 283.87 balanced", "公务用车购置费及运行维护费 176.84 62.30% of “三公”经费 283.87 balanced", "公务接待费 23.43 8.25% of “三公”经费 283.87 balanced"];
    for (const a of ["占29.45%", "占比29.45%", "占比为29.45%", "占“三公”经费的29.45%", "占“三公”经费支出决算的29.45%"]) expect(shares([TOTAL, LIST(a)])).toEqual(expected);
  });

  it("without a total stated before, of the three components' sum (balanced when the shares make exactly 100%)", () => {
    expect(shares([LIST("占29.45%")])).toEqual([
      "因公出国(境)费 83.60 29.45% of “三公”经费（各项之和） (83.60 + 176.84 + 23.43) balanced",
      "公务用车购置费及运行维护费 176.84 62.30% of “三公”经费（各项之和） (83.60 + 176.84 + 23.43) balanced",
      "公务接待费 23.43 8.25% of “三公”经费（各项之和） (83.60 + 176.84 + 23.43) balanced",
    ]);
    // (Two components only, no total: the base is not known.)
    expect(shares(["  2024年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算83.60万元，占29.45%；公务接待费支出决算23.43万元，占8.25%。"])).toEqual([]);
  });

  it("a share naming another base is not the 三公's", () => {
    expect(shares([TOTAL, LIST("占一般公共预算财政拨款支出的29.45%")]).map((s) => s.split(" ")[0])).toEqual(["公务用车购置费及运行维护费", "公务接待费"]);
  });

  it("公务接待费's split: 国内 + 外事 (万元 or 元), or the 外宾接待 the 国内 one includes (上海's 万（含…万元）)", () => {
    const split = (paragraphs: string[]) =>
      claims(paragraphs).flatMap((c) => (c.kind === "sanggong-final" && c.split ? [`${c.amount.text} = ${c.split.domestic.text}${c.split.foreignIncluded ? " incl." : " +"} ${c.split.foreign?.text ?? "-"}`] : []));
    const item = "  3.公务接待费支出23.43万元。其中：国内公务接待支出17.34万元，主要用于接待来京汇报工作等；国内公务接待82批次，596人次。外事接待支出6.09万元，主要用于接待外国代表团；外事接待9批次，63人次。";
    expect(split(["  （二）“三公”经费财政拨款支出决算具体情况说明", item])).toEqual(["23.43 = 17.34 + 6.09"]);
    // (In 元: the same, in 万元.)
    expect(split(["  （二）“三公”经费财政拨款支出决算具体情况说明", "  3.公务接待费支出234300.00元。其中：国内公务接待支出173400.00元；外事接待支出60900.00元。"]).length).toBe(1);
    // 上海's template: 其中： ends the paragraph, the split opens the next.
    expect(split(["  （二）“三公”经费财政拨款支出决算具体情况说明", "  3、公务接待费支出 5.00 万元。其中：", "  国内公务接待支出 5.00 万（含外宾接待支出 1.20 万元）。主要用于接待。"])).toEqual(["5.00 = 5.00 incl. 1.20"]);
    // (Its share between: 公务接待费支出 X 万元，占 P%，其中：…; the 外宾 part in brackets as 其中.)
    expect(split(["  （二）“三公”经费财政拨款支出决算具体情况说明", "  3.公务接待费支出23.43万元，占8.25%，其中：国内公务接待支出17.34万元（其中外宾接待支出2.00万元）。"])).toEqual(["23.43 = 17.34 incl. 2.00"]);
    // The national template's 国（境）外公务接待 for the 外事 part (广西's).
    expect(split(["  （二）“三公”经费财政拨款支出决算具体情况说明", "  3.公务接待费支出18.38万元。其中：国内公务接待支出18.38万元，接待26批次、198人次；国（境）外公务接待支出0.00万元。"])).toEqual(["18.38 = 18.38 + 0.00"]);
    // Not a split: 国内公务接待 without 其中 after the figure, or batches only.
    expect(split(["  （二）“三公”经费财政拨款支出决算具体情况说明", "  3.公务接待费支出23.43万元，主要用于国内公务接待82批次。"])).toEqual([]);
  });

  it("the 决算 against its budget: 比年初预算减少 X 万元（，下降 P%） after its figure or in a sentence naming it; 决算数小于预算数", () => {
    const against = (paragraphs: string[]) =>
      claims(paragraphs).flatMap((c) =>
        c.kind === "sanggong-final" && (c.budgetChange || c.wording) ? [`${c.component} ${c.budgetChange ? `${c.budgetChange.kind} ${c.budgetChange.amount?.text} ${c.budgetChange.percent?.text ?? "-"}` : "-"} ${c.wording?.text ?? "-"}`] : [],
      );
    expect(against(["  2024年度“三公”经费财政拨款支出决算为283.87万元，比年初预算减少59.49万元，下降17.33%，完成预算的82.68%。决算数小于预算数的主要原因是厉行节约。"])).toEqual(["total decrease 59.49 17.33 -"]);
    expect(against([TOTAL + "2024年度“三公”经费支出决算数小于预算数的主要原因是厉行节约。"])).toEqual(["total - 决算数小于预算数"]);
    expect(against([TOTAL + "“三公”经费支出决算比预算数节约59.49万元。"])).toEqual(["total decrease 59.49 - -"]);
    // (The percentage alone.)
    expect(against(["  2024年度“三公”经费财政拨款支出决算为283.87万元，比年初预算下降17.33%。"])).toEqual(["total decrease undefined 17.33 -"]);
    // Last year's budget (比2023年预算 · 比上年预算) or a 调整预算 is not its own budget.
    expect(against(["  2024年度“三公”经费财政拨款支出决算为283.87万元，比2023年预算减少59.49万元。"])).toEqual([]);
    expect(against(["  2024年度“三公”经费财政拨款支出决算为283.87万元，比调整预算减少59.49万元。"])).toEqual([]);
  });

  it("changes on last year after the comparison, without the figure (天津, 内蒙古): each of the component stated before", () => {
    const changes = (paragraphs: string[]) =>
      claims(paragraphs).flatMap((c) => (c.kind === "sanggong-final" && c.change ? [`${c.component} ${c.amount.text} ${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text ?? "-"} ${c.change.year}`] : []));
    const figures = "  2024年度“三公”经费财政拨款支出预算为27.60万元，支出决算为21.27万元，完成预算的77.05%，其中：因公出国（境）费支出预算为15.00万元，支出决算为12.86万元；公务用车购置及运行维护费支出预算为8.60万元，支出决算为7.12万元；公务接待费支出预算为4.00万元，支出决算为1.29万元。";
    const yoy = "  2024年度“三公”经费财政拨款支出决算与2023年度相比，减少1.92万元，下降8.28%。其中：因公出国（境）费增加3.21万元，增长33.34%；公务用车购置及运行维护费减少3.31万元，下降31.71%；公务接待费减少1.83万元，下降58.68%。";
    expect(changes([figures, yoy])).toEqual(["total 21.27 decrease 1.92 8.28 2023", "abroad 12.86 increase 3.21 33.34 2023", "vehicle 7.12 decrease 3.31 31.71 2023", "reception 1.29 decrease 1.83 58.68 2023"]);
    // (上海's template: …决算数比 2023 年度减少 X 万元，…其中：因公出国（境）费支出决算减少 Y 万元.)
    expect(changes([figures, "  2024 年度“三公”经费财政拨款支出决算数比 2023 年度减少 1.92 万元，下降 8.28%，其中：因公出国（境）费支出决算增加 3.21 万元，增长 33.34%。"])).toEqual([
      "total 21.27 decrease 1.92 8.28 2023",
      "abroad 12.86 increase 3.21 33.34 2023",
    ]);
    // After a comparison with the budget, a 减少 is the 决算's on its budget, not a change on last year.
    expect(changes([figures, "  决算数小于预算数，其中：公务接待费减少2.71万元。"])).toEqual([]);
  });
});

describe("江苏's 决算 wording (round 46)", () => {
  const doc = (paragraphs: string[], tables: string[] = TABLE) => loadLayoutText("final.txt", [...tables, "第三部分 某局2025年度部门决算情况说明", ...paragraphs].join("\n"), { template: shanghaiFinal });
  const judged = (rule: Parameters<typeof runRules>[1][number], paragraphs: string[], tables?: string[]) =>
    runRules(doc(paragraphs, tables), [rule], { tolerance: { kind: "auto" }, lang: "en" })
      .filter((f) => f.severity === "error")
      .map((f) => `${f.item}${f.column ? ` [${f.column}]` : ""} ${f.stated} ${f.computed}`);
  const changeOf = (c: { change?: { kind: string; amount: { text: string } | null; percent: { text: string } | null } | null }) =>
    c.change ? `${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%` : "-";

  it("sections whose headings are parts of their own (set in, or a Word document's heading styles) are read as the same paragraphs would be", () => {
    const body = (heading: (s: string) => string) => [
      heading("一、收入支出决算总体情况说明"),
      "  2024年度收、支总计1,521.89万元。与上年相比，收、支总计各增加10.00万元，增长0.66%。",
      heading("六、一般公共预算财政拨款基本支出决算情况说明"),
      "  2024年度一般公共预算财政拨款基本支出1,511.89万元，其中：",
      "  人员经费1,400.00万元，占基本支出的92.60%，主要包括：基本工资。",
      heading("八、政府性基金预算支出决算情况说明"),
      "  2024年度政府性基金预算财政拨款支出10.00万元。其中：用于社会福利的彩票公益金10.00万元。",
    ];
    const read = (lines: string[]) => claims(lines).map((c) => `${c.kind} ${"figure" in c ? c.figure : ""} ${"amount" in c && c.amount ? c.amount.text : ""}`);
    const asParts = read(body((h) => `          ${h}`));
    expect(asParts).toEqual(read(body((h) => `  ${h}`)));
    // (一、 right under the part's heading is no wrapped title: its section is read by the 决算's reader; 六、's 人员经费 is
    // its total's part, 八、's list the fund's.)
    expect(asParts).toEqual(expect.arrayContaining(["table-figure grand-total 1,521.89", "table-figure personnel 1,400.00", "fund-item  10.00"]));
  });

  it("（一）收入总计 X 万元。包括： its sources (the 收支总表's income rows) with their changes; （二）支出总计 its 类 (the department's, every fund) with theirs", () => {
    const read = claims([
      "  一、收入支出决算总体情况说明",
      "  （一）收入总计83986.02万元。包括：",
      "  1．一般公共预算财政拨款收入14506.71万元。与上年相比减少449.71万元，下降3.01%。主要原因是补助口径调整。",
      "  5．事业收入59096.98万元。与上年相比增加2245.68万元，增长3.95%。",
      "  （二）支出总计83986.02万元。包括：",
      "  1．社会保障和就业（类）支出2399.49万元，主要用于养老保险缴费。与上年相比增加71.99万元，增长3.09%。主要原因是缴费基数调整。",
      "  2．住房保障（类）支出919.89万元，主要用于住房公积金。上年为0万元。",
    ]).flatMap((c) =>
      c.kind === "table-figure" ? [`${c.figure} ${c.amount.text} ${changeOf(c)}`] : c.kind === "function-item" ? [`${c.names.join("-")} ${c.amount.text} ${c.scope ?? "general"}`] : c.kind === "stated-change" ? [`change of ${c.label} ${changeOf(c)}`] : [],
    );
    expect(read).toEqual([
      "grand-total 83986.02 -",
      "general-public-income 14506.71 decrease 449.71 3.01%",
      "business-income 59096.98 increase 2245.68 3.95%",
      "expenditure-total 83986.02 -",
      "社会保障和就业支出 2399.49 department",
      "change of 社会保障和就业支出（类） increase 71.99 3.09%",
      "住房保障支出 919.89 department",
    ]);
    // (Not 财政拨款收入总计's parts, nor a 收入总计 and 支出总计 under the allocations' chapter; a 类 of the 结构情况, after its
    // list number, is the 一般公共预算's, its name without the number.)
    expect(figures(["  （一）财政拨款收入总计1000.00万元。包括：", "  1．一般公共预算财政拨款收入900.00万元。"])).toEqual([]);
    const allocations = ["  四、财政拨款收入支出决算总体情况说明", "  （一）收入总计1000.00万元。包括：", "  1．一般公共预算财政拨款收入900.00万元。", "  （二）支出总计1000.00万元。包括：", "  1．一般公共服务（类）支出1000.00万元。"];
    expect(figures(allocations)).toEqual([]);
    expect(claims(allocations).flatMap((c) => (c.kind === "function-item" ? [c.scope ?? "general"] : []))).toEqual(["general"]);
    const lei = claims(["  （二）一般公共预算财政拨款支出决算结构情况", "  1．一般公共服务（类）支出1521.89万元，占100%。"]).flatMap((c) => (c.kind === "function-item" ? [`${c.names.join("-")} ${c.scope ?? "general"}`] : []));
    expect(lei).toEqual(["一般公共服务支出 general"]);
  });

  it("passes and fails: a 类's change so read is judged (71.99 on 2399.49 − 71.99 is 3.09%)", () => {
    const text = (pct: string) => ["  （二）支出总计2399.49万元。包括：", `  1．社会保障和就业（类）支出2399.49万元，主要用于养老保险缴费。与上年相比增加71.99万元，增长${pct}%。`];
    expect(judged(yoyChange, text("3.09"))).toEqual([]);
    expect(judged(yoyChange, text("6.09"))).toEqual(["社会保障和就业支出（类） [增幅] 6.09 3.093"]);
  });

  it("a 三公 component's change opening the next sentence, its sentence stating it alone; not after a list of them", () => {
    const changes = (paragraphs: string[]) => claims(paragraphs).flatMap((c) => (c.kind === "sanggong-final" && c.change ? [`${c.component} ${c.amount.text} ${changeOf(c)}`] : []));
    const item = (pct: string) => `  2．公务用车购置及运行费预算为40.00万元，支出决算为37.40万元，完成预算的93.50%。与上年相比增加15.48万元，增长${pct}%。决算数小于预算数的主要原因是厉行节约。`;
    expect(changes(["  （二）“三公”经费财政拨款支出决算具体情况说明", item("70.62")])).toEqual(["vehicle 37.40 increase 15.48 70.62%"]);
    // (After a list of the three, the next sentence's change may be of their whole: not read for the last.)
    expect(changes(["  （一）“三公”经费财政拨款支出决算总体情况说明", "  其中：因公出国（境）费支出决算为0万元；公务用车购置及运行费支出决算为37.40万元；公务接待费支出决算为1.90万元。与上年相比增加14.84万元，增长60.67%。"])).toEqual([]);
    expect(judged(yoyChange, ["  （二）“三公”经费财政拨款支出决算具体情况说明", item("70.62")])).toEqual([]);
    expect(judged(yoyChange, ["  （二）“三公”经费财政拨款支出决算具体情况说明", item("73.62")])).toEqual(["公务用车购置及运行费 决算 [增幅] 73.62 70.62"]);
  });

  it("the 政府性基金's 其中 list by its table's rows: each against the row's 本年支出; not a list after another figure", () => {
    const tables = [...TABLE, ...FINAL_GOV_FUND_TABLE];
    const text = (a: string) => [
      "  八、政府性基金预算支出决算情况说明",
      `  2025年度政府性基金预算财政拨款支出305.00万元。与上年相比增加5.00万元，增长1.67%。主要原因是补助增加。其中：用于社会福利的彩票公益金${a}万元，用于残疾人事业的彩票公益金104.00万元。`,
    ];
    const items = (paragraphs: string[]) => claims(paragraphs).flatMap((c) => (c.kind === "fund-item" ? [`${c.fund} ${c.name} ${c.amount.text}`] : []));
    expect(items(text("201.00"))).toEqual(["gov-fund 用于社会福利的彩票公益金 201.00", "gov-fund 用于残疾人事业的彩票公益金 104.00"]);
    // (Its 本年收入's list, after the 支出: not the 支出's.)
    expect(items(["  八、政府性基金预算支出决算情况说明", "  2025年度政府性基金预算财政拨款支出305.00万元，本年收入300.00万元，其中：用于社会福利的彩票公益金200.00万元。"])).toEqual([]);
    expect(judged(textVsTable, text("201.00"), tables)).toEqual([]);
    expect(judged(textVsTable, text("200.00"), tables)).toEqual(["用于社会福利的彩票公益金 200 201"]);
  });

  it("the 政府性基金's 其中 list naming its rows by their levels (…（类）…（款）用于社会福利的彩票公益金（项）a 万元；用于残疾人事业的彩票公益金（项）b 万元)", () => {
    const tables = [...TABLE, ...FINAL_GOV_FUND_TABLE];
    const text = (a: string) => [
      "  八、政府性基金预算支出决算情况说明",
      `  2025年度政府性基金预算财政拨款支出305.00万元。与上年相比增加5.00万元，增长1.67%。其中：其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金（项）${a}万元；用于残疾人事业的彩票公益金（项）104.00万元。`,
    ];
    const items = (paragraphs: string[]) => claims(paragraphs).flatMap((c) => (c.kind === "fund-item" ? [`${c.fund} ${c.name} ${c.amount.text}`] : []));
    // (Before round 51 a name with its levels' brackets was no part of the list: neither was read.)
    expect(items(text("201.00"))).toEqual(["gov-fund 用于社会福利的彩票公益金 201.00", "gov-fund 用于残疾人事业的彩票公益金 104.00"]);
    expect(judged(textVsTable, text("201.00"), tables)).toEqual([]);
    expect(judged(textVsTable, text("210.00"), tables)).toEqual(["用于社会福利的彩票公益金 210 201"]);
  });

  it("a figure stated before with no change (四's execution statement) and again with its change on last year (五): the change is judged", () => {
    const text = (pct: string) => [
      "  四、财政拨款收入支出决算总体情况说明",
      "  2025年度一般公共预算财政拨款支出年初预算为1,500.00万元，支出决算为1,521.89万元，完成年初预算的101.46%。",
      "  五、一般公共预算财政拨款支出决算情况说明",
      `  2025年度一般公共预算财政拨款支出1,521.89万元，占本年支出合计的100.00%。与2024年度相比，一般公共预算财政拨款支出增加21.89万元，增长${pct}%。`,
    ];
    // 21.89 on 1,500.00 last year is 1.46%. (Before round 51 only the first statement of the figure was judged: none.)
    expect(judged(yoyChange, text("1.46"))).toEqual([]);
    expect(judged(yoyChange, text("1.64"))).toEqual(["一般公共预算财政拨款支出 [增幅] 1.64 1.459"]);
  });

  it("机关运行经费 against its budget (比年初预算数减少 X 万元，降低 P%): P is X ÷ (the 决算 + X)", () => {
    const text = (pct: string) => ["  （一）机关运行经费支出情况", `  本部门2025年度机关运行经费支出293.54万元，比年初预算数减少11.46万元，降低${pct}%。主要原因是压减公用支出。`];
    expect(claims(text("3.76")).flatMap((c) => (c.kind === "operating-cost" ? [`${c.amount.text} ${c.budgetChange?.kind} ${c.budgetChange?.amount?.text} ${c.budgetChange?.percent?.text}`] : []))).toEqual(["293.54 decrease 11.46 3.76"]);
    expect(judged(budgetExecution, text("3.76"))).toEqual([]);
    expect(judged(budgetExecution, text("6.76"))).toEqual(["机关运行经费 [比预算下降%] 6.76 3.757"]);
  });

  it("绩效: 共涉及项目 N 个，资金 X 万元，占…的100% is all the 项目支出; a 部门评价's 涉及一般公共预算支出 at most it, not a 部门整体支出's", () => {
    const text = (own: string, evaluated: string) => [
      "  （四）预算绩效管理情况",
      `  本部门组织对2025年度一般公共预算项目支出全面开展绩效自评，共涉及项目2个，资金${own}万元，占一般公共预算项目支出总额的100%。组织对“一般行政管理事务”等1个项目开展了部门评价，涉及一般公共预算支出${evaluated}万元。`,
    ];
    expect(claims(text("10.00", "8.00")).flatMap((c) => (c.kind === "performance" ? [`${c.amount?.text} ${c.share ? `${c.share.percent.text}% of ${c.share.fund}` : `of ${c.of}`}`] : []))).toEqual(["10.00 100% of general", "8.00 of general"]);
    expect(judged(textVsTable, text("10.00", "8.00"))).toEqual([]);
    // (10.03 ÷ 10.00 still rounds to 100%: the text's 100% says it is all of it.)
    expect(judged(textVsTable, text("10.03", "8.00"))).toEqual(["绩效自评 涉及资金 10.03 10"]);
    expect(judged(textVsTable, text("10.00", "18.00"))).toEqual(["部门评价 涉及资金 18 10"]);
    expect(claims(["  组织开展了部门整体支出绩效评价，涉及资金18.00万元。"]).filter((c) => c.kind === "performance")).toEqual([]);
  });
});

/*
 * The execution of all the 财政拨款 and of one fund (湖北's 四、: 财政拨款支出年初预算为 B0 万元，年中调整预算 A 万元，调整后预算为 B1
 * 万元；支出决算为 F 万元，完成年初预算的 P%。其中：…；政府性基金预算财政拨款支出年初预算为 …), by the kind of wording: the
 * percentage against the budget it names, B1 = B0 ± A, the 决算 against its table.
 */
describe("the execution of all the 财政拨款 and of one fund (round 47)", () => {
  const tables = [...TABLE, ...FINAL_GOV_FUND_TABLE];
  const judged = (paragraphs: string[]) =>
    runRules(loadLayoutText("final.txt", [...tables, "第三部分 某局2025年度部门决算情况说明", ...paragraphs].join("\n"), { template: shanghaiFinal }), [textVsTable, budgetExecution], { tolerance: { kind: "auto" }, lang: "en" })
      .filter((f) => f.severity === "error")
      .map((f) => `${f.ruleId} ${f.item}${f.column ? ` [${f.column}]` : ""} ${f.stated} ${f.computed}`);
  const read = (paragraphs: string[]) =>
    claims(paragraphs).flatMap((c) =>
      c.kind === "execution"
        ? [`${c.scope}${c.preceding ? " (年初)" : ""} ${c.budget.text} ${c.basis ?? "-"} ${c.final.text} ${c.percent?.text ?? "-"}${c.adjustment ? ` ${c.adjustment.initial.text} ${c.adjustment.direction} ${c.adjustment.amount.text}` : ""}`]
        : [],
    );
  const hubei = (b0: string, a: string, pct: string, fundPct = "101.67") => [
    "  四、财政拨款收入支出决算总体情况说明",
    `  2025年度财政拨款支出年初预算为${b0}万元，年中调整预算${a}万元，调整后预算为1,821.89万元；支出决算为1,826.89万元，完成年初预算的${pct}%。其中：一般公共预算财政拨款支出年初预算为1,400.00万元，年中追加121.89万元，支出决算为1,521.89万元，完成年初预算的108.71%；政府性基金预算财政拨款支出年初预算为300.00万元，年中追加0.00万元，支出决算为305.00万元，完成年初预算的${fundPct}%。决算数大于年初预算数的主要原因是：年中追加项目资金。`,
  ];

  it("湖北's wording: each statement read with its scope; the year's 调整 between 年初预算 and 调整后预算 kept", () => {
    expect(read(hubei("1,700.00", "121.89", "107.46"))).toEqual([
      "allocations 1,821.89 adjusted 1,826.89 - 1,700.00 either 121.89",
      "allocations (年初) 1,700.00 initial 1,826.89 107.46",
      "general 1,400.00 initial 1,521.89 108.71",
      "gov-fund 300.00 initial 305.00 101.67",
    ]);
    expect(judged(hubei("1,700.00", "121.89", "107.46"))).toEqual([]);
  });

  it("湖北's wording, failing: 年初预算 + 年中调整 ≠ 调整后预算; a percentage not the 决算 ÷ 年初预算; a fund's percentage and 决算", () => {
    expect(judged(hubei("1,700.00", "112.89", "107.46"))).toEqual(["budget-execution 财政拨款支出 [调整后预算] 1821.89 1812.89"]);
    expect(judged(hubei("1,700.00", "121.89", "107.64"))).toEqual(["budget-execution 财政拨款支出 [完成年初预算%] 107.64 107.464"]);
    expect(judged(hubei("1,700.00", "121.89", "107.46", "110.67"))).toEqual(["budget-execution 政府性基金预算财政拨款支出 [完成预算%] 110.67 101.667"]);
    const fund = hubei("1,700.00", "121.89", "107.46", "101.00").map((l) => l.replace("支出决算为305.00万元", "支出决算为303.00万元"));
    expect(judged(fund)).toEqual(["text-vs-table 政府性基金预算财政拨款支出 303 305"]);
  });

  it.each([
    // [wording, the statement right, the statement wrong, the finding]
    [
      "年初预算数 … 调整预算数 … 决算数 … 完成调整预算的",
      "2025年度财政拨款支出年初预算数为1,700.00万元，调整预算数为1,821.89万元，决算数为1,826.89万元，完成调整预算的100.27%。",
      "2025年度财政拨款支出年初预算数为1,700.00万元，调整预算数为1,821.89万元，决算数为1,826.89万元，完成调整预算的107.46%。",
      "budget-execution 财政拨款支出 [完成预算%] 107.46 100.274",
    ],
    [
      "年初预算数 … 年中追加 … 调整后预算数 … 完成调整后预算的",
      "2025年度政府性基金预算财政拨款支出年初预算数为300.00万元，年中追加10.00万元，调整后预算数为310.00万元，决算数为305.00万元，完成调整后预算的98.39%。",
      "2025年度政府性基金预算财政拨款支出年初预算数为300.00万元，年中追加10.00万元，调整后预算数为301.00万元，决算数为305.00万元，完成调整后预算的101.33%。",
      "budget-execution 政府性基金预算财政拨款支出 [调整后预算] 301 310",
    ],
    [
      "年初预算为 … 年中调减 … 调整后预算为",
      "2025年度政府性基金预算财政拨款支出年初预算为320.00万元，年中调减10.00万元，调整后预算为310.00万元，支出决算为305.00万元，为年初预算的95.31%。",
      "2025年度政府性基金预算财政拨款支出年初预算为320.00万元，年中调减10.00万元，调整后预算为330.00万元，支出决算为305.00万元，为年初预算的95.31%。",
      "budget-execution 政府性基金预算财政拨款支出 [调整后预算] 330 310",
    ],
    [
      "全年预算数 … 决算数 … 为全年预算的",
      "2025年度政府性基金预算财政拨款支出全年预算数为300.00万元，决算数为305.00万元，为全年预算的101.67%。",
      "2025年度政府性基金预算财政拨款支出全年预算数为300.00万元，决算数为305.00万元，为全年预算的110.67%。",
      "budget-execution 政府性基金预算财政拨款支出 [完成预算%] 110.67 101.667",
    ],
  ])("worded %s: judged", (_, right, wrong, finding) => {
    expect(judged(["  四、财政拨款收入支出决算总体情况说明", `  ${right}`])).toEqual([]);
    expect(judged(["  四、财政拨款收入支出决算总体情况说明", `  ${wrong}`])).toEqual([finding]);
  });

  it("河北's 年初预算 B0，调整预算 B1 (no 年中): B1 is the adjusted budget, not a change; 年中调整预算 A with no budget after it is passed over", () => {
    expect(read(["  一般公共预算财政拨款支出年初预算1,470.05万元，调整预算1,570.05万元，支出决算1,521.89万元，完成年初预算的103.53%，完成调整预算的96.93%。"])).toEqual([
      "general 1,570.05 adjusted 1,521.89 96.93",
      "general (年初) 1,470.05 initial 1,521.89 103.53",
    ]);
    expect(read(["  一般公共预算财政拨款支出年初预算为1,400.00万元，年中调整预算121.89万元，支出决算为1,521.89万元，完成调整预算的96.93%。"])).toEqual(["general 1,400.00 initial 1,521.89 -"]);
  });

  it("a 项 with no budget (年初预算为0.00万元): no percentage of it can be right; without one, its budget is held by the whole's", () => {
    const text = (item: string, whole = "1,600.00") => [
      "  五、一般公共预算财政拨款支出决算情况说明",
      `  2025年度一般公共预算财政拨款支出年初预算为${whole}万元，支出决算为1,521.89万元，完成年初预算的${whole === "1,600.00" ? "95.12" : "98.82"}%。`,
      "  1.一般公共服务支出（类）财政事务（款）行政运行（项）：年初预算为1,540.05万元，支出决算为1,511.89万元，完成年初预算的98.17%。",
      `  2.一般公共服务支出（类）财政事务（款）一般行政管理事务（项）：${item}`,
    ];
    expect(judged(text("年初预算为0.00万元，支出决算为10.00万元。决算数大于年初预算数的主要原因是年初未作预算。"))).toEqual([]);
    expect(judged(text("年初预算为0.00万元，支出决算为10.00万元，完成年初预算的100.00%。"))).toEqual(["budget-execution 一般公共服务支出-财政事务-一般行政管理事务 [完成预算%] 100 null"]);
    // (The whole's budget, 1,540.05 + 0.00 ≤ 1,600.00; a 项's budget of 60.00 it cannot hold.)
    expect(judged(text("年初预算为59.95万元，支出决算为10.00万元。"))).toEqual([]);
    expect(judged(text("年初预算为69.95万元，支出决算为10.00万元。"))).toEqual(["budget-execution 一般公共预算财政拨款支出 [年初预算] 1600 1610"]);
  });

  it("a wording after a list of statements (…。其中：A …；B …。决算数大于年初预算数…) is no one statement's", () => {
    const wordings = (paragraphs: string[]) => claims(paragraphs).flatMap((c) => (c.kind === "execution" && c.wording ? [`${c.scope} ${c.wording.text}`] : []));
    expect(wordings(hubei("1,700.00", "121.89", "107.46"))).toEqual([]);
    // (One statement, its wording after it: its own.)
    expect(wordings(["  2025年度政府性基金预算财政拨款支出年初预算为300.00万元，支出决算为305.00万元，完成年初预算的101.67%。决算数大于年初预算数的主要原因是：追加。"])).toEqual([
      "gov-fund 决算数大于年初预算数",
    ]);
    expect(judged(["  2025年度政府性基金预算财政拨款支出年初预算为300.00万元，支出决算为305.00万元，完成年初预算的101.67%。决算数小于年初预算数的主要原因是：节约。"])).toEqual([
      "budget-execution 政府性基金预算财政拨款支出 [决算数与预算数] null 5",
    ]);
  });
});

/*
 * A fund's balance as its section states it (云南, round 48): 政府性基金预算财政拨款年初结转和结余 A 万元，本年收入 B 万元，本年支出
 * C 万元，年末结转和结余 D 万元 — each part the fund table's 合计 (and the 财政拨款收入支出决算表's line of the fund, where printed:
 * test/e2e/yunnan-final). Not read before: 本年收入 and 本年支出 without the fund's name before them were no figure of it.
 */
describe("a fund's balance in its section", () => {
  const tables = [...TABLE, ...FINAL_GOV_FUND_TABLE];
  const text = (opening: string, spent = "305.00") => [
    "  八、政府性基金预算财政拨款收入支出决算情况说明",
    `  2025年度政府性基金预算财政拨款年初结转和结余${opening}万元，本年收入300.00万元，本年支出${spent}万元，年末结转和结余5.00万元。本年支出全部为彩票公益金安排的支出。`,
  ];
  const doc = (paragraphs: string[]) => loadLayoutText("final.txt", [...tables, "第三部分 某局2025年度部门决算情况说明", ...paragraphs].join("\n"), { template: shanghaiFinal });
  const judged = (paragraphs: string[]) =>
    runRules(doc(paragraphs), [textVsTable], { tolerance: { kind: "auto" }, lang: "en" })
      .filter((f) => f.severity === "error")
      .map((f) => `${f.item} ${f.stated} ${f.computed}`);

  it("is read part by part, each once, right after the fund's name", () => {
    const parts = (paragraphs: string[]) => claimsOf(doc(paragraphs)).claims.flatMap((c) => (c.kind === "fund-balance" ? [`${c.fund} ${c.part} ${c.amount.text}`] : []));
    expect(parts(text("10.00"))).toEqual(["gov-fund opening 10.00", "gov-fund income 300.00", "gov-fund spent 305.00", "gov-fund closing 5.00"]);
    expect(parts(["  国有资本经营预算财政拨款本年收入0.00万元，本年支出0.00万元。"])).toEqual(["state-capital income 0.00", "state-capital spent 0.00"]);
    // (The fund's 支出 first, then another 本年收入: not its balance.)
    expect(parts(["  2025年度政府性基金预算财政拨款支出305.00万元，本年收入300.00万元。"])).toEqual([]);
  });

  it("its 支出 first, then the balance's parts (广西's: …支出 C 万元，年初结转和结余 A 万元，本年收入 B 万元，年末结转和结余 D 万元)", () => {
    const first = (opening: string) => [
      "  四、2025年度政府性基金支出决算情况",
      `  2025年度政府性基金预算财政拨款支出305.00万元，年初结转和结余${opening}万元，本年收入300.00万元，年末结转和结余5.00万元，主要用于彩票公益金项目。`,
    ];
    const parts = (paragraphs: string[]) => claimsOf(doc(paragraphs)).claims.flatMap((c) => (c.kind === "fund-balance" ? [`${c.fund} ${c.part} ${c.amount.text}`] : []));
    expect(parts(first("10.00"))).toEqual(["gov-fund spent 305.00", "gov-fund opening 10.00", "gov-fund income 300.00", "gov-fund closing 5.00"]);
    expect(judged(first("10.00"))).toEqual([]);
    expect(judged(first("13.00"))).toEqual(["政府性基金预算财政拨款年初结转和结余 13 10"]);
  });

  it("each part against the fund table's 合计", () => {
    expect(judged(text("10.00"))).toEqual([]);
    expect(judged(text("1.00"))).toEqual(["政府性基金预算财政拨款年初结转和结余 1 10"]);
    expect(judged(text("10.00", "350.00"))).toEqual(["政府性基金预算财政拨款本年支出 350 305"]);
  });
});

/*
 * A change whose clause names its subject (湖南, round 49): …其他收入 10.00 万元，占 10.00%。与上年相比，本年收入合计增加 10.00 万元 —
 * the 本年收入合计's change, not the 其他收入's (the figure before it). Before, it was the last figure's, and judged against it: an
 * increase beyond this year's amount and a percentage of −100%, two false errors on a consistent document.
 */
describe("a change whose clause names its subject", () => {
  const changes = (paragraphs: string[]) =>
    claims(paragraphs).flatMap((c) =>
      c.kind === "table-figure" && c.change
        ? [`${c.figure} ${c.amount.text}: ${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%`]
        : c.kind === "named-change"
          ? [`named ${c.figure}: ${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%`]
          : c.kind === "sanggong-final" && c.change
            ? [`${c.component} ${c.amount.text}: ${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}%`]
            : [],
    );
  const income = "  2024年度本年收入合计100.00万元，其中：财政拨款收入90.00万元，占90.00%；其他收入10.00万元，占10.00%。";

  it("is the named subject's, stated before it in the paragraph — not the last figure's", () => {
    expect(changes([`${income}与上年相比，本年收入合计增加10.00万元，增长11.11%，主要原因是项目增加。`])).toEqual(["income-subtotal 100.00: increase 10.00 11.11%"]);
    // (Worded with the subject before 比.)
    expect(changes([`${income}本年收入合计比2023年度增加10.00万元，增长11.11%。`])).toEqual(["income-subtotal 100.00: increase 10.00 11.11%"]);
    expect(changes([`${income}2024年度本年收入合计比2023年度增加10.00万元，增长11.11%。`])).toEqual(["income-subtotal 100.00: increase 10.00 11.11%"]);
    // (The spending side alike: 基本支出 … 对附属单位补助支出 0.00 万元。与上年相比，本年支出合计减少 …)
    expect(changes(["  2024年度本年支出合计100.00万元，其中：基本支出100.00万元，占100.00%；对附属单位补助支出0.00万元，占0.00%。与2023年度相比，本年支出合计减少5.00万元，下降4.76%。"])).toEqual([
      "expenditure-subtotal 100.00: decrease 5.00 4.76%",
    ]);
    // (No subject named, or the figure's own: the figure's, as before.)
    expect(changes(["  2024年度收、支总计100.00万元。与上年相比，收、支总计各增加10.00万元，增长11.11%。"])).toEqual(["grand-total 100.00: increase 10.00 11.11%"]);
    expect(changes(["  2024年度一般公共预算财政拨款支出1,521.89万元。与上年相比增加21.89万元，增长1.46%。"])).toEqual(["general 1,521.89: increase 21.89 1.46%"]);
  });

  it("in a paragraph of its own: a change of the total, for the table's figure; a subject not known: nobody's", () => {
    expect(changes([income, "  与上年相比，本年收入合计增加10.00万元，增长11.11%。"])).toEqual(["named income-subtotal: increase 10.00 11.11%"]);
    expect(changes([`${income}与上年相比，收入规模增加10.00万元，增长11.11%。`])).toEqual([]);
    // (A change opening the paragraph after the totals it follows is theirs already: not a named change besides.)
    expect(changes(["  2024年度收入总计100.00万元，支出总计100.00万元。", "  与2023年度相比，收入总计和支出总计各增加10.00万元，增长11.11%。"])).toEqual([
      "grand-total 100.00: increase 10.00 11.11%",
    ]);
  });

  it("passes and fails: judged against the named total, never against the figure before it", () => {
    const judged = (paragraphs: string[]) =>
      runRules(loadLayoutText("final.txt", [...TABLE, "第三部分 某局2024年度部门决算情况说明", ...paragraphs].join("\n"), { template: shanghaiFinal }), [yoyChange], { tolerance: { kind: "auto" }, lang: "en" }).map(
        (f) => `${f.severity} ${f.item} ${f.stated} ${f.computed}`,
      );
    expect(judged([`${income}与上年相比，本年收入合计增加10.00万元，增长11.11%。`])).toEqual([]);
    expect(judged([`${income}与上年相比，本年收入合计增加10.00万元，增长12.11%。`])).toEqual(["error 本年收入合计 12.11 11.111"]);
  });

  it("a 三公 component named before its comparison, its figure stated once before it in the paragraph", () => {
    const vehicle = (before: string) => [
      "  （二）“三公”经费财政拨款支出决算具体情况说明",
      `  2.公务用车购置及运行维护费支出104.57万元。其中：公务用车购置费支出30.72万元；公务用车运行维护费支出73.86万元。${before}公务用车购置及运行维护费支出与2024年度相比增加26.88万元，增长34.59%，主要原因是：更新购置车辆1辆。`,
    ];
    expect(changes(vehicle(""))).toEqual(["vehicle 104.57: increase 26.88 34.59%"]);
    // (Stated at two amounts in the paragraph: which one's is not known.)
    expect(changes(vehicle("公务用车购置及运行维护费支出预算为110.00万元，支出决算为104.00万元。"))).toEqual([]);
  });
});
