import type { Lang } from "../engine/types.js";

/**
 * What a file of an office name holds, read as such (loaders/office-forms.ts officeFileForm's `holds`), in Chinese.
 * A form this table does not know stays English.
 */
const HOLDS_ZH: Record<string, string> = {
  "a web page (HTML)": "网页（HTML）",
  text: "文本",
  "a single-file web page (MHTML)": "单文件网页（MHTML）",
  "an Excel 2003 XML spreadsheet": "Excel 2003 XML 电子表格",
  "a Word document (.docx)": "Word 文档（.docx）",
  "an Excel workbook (.xlsx)": "Excel 工作簿（.xlsx）",
  "an OFD document (.ofd)": "OFD 文档（.ofd）",
  "a PDF document": "PDF 文档",
};

/** A note on stderr about an input (`a web page (HTML) named .xls: read as such`), in the language of messages. */
export function noteText(note: string, lang: Lang): string {
  if (lang !== "zh") return note;
  const m = /^(.+) named (\.\w+): read as such$/.exec(note);
  const holds = m ? HOLDS_ZH[m[1]] : undefined;
  // (A space between 实为 and a Latin word: 实为 PDF 文档.)
  return m && holds ? `实为${/^[A-Za-z]/.test(holds) ? " " : ""}${holds}，以 ${m[2]} 命名：按其实际格式读取` : note;
}
