import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * Figures of written lists that no identity read before round 55 (src/claims/part-lists.ts): 陕西's units' 收入预算 under
 * 分单位看 and its 基本支出's 人员经费 and 公用经费 nested in the 支出 list, 西藏's in brackets, and 深圳's 单位预算 包括 its
 * components in the seed's written parts read alone (test/fixtures/doc/numbered.libreoffice.txt). One figure of each typed
 * (its first digit one higher, as document-mutation.mjs types it): an error of text-sum at the total's line:column, stated
 * and computed, and a diagnosis that lists the typed figure.
 */
const sumErrors = (file: string, from: string, to: string, name: string) => {
  const text = readFileSync(join(ROOT, file), "utf8");
  expect(text.split(from).length).toBe(2);
  const copy = join(tempDir(`written-lists-${name}`), file.split("/").pop()!);
  writeFileSync(copy, text.replace(from, to));
  const { status, report } = cliJson([copy]);
  const findings = report.documents[0].findings as (JsonFinding & { location: { line?: number; column?: number } })[];
  return {
    status,
    errors: findings.filter((f) => f.severity === "error" && f.ruleId === "text-sum").map((f) => [f.item, `${f.location.line}:${f.location.column}`, f.stated, f.computed]),
    diagnosed: findings.filter((f) => f.ruleId === "diagnosis").map((f) => `${f.location.line}:${f.location.column}`),
  };
};

describe("written lists of a total's parts, one figure typed", () => {
  it("陕西: a unit's 收入预算 under 分单位看 (1049.63 typed 2049.63) no longer adds up to the 收入预算 at 60:14", { timeout: 60_000 }, () => {
    const r = sumErrors("test/fixtures/ministry-titles/document.txt", "心收入预算1049.63万元", "心收入预算2049.63万元", "units");
    expect(r.errors).toEqual([["部门收入预算", "60:14", "7777.6", "8777.6"]]);
    // (Any of the four units' figures explains it equally: the diagnosis names one of the list's, lines 65–67.)
    expect(r.diagnosed.some((l) => /^6[5-7]:/.test(l))).toBe(true);
    expect(r.status).toBe(1);
  });

  it("陕西: 公用经费 nested in the 支出 list (597.60 typed 697.60): 基本支出 at 69:31 is no longer 人员经费 + 公用经费", { timeout: 60_000 }, () => {
    const r = sumErrors("test/fixtures/ministry-titles/document.txt", "公用经费597.60万元；项目支", "公用经费697.60万元；项目支", "basic");
    expect(r.errors).toContainEqual(["基本支出", "69:31", "4508.53", "4608.54"]);
    // (人员经费 or 公用经费 alone explains it equally: the diagnosis names one of the pair, on line 70.)
    expect(r.diagnosed.some((l) => l === "70:15" || l === "70:29")).toBe(true);
    expect(r.status).toBe(1);
  });

  it("西藏: 人员经费 in brackets after 基本支出 (378.68 typed 478.68): 基本支出 at 64:34 is no longer their sum", { timeout: 60_000 }, () => {
    const r = sumErrors("test/fixtures/xizang-county/document.txt", "（人员经费378.68", "（人员经费478.68", "xizang");
    expect(r.errors).toContainEqual(["基本支出", "64:34", "406.95", "506.95"]);
    expect(r.diagnosed).toContain("64:47");
    expect(r.status).toBe(1);
  });

  it("深圳's written parts alone: 科学馆's 对个人和家庭的补助支出 (144 typed 244) no longer adds up to its 预算 at 91:10", { timeout: 60_000 }, () => {
    const r = sumErrors("test/fixtures/doc/numbered.libreoffice.txt", "对个人和家庭的补助支出 144 万元", "对个人和家庭的补助支出 244 万元", "seed");
    expect(r.errors).toEqual([["深圳市科学馆预算", "91:10", "2320", "2420"]]);
    expect(r.status).toBe(1);
  });
});
