import { describe, expect, it } from "vitest";
import { yoyChange } from "../../src/rules/yoy-change.js";
import { checkText, textDoc } from "../helpers/text.js";
import { claimsOfKind } from "../../src/claims/index.js";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { shanghai } from "../../src/templates/shanghai.js";
import { loadMhtml } from "../../src/loaders/web-page.js";
import { asMhtml } from "../helpers/mhtml.js";

/** A 一般公共预算支出表 as a web page's table (a page needs a table to be a disclosure). */
const T7_PAGE =
  "<p>一般公共预算支出表</p><p>单位：万元</p><table><tr><td>科目编码</td><td>科目名称</td><td>合计</td><td>基本支出</td><td>项目支出</td></tr>" +
  "<tr><td>206</td><td>科学技术支出</td><td>150</td><td>110</td><td>40</td></tr></table>";

const project = (sentence: string) => `
## 第三部分 部门预算支出具体情况
### 一、单位A
${sentence}`;

describe("yoy-change", () => {
  it("passes a percentage of last year's amount: +427 on 1,197 is 427 / 770 = 55.45%, printed 55%", () => {
    expect(checkText(yoyChange, project("1. 科普能力提升项目预算 1,197 万元，主要包括：科普。较 2022 年预算增加 427 万元，增幅 55%。"))).toEqual([]);
  });

  it("reports a percentage divided by this year's amount, at the percentage, and says so", () => {
    const fs = checkText(yoyChange, project("1. 科普能力提升项目预算 1,197 万元，主要包括：科普。较 2022 年预算增加 427 万元，增幅 36%。"));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: "error", ruleId: "yoy-change", table: "text", unit: "单位A", item: "科普能力提升项目", stated: "36", computed: "55.5" });
    expect(fs[0].location).toMatchObject({ line: 3 });
    // The amounts it used, and percentages at the printed precision (36%, not 35.7%), rounded once from
    // the exact ratio: 427 ÷ 770 = 55.45% reads 55%, not 56% (55.45 → 55.5 → 56 rounds twice).
    expect(fs[0].message).toContain("427 ÷ (1,197 − 427 = 770) = 55% (");
    expect(fs[0].message).toContain("the change ÷ this year's amount: 427 ÷ 1,197 = 36%: it seems to have used that base");
  });

  it("shows the base it seems to have used rounded once: 57 ÷ 457 = 12.47% reads 12%, not 13%", () => {
    // +57 on 457 is 57 ÷ 400 = 14.25%; the printed 12% is 57 ÷ 457 = 12.473% (12.5 at one more digit).
    const fs = checkText(yoyChange, project("1. 科普能力提升项目预算 457 万元，主要包括：科普。较 2022 年预算增加 57 万元，增幅 12%。"));
    expect(fs.map((f) => [f.severity, f.stated, f.computed])).toEqual([["error", "12", "14.3"]]);
    expect(fs[0].message).toContain("57 ÷ (457 − 57 = 400) = 14% (");
    expect(fs[0].message).toContain("the change ÷ this year's amount: 57 ÷ 457 = 12%: it seems to have used that base");
  });

  it("reports a percentage cut off (截尾) rather than rounded as a warning that says what it should read", () => {
    // +2,228.78 on 24,169.74 is 2,228.78 ÷ 21,940.96 = 10.158%: printed 10.15%, rounded it reads 10.16%.
    const text = project("1. 办案业务项目预算 24,169.74 万元，主要包括：办案。较 2022 年预算增加 2,228.78 万元，增幅 10.15%。");
    const fs = checkText(yoyChange, text);
    expect(fs.map((f) => [f.severity, f.withinRounding, f.stated, f.computed, f.location.line])).toEqual([["warning", false, "10.15", "10.158", 3]]);
    expect(fs[0].message).toContain("beyond rounding; the printed figure is the ratio cut off (truncated) at 2 decimal places, not rounded: rounded it reads 10.16%");
    const zh = runRules(textDoc(text), [yoyChange], { tolerance: { kind: "auto" }, lang: "zh" });
    expect(zh[0].message).toContain("超出尾数误差；列示数是比率保留 2 位小数时截尾（未四舍五入）所得，四舍五入应为 10.16%");
    // A rule set to info stays info; one wrong beyond cutting off (10.06%) stays an error.
    expect(runRules(textDoc(text), [yoyChange], { tolerance: { kind: "auto" }, lang: "en", severities: { "yoy-change": "info" } })[0].severity).toBe("info");
    const wrong = checkText(yoyChange, text.replace("10.15%", "10.06%"));
    expect(wrong.map((f) => f.severity)).toEqual(["error"]);
    expect(wrong[0].message).not.toContain("truncated");
  });

  it("reads the change against 上年 / 上一年度, stated with 增长 / 下降 and 降幅 (other departments' wording)", () => {
    // 40 after −8 is 8 / 48 = 16.67%; 1,197 after +427 is 427 / 770 = 55.45%.
    const ok = [
      "1. 综合管理预算 40 万元，主要包括：采购。较上年预算下降 8 万元，降幅 16.67%。",
      "1. 综合管理预算 40 万元，主要包括：采购。比上一年度减少 8 万元，下降了 16.67%。",
      "1. 科普能力提升项目预算 1,197 万元，主要包括：科普。比上年增长 427 万元，增长 55%。",
      "1. 综合管理预算 40 万元，主要包括：采购。与上年预算持平。",
    ];
    for (const s of ok) expect(checkText(yoyChange, project(s)), s).toEqual([]);
    const [p] = claimsOfKind(textDoc(project(ok[0])), "project");
    expect(p.change).toMatchObject({ kind: "decrease", percentDirection: "decrease", year: null });
    // Wrong: 8 ÷ 40 (this year's amount) = 20%.
    const fs = checkText(yoyChange, project("1. 综合管理预算 40 万元，主要包括：采购。较上年预算下降 8 万元，降幅 20%。"));
    expect(fs.map((f) => [f.severity, f.stated, f.computed])).toEqual([["error", "20", "16.7"]]);
  });

  it("reads the percentage worded 同比增长 / 增长率为 / 下降比例为 / 上升 / 降低 / in brackets, or printed before the change", () => {
    // 1,197 after +427 is 427 / 770 = 55.45%; 40 after −8 is 8 / 48 = 16.67%.
    const words = [
      "1. 科普能力提升项目预算 1,197 万元，主要包括：科普。较 2022 年预算增加 427 万元，同比增长 55%。",
      "1. 科普能力提升项目预算 1,197 万元，主要包括：科普。较 2022 年预算增加 427 万元，增长率为 55%。",
      "1. 科普能力提升项目预算 1,197 万元，主要包括：科普。较 2022 年预算增加 427 万元（上升 55%）。",
      "1. 科普能力提升项目预算 1,197 万元，主要包括：科普。较 2022 年预算增长 55%，增加 427 万元。",
      "1. 综合管理预算 40 万元，主要包括：采购。较上年预算减少 8 万元，下降比例为 16.67%。",
      "1. 综合管理预算 40 万元，主要包括：采购。较上年预算减少 8 万元，同比降低 16.67%。",
      "1. 综合管理预算 40 万元，主要包括：采购。较上年预算下降 16.67%，减少 8 万元。",
    ];
    for (const s of words) {
      const [p] = claimsOfKind(textDoc(project(s)), "project");
      expect(p.change, s).toMatchObject({ kind: s.includes("科普") ? "increase" : "decrease", percentDirection: s.includes("科普") ? "increase" : "decrease" });
      expect(checkText(yoyChange, project(s)), s).toEqual([]);
      // The same percentage over this year's amount (427 ÷ 1,197 = 36%, 8 ÷ 40 = 20%): an error at it.
      const wrong = s.replace(/55%/, "36%").replace(/16\.67%/, "20%");
      expect(checkText(yoyChange, project(wrong)).map((f) => [f.severity, f.stated]), wrong).toEqual([["error", s.includes("科普") ? "36" : "20"]]);
    }
    // 个百分点 is a difference of rates, not the change's ratio: not read as its percentage.
    const [points] = claimsOfKind(textDoc(project("1. 综合管理预算 40 万元，主要包括：采购。较上年预算减少 8 万元，下降 16.67 个百分点。")), "project");
    expect(points.change).toMatchObject({ kind: "decrease", percent: null });
  });

  it("reads a project worded …预算为 N 万元, …项目，预算 N 万元, (1) …：预算 N 万元 or …项目 N 万元, its name without the comma", () => {
    for (const head of ["1. 科普能力提升项目预算为 1,197 万元", "1. 科普能力提升项目，预算 1,197 万元", "（1）科普能力提升项目：预算 1,197 万元", "1. 科普能力提升项目 1,197 万元"]) {
      const fs = checkText(yoyChange, project(`${head}，主要包括：科普。较 2022 年预算增加 427 万元，增幅 36%。`));
      expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed]), head).toEqual([["error", "科普能力提升项目", "36", "55.5"]]);
    }
  });

  it("reads a change sentence broken across a page break", () => {
    const fs = checkText(yoyChange, project("1. 课题调研活动预算 82 万元，主要包括：课题研究。较 2022 年预算减少 48 万元，减\n\n幅 59%，主要原因是减少调研。"));
    expect(fs.map((f) => [f.severity, f.stated, f.computed, f.location.line])).toEqual([["error", "59", "36.9", 5]]);
  });

  it("keeps a percentage that rounding of the amounts explains as info (36 after +3 printed 8%)", () => {
    const fs = checkText(yoyChange, project("1. 信息化预算 36 万元，主要包括：运维 36 万元，较 2022 年预算增加 3 万元，增幅 8%。"));
    expect(fs.map((f) => [f.severity, f.withinRounding])).toEqual([["info", true]]);
  });

  it("expects 100% for an item new this year, and a 新增 amount equal to this year's", () => {
    expect(checkText(yoyChange, project("1. 综合管理预算 5 万元，主要包括：采购 5 万元。较 2022 年预算增加 5 万元，增长 100%。"))).toEqual([]);
    expect(checkText(yoyChange, project("1. 小型工程预算 12 万元，主要包括：维修 12 万元。新增预算 12 万元，增幅 100%。"))).toEqual([]);
    const wrongPercent = checkText(yoyChange, project("1. 综合管理预算 5 万元，主要包括：采购 5 万元。较 2022 年预算增加 5 万元，增长 50%。"));
    expect(wrongPercent.map((f) => [f.severity, f.stated, f.computed])).toEqual([["error", "50", "100"]]);
    const wrongAmount = checkText(yoyChange, project("1. 小型工程预算 12 万元，主要包括：维修 12 万元。新增预算 22 万元，增幅 100%。"));
    expect(wrongAmount.map((f) => [f.severity, f.stated, f.computed])).toEqual([["error", "22", "12"]]);
  });

  it("reports a percentage whose direction word contradicts the change", () => {
    const fs = checkText(yoyChange, project("1. 科技智库预算 81 万元，主要包括：评审。较 2022 年预算减少 87 万元，增幅 52%。"));
    expect(fs.some((f) => f.severity === "error" && /percentage as an increase/.test(f.message))).toBe(true);
  });

  it("judges 机关运行经费 and department totals the same way", () => {
    const fs = checkText(
      yoyChange,
      `
## 第二部分 部门预算收支总体情况
2023 年部门预算收入 9,724 万元，比 2022 年增加 714 万元，增长 8%。
## 第八部分 其他需要说明情况
2023年本部门本级机关运行经费财政拨款预算131万元,

比 2022 年预算增加 13 万元，增长 10%。`,
    );
    expect(fs.map((f) => [f.severity, f.item, f.location.line, f.stated, f.computed])).toEqual([["error", "机关运行经费", 6, "10", "11"]]);
  });

  it("a budget balances this year and last: 收入 and 支出 stated at the same amount change by the same amount", () => {
    const run = (change: string) =>
      checkText(yoyChange, `\n## 第二部分 部门预算收支总体情况\n2023 年部门预算收入 9,724 万元，比 2022 年增加 714 万元，增长 8%。2023 年部门预算支出 9,724 万元，比 2022 年增加 ${change} 万元，增长 8%。`).map((f) => [
        f.severity,
        f.item,
        f.column,
        f.stated,
        f.computed,
      ]);
    expect(run("714")).toEqual([]);
    // 717 on 9,724 is still 8% (717 ÷ 9,007 = 7.96%): only the income's change shows it.
    expect(run("717")).toEqual([["error", "部门预算支出", "增减额", "717", "714"]]);
  });

  it("reads a change whose year carries a note in brackets (比2022年（上一年度，下同）预算增加 …)", () => {
    const run = (pct: string) =>
      checkText(yoyChange, `\n## 第二部分 部门预算收支总体情况\n2023 年部门预算收入 9,724 万元，比 2022 年（上一年度，下同）预算增加 714 万元，增长 ${pct}%。`).map((f) => [f.severity, f.location.line, f.stated, f.computed]);
    expect(run("8")).toEqual([]);
    expect(run("9")).toEqual([["error", 2, "9", "7.9"]]);
  });

  describe("比上年预算执行数 (Shanghai's 编制说明, layout text)", () => {
    const TABLE = [
      "                 一般公共预算支出功能分类预算表",
      "                                                      单位：元",
      "   功能分类科目编码     功能分类科目名称          合计          基本支出        项目支出",
      "201                  一般公共服务支出         257,700.00                   257,700.00",
      "201   05             统计信息事务            257,700.00                   257,700.00",
      "201   05   07        专项普查活动            257,700.00                   257,700.00",
      "                     合计                   257,700.00                   257,700.00",
    ];
    const notes = (tail: string) =>
      [
        ...TABLE,
        "                           2024年部门预算编制说明",
        "  1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2023年当年预算执行",
        `数为60.13万元，2024年预算安排${tail}。主要原因是：项目调整。`,
      ].join("\n");
    const run = (tail: string) => runRules(loadLayoutText("notes.txt", notes(tail), { template: shanghai }), [yoyChange], { tolerance: { kind: "auto" }, lang: "en" });
    /** The table, then a 编制说明 of the given lines: each finding as [severity, item, column, line, stated, computed]. */
    const explained = (lines: string[]) =>
      runRules(loadLayoutText("explained.txt", [...TABLE, "                           2024年部门预算编制说明", ...lines].join("\n"), { template: shanghai }), [yoyChange], { tolerance: { kind: "auto" }, lang: "en" }).map((f) => [
        f.severity,
        f.item,
        f.column,
        f.location.line,
        f.stated,
        f.computed,
      ]);

    it("reads the statement (its claim) and passes a percentage that is the change ÷ last year's execution", () => {
      const doc = loadLayoutText("notes.txt", notes("25.77万元，比2023年预算执行数减少57.14%"), { template: shanghai });
      expect(claimsOfKind(doc, "prior-execution").map((c) => [c.label, c.last.text, c.current.text, c.change, c.percent?.text, c.itemAmount?.text])).toEqual([
        ["一般公共服务支出(类)统计信息事务(款)专项普查活动(项)", "60.13", "25.77", "decrease", "57.14", "25.77"],
      ]);
      expect(run("25.77万元，比2023年预算执行数减少57.14%")).toEqual([]);
    });

    it("passes an increase within this year's amount; fails one beyond it, which makes last year's negative (a line's change copied to the next)", () => {
      const overview = (fund: string) =>
        explained([
          "  支出预算25.77万元，其中：财政拨款支出预算25.77万元，比2023年预算增加1.25万元。财政拨款支出预算中，一般公共",
          `预算拨款支出预算25.77万元，比2023年预算增加1.25万元；政府性基金拨款支出预算${fund}万元，比2023年预算增加1.25万元。`,
        ]);
      expect(overview("3.00")).toEqual([]);
      expect(overview("0")).toEqual([["error", "政府性基金拨款支出预算", "增加额", TABLE.length + 3, "1.25", "0"]]);
    });

    it("财政拨款's change is its three funds' changes together (持平 counting 0): passes when they agree, an error at the whole's change when a fund's is mistyped", () => {
      const funds = (general: string) =>
        explained([
          "  支出预算25.77万元，其中：财政拨款支出预算25.77万元，比2023年预算减少2.40万元。财政拨款支出预算中，一般公共",
          `预算拨款支出预算25.77万元，比2023年预算减少${general}万元；政府性基金拨款支出预算0万元，比2023年预算持平；国有资本经营`,
          "预算拨款支出预算0万元，比2023年预算持平。",
        ]);
      expect(funds("2.40")).toEqual([]);
      expect(funds("2.04")).toEqual([["error", "财政拨款支出预算", "增减额", TABLE.length + 2, "2.4", "2.04"]]);
    });

    it("reports a wrong percentage, a wrong word, and a 预算安排 that is not the item's figure, each at its line", () => {
      const line = TABLE.length + 3;
      expect(run("25.77万元，比2023年预算执行数减少75.14%").map((f) => [f.severity, f.column, f.stated, f.location.line])).toEqual([["error", "比上年预算执行数", "75.14", line]]);
      expect(run("25.77万元，比2023年预算执行数增加57.14%").map((f) => [f.severity, f.stated])).toEqual([["error", "增加"]]);
      expect(run("27.75万元，比2023年预算执行数减少53.85%").map((f) => [f.severity, f.column, f.stated, f.computed])).toEqual([["error", "本年预算安排", "27.75", "25.77"]]);
    });
  });
});

describe("yoy-change: a 预算's “三公” change is its components' changes together", () => {
  const sanggong = (abroad: string, vehicle: string, reception: string) =>
    "## 第九部分 某某厅2026年部门预算情况说明\n七、一般公共预算“三公”经费支出预算情况\n" +
    `某某厅2026年一般公共预算“三公”经费支出152.70万元，比2025年预算增加58.62万元，增长62.30%。其中：因公出国（境）费18.60万元，比2025年预算减少${abroad}万元，主要原因是压减出国团组；` +
    `公务用车购置及运行费119.83万元（其中：公务用车购置费72.00万元，公务用车运行费47.83万元），比2025年预算增加${vehicle}万元，主要原因是更新车辆；公务接待费14.27万元，比2025年预算减少${reception}万元。`;
  const errs = (text: string) => checkText(yoyChange, text).filter((f) => f.severity === "error").map((f) => [f.item, f.column, f.stated, f.computed]);

  it("−7.40 + 68.58 − 2.57 = 58.61: 58.62 within rounding", () => {
    expect(errs(sanggong("7.40", "68.58", "2.57"))).toEqual([]);
  });

  it("a component's change mistyped (67.58): the sum no longer holds", () => {
    expect(errs(sanggong("7.40", "67.58", "2.57"))).toEqual([["一般公共预算三公经费支出", "增减额", "58.62", "57.61"]]);
  });

  it("in a quoted-printable web page, whose paragraph's figures share one place (its first line, no column): the same", () => {
    const body = (text: string) =>
      `<html><body><p style="text-align:center"><strong>第九部分 某某厅2026年部门预算情况说明</strong></p><p>七、一般公共预算“三公”经费支出预算情况</p><p>${text.split("\n").pop()}</p>${T7_PAGE}</body></html>`;
    const run = (text: string) =>
      runRules(loadMhtml("p.mht", asMhtml(Buffer.from(body(text), "utf8"), { charset: "utf-8" }), undefined), [yoyChange], { tolerance: { kind: "auto" }, lang: "en" })
        .filter((f) => f.severity === "error")
        .map((f) => [f.item, f.column, f.stated, f.computed]);
    expect(run(sanggong("7.40", "68.58", "2.57"))).toEqual([]);
    expect(run(sanggong("7.40", "67.58", "2.57"))).toEqual([["一般公共预算三公经费支出", "增减额", "58.62", "57.61"]]);
  });

  it("a component compared with another year's execution is not its part: nothing summed", () => {
    expect(errs(sanggong("7.40", "67.58", "2.57").replace("公务接待费14.27万元，比2025年预算", "公务接待费14.27万元，比2024年执行数"))).toEqual([]);
  });
});

describe("yoy-change: an item this year's budget no longer holds, said in words (安徽: 2026年未安排预算，比2025年预算减少 X 万元，下降100%)", () => {
  const item = (rest: string) =>
    "# 2026 年某局部门预算\n## 第九部分 某局2026年部门预算情况说明\n（三）一般公共预算当年拨款具体使用情况\n" +
    `10．公共安全支出（类）司法（款）其他司法支出（项）2026年${rest}。主要原因是该项经费调整至“律师管理”科目列支。`;
  const errs = (text: string) => checkText(yoyChange, text).filter((f) => f.severity === "error").map((f) => [f.item, f.column, f.stated, f.computed]);

  it("reads this year's figure as nothing: 100% passes, any other percentage is an error at it", () => {
    expect(errs(item("未安排预算，比2025年预算减少42.00万元，下降100%"))).toEqual([]);
    expect(errs(item("未安排预算，比2025年预算减少42.00万元，下降10%"))).toEqual([["其他司法支出", "减幅", "10", "100"]]);
    expect(errs(item("无此项预算，较2025年预算数减少42.00万元，下降100.00%"))).toEqual([]);
    expect(errs(item("无此项预算，较2025年预算数减少42.00万元，下降99.00%"))).toEqual([["其他司法支出", "减幅", "99", "100"]]);
  });

  it("last year's figure printed with it is the decrease; a direction word that says otherwise is an error", () => {
    expect(errs(item("未安排预算，比2025年预算数42.00万元减少42.00万元，下降100%"))).toEqual([]);
    expect(errs(item("未安排预算，比2025年预算数42.00万元减少40.00万元，下降100%"))).toEqual([["其他司法支出", "减少额", "40", "42"]]);
    expect(checkText(yoyChange, item("未安排预算，比2025年预算减少42.00万元，增长100%")).filter((f) => f.severity === "error")).toHaveLength(1);
  });

  it("another year's 未安排 (last year's) is not this budget's", () => {
    expect(errs(item("预算数为35.68万元，2025年未安排预算，比2024年预算减少42.00万元，下降10%"))).toEqual([]);
  });
});

describe("yoy-change: an item said to be new right after its increase (四川, 河南: 比2024年预算增加 D 万元，为新增科目 · 为新增项目)", () => {
  const item = (rest: string) =>
    "# 2025 年某局部门预算\n## 第九部分 某局2025年部门预算情况说明\n（三）一般公共预算当年拨款具体使用情况\n" +
    `12．社会保障和就业支出（类）抚恤（款）死亡抚恤（项）2025年预算数为5.68万元，${rest}主要用于按规定发放的死亡抚恤金。`;
  const errs = (text: string) => checkText(yoyChange, text).filter((f) => f.severity === "error").map((f) => [f.item, f.stated, f.computed]);

  it("its increase is all of this year's amount, with or without a percentage", () => {
    expect(errs(item("比2024年预算增加5.68万元，为新增科目，主要原因是按政策发放死亡抚恤。"))).toEqual([]);
    expect(errs(item("比2024年增加5.68万元，为新增项目。"))).toEqual([]);
    expect(errs(item("比2024年预算增加5.68万元，增长100%，为新增科目。"))).toEqual([]);
  });

  it("fails: an increase that is not this year's amount, above it or below it, is an error", () => {
    expect(errs(item("比2024年预算增加6.68万元，为新增科目，主要原因是按政策发放死亡抚恤。"))).toEqual([["死亡抚恤", "6.68", "5.68"]]);
    expect(errs(item("比2024年增加4.68万元，为新增项目。"))).toEqual([["死亡抚恤", "4.68", "5.68"]]);
  });

  it("an increase not said to be new is at most this year's amount, no more (主要原因是新增… names another item)", () => {
    expect(errs(item("比2024年预算增加4.68万元，主要原因是新增项目。"))).toEqual([]);
  });
});
