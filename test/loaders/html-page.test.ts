import { describe, expect, it } from "vitest";
import { htmlPageLines, isHtmlPage } from "../../src/loaders/html-page.js";

/*
 * What of a saved web page is its text (html-page.ts): what a browser shows, in blocks; the innermost tables as
 * rows of cells; every line and cell where it is printed in the file.
 */

const PAGE = [
  "<!DOCTYPE html>",
  "<html><head><title>标题不是正文</title><style>.a{color:red}</style>",
  '<script>document.write("<p>脚本里的段落</p>");</script></head>',
  "<body><!-- <p>注释里的段落</p> -->",
  '<table class="layout"><tr><td><div class="nav">首页 &gt; 预决算公开</div></td></tr><tr><td>',
  '<h2 align="center">2024年某局部门预算</h2>',
  "<p>收入预算&nbsp;1,000.00万元，<span>其中</span>：财政拨款1,000.00万元。</p>",
  "<p>第一行<br>第二行</p>",
  "<table><caption>收支总表</caption>",
  "<tr><th>项目</th><th colspan=2>预算数</th></tr>",
  "<tr><td>一、一般公共预算拨款</td><td>1,000.00</td><td></td></tr>",
  "</table>",
  "</td></tr></table></body></html>",
].join("\n");

describe("a saved web page", () => {
  it("is told from a Markdown text with an HTML table in it", () => {
    expect(isHtmlPage(PAGE)).toBe(true);
    expect(isHtmlPage("\uFEFF<html lang=zh><body></body></html>")).toBe(true);
    expect(isHtmlPage("# 2024年部门预算\n\n<table><tr><td>1</td></tr></table>\n")).toBe(false);
  });

  const { lines, places, columnStarts } = htmlPageLines("page.html", PAGE);
  const texts = lines.map((l) => l.raw ?? l.text);

  it("reads what a browser shows as text, a block a line: not the head, scripts, styles or comments", () => {
    expect(texts.filter((t) => !/^\s*$/.test(t) && !lines[texts.indexOf(t)].tokens)).toEqual([
      "首页 > 预决算公开",
      "## 2024年某局部门预算",
      "收入预算 1,000.00万元，其中：财政拨款1,000.00万元。",
      "第一行",
      "第二行",
      "收支总表",
    ]);
    expect(texts.join("\n")).not.toMatch(/标题不是正文|脚本|注释|color/);
  });

  it("leaves out what a style hides (display:none, visibility:hidden, hidden): a copy kept for print, Word's hidden text", () => {
    const page = [
      "<html><body>",
      '<div style="display: none"><div><p>打印版 收入预算 999.00万元。</p></div><table><tr><td>项目</td><td>999.00</td></tr><tr><td>合计</td><td>999.00</td></tr></table></div>',
      "<p>收入预算 1,000.00万元<span style='display:none;mso-hide:all'>（隐藏 5.00万元）</span>。</p>",
      '<p hidden>隐藏段落</p><p class="hidden" title="a hidden b">看得见</p><section style="visibility:hidden">也隐藏</section><img style="display:none" src="x.png"><p>后文</p>',
      "<table><tr><td>项目</td><td>预算数</td></tr><tr><td>合计</td><td>1,000.00</td></tr></table>",
      "</body></html>",
    ].join("\n");
    const r = htmlPageLines("hidden.html", page);
    const shown = r.lines.map((l) => (l.tokens ? l.tokens.map((t) => t.text).join("|") : (l.raw ?? l.text).trim())).filter((t) => t);
    expect(shown).toEqual(["收入预算 1,000.00万元。", "看得见", "后文", "项目|预算数", "合计|1,000.00"]);
  });

  it("leaves out what the page's style sheet hides, by the rule that wins (specificity, then order); not a print or narrow screen's rules", () => {
    const page = [
      "<html><head><style>",
      "/* .shown { display: none } */",
      ".print-copy, #old { display: none }  .tab { display:none; } .tab.on { display: block }  div.quiet { visibility: hidden }",
      "@media print { .no-print { display: none } }  @media (max-width: 600px) { .desk { display: none } }",
      "p.MsoNormal { margin: 0 } .nav a:hover { display: none } .box .inner { display: none }",
      "</style></head><body>",
      '<div class="print-copy"><p>打印版 999.00万元。</p><table><tr><td>项目</td><td>999.00</td></tr><tr><td>合计</td><td>999.00</td></tr></table></div>',
      '<p id="old">旧稿</p><div class="tab">第二页签</div><div class="tab on">第一页签</div><div class="quiet">静默</div>',
      '<p class="no-print MsoNormal">屏幕上看得见</p><p class="desk shown">桌面版</p><div class="box"><p class="inner">组合选择器不跟随</p></div>',
      '<div class="tab" style="display:block">行内样式优先</div>',
      "<table><tr><td>项目</td><td>预算数</td></tr><tr><td>合计</td><td>1,000.00</td></tr></table>",
      "</body></html>",
    ].join("\n");
    const r = htmlPageLines("sheet.html", page);
    const shown = r.lines.map((l) => (l.tokens ? l.tokens.map((t) => t.text).join("|") : (l.raw ?? l.text).trim())).filter((t) => t);
    expect(shown).toEqual(["第一页签", "屏幕上看得见", "桌面版", "组合选择器不跟随", "行内样式优先", "项目|预算数", "合计|1,000.00"]);
  });

  it("follows the first rule of a sheet wrapped in <!-- --> (as Word and Excel write it), and reads a damaged sheet at once", () => {
    // (The first rule's selector was read with the <!-- before it, and matched nothing. At-signs without a block, a
    // block and comments never closed: the test's time limit stops a reading that rescans the sheet from each.)
    const sheet = `<!-- .print-copy { display: none } ${"@".repeat(100_000)} .x {${"a".repeat(100_000)}${"/*".repeat(50_000)}`;
    const page = `<html><head><style>${sheet}</style></head><body><div class="print-copy"><p>打印版</p></div><p>看得见</p></body></html>`;
    const shown = htmlPageLines("damaged.html", page).lines.map((l) => (l.raw ?? l.text).trim()).filter((t) => t);
    expect(shown).toEqual(["看得见"]);
  });

  it("reads the innermost table as rows of cells (the one around the page lays it out), a merged cell at its first place", () => {
    const rows = lines.filter((l) => l.tokens);
    expect(rows.map((l) => l.tokens!.map((t) => t.text))).toEqual([
      ["项目", "预算数"],
      ["一、一般公共预算拨款", "1,000.00"],
    ]);
    // The figure's cell is where it is in the file: line 11, column 28.
    const row = rows[1];
    const place = places.get(row.line)!;
    const k = row.tokens![1].cell!;
    expect(place.cells![k]).toEqual({ file: "page.html", line: 11, column: 28 });
    expect(PAGE.split("\n")[10].slice(27, 35)).toBe("1,000.00");
  });

  it("knows where a block's characters stand in the file when no tag or entity is inside it", () => {
    const plain = lines.find((l) => (l.raw ?? l.text) === "第一行")!;
    expect(places.get(plain.line)!.row).toEqual({ file: "page.html", line: 8 });
    expect(columnStarts.get(plain.line)).toBe(4);
    // A span and an entity inside: the block's line only.
    const tagged = lines.find((l) => (l.raw ?? l.text).startsWith("收入预算"))!;
    expect(places.get(tagged.line)!.row).toEqual({ file: "page.html", line: 7 });
    expect(columnStarts.has(tagged.line)).toBe(false);
  });
});
