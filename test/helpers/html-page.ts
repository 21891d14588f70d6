/**
 * A tab-separated text as a saved web page, as a CMS publishes a disclosure: headings as <h2>/<h3>, every other
 * line a <p>, each run of tab-separated rows one <table> (cells wrapped in <span>s), inside a <div> of the
 * page's <body>, after a <head> with a style and a script that prints tags in a string. `oneLine`: the whole
 * page written on one line, as many sites serve it; `titlesInTables`: each table's title lines set in its rows.
 */
export function asHtmlPage(tabText: string, oneLine = false, titlesInTables = false): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const parts = [
    "<!DOCTYPE html>",
    '<html><head><meta charset="utf-8"><title>部门预算公开</title><style>p{margin:0} td{border:1px solid #000}</style><script>var tip = "<p>not text</p>";</script></head>',
    '<body><!-- 正文 --><div class="content">',
  ];
  let inTable = false;
  const lines = tabText.split("\n");
  // With titlesInTables, the short lines right before a table (表3, its title, 单位：万元) are set in its first
  // rows, each one cell across every column, as many sites print them.
  const spanned = new Set<number>();
  if (titlesInTables)
    lines.forEach((l, i) => {
      if (!l.includes("\t") || lines[i - 1]?.includes("\t")) return;
      for (let k = i - 1; k >= 0 && k >= i - 4 && !lines[k].includes("\t") && lines[k].replace(/\s+/g, " ").trim().length <= 60 && !/[。；]/.test(lines[k]); k--) spanned.add(k);
    });
  for (const [i, l] of lines.entries()) {
    if (spanned.has(i)) {
      if (!inTable) parts.push('<table border="1" cellspacing="0">');
      inTable = true;
      const width = lines.slice(i).find((x) => x.includes("\t"))!.split("\t").length;
      if (l.trim()) parts.push(`<tr><td colspan="${width}"><b>${esc(l.replace(/^#+\s*/, "").trim())}</b></td></tr>`);
      continue;
    }
    if (l.includes("\t")) {
      if (!inTable) parts.push('<table border="1" cellspacing="0">');
      inTable = true;
      parts.push(`<tr>${l.split("\t").map((c) => `<td><span style="font-size:12px">${esc(c.trim())}</span></td>`).join("")}</tr>`);
      continue;
    }
    if (inTable) parts.push("</table>");
    inTable = false;
    const t = l.trim();
    if (!t) continue;
    const h = /^(#+)\s*(.*)$/.exec(t);
    if (h) {
      const n = Math.min(6, h[1].length + 1);
      parts.push(`<h${n} style="text-align:center"><strong>${esc(h[2])}</strong></h${n}>`);
    } else parts.push(`<p style="text-indent:2em">${esc(t.replace(/^[-*]\s+/, ""))}</p>`);
  }
  if (inTable) parts.push("</table>");
  parts.push("</div></body></html>");
  return parts.join(oneLine ? "" : "\n");
}
