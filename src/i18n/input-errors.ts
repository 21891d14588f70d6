import type { Lang } from "../engine/types.js";

/**
 * Why an input cannot be read, in Chinese: the loaders word their errors in English; this table words
 * each of them in Chinese (a message it does not know stays English). Keep it next to the loaders'
 * messages: test/loaders/bad-input.test.ts runs each kind of bad input with --lang zh (test/loaders/docx.test.ts a Word document's).
 */
const ZH: [RegExp, string | ((whole: string, ...groups: string[]) => string)][] = [
  [/^no such file or folder; expected a document \(\.md\/\.txt\/\.html\/\.pdf\/\.docx\/\.doc\), a CSV folder or a workbook \(\.xlsx\/\.xls\)$/, "文件或文件夹不存在；应为文件（.md/.txt/.html/.pdf/.docx/.doc）、CSV 文件夹或工作簿（.xlsx/.xls）"],
  [/^a single CSV is one table; pass the folder that holds the package's CSV files$/, "单个 CSV 只是一张表；请指定存放该部门全部 CSV 的文件夹"],
  [/^an? (markdown|text|html) report of budget-check, not a document; give the disclosure it was made from$/, "这是 budget-check 的报告（$1），不是预算公开文件；请指定生成该报告的原文件"],
  [/^not a budget disclosure as read: (\d+) of its (\d+) pages have no text \(([^:]*): images, a scan\?\) and the others print no table of a known kind; budget-check reads the (PDF|OFD)'s text, so run OCR on those pages first$/, "按读取结果不是预算公开文件：全部 $2 页中有 $1 页没有文字（第 $3 页：图片？扫描件？），其余各页没有可识别类型的表格；budget-check 读取的是 $4 的文字，请先对这些页做 OCR"],
  [/^not a file or folder$/, "不是文件或文件夹"],
  [/^the folder holds no document \(\.md\/\.txt\/\.html\/\.pdf\/\.docx\/\.doc\), CSV package or workbook \(\.xlsx\/\.xls\) \(looked in (.*)\)$/, "文件夹中没有文件（.md/.txt/.html/.pdf/.docx/.doc）、CSV 文件夹或工作簿（.xlsx/.xls）（查找位置：$1）"],
  // PDF input (src/loaders/pdf).
  [/^not a PDF: the file does not begin with %PDF-(.*)$/, "不是 PDF：文件不以 %PDF- 开头$1"],
  [/^truncated PDF: the file ends without %%EOF \(was the download or copy cut short\?\)$/, "PDF 不完整：文件末尾没有 %%EOF（下载或复制是否中断？）"],
  [/^broken PDF: (.*)$/, "PDF 已损坏：$1"],
  [/^encrypted PDF: it cannot be opened without a password; save an unprotected copy$/, "PDF 已加密：没有密码无法打开；请另存一份未加密的副本"],
  [/^no text layer: the pages are images \(a scanned document\?\); budget-check reads the PDF's text, so run OCR on it first$/, "PDF 没有文字层：页面是图像（扫描件？）；budget-check 读取 PDF 中的文字，请先做文字识别（OCR）"],
  [/^too many pages: (\d+) \(limit (\d+)\)$/, "页数过多：$1 页（上限 $2 页）"],
  [/^cannot be read \(([^)]*)\); expected an Excel workbook with one worksheet per table$/, "无法读取（$1）；应为每张表一个工作表的 Excel 工作簿"],
  [/^not a readable \.xlsx workbook \((.*)\); expected an Excel workbook with one worksheet per table$/, "不是可读取的 .xlsx 工作簿（$1）；应为每张表一个工作表的 Excel 工作簿"],
  [/^cannot be read \(([^)]*)\)$/, "无法读取（$1）"],
  [/^the file is empty; expected a budget document$/, "文件为空；应为预算公开文件"],
  [/^this is a binary file, not text; expected a budget document as text \(\.md\/\.txt\), a CSV folder or an \.xlsx workbook$/, "这是二进制文件而非文本；应为文本格式（.md/.txt）的预算公开文件、CSV 文件夹或 .xlsx 工作簿"],
  // Word documents (src/loaders/docx.ts).
  [/^not a \.docx archive but an OLE file: a Word 97–2003 document named \.docx, or a document saved with a password; save it again as \.docx without a password, or as PDF$/, "不是 .docx 压缩包而是 OLE 文件：改名为 .docx 的 Word 97–2003 文档，或设置了密码的文档；请另存为不设密码的 .docx，或另存为 PDF"],
  [/^not a readable \.docx document \(not a zip archive, or a damaged one\); save it again from Word, or as PDF$/, "不是可读取的 .docx 文档（不是 zip 压缩包，或已损坏）；请用 Word 重新保存，或另存为 PDF"],
  [/^not a readable \.docx document \(its part (\S+) is damaged\); save it again from Word, or as PDF$/, "不是可读取的 .docx 文档（其部件 $1 已损坏）；请用 Word 重新保存，或另存为 PDF"],
  [/^not a Word document: the archive holds no (\S+) \(it is an Excel workbook: name it \.xlsx\)$/, "不是 Word 文档：压缩包中没有 $1（这是 Excel 工作簿：请改名为 .xlsx）"],
  [/^not a Word document: the archive holds no (\S+) \(it is a PowerPoint file\)$/, "不是 Word 文档：压缩包中没有 $1（这是 PowerPoint 文件）"],
  [/^not a Word document: the archive holds no (\S+)$/, "不是 Word 文档：压缩包中没有 $1"],
  [/^not an Excel workbook: the archive holds no xl\/workbook\.xml \(it is a Word document: name it \.docx\)$/, "不是 Excel 工作簿：压缩包中没有 xl/workbook.xml（这是 Word 文档：请改名为 .docx）"],
  [/^not an Excel workbook: the archive holds no xl\/workbook\.xml \(it is a PowerPoint file\)$/, "不是 Excel 工作簿：压缩包中没有 xl/workbook.xml（这是 PowerPoint 文件）"],
  [/^not an Excel workbook: the archive holds no xl\/workbook\.xml$/, "不是 Excel 工作簿：压缩包中没有 xl/workbook.xml"],
  [/^a ZIP64 archive; a \.docx budget document is never that large$/, "ZIP64 压缩包；预算公开 .docx 文档不会这么大"],
  [/^(\d+) parts in the archive; a \.docx document is read with at most (\d+)$/, "压缩包有 $1 个部件；.docx 文档最多读取 $2 个"],
  [/^inflates to more than (\d+) MB \(at ([^)]*)\); not read \(a budget document is a few MB\)$/, "解压后超过 $1 MB（$2）；未读取（预算公开文档只有几 MB）"],
  [/^the part (\S+) is compressed with method (\d+); a \.docx document uses deflate$/, "部件 $1 的压缩方法为 $2；.docx 文档使用 deflate"],
  [/^not a budget disclosure as read: no Word table of a known kind, and its body holds (\d+) pictures? and (\d+) embedded objects?, which are not read; if they are the tables, paste them as Word tables to have them checked$/, "按读取结果不是预算公开文件：没有可识别类型的 Word 表格，正文中有 $1 张图片、$2 个嵌入对象，未读取；如为表格，请粘贴为 Word 表格后再检查"],
  [/^not a budget disclosure as read: no Word table of a known kind, and its body holds (\d+) pictures?, which are not read; if they are the tables, paste them as Word tables to have them checked$/, "按读取结果不是预算公开文件：没有可识别类型的 Word 表格，正文中有 $1 张图片，未读取；如为表格，请粘贴为 Word 表格后再检查"],
  [/^not a budget disclosure as read: no Word table of a known kind, and its body holds (\d+) embedded objects?, which are not read; if they are the tables, paste them as Word tables to have them checked$/, "按读取结果不是预算公开文件：没有可识别类型的 Word 表格，正文中有 $1 个嵌入对象，未读取；如为表格，请粘贴为 Word 表格后再检查"],
  [/^its content is an HTML or RTF chunk that Word converts on opening \(an altChunk\), not Word paragraphs and tables; open it in Word and save it again \(or as PDF\) to have it checked$/, "其内容是 Word 打开时才转换的 HTML 或 RTF 片段（altChunk），不是 Word 段落和表格；请用 Word 打开后重新保存（或另存为 PDF）再检查"],
  // Office forms not read (src/loaders/office-forms.ts).
  [/^a rich-text document \(\.rtf\) is not read; save it as \.docx or PDF \(or as text, \.txt, or as a web page, \.htm\) to have it checked$/, "不读取 RTF 文档（.rtf）；请另存为 .docx 或 PDF（或文本 .txt、网页 .htm）后再检查"],
  // OFD documents (src/loaders/ofd.ts).
  [/^not a readable OFD document \((.*)\); export it again, or as PDF$/, (_m: string, why: string) => `不是可读取的 OFD 文档（${ofdDamageZh(why)}）；请重新导出，或导出为 PDF`],
  [/^not an OFD document: the archive holds no OFD\.xml; export it again, or as PDF$/, "不是 OFD 文档：压缩包中没有 OFD.xml；请重新导出，或导出为 PDF"],
  [/^the part (\S+) is compressed with method (\d+); an OFD document uses deflate$/, "部件 $1 的压缩方法为 $2；OFD 文档使用 deflate"],
  [/^a ZIP64 archive; an OFD budget document is never that large$/, "ZIP64 压缩包；预算公开 OFD 文档不会这么大"],
  [/^(\d+) parts in the archive; an OFD document is read with at most (\d+)$/, "压缩包有 $1 个部件；OFD 文档最多读取 $2 个"],
  [/^encrypted OFD: it cannot be read without its key; export an unprotected copy, or a PDF$/, "OFD 已加密：没有密钥无法读取；请导出未加密的副本，或导出为 PDF"],
  [/^no text: the OFD's pages hold no text \(images: a scanned document\?\); budget-check reads the OFD's text, so run OCR on it first$/, "OFD 没有文字：页面只有图像（扫描件？）；budget-check 读取 OFD 中的文字，请先做文字识别（OCR）"],
  [/^too large: the file is (\d+) MB; an OFD document is at most (\d+) MB$/, "文件过大：$1 MB；OFD 文档最大 $2 MB"],
  [/^too much text: more than (\d+) characters \(limit\)$/, "文字过多：超过 $1 个字符（上限）"],
  // A file of an office name that holds another form (office-forms.ts officeFileForm).
  [/^a rich-text document \(RTF\) named (\.\w+) is not read; save it as \.docx or PDF \(or as text, \.txt, or as a web page, \.htm\) to have it checked$/, "不读取以 $1 命名的 RTF 文档；请另存为 .docx 或 PDF（或文本 .txt、网页 .htm）后再检查"],
  [/^not a readable single-file web page \(MHTML\): its headers have no end$/, "不是可读取的单个文件网页（MHTML）：邮件头没有结束"],
  [/^not a readable single-file web page \(MHTML\): its Content-Type names no boundary$/, "不是可读取的单个文件网页（MHTML）：Content-Type 没有指明 boundary"],
  [/^not a readable single-file web page \(MHTML\): it holds no HTML part$/, "不是可读取的单个文件网页（MHTML）：其中没有 HTML 部分"],
  [/^not a readable Excel 2003 XML spreadsheet \(no <Workbook> element\); save it as an Excel workbook \(\.xlsx\) to have it checked$/, "不是可读取的 Excel 2003 XML 表格（没有 <Workbook> 元素）；请另存为 Excel 工作簿（.xlsx）后再检查"],
  // Excel 97–2003 workbooks (src/loaders/xls.ts, cfb.ts).
  [/^a workbook saved with a password is not read; save it again without a password to have it checked$/, "设置了密码的工作簿不读取；请取消密码另存后再检查"],
  [/^an Excel 5\.0\/95 workbook \(BIFF5\) is not read; save it as an Excel workbook \(\.xlsx\) to have it checked$/, "不读取 Excel 5.0/95 工作簿（BIFF5）；请另存为 Excel 工作簿（.xlsx）后再检查"],
  [/^not an Excel workbook but a Word 97–2003 document under the name; save it as \.docx or PDF to have it checked$/, "不是 Excel 工作簿，而是改名的 Word 97–2003 文档；请另存为 .docx 或 PDF 后再检查"],
  [/^not an Excel 97–2003 workbook: the compound file holds no Workbook stream; save it as an Excel workbook \(\.xlsx\) to have it checked$/, "不是 Excel 97–2003 工作簿：复合文件中没有 Workbook 流；请另存为 Excel 工作簿（.xlsx）后再检查"],
  // Word 97–2003 documents (src/loaders/doc.ts).
  [/^not a Word document but an Excel 97–2003 workbook under the name; name it \.xls to have it checked$/, "不是 Word 文档，而是改名的 Excel 97–2003 工作簿；请改名为 .xls 后再检查"],
  [/^a document saved with a password is not read; save it again without a password to have it checked$/, "设置了密码的文档不读取；请取消密码另存后再检查"],
  [/^not a Word 97–2003 document: the compound file holds no WordDocument stream; save it as \.docx or PDF to have it checked$/, "不是 Word 97–2003 文档：复合文件中没有 WordDocument 流；请另存为 .docx 或 PDF 后再检查"],
  [/^a Word 6\.0\/95 document is not read; save it as \.docx or PDF to have it checked$/, "不读取 Word 6.0/95 文档；请另存为 .docx 或 PDF 后再检查"],
  [/^not a readable Word 97–2003 document \((.*)\); save it again from Word, or as \.docx or PDF, to have it checked$/, (_m: string, why: string) => `不是可读取的 Word 97–2003 文档（${damageZh(why)}）；请用 Word 重新保存，或另存为 .docx 或 PDF 后再检查`],
  [/^not a readable Excel 97–2003 workbook \((.*)\); save it again from Excel, or as \.xlsx, to have it checked$/, (_m: string, why: string) => `不是可读取的 Excel 97–2003 工作簿（${damageZh(why)}）；请用 Excel 重新保存或另存为 .xlsx 后再检查`],
  [/^more than (\d+) rows hold values; a budget worksheet is read up to (\d+)$/, "有值的行超过 $1 行；预算工作表最多读取 $2 行"],
  [/^a value in column ([A-Z]+); a budget worksheet is read up to column ([A-Z]+) \((\d+) columns\)$/, "第 $1 列有值；预算工作表最多读取到第 $2 列（$3 列）"],
  [/^a Word 2003 XML document named (\.\w+) is not read; save it as \.docx or PDF \(or as text, \.txt, or as a web page, \.htm\) to have it checked$/, "不读取以 $1 命名的 Word 2003 XML 文档；请另存为 .docx 或 PDF（或文本 .txt、网页 .htm）后再检查"],
  [/^an XML file named (\.\w+) is not read; save it as an Excel workbook \(\.xlsx\) to have it checked$/, "不读取以 $1 命名的 XML 文件；请另存为 Excel 工作簿（.xlsx）后再检查"],
  [/^an XML file named (\.\w+) is not read; save it as \.docx or PDF \(or as text, \.txt, or as a web page, \.htm\) to have it checked$/, "不读取以 $1 命名的 XML 文件；请另存为 .docx 或 PDF（或文本 .txt、网页 .htm）后再检查"],
  [/^not a readable CSV file: (.*)$/, "不是可读取的 CSV 文件：$1"],
  [/^the folder holds no \.csv file; expected one CSV per table$/, "文件夹中没有 .csv 文件；应为每张表一个 CSV"],
  [/^no standard table found in this CSV; expected a title row \(e\.g\. 支出总表\) or a file name such as 表3\.csv$/, "此 CSV 中没有标准表格；应有标题行（如 支出总表）或 表3.csv 这样的文件名"],
  [/^not a budget disclosure: no standard table \(表1 收支总表 … 表12 部门整体支出绩效目标表\) was found; expected tab-separated tables under their titles$/, "不是预算公开文件：未找到标准表格（表1 收支总表 … 表12 部门整体支出绩效目标表）；应为标题下以制表符分隔的表格"],
  [/^not a budget disclosure: no table of a known kind was found; expected tables under titles such as (.*) \(tab-separated, or aligned with spaces as pdftotext -layout writes them\)$/, "不是预算公开文件：未找到可识别类型的表格；应有标题如 $1 的表格（以制表符分隔，或如 pdftotext -layout 输出那样以空格对齐）"],
  [/^not a budget disclosure of the (\S+) template: none of its table titles \((.*)\) was found$/, "不是 $1 模板的预算公开文件：未找到其任何表标题（$2）"],
  [/^no standard table found in any worksheet; expected one worksheet per table, named 表N or titled \(e\.g\. 支出总表\)$/, "各工作表中均未找到标准表格；应为每张表一个工作表，名为 表N 或带标题（如 支出总表）"],
  [/^the tables are not laid out: (\d+) of their (\d+) lines with a figure set their cells one space apart, so a blank cell leaves no trace \(as pdftotext -raw writes\); expected the PDF itself, `pdftotext -layout` text, or tab-separated rows$/, "表格未按版面排列：含数字的 $2 行中有 $1 行各格之间只隔一个空格，空白的格不留痕迹（如 pdftotext -raw 的输出）；应提供 PDF 原件、`pdftotext -layout` 文本或制表符分隔的表格行"],
  [/^the tables are not laid out: (\d+) of their (\d+) lines with a figure hold nothing else \(one cell per line, as pdftotext without -layout writes\); expected the PDF itself, `pdftotext -layout` text, or tab-separated rows$/, "表格未按版面排列：含数字的 $2 行中有 $1 行只有这一个数字（每格一行，如不带 -layout 的 pdftotext 输出）；应提供 PDF 原件、`pdftotext -layout` 文本或制表符分隔的表格行"],
  [/^表 (\d+): a table row comes before the table's title$/, "表 $1：表格行出现在表标题之前"],
  [/^(表\d+ [^:]*): the header cannot be matched: expected (.*); found no header row$/, "$1：表头无法识别：应有 $2；未找到表头行"],
  [/^(表\d+ [^:]*): the header cannot be matched: expected (.*); found (.*)$/, "$1：表头无法识别：应有 $2；实际为 $3"],
  [/^--previous: expected one document or package, found (\d+)$/, "--previous：应为一个文件或部门，实际找到 $1 个"],
  [/^--previous: (.*)$/, "--previous：$1"],
  // budget-check.config.json (src/config.ts): `<key>: <problem>`.
  [/^cannot be read \(([^)]*)\); expected a JSON configuration file$/, "无法读取（$1）；应为 JSON 配置文件"],
  [/^not valid JSON \((.*)\)$/, "不是有效的 JSON（$1）"],
  [/^expected a JSON object with rules, tolerance, failOn or lang$/, "应为包含 rules、tolerance、failOn 或 lang 的 JSON 对象"],
  [/^(\S+): unknown key; expected one of (.*)$/, "$1：未知的键；应为 $2 之一"],
  [/^(\S+): no such rule \(budget-check rules lists them\)$/, "$1：没有这条规则（budget-check rules 列出全部规则）"],
  [/^(\S+): (.*) is not a level; expected one of (.*)$/, "$1：$2 不是有效级别；应为 $3 之一"],
  [/^(\S+): (.*) is not a tolerance; expected "auto" or a non-negative number, e\.g\. 0\.5$/, "$1：$2 不是有效容差；应为 \"auto\" 或非负数，如 0.5"],
  [/^(\S+): (.*) is not a language; expected one of (.*)$/, "$1：$2 不是有效语言；应为 $3 之一"],
  [/^(\S+): (.*) is not a date; expected YYYY-MM-DD$/, "$1：$2 不是日期；应为 YYYY-MM-DD"],
  [/^(\S+): still the draft's placeholder; write why the finding is accepted$/, "$1：仍是草稿的占位文字；请写明接受该问题的理由"],
  [/^(\S+): expected the reason the finding is accepted$/, "$1：应写明接受该问题的理由"],
];

/** Why an OFD document cannot be read (ofd.ts), in Chinese. */
function ofdDamageZh(why: string): string {
  const DAMAGE: [RegExp, string][] = [
    [/^not a zip archive, or a damaged one$/, "不是 zip 压缩包，或已损坏"],
    [/^its part (\S+) is damaged$/, "其部件 $1 已损坏"],
    [/^its OFD\.xml names no DocRoot$/, "其 OFD.xml 未指明文档根节点（DocRoot）"],
    [/^its document part (\S+) is missing$/, "缺少文档部件 $1"],
    [/^its document part lists no page$/, "文档部件中没有页面"],
    [/^page (\d+)'s part (\S+) is missing$/, "缺少第 $1 页的部件 $2"],
  ];
  for (const [re, zh] of DAMAGE) if (re.test(why)) return why.replace(re, zh);
  return why;
}

/** Why a compound file or its workbook stream cannot be read (cfb.ts, xls.ts), in Chinese. */
function damageZh(why: string): string {
  const DAMAGE: [RegExp, string][] = [
    [/^not a compound file$/, "不是复合文件"],
    [/^its header is damaged$/, "文件头已损坏"],
    [/^a sector lies past the end of the file$/, "有扇区超出文件末尾，文件不完整"],
    [/^its sector table loops$/, "扇区表循环"],
    [/^its sector table is larger than the file$/, "扇区表大于文件"],
    [/^a sector chain is broken or loops$/, "扇区链断开或循环"],
    [/^it has no root entry$/, "没有根目录项"],
    [/^its stream (.*) is larger than the file$/, "其中的流 $1 大于文件"],
    [/^a record runs past the end of its stream$/, "有记录超出其流的末尾"],
    [/^the shared string table ends inside a string$/, "共享字符串表在字符串中途结束"],
    [/^a string is cut inside a character$/, "有字符串在字符中途截断"],
    [/^its Workbook stream does not begin with a BOF record$/, "Workbook 流不以 BOF 记录开头"],
    [/^the worksheet (.*) does not begin with a BOF record$/, "工作表 $1 不以 BOF 记录开头"],
    [/^its WordDocument stream does not begin with a Word file header$/, "WordDocument 流不以 Word 文件头开头"],
    [/^a record points past the end of its stream$/, "有记录指向其流的末尾之外"],
    [/^a structure points past the end of its stream$/, "有结构指向其流的末尾之外"],
    [/^its table stream is missing$/, "缺少表格流（Table）"],
    [/^its piece table is missing$/, "缺少文本片段表"],
    [/^its piece table is damaged$/, "文本片段表已损坏"],
    [/^a piece of its text lies past the end of its stream$/, "有文本片段超出其流的末尾"],
  ];
  for (const [re, zh] of DAMAGE) if (re.test(why)) return why.replace(re, zh);
  return why;
}

export function inputErrorText(message: string, lang: Lang): string {
  if (lang !== "zh") return message;
  for (const [re, zh] of ZH) if (re.test(message)) return message.replace(re, zh as string).replace(/^--previous：(.*)$/, (_, rest: string) => `--previous：${inputErrorText(rest, "zh")}`);
  return message;
}
