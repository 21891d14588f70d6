import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * Round 56 (the mutation probe, scripts/document-mutation.mjs --missed): an item's increase stated without a percentage and
 * said right after to be a new item (成都: …死亡抚恤（项）2025年预算数为5.68万元，比2024年预算增加5.68万元，为新增科目 · 河南:
 * …比2024年增加745.23万元，为新增项目) was read by nothing: a typo of the increase was caught by no finding. The item had
 * nothing last year: its increase is all of this year's amount (yoy-change).
 */
const tmp = mkdtempSync(join(tmpdir(), "budget-check-new-items-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function typed(fixture: string[], n: number, from: string, to: string): string {
  const lines = readFileSync(join(ROOT, ...fixture), "utf8").split("\n");
  expect(lines[n - 1]).toContain(from);
  lines[n - 1] = lines[n - 1].replace(from, to);
  const file = join(tmp, `${fixture[fixture.length - 1]}-${n}.txt`);
  writeFileSync(file, lines.join("\n"));
  return file;
}
const notInfo = (file: string) => cliJson([file]).report.documents[0].findings.filter((f: JsonFinding) => f.severity !== "info");

describe("an increase said to be a new item's (成都, 河南 2025 预算)", () => {
  const CHENGDU = ["test", "fixtures", "sichuan-2025", "chengdu-sport-budget.txt"];
  const HENAN = ["test", "fixtures", "national-2025", "henan-budget.txt"];

  it("the documents as printed: no error, no warning", { timeout: 60_000 }, () => {
    expect(notInfo(join(ROOT, ...CHENGDU))).toEqual([]);
    expect(notInfo(join(ROOT, ...HENAN))).toEqual([]);
  });

  it("fails: the increase typed (5.68 → 6.68, 745.23 → 845.23) is an error, the typo named with its value", { timeout: 60_000 }, () => {
    const chengdu = notInfo(typed(CHENGDU, 113, "增加5.68", "增加6.68"));
    expect(chengdu.find((f: JsonFinding) => f.ruleId === "diagnosis")).toMatchObject({ location: { line: 113, column: 5 }, stated: "6.68", computed: "5.68" });
    const henan = notInfo(typed(HENAN, 86, "增加745.23", "增加845.23"));
    expect(henan.find((f: JsonFinding) => f.ruleId === "diagnosis")).toMatchObject({ location: { line: 86 }, stated: "845.23", computed: "745.23" });
  });
});
