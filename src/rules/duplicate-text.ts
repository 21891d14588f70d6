import { claimsOf } from "../claims/index.js";
import type { Paragraph } from "../claims/types.js";
import type { Rule } from "../engine/types.js";

/** A paragraph without its list marker (2. / (二) / 二、): the same text numbered twice is still a repeat. */
const body = (p: Paragraph) => p.text.replace(/^(\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/, "");
const MIN_LENGTH = 15;

export const duplicateText: Rule = {
  id: "duplicate-text",
  defaultSeverity: "info",
  description: "Text: a paragraph or list item printed twice, word for word (a copy-paste slip in the published text).",
  descriptionZh: "文字部分：同一段落或列表项逐字重复出现（疑为复制粘贴失误）。",
  check(doc, ctx) {
    const seen = new Map<string, Paragraph>();
    for (const p of claimsOf(doc).paragraphs) {
      const t = body(p);
      if (t.length < MIN_LENGTH || t.startsWith("#")) continue;
      const first = seen.get(t);
      if (!first) {
        seen.set(t, p);
        continue;
      }
      const lines = p.lines.length > 1 ? `${p.lines[0]}–${p.lines[p.lines.length - 1]}` : String(p.lines[0]);
      const firstLine = first.lines[0];
      ctx.report({
        subject: { table: "text" },
        location: p.location,
        related: [first.location],
        message: {
          zh: `第 ${lines} 行的段落与第 ${firstLine} 行的段落完全相同（「${t.slice(0, 20)}…」）`,
          en: `the paragraph at lines ${lines} repeats the one at line ${firstLine} word for word ("${t.slice(0, 20)}…")`,
        },
      });
    }
  },
};
