import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { runInProcess, wellBehaved } from "../helpers/fuzz.js";
import { ofdFile } from "../helpers/ofd.js";
import { tempDir } from "../helpers/tmp.js";

/**
 * Round 34's readers of binary and MIME forms — an Excel 97–2003 workbook, a Word 97–2003 document (both compound
 * files of sectors, tables of offsets and records), a single-file web page and an Excel 2003 XML spreadsheet —
 * given their fixture with bytes changed at random: whatever the damage, exit status 0, 1 or 2, no stack trace,
 * a report valid against the schema (a damaged file is a one-line error of its own). Round 35's OFD reader alike (its
 * parts stored, so that the damage reaches their XML: numbers, advances, boxes). The same fixed sample in
 * CI as test/robust/property.test.ts; `npm run fuzz` (FUZZ_SCALE) draws new ones.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED_OPT = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : process.env.FUZZ_SCALE ? {} : { seed: 20261205 };
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)), ...SEED_OPT });
const TIMEOUT = 300_000 * Math.max(1, SCALE);
const dir = tempDir("office-fuzz");

/** Bytes changed (a few, anywhere; or a run of them in the first 4 KiB, where the headers and tables are). */
const damage = fc.oneof(
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
  fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, bytes]) => Array.from(bytes, (v, k) => [at + k, v] as [number, number])),
);

function fuzz(name: string, fixture: Buffer | (() => Buffer), ext: string, n: number) {
  it(`${name}: bytes changed anywhere, well behaved`, async () => {
    const original = typeof fixture === "function" ? fixture() : fixture;
    const file = join(dir, `fuzzed${ext}`);
    await fc.assert(
      fc.asyncProperty(damage, async (ops) => {
        const b = Buffer.from(original);
        for (const [at, v] of ops) b[at % b.length] = v;
        writeFileSync(file, b);
        const problem = wellBehaved(await runInProcess([file, "--format", "json"]));
        if (problem) throw new Error(`${JSON.stringify(ops).slice(0, 300)}: ${problem}`);
      }),
      runs(n),
    );
  }, TIMEOUT);
}

describe("office forms with damaged bytes", () => {
  fuzz("an Excel 97–2003 workbook (.xls)", readFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/workbook.xls")), ".xls", 25);
  fuzz("a Word 97–2003 document's written parts, with list numbers (.doc)", readFileSync(join(ROOT, "test/fixtures/doc/numbered.doc")), ".doc", 25);
  fuzz("a Word 97–2003 document with tables, tracked changes and fields (.doc)", readFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/document.doc")), ".doc", 10);
  fuzz("a small .xls in a compound file's mini stream", readFileSync(join(ROOT, "test/fixtures/xls/mini-stream.xls")), ".xls", 15);
  fuzz(
    "a single-file web page (.mht)",
    () =>
      Buffer.from(
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>=B2=BF=C3=C5=D4=A4=CB=E3</p><table><tr><td>=CF=EE=C4=BF</td><td>1,234</td></tr></table></body></html>\r\n--b--\r\n',
        "latin1",
      ),
    ".mht",
    15,
  );
  fuzz(
    "an Excel 2003 XML spreadsheet (.xml)",
    () =>
      Buffer.from(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles><Style ss:ID="s1"><NumberFormat ss:Format="#,##0.00"/></Style></Styles><Worksheet ss:Name="表1"><Table><Row><Cell ss:MergeAcross="1"><Data ss:Type="String">收支总表</Data></Cell></Row><Row ss:Index="3"><Cell><Data ss:Type="String">合计</Data></Cell><Cell ss:StyleID="s1"><Data ss:Type="Number">1234.5</Data></Cell></Row></Table></Worksheet></Workbook>',
      ),
    ".xml",
    15,
  );
  fuzz(
    "an OFD document with a template page, a turned seal and a table row in one TextCode (.ofd)",
    () =>
      ofdFile(
        [
          {
            width: 210,
            height: 297,
            templates: ["7"],
            texts: [
              { text: "一般公共预算财政拨款支出表", x: 40, baseline: 30, size: 5 },
              { text: "科目编码 科目名称 合计", x: 20, baseline: 45, size: 3.5, advances: [3.5, 3.5, 3.5, 20, 3.5, 3.5, 3.5, 3.5, 20, 3.5] },
              { text: "201 一般公共服务支出 1,234.56", x: 20, baseline: 52, size: 3.5, advances: [1.75, 1.75, 20, ...Array(9).fill(3.5), 20, 1.75, 1.75, 1.75, 1.75, 1.75, 1.75, 1.75] },
              { text: "专用章", x: 150, baseline: 250, size: 4, ctm: [0, 1, -1, 0, 0, 0] },
            ],
          },
        ],
        { templates: { "7": [{ text: "- 1 -", x: 100, baseline: 285, size: 3.5 }] }, stored: true },
      ),
    ".ofd",
    25,
  );
});
