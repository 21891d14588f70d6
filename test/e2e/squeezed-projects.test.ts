import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * 广西's 项目支出预算表 (test/fixtures/centred-cells/gx-document.txt, round 48): a header squeezed together (each Chinese
 * character one column of the line), figures right-aligned on the text's grid, projects indented one character under their
 * unit's line. It was listed as `列位置不确定 columns uncertain`; it is read where the table's own identities (each unit =
 * Σ its projects, 合计 = Σ units, each row's 合计 = Σ its sources) bear the label-start placement out, and stays listed
 * where they do not.
 */
const FILE = join(ROOT, "test", "fixtures", "centred-cells", "gx-document.txt");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-squeezed-projects-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Unknown {
  title: string;
}
const projectsListed = (doc: { unknownTables: Unknown[] }) => doc.unknownTables.map((u) => u.title).filter((t) => t.startsWith("项目支出预算表"));

describe("广西's 项目支出预算表 under a squeezed header", () => {
  it("is read and checked: no table listed, no error, split-vs-expenditure runs on it", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([FILE]);
    const doc = report.documents[0];
    expect(projectsListed(doc)).toEqual([]);
    expect(doc.tables.find((t: { kind: string }) => t.kind === "project-summary")).toMatchObject({ present: true, rows: 17 });
    expect(doc.findings.filter((f: JsonFinding) => f.severity !== "info")).toEqual([]);
    expect(doc.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("split-vs-expenditure");
    // Its rounding notes (a unit's 合计 = Σ its projects to 0.01) are the table's.
    expect(doc.findings.some((f: JsonFinding & { tableKind: string }) => f.tableKind === "project-summary" && f.ruleId === "hierarchy-sum")).toBe(true);
    expect(status).toBe(0);
    expect(cli([FILE, "--no-color"]).stdout).not.toContain("not read");
  });

  it("fails: a line of it moved into other columns leaves it listed, not misread", { timeout: 60_000 }, () => {
    const line = " 林业行政执法及业务管理经费                 183.96        183.96";
    const head = line.slice(0, line.lastIndexOf("183.96")).trimEnd();
    const file = join(tmp, "moved.txt");
    writeFileSync(file, readFileSync(FILE, "utf8").replace(line, head + " ".repeat(63 - head.length) + "183.96"));
    const doc = cliJson([file]).report.documents[0];
    expect(projectsListed(doc)).toEqual(["项目支出预算表（列位置不确定 columns uncertain）"]);
    expect(doc.findings.filter((f: JsonFinding) => f.severity === "error")).toEqual([]);
  });

  // Round 54 (the mutation probe): a figure mistyped in it (765.60 → 865.60, its line still in place) broke the
  // identities the placement is kept by, and the table was listed, unread — the typo found by nothing. The identities all
  // hold but for that one figure: the table is read as placed and the typo named.
  it("fails: a figure of it mistyped is read and named, the table not left unread", { timeout: 60_000 }, () => {
    const line = " 森林资源管理及林长制督查                  765.60        765.60";
    const file = join(tmp, "typo.txt");
    writeFileSync(file, readFileSync(FILE, "utf8").replace(line, line.replace("765.60 ", "865.60 ")));
    const lineNo = readFileSync(FILE, "utf8").split("\n").indexOf(line) + 1;
    const doc = cliJson([file]).report.documents[0];
    expect(projectsListed(doc)).toEqual([]);
    const named = doc.findings.find((f: JsonFinding) => f.ruleId === "diagnosis");
    expect(named).toMatchObject({ location: { line: lineNo, column: 32 }, stated: "865.6", computed: "765.6" });
  });
});
