import type { BudgetDocument, Row, Table } from "../../src/model/document.js";

/**
 * The same document in the tab-separated form a PDF-to-text converter writes (as the Shenzhen seed is):
 * every table as one header row of its column labels and its rows as tab-separated cells on one grid,
 * the rest of the text as it is printed (page numbers and form feeds left out). Made from a layout
 * document `doc` loaded from `text`: the lines of each table (its header and rows) are replaced by its grid.
 */
export function asTabForm(text: string, doc: BudgetDocument): string {
  const lines = text.replace(/\f/g, "").split(/\r?\n/);
  const replaced = new Map<number, string[]>();
  const dropped = new Set<number>();
  for (const t of doc.tables) {
    const rowLines = [...new Set(t.rows.map((r) => r.location.line ?? 0))].filter((n) => n > 0).sort((a, b) => a - b);
    if (!rowLines.length) continue;
    const first = rowLines[0];
    let last = rowLines[rowLines.length - 1];
    // An outline's rows are located at their labels' first line: its last label may wrap below it (专业技能培训服 /
    // 分散自行组织 630.00 / 务), up to the blank line after the table.
    if (t.outline) while (last < lines.length && lines[last].trim()) last++;
    // The header: the lines between the table's 单位 line (or title) and its first row.
    let top = (t.location.line ?? first) + 1;
    for (let n = top; n < first; n++) if (/单位\s*[:：]/.test(lines[n - 1])) top = n + 1;
    for (let n = top; n <= last; n++) dropped.add(n);
    const grid = gridOf(t);
    replaced.set(top, [...headerRows(grid.header), ...rowLines.map((n) => grid.row(n).join("\t"))]);
  }
  const out: string[] = [];
  lines.forEach((l, i) => {
    const n = i + 1;
    if (replaced.has(n)) out.push(...replaced.get(n)!);
    if (dropped.has(n)) return;
    const t = l.trim();
    if (/^[-—\s]*\d+[-—\s]*$/.test(t)) return;
    // A heading as the layout reader tells one (short, no punctuation or figures, set in): a Markdown
    // heading, as a converter marks it.
    const heading = t.length <= 30 && !/[。；，,]/.test(t) && !/\d{2,}/.test(t.replace(/\d{4}年/, "")) && l.length - l.trimStart().length >= 8;
    out.push(heading ? `## ${t}` : t);
  });
  return out.join("\n") + "\n";
}

/**
 * A header of labels, some of them a spanning label and a leaf ("财政专户 教育收费"): two header rows as a
 * converter writes merged cells — the spanning label over its leaves once, empty cells after it; a label
 * without a leaf on the upper row, an empty cell under it.
 */
function headerRows(labels: string[]): string[] {
  const split = labels.map((l) => (l.includes(" ") ? [l.slice(0, l.indexOf(" ")), l.slice(l.indexOf(" ") + 1)] : [l, ""]));
  if (split.every(([, leaf]) => !leaf)) return [labels.join("\t")];
  const upper = split.map(([group, leaf], k) => (leaf && k > 0 && split[k - 1][1] && split[k - 1][0] === group ? "" : group));
  return [upper.join("\t"), split.map(([, leaf]) => leaf).join("\t")];
}

function gridOf(t: Table): { header: string[]; row: (line: number) => string[] } {
  const label = (key: string) => t.columns.find((c) => c.key === key)?.label ?? key;
  const amountKeys = (rows: Row[]) => t.columns.filter((c) => c.kind === "amount" && !/^(income|expenditure)-/.test(c.key) && rows.some((r) => r.cells[c.key])).map((c) => c.key);
  const byLine = (line: number) => t.rows.filter((r) => r.location.line === line);
  if (t.rows.some((r) => r.side)) {
    const income = amountKeys(t.rows.filter((r) => r.side === "income"));
    const expenditure = amountKeys(t.rows.filter((r) => r.side === "expenditure"));
    const side = (r: Row | undefined, keys: string[]) => [r?.label ?? "", ...keys.map((k) => r?.cells[k]?.text ?? "")];
    return {
      header: [label("income-label"), ...income.map(label), label("expenditure-label"), ...expenditure.map(label)],
      row: (line) => {
        const rs = byLine(line);
        return [...side(rs.find((r) => r.side === "income"), income), ...side(rs.find((r) => r.side === "expenditure"), expenditure)];
      },
    };
  }
  // A table printed in lanes (人员经费 | 公用经费: two rows on one line): each line's lanes side by side, as printed.
  if (t.rows.some((r) => byLine(r.location.line ?? 0).length > 1)) {
    const figure = (r: Row | undefined, key: string) => r?.cells[key]?.text ?? "";
    return {
      header: ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
      row: (line) => {
        const rs = byLine(line);
        const total = rs.find((r) => !r.code);
        if (total) return ["", "人员经费合计", figure(total, "personnel"), "", "公用经费合计", figure(total, "public")];
        const left = rs.find((r) => r.cells.personnel);
        const right = rs.find((r) => r.cells.public);
        return [left?.code ?? "", left?.name ?? "", figure(left, "personnel"), right?.code ?? "", right?.name ?? "", figure(right, "public")];
      },
    };
  }
  const texts = t.columns.filter((c) => c.kind === "text").map((c) => c.key);
  // The amount columns in the order they are printed (the model lists them in the template's order).
  const at = (key: string) => {
    const cols = t.rows.map((r) => r.cells[key]?.location.column).filter((c): c is number => !!c && !!t.rows.find((r) => r.cells[key]?.text));
    return cols.length ? cols.sort((a, b) => a - b)[Math.floor(cols.length / 2)] : Infinity;
  };
  const amounts = t.columns.filter((c) => c.kind === "amount").map((c) => c.key).sort((a, b) => at(a) - at(b));
  return {
    header: [...(texts.length ? texts.map(label) : ["项目"]), ...amounts.map(label)],
    row: (line) => {
      const r = byLine(line)[0];
      const textOf = (k: string) => r.cells[k]?.text ?? (k === "name" ? r.name ?? r.label : k === "code" ? r.code ?? "" : "");
      const cells = [...texts.map(textOf), ...amounts.map((k) => r.cells[k]?.text ?? "")];
      // A row without any text column (a 三公 row): its label first.
      if (!texts.length) cells.unshift(r.label);
      return cells;
    },
  };
}

/**
 * A tab-separated text as Markdown pipe tables, as other converters write it: each row `| a | b |`, a
 * delimiter row (`|---|---|`) after the first row of each table.
 */
export function asPipeTables(text: string): string {
  const out: string[] = [];
  let inTable = false;
  for (const line of text.split("\n")) {
    if (!line.includes("\t")) {
      out.push(line);
      inTable = false;
      continue;
    }
    const cells = line.split("\t");
    out.push(`| ${cells.join(" | ")} |`);
    if (!inTable) out.push(`|${cells.map(() => "---").join("|")}|`);
    inTable = true;
  }
  return out.join("\n");
}

/**
 * A tab-separated text with each run of rows as one HTML table on one line, as some converters write
 * Markdown: `<table><tr><td>…</td></tr></table>`. With `spans`, a header label over empty cells that have
 * labels below is one cell with colspan, and a label with an empty cell under it on the next header row one
 * with rowspan (those empty cells not written).
 */
export function asHtmlTables(text: string, spans = false): string {
  const out: string[] = [];
  const lines = text.split("\n");
  const figures = (cells: string[]) => cells.some((c) => /^-?[\d,]+(\.\d+)?$/.test(c.trim()));
  for (let i = 0; i < lines.length; ) {
    if (!lines[i].includes("\t")) {
      out.push(lines[i++]);
      continue;
    }
    const rows: string[][] = [];
    while (i < lines.length && lines[i].includes("\t")) rows.push(lines[i++].split("\t"));
    const skip = rows.map(() => new Set<number>());
    const html = rows.map((cells, r) => {
      const below = spans && !figures(cells) && rows[r + 1] && !figures(rows[r + 1]) ? rows[r + 1] : null;
      let tr = "";
      for (let k = 0; k < cells.length; k++) {
        if (skip[r].has(k)) continue;
        let colspan = 1;
        if (below && cells[k].trim()) while (k + colspan < cells.length && !cells[k + colspan].trim() && below[k + colspan]?.trim()) colspan++;
        const rowspan = below && cells[k].trim() && colspan === 1 && !below[k]?.trim() ? 2 : 1;
        if (rowspan === 2) skip[r + 1].add(k);
        for (let j = 1; j < colspan; j++) skip[r].add(k + j);
        tr += `<td${colspan > 1 ? ` colspan="${colspan}"` : ""}${rowspan > 1 ? ` rowspan="${rowspan}"` : ""}>${cells[k].trim().replace(/&/g, "&amp;").replace(/</g, "&lt;")}</td>`;
      }
      return `<tr>${tr}</tr>`;
    });
    out.push(`<table>${html.join("")}</table>`);
  }
  return out.join("\n");
}
