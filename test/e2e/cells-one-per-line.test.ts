import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson } from "../helpers/cli.js";

/*
 * A disclosure whose one table stands one cell a line (a web page's table copied as text, or a converter
 * that writes each cell as a paragraph), its text laid out as sentences: the 一般公共预算“三公”经费 page many
 * departments publish on its own. The table's rows are lost; read, its six figures landed in one column of
 * three rows and the text's every 三公 figure was called wrong. It is listed as not read, and the text's own
 * statements are still checked. The year is the title's, not the 比2023年预算 of a sentence.
 */
const TABLE = ["“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", "公务", "接待费", "小计", "公务用车购置费", "公务用车运行费", "212.6", "8", "64.6", "30", "34.6", "140"];
const page = (sentence: string) =>
  [
    "某市某区经济发展局2024年",
    "一般公共预算“三公”经费预算",
    "一、2024年一般公共预算“三公”经费支出预算表",
    "单位:万元",
    ...TABLE,
    "二、2024年一般公共预算“三公”经费支出预算情况说明",
    sentence,
    "(一)因公出国(境)费支出预算8万元, 与2023年预算持平。",
    "(二)公务用车购置及运行费支出预算64.6万元,比2023年预算减少5.4万元,下降7.71%。其中:公务用车运行费34.6万元,比2023年预算减少2.4万元,下降6.49%;公务用车购置费30万元,比2023年预算减少3万元,下降9.09%。",
    "(三)公务接待费支出预算140万元,比2023年预算减少10万元,下降6.67%。",
    "",
  ].join("\n");
const RIGHT = "某市某区经济发展局2024年一般公共预算“三公”经费支出预算为212.6万元,比2023年预算减少15.4万元,下降6.75%。其中:因公出国(境)费支出预算为8万元,公务接待费支出预算为140万元,公务用车购置及运行费支出预算为64.6万元。";

const dir = mkdtempSync(join(tmpdir(), "bc-one-cell-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, body: string) => {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
};

describe("a table printed one cell a line, in a document of sentences", () => {
  const file = write("sanggong.txt", page(RIGHT));

  it("is listed as not read, with why and its line, and no figure of it is judged", () => {
    const { status, report } = cliJson([file]);
    expect(status).toBe(0);
    const doc = report.documents[0];
    expect(doc.unknownTables).toEqual([{ title: "2024年一般公共预算“三公”经费支出预算表（每格一行，行列已失 one cell per line）", location: { file, line: 4 } }]);
    expect(doc.findings.filter((f: { severity: string }) => f.severity !== "info")).toEqual([]);
    expect(cli([file, "--no-color"]).stdout).toContain("not read, 1 table (no check sees their figures): 2024年一般公共预算“三公”经费支出预算表（每格一行，行列已失 one cell per line） (line 4)");
  });

  it("takes the year from the title, not from a sentence's 比2023年预算", () => {
    expect(cliJson([file]).report.documents[0].year).toBe(2024);
  });

  it("still checks the text's statements: a component and a percentage typed wrong are named", () => {
    const typo = write("typo.txt", page(RIGHT.replace("公务接待费支出预算为140万元", "公务接待费支出预算为150万元")).replace("下降7.71%", "下降8.71%"));
    const { status, report } = cliJson([typo]);
    expect(status).toBe(1);
    const errors = report.documents[0].findings.filter((f: { severity: string }) => f.severity === "error");
    const pct = errors.find((f: { ruleId: string }) => f.ruleId === "yoy-change");
    expect(pct).toMatchObject({ stated: "8.71", location: { file: typo, line: 22 } });
    expect(errors.some((f: { stated: string | null; location: { line: number } }) => f.stated === "150" && f.location.line === 20)).toBe(true);
  });
});
