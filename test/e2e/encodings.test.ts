import { describe, expect, it } from "vitest";
import { cliJson, SEED, SEED_CSV } from "../helpers/cli.js";
import { withoutLocation } from "../helpers/findings.js";

// Fixtures built by scripts/make-encoding-fixtures.mjs from the UTF-8 originals.
const DIR = "fixtures/shenzhen-sast-2023";

describe("encodings are detected without a flag", () => {
  const utf8Doc = cliJson([SEED]).report.documents[0];
  const utf8Csv = cliJson([SEED_CSV]).report.documents[0];

  it.each([
    ["GB18030 CSV package", `${DIR}/csv-gb18030`],
    ["UTF-16 (LE, and 表1 BE) CSV package with BOM", `${DIR}/csv-utf16`],
    ["UTF-8 CSV package with BOM", `${DIR}/csv-utf8-bom`],
  ])("%s gives the same findings, on the same lines, as the UTF-8 one", (_name, path) => {
    const { status, report } = cliJson([path]);
    const d = report.documents[0];
    expect(status).toBe(1); // the seed's text: 6 wrong year-on-year percentages (yoy-change)
    expect(d.failure).toBeNull();
    expect(d).toMatchObject({ department: "深圳市科学技术协会", year: 2023, moneyUnit: "万元" });
    expect(withoutLocation(d.findings)).toEqual(withoutLocation(utf8Csv.findings));
    const place = (f: { location: { file: string; line: number; column: number } }) => `${f.location.file.split("/").pop()}:${f.location.line}:${f.location.column}`;
    expect(d.findings.map(place)).toEqual(utf8Csv.findings.map(place));
  });

  it.each(["gb18030", "utf16le", "utf16be", "utf8-bom"])("the text form in %s gives the same findings, on the same lines, as UTF-8", (enc) => {
    const { status, report } = cliJson([`${DIR}/encodings/document-${enc}.md`]);
    const d = report.documents[0];
    expect(status).toBe(1); // the seed's text: 6 wrong year-on-year percentages (yoy-change)
    expect(d.department).toBe("深圳市科学技术协会");
    expect(withoutLocation(d.findings)).toEqual(withoutLocation(utf8Doc.findings));
    expect(d.findings.map((f: { location: { line: number } }) => f.location.line)).toEqual(utf8Doc.findings.map((f: { location: { line: number } }) => f.location.line));
  });

  it("--encoding overrides detection: gbk reads the GB18030 file, utf-8 forced on it reads no department", () => {
    const gbk = cliJson([`${DIR}/encodings/document-gb18030.md`, "--encoding", "gbk"]).report.documents[0];
    expect(gbk.department).toBe("深圳市科学技术协会");
    const forced = cliJson([`${DIR}/csv-gb18030`, "--encoding", "utf-8"]);
    const d = forced.report.documents[0];
    // Decoded as UTF-8 the Chinese titles are replacement characters: no table can be recognised.
    expect(d.department).not.toBe("深圳市科学技术协会");
    expect(forced.status).toBe(2);
  });
});
