import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";
import { check, checkAfterEngine, docAsRead } from "../helpers/docs.js";

const DIR = join(ROOT, "docs", "rules");

/** The sections every rule page has, in this order. */
const SECTIONS = ["What it checks", "Why it matters", "Passing example", "Failing example", "Rounding", "Configuration"];

const page = (id: string) => readFileSync(join(DIR, `${id}.md`), "utf8");

/** The text of one `## ` section (up to the next one). */
function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}\n`);
  if (start < 0) return "";
  const rest = text.slice(start + title.length + 5);
  const end = rest.indexOf("\n## ");
  return end < 0 ? rest : rest.slice(0, end);
}

/** The document excerpt of an example section: its ```tsv block, tab-separated as printed. */
function example(text: string, title: string): string {
  const m = /```tsv\n([\s\S]*?)\n```/.exec(section(text, title));
  return m ? m[1] : "";
}

describe("docs/rules", () => {
  it("has a page for every registered rule and no page without a rule", () => {
    const pages = readdirSync(DIR).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3)).sort();
    expect(pages).toEqual(rules.map((r) => r.id).sort());
  });

  for (const rule of rules)
    describe(rule.id, () => {
      const text = page(rule.id);

      it("opens with its id, a summary line and its default severity", () => {
        const lines = text.split("\n");
        expect(lines[0]).toBe(`# ${rule.id}`);
        expect(lines[2]).toMatch(/\p{Script=Han}/u);
        expect(text).toContain(`\nDefault severity: \`${rule.defaultSeverity}\`\n`);
      });

      it("has the standard sections in order", () => {
        const headings = text.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3));
        expect(headings).toEqual(SECTIONS);
      });

      it("says how to turn it off or change its severity", () => {
        expect(section(text, "Configuration")).toContain(`--rule ${rule.id}=off`);
      });

      if (rule.workbookOnly) {
        // A workbook's hidden rows or formula caches cannot be printed as text: the page describes the
        // worksheet, and the e2e tests (test/e2e/xlsx.test.ts) run the examples on real workbooks.
        it("describes its passing and failing examples as worksheets and names the failing cell", () => {
          expect(section(text, "Passing example")).toMatch(/\|.*\|/);
          expect(section(text, "Failing example")).toMatch(/`(error|warning|info)` at 表\d+![A-Z]+\d+/);
        });
        return;
      }

      // A rule that runs after the engine (the diagnosis) is checked through check.ts, asynchronously. The
      // example is read as the CLI reads it (a page may show another province's tables).
      const run = async (tsv: string) => (rule.afterEngine ? checkAfterEngine(rule, tsv, "en", docAsRead) : check(rule, tsv, "en", docAsRead));

      it("has a passing example on which the rule reports nothing", async () => {
        const tsv = example(text, "Passing example");
        expect(tsv).toContain("\t");
        expect(await run(tsv)).toEqual([]);
      });

      it("has a failing example on which the rule reports at its default severity, on the lines the page names", async () => {
        const tsv = example(text, "Failing example");
        expect(tsv).toContain("\t");
        const findings = await run(tsv);
        const real = findings.filter((f) => f.severity === rule.defaultSeverity && !f.withinRounding);
        expect(real.length).toBeGreaterThan(0);
        const prose = section(text, "Failing example");
        const named = /\nLines? (\d+(?:(?:, | and )\d+)*)/.exec(prose);
        expect(named).not.toBeNull();
        const lines = named![1].split(/, | and /).map(Number);
        for (const line of lines) expect(real.map((f) => f.location.line)).toContain(line);
        // The figures the page quotes are the ones the rule reports.
        const stated = /stated (-?\d+(?:\.\d+)?)/.exec(prose);
        if (stated) expect(real.map((f) => f.stated)).toContain(stated[1]);
        const tolerance = /tolerance (\d+(?:\.\d+)?)/.exec(prose);
        if (tolerance) expect(real.map((f) => f.tolerance)).toContain(tolerance[1]);
      });
    });
});

/**
 * The Chinese page of every registered rule (docs/rules/zh/<id>.md, printed by `explain --lang zh`): the
 * same summary line, severity and examples as the English page (whose examples are run above), the
 * sections in Chinese in the same order, and the same lines named in its failing example. A new rule
 * needs both pages.
 */
const ZH = join(DIR, "zh");
const ZH_SECTIONS = ["检查内容", "为何重要", "通过示例", "不通过示例", "尾数误差", "配置"];
const zhPage = (id: string) => readFileSync(join(ZH, `${id}.md`), "utf8");
const codeBlocks = (text: string) => (text.match(/```tsv\n[\s\S]*?\n```/g) ?? []).join("\n") || text.split("\n").filter((l) => l.startsWith("|")).join("\n");

describe("docs/rules/zh", () => {
  it("has a Chinese page for every registered rule and no page without a rule", () => {
    const pages = readdirSync(ZH).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3)).sort();
    expect(pages).toEqual(rules.map((r) => r.id).sort());
  });

  for (const rule of rules)
    describe(rule.id, () => {
      const en = page(rule.id);
      const zh = zhPage(rule.id);

      it("opens with its id, the rule's Chinese description and its default severity", () => {
        const lines = zh.split("\n");
        expect(lines[0]).toBe(`# ${rule.id}`);
        expect(lines[2]).toBe(en.split("\n")[2]);
        expect(zh).toContain(`\n默认级别：\`${rule.defaultSeverity}\`\n`);
      });

      it("has the sections in Chinese, in the English page's order, and is written in Chinese", () => {
        expect(zh.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3))).toEqual(ZH_SECTIONS);
        for (const title of ZH_SECTIONS.filter((t) => !t.endsWith("示例"))) expect(section(zh, title)).toMatch(/\p{Script=Han}{4}/u);
        expect(section(zh, "配置")).toContain(`--rule ${rule.id}=off`);
      });

      it("shows the English page's examples and names the same lines", () => {
        expect(codeBlocks(section(zh, "通过示例"))).toBe(codeBlocks(section(en, "Passing example")));
        expect(codeBlocks(section(zh, "不通过示例"))).toBe(codeBlocks(section(en, "Failing example")));
        const named = /\nLines? (\d+(?:(?:, | and )\d+)*)/.exec(section(en, "Failing example"));
        if (named) expect(section(zh, "不通过示例")).toContain(`第 ${named[1].split(/, | and /).join("、")} 行`);
      });
    });
});
