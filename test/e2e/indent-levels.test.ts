import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { asCsvFolder } from "../helpers/cell-forms.js";
import { asDocx } from "../helpers/docx.js";
import { asXls } from "../helpers/xls.js";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A department whose tables by function print names only, 类 / 款 / 项 told by how far each name is indented in
 * its cell (spaces in a tab-separated text, a CSV file or a Word table's cell — .docx or .doc —, full-width spaces
 * in a workbook's cell, &nbsp; in a web page's), or by the cell's format (a workbook cell's indent, .xlsx or .xls; a
 * web page's padding or margin, by class or inline, as Excel and Word save pages; a Word paragraph's indentation). Read in every form, the sums by level are checked: 表3's 机构运行 typed 63.00 for 60.00 breaks its 款's
 * sum (技术研究与开发 160.00 = 63.00 + 100.00), and the diagnosis names it.
 */
const TAB = "\t";
function tabText(jigou = "60.00"): string {
  const rows: string[] = [];
  const table = (title: string, header: string[], body: string[][]) => {
    rows.push(title, ["部门名称：某某局", "", "", "单位：万元"].join(TAB), header.join(TAB), ...body.map((r) => r.join(TAB)), "");
  };
  table("2026年部门收支预算总表", ["收入项目", "预算数", "支出项目", "预算数"], [
    ["一、一般公共预算拨款收入", "260.00", "一、科学技术支出", "160.00"],
    ["", "", "二、卫生健康支出", "100.00"],
    ["收入总计", "260.00", "支出总计", "260.00"],
  ]);
  const body = (jigou: string) => [
    ["合计", "260.00", "60.00", "200.00"],
    ["科学技术支出", "160.00", "60.00", "100.00"],
    ["  技术研究与开发", "160.00", "60.00", "100.00"],
    ["    机构运行", jigou, "60.00", ""],
    ["    科技成果转化与扩散", "100.00", "", "100.00"],
    ["卫生健康支出", "100.00", "", "100.00"],
    ["  行政事业单位医疗", "100.00", "", "100.00"],
    ["    行政单位医疗", "100.00", "", "100.00"],
  ];
  table("2026年部门支出预算总表", ["科目名称", "合计", "基本支出", "项目支出"], body(jigou));
  table("2026年部门一般公共预算支出预算表", ["科目名称", "合计", "基本支出", "项目支出"], body("60.00"));
  return rows.join("\n") + "\n";
}

/**
 * The tab-separated text as one worksheet, each name's leading spaces as full-width spaces (one for two), or with
 * `byFormat` as its cell's indent (Excel's 增加缩进量, one level for two spaces).
 */
async function workbook(text: string, path: string, byFormat = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("部门预算");
  text.split("\n").forEach((l, i) =>
    l.split(TAB).forEach((c, k) => {
      if (!c) return;
      const cell = ws.getCell(i + 1, k + 1);
      if (/^\d[\d,]*\.\d+$/.test(c)) {
        cell.value = Number(c);
        cell.numFmt = "#,##0.00";
      } else if (byFormat && /^ +/.test(c)) {
        cell.value = c.trimStart();
        cell.alignment = { horizontal: "left", indent: (c.length - c.trimStart().length) / 2 };
      } else cell.value = c.replace(/^ +/, (m) => "\u3000".repeat(m.length / 2));
    }),
  );
  await wb.xlsx.writeFile(path);
  return path;
}

/**
 * The tab-separated text as a web page whose style indents the names, as a page saved by Excel (`byClass`: a class of
 * the page's style sheet for each level, padding and mso-char-indent-count) or by Word (each name in a
 * <p style='margin-left:…pt'>, every cell padded alike).
 */
function styledPage(text: string, byClass: boolean): string {
  const levels = new Set<number>();
  let body = "";
  let open = false;
  for (const l of text.split("\n")) {
    if (!l.includes(TAB)) {
      if (open) body += "</table>\n";
      open = false;
      if (l) body += `<p class=MsoNormal>${l}</p>\n`;
      continue;
    }
    if (!open) body += "<table border=1 cellspacing=0 cellpadding=0>\n";
    open = true;
    const cells = l.split(TAB).map((c) => {
      const lead = (c.length - c.trimStart().length) / 2;
      levels.add(lead);
      if (byClass) return lead ? `<td class=xl${70 + lead}>${c.trim()}</td>` : `<td class=xl65>${c}</td>`;
      return `<td valign=top style='padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal${lead ? ` style='margin-left:${(lead * 10.5).toFixed(1)}pt'` : ""}><span lang=ZH-CN>${c.trim()}</span></p></td>`;
    });
    body += `<tr>${cells.join("\n")}</tr>\n`;
  }
  if (open) body += "</table>\n";
  const css = byClass
    ? ["td {padding-top:1px; padding-right:1px; padding-left:1px; font-size:11.0pt;}", ".xl65 {mso-style-parent:style0;}", ...[...levels].filter(Boolean).map((n) => `.xl${70 + n}\n\t{mso-style-parent:style0;\n\ttext-align:left;\n\tpadding-left:${12 * n}px;\n\tmso-char-indent-count:${n};}`)]
    : ["p.MsoNormal, li.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\tfont-size:10.5pt;}"];
  return `<html><head><meta charset="utf-8"><title>某某局2026年部门预算</title>\n<style>\n<!--\n${css.join("\n")}\n-->\n</style></head><body>\n${body}</body></html>\n`;
}

/** The tab-separated text as a web page: each line a paragraph, each table's rows a <table>, spaces as &nbsp;. */
function webPage(text: string): string {
  let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某局2026年部门预算</title></head><body>\n";
  let open = false;
  for (const l of text.split("\n")) {
    if (!l.includes(TAB)) {
      if (open) html += "</table>\n";
      open = false;
      if (l) html += `<p>${l}</p>\n`;
      continue;
    }
    if (!open) html += "<table border=\"1\">\n";
    open = true;
    html += `<tr>${l.split(TAB).map((c) => `<td>\n  ${c.replace(/^ +/, (m) => "&nbsp;".repeat(m.length))}</td>`).join("")}</tr>\n`;
  }
  return html + (open ? "</table>\n" : "") + "</body></html>\n";
}

interface Finding {
  ruleId: string;
  severity: string;
  stated: string;
  computed: string;
  item: string;
  table: string;
  location: { line?: number; sheet?: string; cell?: string };
}

describe("tables by name only, levels told by the indentation in each cell", async () => {
  const dir = tempDir("indent-levels");
  const forms: [string, (text: string, name: string) => Promise<string> | string][] = [
    ["a tab-separated text", (t, n) => (writeFileSync(join(dir, `${n}.txt`), t), join(dir, `${n}.txt`))],
    ["a CSV folder", (t, n) => asCsvFolder(t, dir, `${n}-csv`)],
    ["a workbook", (t, n) => workbook(t, join(dir, `${n}.xlsx`))],
    ["a web page", (t, n) => (writeFileSync(join(dir, `${n}.html`), webPage(t)), join(dir, `${n}.html`))],
    ["a Word document", (t, n) => (writeFileSync(join(dir, `${n}.docx`), asDocx(t, { indented: true })), join(dir, `${n}.docx`))],
    // The indentation set by the cells' format, not typed.
    ["a workbook indented by its cells' format", (t, n) => workbook(t, join(dir, `${n}-format.xlsx`), true)],
    [
      "an Excel 97–2003 workbook indented by its cells' format",
      async (t, n) => {
        const xlsx = await workbook(t, join(dir, `${n}-for-xls.xlsx`), true);
        writeFileSync(join(dir, `${n}.xls`), await asXls(xlsx));
        return join(dir, `${n}.xls`);
      },
    ],
    ["a web page saved by Excel (a class of its style sheet for each level)", (t, n) => (writeFileSync(join(dir, `${n}-excel.htm`), styledPage(t, true)), join(dir, `${n}-excel.htm`))],
    ["a web page saved by Word (each name's paragraph indented)", (t, n) => (writeFileSync(join(dir, `${n}-word.htm`), styledPage(t, false)), join(dir, `${n}-word.htm`))],
    ["a Word document indented by its paragraphs' format", (t, n) => (writeFileSync(join(dir, `${n}-format.docx`), asDocx(t, { indentedByFormat: true })), join(dir, `${n}-format.docx`))],
  ];
  const cases: [string, readonly [string, string]][] = await Promise.all(
    forms.map(async ([form, write], i) => [form, [await write(tabText(), `clean-${i}`), await write(tabText("63.00"), `typo-${i}`)] as const] as [string, readonly [string, string]]),
  );
  // A Word 97–2003 document of the same department, as LibreOffice saves the .docx (test/fixtures/doc/README.md).
  const doc = (name: string) => join(ROOT, "test", "fixtures", "doc", name);
  cases.push(["a Word 97–2003 document", [doc("indented-levels.doc"), doc("indented-levels-typo.doc")]]);
  // The same, each name's paragraph indented by its format (test/fixtures/doc/README.md); and an Excel 97–2003 workbook
  // saved by LibreOffice Calc, each name's cell indented by its format (test/fixtures/xls/README.md).
  cases.push(["a Word 97–2003 document indented by its paragraphs' format", [doc("indented-by-format.doc"), doc("indented-by-format-typo.doc")]]);
  const xls = (name: string) => join(ROOT, "test", "fixtures", "xls", name);
  cases.push(["an Excel 97–2003 workbook saved by LibreOffice, indented by its cells' format", [xls("indented-by-format.xls"), xls("indented-by-format-typo.xls")]]);
  // A web page LibreOffice Writer saved from the .docx indented by format (test/fixtures/html/README.md).
  const html = (name: string) => join(ROOT, "test", "fixtures", "html", name);
  cases.push(["a web page saved by LibreOffice Writer (each name's paragraph's margin-left in inches)", [html("indented-by-format.html"), html("indented-by-format-typo.html")]]);

  for (const [form, files] of cases)
    it(`${form}: the sums by level hold, and a 项 typed wrong breaks its 款's, named by the diagnosis`, () => {
      const [clean, typo] = cliJson([...files]).report.documents as { failure: unknown; findings: Finding[] }[];
      expect(clean.failure).toBeNull();
      expect(clean.findings.filter((f) => f.severity === "error")).toEqual([]);
      const errors = typo.findings.filter((f) => f.severity === "error");
      const sums = errors.filter((f) => f.ruleId === "hierarchy-sum");
      expect(sums.map((f) => [f.table, f.item, f.stated, f.computed])).toEqual([["T3", "技术研究与开发", "160", "163"]]);
      const named = errors.filter((f) => f.ruleId === "diagnosis");
      expect(named.map((f) => [f.table, f.item, f.stated, f.computed])).toEqual([["T3", "机构运行", "63", "60"]]);
    });
});
