import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * Round 59 (test/fixtures/name-only-units, 某市某局, synthetic): a 一般公共预算支出表 printed by budget unit, each unit's
 * row a name and its figures with no 单位编码 (某市某局机关 | 120.00 | 90.00 | 30.00), its 201 / 20103 / 2010301 … under it,
 * then the next unit's name (陕西's tables as a PDF converter writes them, and as documents print them that give no unit
 * codes). Before, the name rows were no units, in the tab-separated form and in layout text alike: every unit's codes
 * were one list, and each unit's 201 was checked against the 20103 rows of all three (12 false hierarchy-sum errors).
 */
const DIR = join(ROOT, "test", "fixtures", "name-only-units");
type Doc = { failure: unknown; tables: { id: string; kind: string; present: boolean; rows: number }[]; findings: (JsonFinding & { location: { line?: number } })[] };
const run = (file: string) => {
  const { status, report } = cliJson([file, "--format", "json"]);
  return { status, doc: report.documents[0] as Doc };
};

/** The document with the n-th line (0-based among those) that `match` finds changed by `edit`; the file and that line's number. */
function seeded(file: string, match: RegExp, n: number, edit: (line: string) => string): { file: string; line: number } {
  const lines = readFileSync(join(DIR, file), "utf8").split("\n");
  const at = lines.flatMap((l, i) => (match.test(l) ? [i] : []))[n];
  expect(at).toBeGreaterThan(0);
  const changed = edit(lines[at]);
  expect(changed).not.toBe(lines[at]);
  lines[at] = changed;
  const out = join(tempDir("name-only-units"), file);
  writeFileSync(out, lines.join("\n"));
  return { file: out, line: at + 1 };
}

describe.each([
  ["tab-separated", "document.md", /^201\t03\t02\t/, /^201\t\t\t/],
  ["layout text", "document.txt", /^2010302 /, /^201 /],
])("units printed by name with no code, %s", (_form, name, leaf, top) => {
  it("each name row starts its unit's block: consistent, no finding", () => {
    const { status, doc } = run(join(DIR, name));
    expect(doc.failure).toBeNull();
    expect(status).toBe(0);
    expect(doc.tables.find((t) => t.kind === "general-function")?.rows).toBe(21);
    expect(doc.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("a 项 row of the second unit mistyped (20.00 for 21.00) is caught at that row, in that unit", () => {
    const s = seeded(name, leaf, 1, (l) => l.replace(/20\.00/g, "21.00"));
    const { status, doc } = run(s.file);
    expect(status).toBe(1);
    const errors = doc.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((f) => f.location.line === s.line).map((f) => f.ruleId)).toContain("diagnosis");
    expect(errors.filter((f) => f.unit !== "某市某局信息中心")).toEqual([]);
  });

  it("the second unit's 201 mistyped, its row then off its codes' sum: still its unit's row, the misprint named", () => {
    const s = seeded(name, top, 1, (l) => l.replace("40.00", "41.00").replace(/20\.00(\s+20\.00)$/, "21.00$1"));
    const { status, doc } = run(s.file);
    expect(status).toBe(1);
    const errors = doc.findings.filter((f) => f.severity === "error");
    expect(errors.filter((f) => f.location.line === s.line && f.ruleId === "diagnosis").map((f) => f.column)).toEqual(["合计", "基本支出"]);
    // No false error from the other units' blocks (the summary's 201 is the department's: Σ of its units' 201 is off too).
    expect(errors.filter((f) => f.unit !== "某市某局信息中心" && !(f.ruleId === "items-vs-units" && f.code === "201"))).toEqual([]);
  });
});
