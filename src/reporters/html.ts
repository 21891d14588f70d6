import type { Finding, Lang } from "../engine/types.js";
import type { BudgetDocument, Cell, Row, Table } from "../model/document.js";
import { formatLocation, type SourceLocation } from "../model/location.js";
import { allTables } from "../model/units.js";
import type { DocumentReport, Report } from "../report.js";
import type { FormatOptions } from "./index.js";
import { pagesHtml, PAGES_STYLE, type PageMark } from "./html-pages.js";
import { locationText, placeText, printedOf } from "./place.js";
import { acceptedText, bySeverity, foldLine, foldRounding, shownFindings } from "./present.js";
import { configLine, findingKind, kindLabel, summaryLine, tableHeading, tableLabel, printedTitles, notCheckedText, unreadText, type FindingKind } from "./words.js";
import { mapArray } from "../util/arrays.js";

/**
 * One self-contained HTML file (inline style and script, nothing fetched): the summary, then every
 * document's tables as printed — rows and cells of the loaded model — with each cell a finding is about
 * coloured by its kind (error / warning / rounding / info). Hovering a marked cell shows the arithmetic;
 * clicking it shows the findings in a panel and highlights the related cells. Findings on the written
 * parts are shown in their paragraph with the figure marked. Findings are matched to cells only by
 * their location (file + line + column, or file + sheet + cell), never re-derived.
 * Everything taken from the document or the report is escaped.
 */

export function htmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Where something is printed, as a key: file + line + column, or file + sheet + cell. A row's key has no column. */
export function locationKey(loc: SourceLocation): string {
  if (loc.sheet) return `${loc.file}\u0000${loc.sheet}\u0000${loc.cell ?? ""}`;
  return `${loc.file}\u0000${loc.line ?? ""}\u0000${loc.column ?? ""}`;
}
const rowKey = (loc: SourceLocation) => locationKey({ ...loc, column: null });

const RANK: Record<FindingKind, number> = { error: 0, warning: 1, rounding: 2, info: 3 };

const WORDS = {
  zh: { title: "预算公开核对报告", doc: "文件", dept: "部门", year: "年度", unit: "金额单位", unreadable: "无法读取", findings: "问题清单", text: "文字部分", missing: "未列示", stated: "列示", computed: "计算", difference: "差额", tolerance: "容差", related: "相关数字", where: "位置", none: "未发现问题", hint: "点击带颜色的单元格查看计算过程；悬停可预览。", close: "关闭", notInTables: "不在表格中", show: "显示", table: "表", rule: "规则", all: "全部" },
  en: { title: "Budget disclosure check", doc: "Document", dept: "Department", year: "Year", unit: "Money unit", unreadable: "could not be read", findings: "Findings", text: "Written parts", missing: "not printed", stated: "stated", computed: "computed", difference: "difference", tolerance: "tolerance", related: "related figures", where: "where", none: "no findings", hint: "Click a coloured cell to see its arithmetic; hover to preview.", close: "close", notInTables: "not in a table", show: "show", table: "table", rule: "rule", all: "all" },
};

interface FindingData {
  id: string;
  kind: FindingKind;
  label: string;
  rule: string;
  /** The table filter's key (TableFilter): the table id (T1 … T12) or `text`, unless ids of the batch name other tables. */
  table: string;
  message: string;
  where: string;
  /** `accepted: reason (until …)` when the configuration accepts it. */
  accepted: string | null;
  stated: string | null;
  computed: string | null;
  difference: string | null;
  tolerance: string | null;
  /** Element id of the cell (or text figure) the finding is about, or null when it is not shown. */
  target: string | null;
  related: { where: string; target: string | null }[];
}

/** Builds the page of one document: its cells get ids, findings are attached to them by location. */
class DocumentPage {
  private readonly cellIds = new Map<string, string>();
  private readonly labelIds = new Map<Row, string>();
  private readonly findingsAt = new Map<string, FindingData[]>();
  readonly data: FindingData[] = [];

  constructor(
    private readonly prefix: string,
    readonly report: DocumentReport,
    private readonly doc: BudgetDocument | undefined,
    private readonly lang: Lang,
    readonly tableKey: (table: string) => string = (table) => table,
  ) {
    if (doc) this.indexDocument(doc);
    this.report.findings.forEach((f, i) => this.attach(f, i));
  }

  /** Gives every printed cell (and every text line) an id, keyed by where it is printed. */
  private indexDocument(doc: BudgetDocument) {
    let n = 0;
    const claim = (key: string) => {
      if (!this.cellIds.has(key)) this.cellIds.set(key, `${this.prefix}c${n++}`);
    };
    for (const t of allTables(doc))
      for (const r of t.rows) {
        for (const c of Object.values(r.cells)) claim(locationKey(c.location));
        // A finding about the row as a whole (no column) is shown on the row's label (the first row
        // printed on that line, when two share it).
        const label = this.labelCell(t, r);
        const id = label ? this.cellIds.get(locationKey(label.location))! : `${this.prefix}c${n++}`;
        this.labelIds.set(r, id);
        const key = rowKey(r.location);
        if (!this.cellIds.has(key)) this.cellIds.set(key, id);
      }
    for (const p of doc.text) for (const l of p.lines) claim(rowKey({ file: p.location.file, line: l.line }));
  }

  /** The cell that names a row: its first non-empty text cell, or none when the label is not a cell (two-sided tables). */
  private labelCell(t: Table, r: Row): Cell | undefined {
    for (const col of t.columns) if (col.kind === "text" && r.cells[col.key]?.text.trim()) return r.cells[col.key];
    return undefined;
  }

  private target(loc: SourceLocation): string | null {
    // A figure in a written line (text claims) is marked inside its paragraph: `<line id>-<column>`.
    const exact = this.cellIds.get(locationKey(loc));
    if (exact) return exact;
    const line = this.cellIds.get(rowKey(loc));
    if (line && loc.column && this.isTextLine(loc)) return `${line}-${loc.column}`;
    return line ?? null;
  }

  private isTextLine(loc: SourceLocation): boolean {
    return !!this.doc?.text.some((p) => p.location.file === loc.file && p.lines.some((l) => l.line === loc.line));
  }

  private attach(f: Finding, i: number) {
    const target = this.target(f.location);
    const d: FindingData = {
      id: `${this.prefix}f${i}`,
      kind: findingKind(f),
      label: kindLabel(findingKind(f), this.lang),
      rule: f.ruleId,
      table: this.tableKey(f.table),
      message: f.message,
      where: placeText(f, this.lang, printedOf(this.report.tables, f.table)),
      accepted: acceptedText(f, this.lang),
      stated: f.stated,
      computed: f.computed,
      difference: f.difference,
      tolerance: f.tolerance,
      target,
      related: f.related.map((r) => ({ where: locationText(r, this.lang), target: this.target(r) })),
    };
    this.data.push(d);
    if (target) this.findingsAt.set(target, [...(this.findingsAt.get(target) ?? []), d]);
  }

  /** Attributes of a printed cell: its id, and when findings concern it, their kind and ids. */
  private cellAttrs(id: string | undefined): string {
    if (!id) return "";
    const fs = this.findingsAt.get(id);
    if (!fs) return ` id="${id}"`;
    const kind = fs.reduce((k, f) => (RANK[f.kind] < RANK[k] ? f.kind : k), fs[0].kind);
    const tip = fs.map((f) => tooltip(f, this.lang)).join("\n\n");
    return ` id="${id}" class="marked k-${kind}" tabindex="0" data-findings="${fs.map((f) => f.id).join(" ")}" title="${htmlEscape(tip)}"`;
  }

  private td(cell: Cell | undefined, amount: boolean): string {
    if (!cell) return "<td></td>";
    return `<td${this.cellAttrs(this.cellIds.get(locationKey(cell.location)))}${amount ? ' data-amount=""' : ""}>${htmlEscape(cell.text)}</td>`;
  }

  private labelTd(r: Row): string {
    return `<td${this.cellAttrs(this.labelIds.get(r))}>${htmlEscape(r.label)}</td>`;
  }

  tableHtml(t: Table): string {
    const twoSided = t.columns.some((c) => c.key === "income-label");
    const w = WORDS[this.lang];
    // (A unit's own table, BudgetDocument.units: its unit's name first.)
    const caption = `<caption>${t.budgetUnit ? `<span class="budget-unit">${htmlEscape(t.budgetUnit)}</span> ` : ""}<span class="tid">${htmlEscape(tableHeading(t.id, this.lang, printedTitles(this.report), t.printed))}</span> ${t.title && !tableHeading(t.id, this.lang, printedTitles(this.report), t.printed).endsWith(t.title) ? `<span class="printed">${htmlEscape(t.title)}</span>` : ""}${t.unit ? ` <span class="unit">${w.unit}: ${htmlEscape(t.unit)}</span>` : ""} <span class="loc">${htmlEscape(locationText(t.location, this.lang))}</span></caption>`;
    let head: string;
    let body: string;
    if (twoSided) {
      // 表1 / 表6: an income item and an expenditure item share each printed line.
      const cols = ["income-label", "income-amount", "expenditure-label", "expenditure-amount"].map((k) => t.columns.find((c) => c.key === k)?.label ?? k);
      head = `<tr>${cols.map((c) => `<th>${htmlEscape(c)}</th>`).join("")}</tr>`;
      const lines = new Map<string, { income?: Row; expenditure?: Row; other: Row[] }>();
      for (const r of t.rows) {
        const k = rowKey(r.location);
        const l = lines.get(k) ?? { other: [] };
        if (r.side === "income" && !l.income) l.income = r;
        else if (r.side === "expenditure" && !l.expenditure) l.expenditure = r;
        else l.other.push(r);
        lines.set(k, l);
      }
      const side = (r: Row | undefined) => (r ? this.labelTd(r) + this.td(r.cells.amount, true) : "<td></td><td></td>");
      body = [...lines.values()].map((l) => `<tr>${side(l.income)}${side(l.expenditure)}</tr>` + l.other.map((r) => `<tr>${this.labelTd(r)}<td colspan="3"></td></tr>`).join("")).join("\n");
    } else {
      const cols = t.columns.filter((c) => t.rows.some((r) => r.cells[c.key]));
      head = `<tr>${cols.map((c) => `<th>${htmlEscape(c.label)}</th>`).join("")}</tr>`;
      body = t.rows
        .map((r) => {
          const noText = !cols.some((c) => c.kind === "text" && r.cells[c.key]?.text.trim());
          const cells = cols.map((c, i) => (noText && i === 0 && c.kind === "text" ? this.labelTd(r) : this.td(r.cells[c.key], c.kind === "amount")));
          return `<tr class="r-${r.kind}">${cells.join("")}</tr>`;
        })
        .join("\n");
    }
    return `<table class="budget" data-table="${t.id}">${caption}<thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
  }

  /** A written line, with each figure a finding is about marked where it is printed. */
  private textLineHtml(file: string, line: number, text: string): string {
    const id = this.cellIds.get(rowKey({ file, line }))!;
    const marks = [...this.findingsAt.keys()].filter((k) => k.startsWith(`${id}-`)).map((k) => ({ key: k, at: Number(k.slice(id.length + 1)) - 1 })).sort((a, b) => a.at - b.at);
    let html = "";
    let pos = 0;
    for (const m of marks) {
      if (m.at < pos || m.at >= text.length) continue;
      const figure = /^[-−]?[0-9０-９][0-9０-９,，.．]*(?:\s*[%％])?/.exec(text.slice(m.at))?.[0] ?? text[m.at];
      html += htmlEscape(text.slice(pos, m.at)) + `<span${this.cellAttrs(m.key)}>${htmlEscape(figure)}</span>`;
      pos = m.at + figure.length;
    }
    html += htmlEscape(text.slice(pos));
    const clean = html.replace(/^\s*#+\s*/, "");
    const heading = /^\s*#+\s/.test(text);
    return `<p${this.cellAttrs(id)} data-line="${line}"${heading ? ' data-heading=""' : ""}>${clean}</p>`;
  }

  textHtml(doc: BudgetDocument): string {
    const w = WORDS[this.lang];
    const parts = doc.text.map((p) => {
      const lines = p.lines.map((l) => this.textLineHtml(p.location.file, l.line, l.text)).join("\n");
      const hasFindings = /class="marked/.test(lines);
      const title = `${p.number ? (this.lang === "zh" ? `第${p.number}部分 ` : `Part ${p.number} `) : ""}${p.title}`;
      return `<details class="part"${hasFindings ? " open" : ""}><summary>${htmlEscape(title)}</summary>\n${lines}\n</details>`;
    });
    return parts.length ? `<section class="text"><h3>${w.text}</h3>\n${parts.join("\n")}</section>` : "";
  }

  /** A PDF's pages with every finding's figure boxed (see html-pages.ts). */
  pagesHtml(pages: NonNullable<BudgetDocument["pages"]>): string {
    const marks: PageMark[] = [];
    const byId = new Map(this.data.map((d) => [d.id, d]));
    this.report.findings.forEach((f, i) => {
      const d = byId.get(`${this.prefix}f${i}`);
      if (!d) return;
      if (f.location.page && f.location.box) marks.push({ page: f.location.page, box: f.location.box, kind: d.kind, ids: [d.id], title: tooltip(d, this.lang), related: false });
      for (const r of f.related) if (r.page && r.box) marks.push({ page: r.page, box: r.box, kind: d.kind, ids: [d.id], title: `${WORDS[this.lang].related}: ${d.message}`, related: true });
    });
    return pagesHtml(pages, marks, this.lang);
  }
}

function tooltip(f: FindingData, lang: Lang): string {
  const w = WORDS[lang];
  const arith = f.stated !== null && f.computed !== null ? `\n${w.stated} ${f.stated} · ${w.computed} ${f.computed} · ${w.difference} ${f.difference} · ${w.tolerance} ${f.tolerance}` : "";
  return `${f.label}: ${f.message}${arith}`;
}

/**
 * The findings of a document, open, errors first: warnings and notes after them, and the rounding notes
 * hidden behind one line per table until the rounding filter (or that line's button) shows them.
 */
function findingsList(page: DocumentPage, report: DocumentReport, lang: Lang): string {
  const w = WORDS[lang];
  if (!page.data.length) return `<p class="none">${w.none}</p>`;
  const byFinding = new Map(report.findings.map((f, i) => [f, page.data[i]]));
  const { folds } = foldRounding(report.findings);
  const item = (f: FindingData, inner = "") =>
    `<li class="k-${f.kind}${f.accepted ? " accepted" : ""}" data-finding="${f.id}" data-kind="${f.kind}" data-table="${f.table}" data-rule="${htmlEscape(f.rule)}"${f.kind === "rounding" ? " hidden" : ""}${f.target ? ` data-target="${f.target}"` : ""}><span class="badge k-${f.kind}">${htmlEscape(f.label)}</span> ${htmlEscape(f.message)} <span class="rule">${htmlEscape(f.rule)}</span><br><small class="where">${htmlEscape(f.where)}${f.target ? "" : ` (${w.notInTables})`}</small>${f.accepted ? ` <em class="accepted">${htmlEscape(f.accepted)}</em>` : ""}${inner}</li>`;
  // Findings a diagnosis explains are folded under it (explainedBy): a nested list in its item.
  const findings = report.findings;
  const explainerOf = (f: Finding) => (f.explainedBy ? findings.find((x) => !!x.id && x.id === f.explainedBy) : undefined);
  const items = bySeverity(findings)
    .filter((f) => !explainerOf(f))
    .map((f) => {
      const under = findings.filter((x) => explainerOf(x) === f);
      return item(byFinding.get(f)!, under.length ? `<ol class="explained">${under.map((u) => item(byFinding.get(u)!)).join("")}</ol>` : "");
    });
  const key = (table: string) => htmlEscape(page.tableKey(table));
  const foldItems = folds.map((fold) => `<li class="fold" data-table="${key(fold.table)}"><span class="badge k-rounding">${kindLabel("rounding", lang)}</span> ${htmlEscape(foldLine(fold, lang, printedTitles(report)))} — <button type="button" class="show-rounding" data-table="${key(fold.table)}">${w.show}</button></li>`);
  return `<details class="list" open><summary>${w.findings} (${page.data.length})</summary><ol>\n${[...items, ...foldItems].join("\n")}\n</ol></details>`;
}

/**
 * The table filter's options. A table id names one table in the documents of one template and others in a batch
 * that mixes them (山东's 表8 政府性基金预算支出表 is `T9`, a Shenzhen document's `T9` its 三公 table): an option
 * is a table as the documents print it — its id, its number as printed and its kind — labelled with that number
 * and the title of the first document that prints it (its department's name and the year left out):
 * `T9 (表8) 政府性基金预算支出表`, zh `表8 政府性基金预算支出表`. Its key is the id where every document prints
 * that id alike (a batch of one template filters as before), else the id and `~2`, `~3` … for the others.
 */
export class TableFilter {
  private readonly keys = new Map<string, string>();
  private readonly options: { key: string; id: string; label: string }[] = [];

  constructor(report: Report, lang: Lang) {
    // id → the tables it names, in order of appearance: [what they are, key, label].
    const byId = new Map<string, [string, string, string][]>();
    report.documents.forEach((d, i) => {
      const titles = printedTitles(d);
      const own = titles && mapArray(titles, (t) => ({ ...t, title: withoutDepartment(t.title, d.department) }));
      for (const f of d.findings) {
        if (this.keys.has(`${i}\u0000${f.table}`)) continue;
        const entry = d.tables.find((t) => t.id === f.table);
        const what = f.table === "text" ? "text" : `${tableLabel(f.table, lang, entry?.printed)}\u0000${entry?.kind ?? f.tableKind ?? ""}`;
        const seen = byId.get(f.table) ?? [];
        let known = seen.find(([w]) => w === what);
        if (!known) {
          known = [what, seen.length ? `${f.table}~${seen.length + 1}` : f.table, tableHeading(f.table, lang, own, entry?.printed).trim()];
          seen.push(known);
          byId.set(f.table, seen);
          this.options.push({ key: known[1], id: f.table, label: known[2] });
        }
        this.keys.set(`${i}\u0000${f.table}`, known[1]);
      }
    });
  }

  /** The key of a document's table (its index in the report). */
  keyOf(doc: number, table: string): string {
    return this.keys.get(`${doc}\u0000${table}`) ?? table;
  }

  /** The options for the keys the findings shown use, by table number (the written parts last). */
  optionsFor(findings: FindingData[]): { key: string; label: string }[] {
    const used = new Set(mapArray(findings, (f) => f.table));
    const order = (id: string) => (id === "text" ? 99 : Number(id.slice(1)));
    return this.options.filter((o) => used.has(o.key)).sort((a, b) => order(a.id) - order(b.id));
  }
}

/** A table's title without the department's name it begins with (合肥市司法局2026年收入总表 → 2026年收入总表). */
function withoutDepartment(title: string, department: string | null): string {
  return department && title.startsWith(department) && title.length > department.length ? title.slice(department.length).trim() : title;
}

/** Filters over every document's findings: by kind (the legend's badges are the buttons), table and rule. */
function filterBar(findings: FindingData[], tables: TableFilter, lang: Lang): string {
  const w = WORDS[lang];
  const count = (k: FindingKind) => findings.filter((f) => f.kind === k).length;
  const kinds = (["error", "warning", "info", "rounding"] as const)
    .map((k) => `<button type="button" class="badge k-${k}" data-filter-kind="${k}" aria-pressed="${k === "rounding" ? "false" : "true"}">${kindLabel(k, lang)} ${count(k)}</button>`)
    .join(" ");
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  const option = (v: string, label: string) => `<option value="${htmlEscape(v)}">${htmlEscape(label)}</option>`;
  return `<div id="filters" class="legend">${kinds} <label>${w.table} <select id="filter-table">${option("", w.all)}${tables.optionsFor(findings).map((t) => option(t.key, t.label)).join("")}</select></label> <label>${w.rule} <select id="filter-rule">${option("", w.all)}${rules.map((r) => option(r, r)).join("")}</select></label> <span class="hint">${w.hint}</span></div>`;
}

function documentHtml(d: DocumentReport, doc: BudgetDocument | undefined, index: number, lang: Lang, tables: TableFilter): { html: string; data: FindingData[] } {
  const w = WORDS[lang];
  const title = [d.department, d.year].filter((x) => x !== null).join(" ");
  let html = `<section class="doc" data-path="${htmlEscape(d.path)}"><h2>${htmlEscape(title || d.path)} <small>${htmlEscape(d.path)}</small></h2>\n`;
  if (d.config) html += `<p class="config">${htmlEscape(configLine(d.config, lang))}</p>\n`;
  if (d.failure) {
    html += `<p class="failure k-error">${w.unreadable}: ${htmlEscape(`${d.failure.location ? formatLocation(d.failure.location) + ": " : ""}${d.failure.message}`)}</p></section>`;
    return { html, data: [] };
  }
  const page = new DocumentPage(`d${index}`, d, doc, lang, (table) => tables.keyOf(index, table));
  html += findingsList(page, d, lang);
  if (doc) {
    const missing = d.tables.filter((t) => !t.present).map((t) => htmlEscape(tableHeading(t.id, lang, printedTitles(d))));
    if (missing.length) html += `<p class="missing">${w.missing}: ${missing.join("、")}</p>`;
    const skipped = notCheckedText(d, lang);
    if (skipped) html += `<p class="missing notchecked">${htmlEscape(skipped)}</p>`;
    const unread = unreadText(d, lang);
    if (unread) html += `<p class="missing unread">${htmlEscape(unread)}</p>`;
    html += allTables(doc).map((t) => page.tableHtml(t)).join("\n");
    html += page.textHtml(doc);
    if (doc.pages) html += page.pagesHtml(doc.pages);
  }
  html += "</section>";
  return { html, data: page.data };
}

const STYLE = `
:root{--err:#d7263d;--err-bg:#fde2e4;--warn:#b26b00;--warn-bg:#fff1cc;--rnd:#1f6fb2;--rnd-bg:#dcecfb;--info:#5a6b7b;--info-bg:#e9eef2;--rel:#7b2cbf}
*{box-sizing:border-box}body{font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2733;background:#f6f8fa}
header{background:#1d2733;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0}
main{padding:16px 24px;margin-right:360px}
table.summary{border-collapse:collapse;background:#fff;margin:8px 0 16px}table.summary td,table.summary th{border:1px solid #ccd3da;padding:4px 10px;text-align:left}
.doc h2{font-size:18px;border-bottom:2px solid #1d2733;padding-bottom:4px}.doc h2 small{font-weight:normal;color:#5a6b7b;font-size:12px}
table.budget{border-collapse:collapse;background:#fff;margin:14px 0 22px;font-size:13px;min-width:50%}
table.budget caption{text-align:left;font-weight:600;padding:4px 0}caption .unit,caption .loc,caption .printed{font-weight:normal;color:#5a6b7b;font-size:12px}
table.budget th{background:#e9eef2;border:1px solid #ccd3da;padding:3px 6px;font-weight:600}
table.budget td{border:1px solid #dde3e8;padding:2px 6px;vertical-align:top;max-width:36em}
td[data-amount]{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.r-department td,tr.r-total td{font-weight:600}tr.r-unit td{background:#fafbfc}
.marked{cursor:pointer;outline-offset:-2px}
.marked.k-error{background:var(--err-bg);outline:2px solid var(--err)}.marked.k-warning{background:var(--warn-bg);outline:2px solid var(--warn)}
.marked.k-rounding{background:var(--rnd-bg);outline:1px dashed var(--rnd)}.marked.k-info{background:var(--info-bg);outline:1px dashed var(--info)}
.selected{box-shadow:0 0 0 3px #1d2733 inset}.related{background:#efe3fb!important;outline:2px solid var(--rel)!important}
.badge{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;color:#fff}.badge.k-error{background:var(--err)}.badge.k-warning{background:var(--warn)}.badge.k-rounding{background:var(--rnd)}.badge.k-info{background:var(--info)}
details.list{background:#fff;border:1px solid #ccd3da;padding:6px 10px}details.list li{cursor:pointer;margin:2px 0}details.list .rule{color:#5a6b7b;font-size:12px}
.missing{color:var(--warn)}.failure{color:var(--err);font-weight:600}
section.text details{background:#fff;border:1px solid #dde3e8;margin:6px 0;padding:4px 10px}section.text p{margin:4px 0}section.text p[data-heading]{font-weight:600}
span.marked{padding:0 2px;border-radius:2px}
aside#detail{position:fixed;top:0;right:0;width:350px;height:100vh;overflow:auto;background:#fff;border-left:1px solid #ccd3da;padding:14px;font-size:13px}
aside#detail h3{margin:0 0 8px;font-size:15px}aside#detail .f{border-top:1px solid #dde3e8;padding:8px 0}
aside#detail table.arith{border-collapse:collapse;margin:6px 0}aside#detail table.arith th{text-align:left;padding:1px 10px 1px 0;font-weight:normal;color:#5a6b7b}aside#detail table.arith td{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
aside#detail ul{padding-left:18px;margin:4px 0}aside#detail a{color:var(--rel)}
.legend span{margin-right:10px}#filters{position:sticky;top:0;z-index:2;background:#f6f8fa;padding:6px 0}
#filters button.badge{border:0;cursor:pointer;font:inherit;font-size:12px;padding:2px 8px}#filters button[aria-pressed="false"]{opacity:.35;text-decoration:line-through}
.marked.dim{background:transparent!important;outline:none!important}li[hidden]{display:none}li.fold button{font-size:12px}
em.accepted{color:#2a7a2a}li.accepted{opacity:.75}small.where{color:#5a6b7b}
@media print{aside#detail{display:none}main{margin-right:0}}
`;

/** The page's behaviour: show a cell's findings with their arithmetic and highlight the related cells. */
const SCRIPT = `
(function(){
  var data = JSON.parse(document.getElementById("bc-data").textContent);
  var byId = {}; data.findings.forEach(function(f){ byId[f.id] = f; });
  var panel = document.getElementById("detail");
  var w = data.words;
  function clear(){ document.querySelectorAll(".selected,.related").forEach(function(e){ e.classList.remove("selected","related"); }); }
  function el(tag, cls, text){ var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function show(ids, target){
    clear();
    if (target) target.classList.add("selected");
    panel.textContent = "";
    panel.appendChild(el("h3", null, target ? target.textContent : ""));
    ids.forEach(function(id){
      var f = byId[id]; if (!f) return;
      var box = el("div", "f"); box.setAttribute("data-finding", f.id);
      var head = el("div"); head.appendChild(el("span", "badge k-" + f.kind, f.label)); head.appendChild(document.createTextNode(" " + f.rule)); box.appendChild(head);
      box.appendChild(el("p", "message", f.message));
      box.appendChild(el("div", "where", w.where + ": " + f.where));
      if (f.stated !== null && f.computed !== null) {
        var t = el("table", "arith");
        [["stated", f.stated], ["computed", f.computed], ["difference", f.difference], ["tolerance", f.tolerance]].forEach(function(p){
          var tr = el("tr"); tr.setAttribute("data-term", p[0]); tr.appendChild(el("th", null, w[p[0]])); tr.appendChild(el("td", null, p[1])); t.appendChild(tr);
        });
        box.appendChild(t);
      }
      if (f.related.length) {
        box.appendChild(el("div", null, w.related + ":"));
        var ul = el("ul");
        f.related.forEach(function(r){
          var li = el("li");
          var rel = r.target && document.getElementById(r.target);
          if (rel) {
            rel.classList.add("related");
            var a = el("a", null, rel.textContent + " — " + r.where); a.href = "#" + r.target;
            a.addEventListener("click", function(ev){ ev.preventDefault(); rel.scrollIntoView({block: "center"}); });
            li.appendChild(a);
          } else li.textContent = r.where;
          ul.appendChild(li);
        });
        box.appendChild(ul);
      }
      panel.appendChild(box);
    });
  }
  document.addEventListener("click", function(ev){
    var cell = ev.target.closest && ev.target.closest(".marked");
    if (cell) { show(cell.getAttribute("data-findings").split(" "), cell); return; }
    var item = ev.target.closest && ev.target.closest("li[data-finding]");
    if (item) {
      var target = item.getAttribute("data-target") && document.getElementById(item.getAttribute("data-target"));
      show([item.getAttribute("data-finding")], target || null);
      if (target) target.scrollIntoView({block: "center"});
    }
  });
  // Filters: kind (the badges), table and rule. Rounding notes start hidden behind their per-table line.
  var state = { kinds: { error: true, warning: true, info: true, rounding: false }, table: "", rule: "" };
  function visible(f){ return !!f && state.kinds[f.kind] && (!state.table || f.table === state.table) && (!state.rule || f.rule === state.rule); }
  function apply(){
    document.querySelectorAll("li[data-finding]").forEach(function(li){ li.hidden = !visible(byId[li.getAttribute("data-finding")]); });
    document.querySelectorAll("li.fold").forEach(function(li){ li.hidden = state.kinds.rounding || !!state.rule || (!!state.table && li.getAttribute("data-table") !== state.table); });
    document.querySelectorAll(".marked").forEach(function(c){ c.classList.toggle("dim", !c.getAttribute("data-findings").split(" ").some(function(id){ return visible(byId[id]); })); });
    document.querySelectorAll("[data-filter-kind]").forEach(function(b){ b.setAttribute("aria-pressed", String(state.kinds[b.getAttribute("data-filter-kind")])); });
  }
  document.querySelectorAll("[data-filter-kind]").forEach(function(b){
    b.addEventListener("click", function(){ var k = b.getAttribute("data-filter-kind"); state.kinds[k] = !state.kinds[k]; apply(); });
  });
  document.getElementById("filter-table").addEventListener("change", function(ev){ state.table = ev.target.value; apply(); });
  document.getElementById("filter-rule").addEventListener("change", function(ev){ state.rule = ev.target.value; apply(); });
  document.querySelectorAll("button.show-rounding").forEach(function(b){
    b.addEventListener("click", function(ev){ ev.stopPropagation(); state.kinds.rounding = true; state.table = b.getAttribute("data-table"); document.getElementById("filter-table").value = state.table; apply(); });
  });
  apply();
  // The page opens on the errors: the first one's arithmetic in the panel, its cell selected.
  var first = document.querySelector('li[data-kind="error"]');
  if (first) { var t = first.getAttribute("data-target") && document.getElementById(first.getAttribute("data-target")); show([first.getAttribute("data-finding")], t || null); first.classList.add("current"); }
  document.addEventListener("keydown", function(ev){
    if (ev.key === "Enter" && ev.target.classList && ev.target.classList.contains("marked")) show(ev.target.getAttribute("data-findings").split(" "), ev.target);
  });
})();
`;

/** JSON inside <script>: no `<`, so the document's text cannot close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export function formatHtml(report: Report, opts: FormatOptions): string {
  const lang = opts.lang;
  const w = WORDS[lang];
  const failed = report.documents.filter((d) => d.failure).length;
  const sections: string[] = [];
  const findings: FindingData[] = [];
  const tables = new TableFilter(report, lang);
  report.documents.forEach((d, i) => {
    // --quiet: the errors only, as in every format.
    const shown = opts.quiet ? { ...d, findings: shownFindings(d.findings, true) } : d;
    const { html, data } = documentHtml(shown, opts.documents?.get(d.path), i, lang, tables);
    sections.push(html);
    findings.push(...data);
  });
  const rows = report.documents
    .map((d) => `<tr><td>${htmlEscape(d.path)}</td><td>${htmlEscape(d.department ?? "")}</td><td>${d.year ?? ""}</td><td>${d.failure ? w.unreadable : d.summary.error}</td><td>${d.summary.warning}</td><td>${d.summary.info}</td></tr>`)
    .join("\n");
  const heads = lang === "zh" ? ["错误", "警告", "提示"] : ["errors", "warnings", "info"];
  return `<!DOCTYPE html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="budget-check ${htmlEscape(report.tool.version)}">
<title>${w.title} — budget-check</title>
<style>${STYLE}${PAGES_STYLE}</style>
</head>
<body>
<header><h1>${w.title}</h1><p id="summary">${htmlEscape(summaryLine(report.summary, failed, lang))}</p></header>
<main>
<table class="summary"><thead><tr><th>${w.doc}</th><th>${w.dept}</th><th>${w.year}</th><th>${heads[0]}</th><th>${heads[1]}</th><th>${heads[2]}</th></tr></thead><tbody>
${rows}
</tbody></table>
${filterBar(findings, tables, lang)}
${sections.join("\n")}
</main>
<aside id="detail" aria-live="polite"><p>${w.hint}</p></aside>
<script type="application/json" id="bc-data">${scriptJson({ findings, words: w })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
