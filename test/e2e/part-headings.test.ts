import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { narrativeParts } from "../../src/loaders/narrative.js";
import { ROOT, SEED } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

type Finding = { severity: string; ruleId: string; stated: string | null; computed: string | null; item: string | null; unit: string | null; location: { line?: number } };
const said = (fs: Finding[]) => fs.map((f) => [f.severity, f.ruleId, f.stated, f.computed, f.location.line, f.item, f.unit].join("|")).sort();

// The seed heads its written parts 第一部分 … 第九部分. A document that heads them 一、部门概况, 二、部门预算收支总体情况 …
// had no part read: every text rule was not checked, and the seed's six wrong percentages went unreported.
describe("written parts headed 一、部门概况 … instead of 第一部分 …", () => {
  const dir = tempDir("part-headings");
  const seedText = readFileSync(join(ROOT, SEED), "utf8");

  it("are known by their titles: the seed's findings, its six text errors among them", () => {
    const text = seedText.replace(/第([一二三四五六七八九])部分\s*/g, "$1、");
    expect(text).not.toMatch(/第[一二三四五六七八九]部分/);
    expect(text).toContain("## 三、部门预算支出具体情况");
    const { doc, seedDoc } = readLikeSeed(join(dir, "parts.md"), text);
    expect(said(doc.findings as Finding[])).toEqual(said(seedDoc.findings as Finding[]));
    expect((doc.findings as Finding[]).filter((f) => f.severity === "error" && f.ruleId === "yoy-change")).toHaveLength(6);
  });

  it("a unit's or a topic's heading inside a part (一、深圳市科学馆, 一、机关运行经费) is not a part; 第N部分 decides where printed", () => {
    const lines = ["## 一、部门概况", "本部门…", "## 三、部门预算支出具体情况", "### 一、深圳市科学馆", "深圳市科学馆预算 7 万元，包括人员支出 7 万元。", "## 八、其他需要说明情况", "### 一、机关运行经费", "…"];
    expect(narrativeParts(lines, "f", 0).map((p) => [p.number, p.title, p.lines.length])).toEqual([
      [1, "部门概况", 1],
      [3, "部门预算支出具体情况", 2],
      [8, "其他需要说明情况", 2],
    ]);
    const numbered = ["## 第一部分 部门概况", "## 二、部门预算收支总体情况", "…"];
    expect(narrativeParts(numbered, "f", 0).map((p) => [p.number, p.title, p.lines.length])).toEqual([[1, "部门概况", 2]]);
  });
});

// Round 49: the seed's 目录 written otherwise. As plain lines (a PDF's text) it was not read at all (no entry: the tables
// it lists were not looked for); as list items with the body starting at `## 第一部分` (no `# 一、文字部分` above it, the
// 目录's first entry again), it ran on into 第一部分 and its first section, whose statements were lost.
describe("the seed's 目录 in other markup", () => {
  const dir = tempDir("contents-forms");
  const seedText = readFileSync(join(ROOT, SEED), "utf8");
  const contentsEnd = seedText.indexOf("# 一、文字部分\n\n## 第一部分");

  it("as plain lines, and with the body's group heading left out: the seed's findings", { timeout: 60_000 }, () => {
    expect(contentsEnd).toBeGreaterThan(0);
    const plain = seedText.slice(0, contentsEnd).replace(/^- /gm, "") + seedText.slice(contentsEnd);
    // (Its line left blank: the findings' lines stay the seed's.)
    const noGroup = seedText.slice(0, contentsEnd) + seedText.slice(contentsEnd + "# 一、文字部分".length);
    for (const [name, text] of [
      ["plain.md", plain],
      ["no-group.md", noGroup],
    ]) {
      const { doc, seedDoc } = readLikeSeed(join(dir, name), text);
      expect(said(doc.findings as Finding[]), name).toEqual(said(seedDoc.findings as Finding[]));
    }
  });
});
