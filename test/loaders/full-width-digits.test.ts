import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { withAsciiDigits } from "../../src/loaders/layout/digits.js";
import type { LayoutLine } from "../../src/loaders/layout/types.js";
import { pagesDocument } from "../../src/loaders/pdf/document.js";
import { readPdfLayout } from "../../src/loaders/pdf/index.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

const FULL = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe("withAsciiDigits", () => {
  it("keeps every line and position of a PDF's lines: text and tokens' text made ASCII, x and boxes as they were", () => {
    const line: LayoutLine = { page: 1, line: 3, text: "３０１  工资福利支出  ８７３", tokens: [{ text: "３０１", x0: 10, x1: 25 }, { text: "工资福利支出", x0: 40, x1: 100 }, { text: "８７３", x0: 200, x1: 215 }] };
    const plain: LayoutLine = { page: 1, line: 4, text: "合计  873", tokens: [{ text: "合计", x0: 10, x1: 20 }] };
    const [a, b] = withAsciiDigits([line, plain]);
    expect(a).toEqual({ ...line, text: "301  工资福利支出  873", tokens: [{ text: "301", x0: 10, x1: 25 }, { text: "工资福利支出", x0: 40, x1: 100 }, { text: "873", x0: 200, x1: 215 }] });
    expect(b).toBe(plain);
    const none = [plain];
    expect(withAsciiDigits(none)).toBe(none);
  });
});

describe("a PDF whose digits are full-width", () => {
  const key = (f: Finding) => [f.ruleId, f.severity, f.table, f.unit, f.code, f.item, f.column, f.stated, f.computed, f.location.page, f.location.line].join("|");
  const findings = (doc: ReturnType<typeof pagesDocument>) => runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).map(key).sort();

  it("the seed's PDF with every digit of its text full-width: the findings of the PDF as printed, on the same pages and lines", { timeout: 60_000 }, async () => {
    const file = join(ROOT, "test", "fixtures", "pdf", "shenzhen-seed.pdf");
    const printed = await readPdfLayout(file);
    const full = await readPdfLayout(file);
    for (const l of full.lines) {
      l.text = FULL(l.text);
      if (l.raw !== undefined) l.raw = FULL(l.raw);
      for (const t of l.tokens ?? []) t.text = FULL(t.text);
    }
    const original = findings(pagesDocument(file, printed, {}, "PDF"));
    expect(original.filter((k) => k.startsWith("yoy-change|error")).length).toBe(6);
    expect(findings(pagesDocument(file, full, {}, "PDF"))).toEqual(original);
  });
});
