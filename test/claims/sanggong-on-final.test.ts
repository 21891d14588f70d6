import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { ROOT } from "../helpers/cli.js";
import { textDoc } from "../helpers/text.js";

/*
 * Round 59: a 预算's “三公” figure with its change on last year's 决算 (src/claims/sanggong-on-final.ts), which text-vs-table
 * compares with the 三公 table's last year's 决算 (its `previous-final` row); and its 三公 figures, read in a paragraph
 * whose only 决算 is the one it compares with.
 */
type Claims = ReturnType<typeof claimsOf>["claims"];
const onFinal = (claims: Claims) =>
  claims.flatMap((c) => (c.kind === "sanggong-on-final" ? [`${c.component} ${c.amount.text} ${c.change.kind} ${c.change.amount?.text}${c.change.year ? ` ${c.change.year}` : ""}`] : []));
const figures = (claims: Claims) => claims.flatMap((c) => (c.kind === "sanggong" ? [`${c.component} ${c.amount.text}`] : []));
const budget = (text: string) => claimsOf(textDoc(`## 第九部分 某局“三公”经费情况说明\n${text}`)).claims;

describe("a 预算's 三公 change on last year's 决算", () => {
  it("reads the 三公 and each kind's, the change on last year's budget perhaps between", () => {
    const claims = budget(
      "2025年“三公”经费预算数为62.00万元，比上年预算增加18.00万元，比上年决算增加22.95万元。其中：因公出国（境）费3.00万元，比上年决算减少1.12万元；公务用车购置及运行费54.00万元，较上年决算数增加24.35万元，其中：公务用车购置费26.00万元，公务用车运行费28.00万元；公务接待费5.00万元，比2024年度决算减少0.28万元。",
    );
    expect(onFinal(claims)).toEqual(["total 62.00 increase 22.95", "abroad 3.00 decrease 1.12", "vehicle 54.00 increase 24.35", "reception 5.00 decrease 0.28 2024"]);
    // (The paragraph's own figures are this budget's: read, the compared clauses left.)
    expect(figures(claims)).toEqual(["total 62.00", "abroad 3.00", "vehicle 54.00", "vehicle-purchase 26.00", "vehicle-operation 28.00", "reception 5.00"]);
  });

  it("does not read a change on last year's budget, nor a fund's own 三公", () => {
    expect(onFinal(budget("“三公”经费预算数为62.00万元，比上年预算增加18.00万元。"))).toEqual([]);
    expect(onFinal(budget("政府性基金预算安排的“三公”经费预算数为6.00万元，比上年决算增加1.00万元。"))).toEqual([]);
  });

  it("a paragraph naming another 决算 than the one it compares with is still not read for its figures", () => {
    expect(figures(budget("2024年决算“三公”经费支出39.05万元；2025年“三公”经费预算数为62.00万元。"))).toEqual([]);
  });

  it("is a 预算's: a 决算's text is not read so", () => {
    const file = join(ROOT, "test", "fixtures", "sanggong-across-counts", "final.txt");
    expect(onFinal(claimsOf(loadLayoutText(file, readFileSync(file, "utf8"))).claims)).toEqual([]);
  });
});
