import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A converter that reads a PDF by its text lines writes a table cell whose text took two lines in its box as two
 * rows: the row with its figures and the text's first part, then a line with the tail alone under its column, every
 * other cell blank (2. 政府性基金预算拨款 | 0 | 其他科技条件 | 81 / | | 与服务支出 |). Before round 59 the seed so written
 * gave 31 errors and 17 warnings where it gives 6 and 4: names cut (a 科目名称 of a 收支总表 that no table by code
 * prints, 14 item-code warnings), the tails of budget units' names (a line of one cell) dropped, so that each
 * table's units had other names (T3's 深圳市科学技 against T7's: 19 "T7 has no such row" errors).
 */
const dir = tempDir("wrapped-tails");
const seedText = readFileSync(join(ROOT, SEED), "utf8");
const AMOUNT = /^\s*-?[\d,]+(\.\d+)?\s*$/;

/**
 * The seed with every table cell of `long` characters or more, in a row with figures, wrapped after `width`
 * characters: the tail on the next line, under its column (a cell beginning with a digit is left whole: cut, its
 * head would read as a figure). Not the 绩效指标 rows after 表12's 金额合计: they stand under the tasks' amount
 * columns, where a tail is not looked for.
 */
function wrapped(text: string, long: number, width: number): { text: string; tails: number } {
  const out: string[] = [];
  let tables = false;
  let indicators = false;
  let tails = 0;
  for (const l of text.split("\n")) {
    out.push(l);
    if (/^表\s*\d+\s*$/.test(l)) [tables, indicators] = [true, false];
    if (!tables || !l.includes("\t")) continue;
    const cells = l.split("\t");
    if (/^(金额合计|合计)$/.test(cells.find((c) => c.trim())?.trim() ?? "")) indicators = true;
    if (indicators || !cells.some((c) => AMOUNT.test(c))) continue;
    const tail = cells.map(() => "");
    for (let i = 0; i < cells.length; i++) {
      const chars = [...cells[i].trim()];
      if (chars.length < long || !/[\u4e00-\u9fff]/.test(chars[0])) continue;
      cells[i] = chars.slice(0, width).join("");
      tail[i] = chars.slice(width).join("");
    }
    if (tail.every((t) => !t)) continue;
    tails++;
    out[out.length - 1] = cells.join("\t");
    out.push(tail.join("\t"));
  }
  return { text: out.join("\n"), tails };
}

type Finding = { severity: string; ruleId: string; message: string };
type Doc = { failure: unknown; tables: { id: string; rows: number }[]; findings: Finding[] };
/** Every finding (rounding notes too), by its words: the same rules on the same figures (not on the same lines). */
const said = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.message.replace(/\S+\.md:\d+(:\d+)?/g, "FILE")}`).sort();

describe("table cells wrapped onto a line of their own", () => {
  it.each([
    [9, 6],
    [7, 4],
    [4, 3],
  ])("the seed with its cells of %i characters or more wrapped after %i: its tables and rows, every finding", (long, width) => {
    const variant = wrapped(seedText, long, width);
    expect(variant.tails).toBeGreaterThan(90);
    const { doc, seedDoc } = readLikeSeed(join(dir, `seed-${long}-${width}.md`), variant.text);
    expect(said(doc.findings as Finding[])).toEqual(said(seedDoc.findings as Finding[]));
  });

  it("blank cells for zeros and wrapped cells at once: read as the same document with its cells whole", () => {
    // Every 0 printed blank (blank cells mean zero): lines of words without figures that are rows (上年结余、结转 | |
    // 结转下年 |, a unit with nothing in 表10) beside the tails.
    const blanks = seedText
      .split("\n")
      .map((l) => (l.includes("\t") ? l.split("\t").map((c) => (/^\s*0\s*$/.test(c) ? "" : c)).join("\t") : l))
      .join("\n");
    const variant = wrapped(blanks, 9, 6);
    const whole = cliJson([writeTo("blanks.md", blanks)]).report.documents[0] as Doc;
    const read = cliJson([writeTo("blanks-wrapped.md", variant.text)]).report.documents[0] as Doc;
    expect(read.failure).toBeNull();
    expect(read.tables.map((t) => `${t.id} ${t.rows}`)).toEqual(whole.tables.map((t) => `${t.id} ${t.rows}`));
    expect(said(read.findings)).toEqual(said(whole.findings));
  });
});

/** The text written to a file of the test's folder: its path. */
function writeTo(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
