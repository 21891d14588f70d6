import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { Decimal } from "decimal.js";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Amount } from "../../src/model/amount.js";
import { ROOT, SEED, SEED_CSV } from "../helpers/cli.js";
import { reconciledAmounts, runInProcess, wellBehaved, type Run } from "../helpers/fuzz.js";
import { tempDir } from "../helpers/tmp.js";

/**
 * Issue 12: the fixture's text, CSV and workbook forms mutated at random — bytes, lines, cells, amounts.
 * Whatever the mutation: exit status 0, 1 or 2, no stack trace, a report valid against the schema. And a
 * mutation that changes a figure the tables or the text reconcile (beyond every tolerance, or into a
 * malformed number) never exits 0: the checker must not be made to pass by breaking its input.
 *
 * The clean seed (its text's six wrong percentages left unchecked: yoy-change off) exits 0 in every
 * form. CI runs a few hundred cases from a fixed seed; `npm run fuzz` (FUZZ_SCALE=15) runs thousands of new
 * ones. A failing case is printed by fast-check with its seed and path, to replay it: FUZZ_SEED=<seed>.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
// The suite (CI, `npm test`) runs a fixed sample so that a red build always means a change broke something
// and can be replayed as it is; `npm run fuzz` (FUZZ_SCALE set) draws new cases on every run to find new
// defects, each of which becomes a named regression test (test/robust/malformed-amount.test.ts has one).
const FIXED_SEED = 20261201;
const SEED_OPT = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : process.env.FUZZ_SCALE ? {} : { seed: FIXED_SEED };
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)), ...SEED_OPT });
const CLEAN = ["--rule", "yoy-change=off", "--format", "json"];
const XLSX = "fixtures/shenzhen-sast-2023/workbook.xlsx";
// A mutation that breaks an identity runs the diagnosis (a MILP solve per case): on a loaded 2-core CI
// machine a property of 25–30 such cases can take minutes, which is not a failure of the property.
const TIMEOUT = 300_000 * Math.max(1, SCALE);

const MALFORMED = ["9,7244", "9,72,4", "1,2,3", "12.3.4", "1e400", "NaN", "0x369", "Infinity", "1..2", "--5,0"];
/** Texts a careless or hostile hand puts in a cell. */
const CELL_TEXT = fc.oneof(
  fc.constantFrom("", "-", "—", "/", "0", "-0", "(3)", "1e5", "NaN", "９,７２４", "1, 197", "\u001b[2J", "=SUM(A1:A9)", "表 3", "合计", "单位：元", "\t", '"', "a,b"),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1e9, max: 1e12 }).map(String),
);

/** A printed amount moved by k·10⁴ units of its last digit: beyond the tolerance of any sum it is part of. */
function moved(a: Amount, k: number): string {
  return a.value.plus(new Decimal(k).times(new Decimal(10).pow(4 - a.decimals))).toFixed(a.decimals);
}

/** Replaces the printed text of an amount on its line (its location's 1-based character column), or null. */
function replaceAt(line: string, column: number, text: string, by: string): string | null {
  const chars = [...line];
  const from = chars.slice(column - 1).join("").indexOf(text);
  if (from < 0 || from > 3) return null;
  return chars.slice(0, column - 1).join("") + chars.slice(column - 1).join("").slice(0, from) + by + chars.slice(column - 1).join("").slice(from + text.length);
}

function assertWellBehaved(r: Run, what: string): void {
  const problem = wellBehaved(r);
  if (problem) throw new Error(`${what}: ${problem}`);
}

function assertFails(r: Run, what: string): void {
  assertWellBehaved(r, what);
  if (r.status === 0) throw new Error(`${what}: exit 0 — a changed figure passed the check`);
}

const csvField = (s: string) => (/[",\n\r]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe("property: no mutation of the fixture crashes the checker or makes a changed figure pass", () => {
  const tmp = tempDir("fuzz");
  const seedText = readFileSync(join(ROOT, SEED), "utf8");
  const seedBytes = readFileSync(join(ROOT, SEED));
  let textAmounts: Amount[] = [];
  let tableAmounts: Amount[] = [];
  let csvAmounts: Amount[] = [];
  let xlsxAmounts: Amount[] = [];
  const off = { severities: { "yoy-change": "off" as const } };

  beforeAll(async () => {
    const all = await reconciledAmounts({ path: SEED, kind: "markdown" }, off);
    textAmounts = all;
    tableAmounts = all.filter((a) => a.location.line && seedText.split("\n")[a.location.line - 1].includes("\t"));
    csvAmounts = await reconciledAmounts({ path: SEED_CSV, kind: "csv" }, off);
    xlsxAmounts = await reconciledAmounts({ path: XLSX, kind: "xlsx" }, off);
  }, TIMEOUT);

  it("the clean seed exits 0 in each form (the baseline the figure properties need)", async () => {
    for (const input of [SEED, SEED_CSV, XLSX]) expect((await runInProcess([input, ...CLEAN])).status).toBe(0);
    expect(textAmounts.length).toBeGreaterThan(500);
    expect(tableAmounts.length).toBeGreaterThan(400);
    expect(csvAmounts.length).toBeGreaterThan(400);
    expect(xlsxAmounts.length).toBeGreaterThan(400);
  }, TIMEOUT);

  describe("the text form", () => {
    const file = () => join(tmp, "doc.md");
    const withLines = async (lines: string[]) => {
      writeFileSync(file(), lines.join("\n"));
      return runInProcess([file(), ...CLEAN]);
    };

    it("a reconciled figure (table or text) moved beyond every tolerance never exits 0", async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 99 }), async (i, k) => {
          const a = textAmounts[i % textAmounts.length];
          const lines = seedText.split("\n");
          const changed = replaceAt(lines[a.location.line! - 1], a.location.column!, a.text, moved(a, k));
          fc.pre(changed !== null);
          lines[a.location.line! - 1] = changed!;
          assertFails(await withLines(lines), `${a.location.line}:${a.location.column} ${a.text} → ${moved(a, k)}`);
        }),
        runs(30),
      );
    }, TIMEOUT);

    it("a table amount made malformed never exits 0", async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.constantFrom(...MALFORMED), async (i, bad) => {
          const a = tableAmounts[i % tableAmounts.length];
          const lines = seedText.split("\n");
          const changed = replaceAt(lines[a.location.line! - 1], a.location.column!, a.text, bad);
          fc.pre(changed !== null);
          lines[a.location.line! - 1] = changed!;
          assertFails(await withLines(lines), `${a.location.line}:${a.location.column} ${a.text} → ${bad}`);
        }),
        runs(15),
      );
    }, TIMEOUT);

    it("bytes inserted, deleted or changed anywhere: well behaved", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom("set", "insert", "delete"), fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), async (ops) => {
          let b = Buffer.from(seedBytes);
          for (const [op, at, v] of ops) {
            const p = at % b.length;
            if (op === "set") b[p] = v;
            else if (op === "insert") b = Buffer.concat([b.subarray(0, p), Buffer.from([v]), b.subarray(p)]);
            else b = Buffer.concat([b.subarray(0, p), b.subarray(p + 1)]);
          }
          writeFileSync(file(), b);
          assertWellBehaved(await runInProcess([file(), ...CLEAN]), JSON.stringify(ops));
        }),
        runs(30),
      );
    }, TIMEOUT);

    it("lines deleted, duplicated or swapped: well behaved", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom("delete", "duplicate", "swap"), fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }), async (ops) => {
          const lines = seedText.split("\n");
          for (const [op, x, y] of ops) {
            const [i, j] = [x % lines.length, y % lines.length];
            if (op === "delete") lines.splice(i, 1);
            else if (op === "duplicate") lines.splice(i, 0, lines[i]);
            else [lines[i], lines[j]] = [lines[j], lines[i]];
          }
          assertWellBehaved(await withLines(lines), JSON.stringify(ops));
        }),
        runs(25),
      );
    }, TIMEOUT);

    it("a cell of a table row replaced by any text: well behaved", async () => {
      const rows = seedText.split("\n").map((l, i) => [l, i] as const).filter(([l]) => l.includes("\t")).map(([, i]) => i);
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), CELL_TEXT, async (r, c, text) => {
          const lines = seedText.split("\n");
          const i = rows[r % rows.length];
          const cells = lines[i].split("\t");
          cells[c % cells.length] = text;
          lines[i] = cells.join("\t");
          assertWellBehaved(await withLines(lines), `line ${i + 1} cell ${c % cells.length} → ${JSON.stringify(text)}`);
        }),
        runs(25),
      );
    }, TIMEOUT);
  });

  describe("the CSV form", () => {
    const pkg = join(tmp, "csv");
    beforeAll(() => cpSync(join(ROOT, SEED_CSV), pkg, { recursive: true }));
    const withFile = async (name: string, content: string | Buffer) => {
      const path = join(pkg, name);
      const before = readFileSync(path);
      writeFileSync(path, content);
      try {
        return await runInProcess([pkg, ...CLEAN]);
      } finally {
        writeFileSync(path, before);
      }
    };

    it("a reconciled figure moved beyond every tolerance, or made malformed, never exits 0", async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 99 }), fc.option(fc.constantFrom(...MALFORMED), { nil: undefined }), async (i, k, bad) => {
          const a = csvAmounts[i % csvAmounts.length];
          const name = a.location.file.split("/").pop()!;
          const text = readFileSync(join(pkg, name), "utf8");
          const lines = text.split("\n");
          const li = a.location.line! - 1;
          if (name.endsWith(".csv")) {
            const [record] = parse(lines[li], { relax_column_count: true, relax_quotes: true }) as string[][];
            fc.pre(record[a.location.column! - 1]?.trim() === a.text);
            record[a.location.column! - 1] = bad ?? moved(a, k);
            lines[li] = record.map(csvField).join(",");
          } else {
            fc.pre(bad === undefined);
            const changed = replaceAt(lines[li], a.location.column!, a.text, moved(a, k));
            fc.pre(changed !== null);
            lines[li] = changed!;
          }
          assertFails(await withFile(name, lines.join("\n")), `${name}:${a.location.line}:${a.location.column} ${a.text} → ${bad ?? moved(a, k)}`);
        }),
        runs(20),
      );
    }, TIMEOUT);

    it("bytes of one CSV changed, or a field replaced by any text: well behaved", async () => {
      const names = ["表1.csv", "表3.csv", "表7.csv", "表8.csv", "表9.csv", "表12.csv", "document.md"];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat(), CELL_TEXT, fc.boolean(), async (name, at, v, field, text, bytes) => {
          const original = readFileSync(join(ROOT, SEED_CSV, name));
          let content: Buffer | string;
          if (bytes || name.endsWith(".md")) {
            content = Buffer.from(original);
            content[at % content.length] = v;
          } else {
            const lines = original.toString("utf8").split("\n");
            const li = at % lines.length;
            const record = (parse(lines[li], { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [""];
            record[field % record.length] = text;
            lines[li] = record.map(csvField).join(",");
            content = lines.join("\n");
          }
          assertWellBehaved(await withFile(name, content), `${name} ${bytes ? `byte ${at} → ${v}` : `field ${field} → ${JSON.stringify(text)}`}`);
        }),
        runs(20),
      );
    }, TIMEOUT);
  });

  describe("the workbook form", () => {
    let wb: ExcelJS.Workbook;
    const file = () => join(tmp, "wb.xlsx");
    beforeAll(async () => {
      wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(ROOT, XLSX));
    }, TIMEOUT);

    it("a reconciled figure moved beyond every tolerance never exits 0", async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 99 }), async (i, k) => {
          const a = xlsxAmounts[i % xlsxAmounts.length];
          const cell = wb.getWorksheet(a.location.sheet!)!.getCell(a.location.cell!);
          const before = cell.value;
          if (typeof before === "string") {
            // A line of the written parts (one per row): the figure is inside the sentence.
            fc.pre(before.split(a.text).length === 2);
            cell.value = before.replace(a.text, moved(a, k));
          } else cell.value = Number(moved(a, k));
          try {
            writeFileSync(file(), new Uint8Array(await wb.xlsx.writeBuffer()));
          } finally {
            cell.value = before;
          }
          assertFails(await runInProcess([file(), ...CLEAN]), `${a.location.sheet}!${a.location.cell} ${a.text} → ${moved(a, k)}`);
        }),
        runs(5),
      );
    }, TIMEOUT);

    it("bytes of the .xlsx changed: well behaved", async () => {
      const original = readFileSync(join(ROOT, XLSX));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }), async (ops) => {
          const b = Buffer.from(original);
          for (const [at, v] of ops) b[at % b.length] = v;
          writeFileSync(file(), b);
          assertWellBehaved(await runInProcess([file(), ...CLEAN]), JSON.stringify(ops));
        }),
        runs(10),
      );
    }, TIMEOUT);
  });
});
