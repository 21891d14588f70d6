import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadHtmlPage } from "../../src/loaders/web-page.js";
import { table } from "../../src/model/document.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";

/*
 * 山东's 预算 page: 实行绩效目标管理的项目 N 个，涉及项目预算资金 X 万元 in the text, and a 项目支出绩效目标表 listing the
 * projects (项目名称 | 预算金额 | 年度绩效目标) after the other tables, the page's 【打印本页】 【关闭窗口】 after it.
 */
const page = (sentence: string) => `<!DOCTYPE html><html><head><title>某某省某某厅2026年部门预算</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<h1>某某省某某厅2026年部门预算</h1>
<p style="text-align:center"><strong>第二部分　某某省某某厅2026年部门预算情况说明</strong></p>
<p><strong>一、收支预算总体情况</strong></p>
<p>某某省某某厅2026年收支总预算500.00万元。</p>
<p><strong>二、预算绩效管理情况</strong></p>
<p>${sentence}</p>
<p style="text-align:center"><strong>某某省某某厅部门支出总表</strong></p>
<p style="text-align:right">单位：万元</p>
<table border="1">
<tr><td colspan="2">科目</td><td rowspan="2">合计</td><td rowspan="2">基本支出</td><td rowspan="2">项目支出</td></tr>
<tr><td>科目编码</td><td>科目名称</td></tr>
<tr><td colspan="2">合计</td><td>500.00</td><td>200.00</td><td>300.00</td></tr>
<tr><td>220</td><td>自然资源海洋气象等支出</td><td>500.00</td><td>200.00</td><td>300.00</td></tr>
</table>
<p class="tab-no">表10</p>
<p style="text-align:center"><strong>某某省某某厅项目支出绩效目标表</strong></p>
<p style="text-align:right">单位：万元</p>
<table border="1">
<tr><td>项目名称</td><td>预算金额</td><td>年度绩效目标</td></tr>
<tr><td>自然资源调查监测</td><td>120.50</td><td>完成全省年度国土变更调查。</td></tr>
<tr><td>国土空间规划编制</td><td>80.25</td><td>完成2个专项规划编制。</td></tr>
</table>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="footer"><p>主办：某某省某某厅</p></div>
</body></html>`;

const load = (sentence: string) => loadHtmlPage("p.html", page(sentence), undefined);
const errors = (sentence: string) =>
  runRules(load(sentence), [textVsTable], { tolerance: { kind: "auto" }, lang: "en" })
    .filter((f) => f.severity === "error")
    .map((f) => [f.item, f.stated, f.computed]);

describe("a 项目支出绩效目标表 against the text's 实行绩效目标管理的项目 N 个，涉及项目预算资金 X 万元", () => {
  it("the table's projects are read by name alone, the page's links after the table no part of the last", () => {
    const t = table(load("实行绩效目标管理的项目2个，涉及项目预算资金200.75万元。"), "project-performance")!;
    expect(t.rows.map((r) => [r.name, r.cells.total?.text])).toEqual([
      ["自然资源调查监测", "120.50"],
      ["国土空间规划编制", "80.25"],
    ]);
  });

  it("N projects listed: X is their sum", () => {
    expect(errors("某某省某某厅2026年实行绩效目标管理的项目2个，涉及项目预算资金200.75万元，重点项目绩效目标随部门预算一并公开。")).toEqual([]);
    expect(errors("某某省某某厅2026年实行绩效目标管理的项目2个，涉及项目预算资金207.75万元，重点项目绩效目标随部门预算一并公开。")).toEqual([
      ["绩效目标 涉及项目预算资金", "207.75", "200.75"],
    ]);
  });

  it("the table in 元, the text in 万元: compared in 万元", () => {
    const yuan = (sentence: string) => page(sentence).replace(/(项目支出绩效目标表<\/strong><\/p>\n<p style="text-align:right">)单位：万元/, "$1单位：元").replace("120.50</td>", "1205000.00</td>").replace("80.25</td>", "802500.00</td>");
    const errs = (sentence: string) =>
      runRules(loadHtmlPage("p.html", yuan(sentence), undefined), [textVsTable], { tolerance: { kind: "auto" }, lang: "en" })
        .filter((f) => f.severity === "error")
        .map((f) => [f.item, f.stated, f.computed]);
    expect(errs("实行绩效目标管理的项目2个，涉及项目预算资金200.75万元。")).toEqual([]);
    expect(errs("实行绩效目标管理的项目2个，涉及项目预算资金207.75万元。")).toEqual([["绩效目标 涉及项目预算资金", "207.75", "200.75"]]);
  });

  it("more projects than the table lists (some of them, 天津's 重点项目): X not compared with them; one fund's funds (一般公共预算当年拨款): not compared", () => {
    expect(errors("实行绩效目标管理的项目5个，涉及项目预算资金260.00万元。")).toEqual([]);
    expect(errors("实行绩效目标管理的项目5个，涉及项目预算资金190.00万元。")).toEqual([]);
    // (Beyond the 项目支出 it is still an error: at most the expenditure table's 项目支出 300.00.)
    expect(errors("实行绩效目标管理的项目5个，涉及项目预算资金310.00万元。")).toEqual([["绩效目标 涉及项目预算资金", "310", "300"]]);
    expect(errors("实行绩效目标管理的项目2个，涉及一般公共预算当年拨款190.00万元。")).toEqual([]);
  });
});
