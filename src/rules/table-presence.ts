import { normaliseName } from "../model/names.js";
import { tableLabelIn, tableName, tableNameEn } from "../model/document.js";
import type { Rule } from "../engine/types.js";
import { cutOff } from "../model/cutoff.js";
import { mapArray } from "../util/arrays.js";
import { pageRuns } from "../util/page-runs.js";
import { unreadObjectsText } from "../util/unread-objects.js";

export const tablePresence: Rule = {
  id: "table-presence",
  defaultSeverity: "warning",
  description: "Every table the 目录 lists is present in the document.",
  descriptionZh: "目录所列的每张表均应在文件中出现。",
  check(doc, ctx) {
    // A document cut off inside a table: say where it ends, at its last row (the missing tables follow).
    const cut = cutOff(doc);
    if (cut) {
      const [zh, en] = [tableLabelIn(doc, cut.table, "zh"), tableLabelIn(doc, cut.table, "en")];
      ctx.report({
        subject: { table: cut.table },
        location: cut.last,
        message: {
          zh: `文件在第 ${cut.last.line} 行（${zh} 中途）结束，似被截断：目录所列其后的 ${mapArray(cut.missing, (id) => tableLabelIn(doc, id, "zh")).join("、")} 均未出现，${zh} 也可能不完整`,
          en: `the document ends at line ${cut.last.line}, inside ${en}: it seems cut off — ${mapArray(cut.missing, (id) => tableLabelIn(doc, id, "en")).join(", ")}, listed in the contents after it, are not there, and ${en} may be incomplete`,
        },
      });
    }
    // The written parts alone: one finding says the tables were not checked (the 目录's entries are not listed one by one).
    if (doc.tables.length === 0 && !doc.unknownTables?.length) {
      const entries = doc.contents.filter((e) => e.kind === "table");
      const listed = entries.length;
      // A PDF's pages without text may be the tables, printed as images.
      const textless = doc.textlessPages?.length ? pageRuns(doc.textlessPages) : null;
      // A Word document's pictures and embedded objects may be the tables, pasted so.
      const objects = doc.unreadObjects;
      const why = textless
        ? { zh: `；第 ${textless} 页没有文字（图片？扫描件？），如为表格，请先做 OCR 再核对`, en: `; pages ${textless} have no text (images, a scan?): if they are the tables, run OCR on them to have them checked` }
        : objects
          ? { zh: `；正文中有 ${unreadObjectsText(objects, "zh")}，未读取：如为表格，请粘贴为 Word 表格后再核对`, en: `; its body holds ${unreadObjectsText(objects, "en")}, which are not read: if they are the tables, paste them as Word tables to have them checked` }
          : { zh: "", en: "" };
      ctx.report({
        subject: { table: "text" },
        // At the 目录's first table when it lists tables; else where the written parts begin.
        location: entries[0]?.location ?? doc.text[0]?.location ?? { file: doc.path, line: 1 },
        message: listed
          ? {
              zh: `目录列有 ${listed} 张表，文件中一张也没有：只核对了文字部分；表格若另行公开（附件、图片），请一并核对${why.zh}`,
              en: `the contents list ${listed} tables and the document prints none of them: only its written parts were checked; if the tables are published apart (an attachment, images), check them too${why.en}`,
            }
          : {
              zh: `文件中没有表格：只核对了文字部分；表格若另行公开（附件、图片），请一并核对${why.zh}`,
              en: `the document prints no table: only its written parts were checked; if the tables are published apart (an attachment, images), check them too${why.en}`,
            },
      });
      return;
    }
    // A Word document whose tables' titles are printed with nothing read under them, and pictures or embedded
    // objects in its body: the tables were likely pasted so.
    const objects = doc.unreadObjects;
    const bare = objects ? doc.tables.filter((t) => t.rows.length === 0) : [];
    if (objects && bare.length) {
      const ids = mapArray(bare, (t) => tableNameEn(t));
      ctx.report({
        subject: { table: bare[0].id },
        location: bare[0].location,
        message: {
          zh: `${mapArray(bare, (t) => tableName(t)).join("、")} 只有标题，其下没有可读取的行；正文中有 ${unreadObjectsText(objects!, "zh")}，未读取：如为表格，请粘贴为 Word 表格后再核对`,
          en: `${ids.join(", ")} ${ids.length === 1 ? "is" : "are"} printed as ${ids.length === 1 ? "its title" : "their titles"} with no row read under ${ids.length === 1 ? "it" : "them"}, and the body holds ${unreadObjectsText(objects!, "en")}, which are not read: if they are the tables, paste them as Word tables to have them checked`,
        },
      });
    }
    for (const e of doc.contents) {
      if (e.kind !== "table" || !e.tableId) continue;
      if (doc.tables.some((t) => t.id === e.tableId)) continue;
      // Printed, but in a layout this version cannot read: listed among the unknown tables instead.
      if (doc.unknownTables?.some((u) => normaliseName(u.title).includes(normaliseName(e.title).replace(/^\d{4}年度?/, "")))) continue;
      ctx.report({
        subject: { table: e.tableId, item: e.title },
        location: e.location,
        message: { zh: `目录列有“${e.title}”，但文件中没有这张表`, en: `the contents list “${e.title}” but the document has no such table` },
      });
    }
  },
};
