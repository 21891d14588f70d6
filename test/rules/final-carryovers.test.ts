import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * A 天津 bureau's 2024 部门决算 (a helper's consistent document, laid out as pdftotext writes it). Its 情况说明 states
 * the 年初 and 年末 结转和结余 (397.46 / 209.96 万元) and the 财政拨款's (215.00 / 38.64), which the 收入支出决算总表 and
 * the 财政拨款收入支出决算总表 print; its item statements name both the 年初预算 and the 调整预算.
 */
const FILE = "test/fixtures/final-tianjin/document.txt";
const text = readFileSync(join(ROOT, FILE), "utf8");
const errors = (t: string) => runRules(loadLayoutText("决算.txt", t), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a 决算's 年初 and 年末 结转和结余 in its text", () => {
  it("agree with the tables on the consistent document: no error", () => {
    expect(errors(text)).toEqual([]);
  });

  it("fails: a 年末结转和结余 typed 290.96 for 209.96 is an error at the text's figure", () => {
    const wrong = text.replace("年末结转和结余209.96万元", "年末结转和结余290.96万元");
    expect(wrong).not.toEqual(text);
    const line = wrong.split("\n").findIndex((l) => l.includes("290.96")) + 1;
    const f = errors(wrong).filter((x) => x.ruleId === "text-vs-table");
    expect(f.map((x) => [x.item, x.stated, x.computed, x.location.line])).toEqual([["年末结转和结余", "290.96", "209.96", line]]);
  });

  it("fails: a 年初财政拨款结转和结余 typed 251.00 for 215.00 is an error at the text's figure", () => {
    const wrong = text.replace("年初财政拨款结转和结余215.00万元", "年初财政拨款结转和结余251.00万元");
    expect(wrong).not.toEqual(text);
    const f = errors(wrong).filter((x) => x.ruleId === "text-vs-table");
    expect(f.map((x) => [x.item, x.stated, x.computed])).toEqual([["年初财政拨款结转和结余", "251", "215"]]);
  });

  it("fails: its 收入决算's 一般公共预算财政拨款收入 typed 10941.56 for 10914.56 is an error against the 收支总表's row", () => {
    const wrong = text.replace("一般公共预算财政拨款收入\n10914.56万元", "一般公共预算财政拨款收入\n10941.56万元");
    expect(wrong).not.toEqual(text);
    const f = errors(wrong).filter((x) => x.ruleId === "text-vs-table");
    expect(f.map((x) => [x.item, x.stated, x.computed])).toEqual([["一般公共预算财政拨款收入", "10941.56", "10914.56"]]);
  });

  it("fails: 收入总计 and 支出总计 stated apart, one typed wrong, is an error against the 收支总表's 总计", () => {
    // (The 天津 document words them 收、支总计 X; 河北's say 收入总计 X，支出总计 Y.)
    const apart = text.replace("2024年度收、支总计11436.55万元。", "2024年度收入总计11436.55万元，支出总计11436.55万元。");
    expect(apart).not.toEqual(text);
    expect(errors(apart)).toEqual([]);
    const f = errors(apart.replace("支出总计11436.55万元", "支出总计11463.55万元")).filter((x) => x.ruleId === "text-vs-table");
    expect(f.map((x) => [x.item, x.stated, x.computed])).toEqual([["支出总计", "11463.55", "11436.55"]]);
  });
});
