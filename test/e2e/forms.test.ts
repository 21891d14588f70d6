import { describe, expect, it } from "vitest";
import { cliJson, SEED, SEED_CSV } from "../helpers/cli.js";

type F = { location: { file: string; line?: number }; related: unknown[] } & Record<string, unknown>;
/** A finding without where it is printed: what must not depend on the input form. */
const withoutPlace = (f: F) => JSON.stringify({ ...f, location: undefined, related: f.related.length });

describe("the same document as text and as a CSV package", () => {
  const md = cliJson([SEED]).report.documents[0];
  const csv = cliJson([SEED_CSV]).report.documents[0];

  it("reads the CSV package without failure", () => {
    expect(csv.failure).toBeNull();
    expect(csv.format).toBe("csv");
  });

  it("gives the same findings, except for their locations", () => {
    expect(csv.findings.length).toBe(md.findings.length);
    expect(csv.findings.map(withoutPlace).sort()).toEqual(md.findings.map(withoutPlace).sort());
  });

  it("gives the same metadata and table list", () => {
    for (const k of ["department", "year", "moneyUnit", "tables", "summary"]) expect(csv[k]).toEqual(md[k]);
  });

  it("points CSV findings at the CSV file and line where the figure is printed", () => {
    const f = csv.findings.find((x: F) => x.ruleId === "hierarchy-sum" && x.table === "T8" && x.code === "301" && x.column === "支出总计");
    expect(f.location.file).toBe(`${SEED_CSV}/表8.csv`);
    // 表8.csv: its first page's rows follow the 表 8 marker, title, 部门名称, 单位 and header rows.
    expect(f.location.line).toBe(8);
    expect(f.location.column).toBe(4);
  });
});
