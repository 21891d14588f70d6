import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { titleYear } from "../../src/rules/title-year.js";
import { ROOT, SEED } from "../helpers/cli.js";
import { doc } from "../helpers/docs.js";

// The seed (2023 年深圳市科学技术协会 部门预算) with its headings retitled: lines 9 (目录) and 36 (the part) of the
// file, 8 and 35 as the test helper reads it (without the file's first, empty line).
const seed = readFileSync(join(ROOT, SEED), "utf8");
const check = (text: string, lang: "en" | "zh" = "en") => runRules(doc(text), [titleYear], { tolerance: { kind: "auto" }, lang });

describe("title-year", () => {
  it("is silent on the seed, whose titles name no other year", () => {
    expect(check(seed)).toEqual([]);
  });

  it("warns at each heading that names another year than the document's, last year's copied", () => {
    const text = seed.replace("- 第一部分 部门概况", "- 第一部分 2022年部门概况").replace("## 第一部分 部门概况", "## 第一部分 2022 年部门概况");
    const fs = check(text);
    expect(fs.map((f) => [f.severity, f.table, f.location.line])).toEqual([
      ["warning", "text", 8],
      ["warning", "text", 35],
    ]);
    expect(fs[0].message).toBe("text: the title “2022年部门概况” names 2022; the document is the 2023 budget (预算)");
    expect(check(text, "zh")[1].message).toBe("文字部分：标题“2022 年部门概况”所列年份 2022 年与文件年份 2023 年（预算）不一致");
  });

  it("leaves a range of years alone (2023—2025年, 2023年至2025年)", () => {
    const text = seed.replace("## 第一部分 部门概况", "## 第一部分 部门概况及2023—2025年规划").replace("- 第一部分 部门概况", "- 第一部分 部门概况（2023年至2025年）");
    expect(check(text)).toEqual([]);
  });
});
