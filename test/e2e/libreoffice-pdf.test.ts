import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A real PDF made by LibreOffice (test/fixtures/libreoffice-pdf): its two-sided tables print a right-aligned figure
 * and the next cell's label a cell's padding apart (2.4 pt), which the PDF reader joined into one word — the
 * label took the figure, 29 false errors and 10 warnings on a consistent document.
 */
const PDF = join(ROOT, "test", "fixtures", "libreoffice-pdf", "fujian-style-budget.pdf");

describe("a consistent budget printed to PDF by LibreOffice", () => {
  it("is read with every table's figures in their cells: no error, no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([PDF]);
    const doc = report.documents[0];
    expect(doc.failure ?? null).toBeNull();
    const byKind = new Map<string, number>(doc.tables.map((t: { kind: string; rows: number }) => [t.kind, t.rows]));
    expect(byKind.get("summary")).toBeGreaterThan(10);
    expect(byKind.get("allocation-summary")).toBeGreaterThan(10);
    expect(doc.findings.filter((f: { severity: string }) => f.severity !== "info").map((f: { message: string }) => f.message)).toEqual([]);
    expect(status).toBe(0);
  });
});
