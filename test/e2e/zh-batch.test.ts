import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, ROOT, SEED } from "../helpers/cli.js";

// A batch checked in Chinese (LANG or --lang): findings, the per-department summary table and the
// closing line in Chinese, the rounding notes folded per table.
const tmp = mkdtempSync(join(tmpdir(), "budget-check-zh-batch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
for (const d of ["甲局", "乙局"]) {
  mkdirSync(join(tmp, d));
  cpSync(join(ROOT, SEED), join(tmp, d, "document.md"));
}
mkdirSync(join(tmp, "丙局"));
cpSync(join(ROOT, "package.json"), join(tmp, "丙局", "document.md")); // not a budget document

describe("a batch in Chinese", () => {
  it.each([
    ["--lang zh", ["--lang", "zh"], {}],
    ["LANG=zh_CN.UTF-8", [], { LANG: "zh_CN.UTF-8" }],
  ])("%s: the summary table, the closing line and the unreadable input's reason are Chinese", (_, args, env) => {
    const r = cli([tmp, ...args], { env });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/部门 +年度 +错误 +警告 +尾差 +提示 +文件/);
    expect(r.stdout).toMatch(/深圳市科学技术协会 +2023 +6 +4 +64 +1 +\S*甲局\/document\.md/);
    expect(r.stdout).toMatch(/（无法读取）.*丙局\/document\.md/);
    expect(r.stdout).toMatch(/^ {2}错误 +文字部分 深圳市科学技术协会\(本级\) 学会能力提升和学术交流促进项目「增幅」：列示 15%/m);
    expect(r.stdout).toMatch(/^ {2}尾差 +表8 一般公共预算支出表（按经济分类）：16 处尾数差异，均在尾数误差范围内/m);
    expect(r.stdout.trimEnd().split("\n").pop()).toBe("✖ 12 个错误，8 个警告，130 个提示（含尾数误差），共 3 个文件，1 个无法读取");
    expect(r.stderr.trim()).toMatch(/^budget-check: \S*丙局\/document\.md: 不是预算公开文件：/);
  });
});
