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

const WIDE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/**
 * A tab-separated text as Word's "save as web page" writes it (encoded as GB18030 by the caller): Mso classes,
 * <o:p>, conditional comments, list numbers in <![if !supportLists]>, cells holding paragraphs, CRLF, and the
 * source wrapped inside Chinese text every 60 characters or so (a browser shows no space there).
 */
export function asWordPage(tabText: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const wrap = (s: string) => {
    let out = "";
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      out += s[i];
      if (++n >= 60 && WIDE.test(s[i]) && WIDE.test(s[i + 1] ?? "")) {
        out += "\r\n";
        n = 0;
      }
    }
    return out;
  };
  const parts = [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">',
    '<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15 (filtered)">',
    "<style>\r\n<!--\r\n p.MsoNormal {margin:0cm; font-size:10.5pt;}\r\n-->\r\n</style>\r\n<!--[if gte mso 9]><xml><o:shapedefaults spidmax=\"1026\"/></xml><![endif]-->",
    "</head>",
    "<body lang=ZH-CN><div class=WordSection1>",
  ];
  let inTable = false;
  for (const l of tabText.split("\n")) {
    if (l.includes("\t")) {
      if (!inTable) parts.push("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>");
      inTable = true;
      const cells = l.split("\t").map((c) => `\r\n  <td width=95 valign=top>\r\n  <p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>${wrap(esc(c.trim()))}<o:p></o:p></span></p>\r\n  </td>`);
      parts.push(` <tr style='height:14.2pt'>${cells.join("")}\r\n </tr>`);
      continue;
    }
    if (inTable) parts.push("</table>\r\n<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>");
    inTable = false;
    const t = l.trim();
    if (!t) continue;
    const h = /^(#+)\s*(.*)$/.exec(t);
    const words = h ? h[2] : t.replace(/^[-*]\s+/, "");
    const listed = /^([一二三四五六七八九十]+、)(.*)$/.exec(words);
    const body = listed
      ? `<![if !supportLists]><span style='font-family:宋体'>${listed[1]}</span><![endif]><span style='font-family:宋体'>${wrap(esc(listed[2]))}</span>`
      : `<span style='font-family:宋体'>${wrap(esc(words))}</span>`;
    const n = h ? Math.min(6, h[1].length) : 0;
    parts.push(h ? `<h${n} align=center style='text-align:center'>${body}</h${n}>` : `<p class=MsoNormal style='text-indent:21.0pt'>${body}<span lang=EN-US><o:p></o:p></span></p>`);
  }
  if (inTable) parts.push("</table>");
  parts.push("</div>", "</body>", "</html>");
  return parts.join("\r\n");
}
