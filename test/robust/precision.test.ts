import { describe, expect, it } from "vitest";
import { classifyAmountText, parseNumber } from "../../src/model/amount.js";
import { rowTotal } from "../../src/rules/row-total.js";
import { hierarchySum } from "../../src/rules/hierarchy-sum.js";
import { check } from "../helpers/docs.js";
import { classified } from "../helpers/tables.js";

// Issue 12, defect 10: arithmetic rounded at 20 significant digits gave false errors on 25-digit amounts.
describe("arithmetic is exact for amounts of up to 40 significant digits", () => {
  const BIG = "1234567890123456789012345"; // 25 digits
  const text = classified(7, `甲单位→→→${BIG}→${BIG.slice(0, -1)}0→5\n→206→科学技术支出→${BIG}→${BIG.slice(0, -1)}0→5`);

  it("a 25-digit total that equals its parts exactly is not an error", () => {
    expect(check(rowTotal, text)).toEqual([]);
    expect(check(hierarchySum, text)).toEqual([]);
  });

  it("and ten units off in the 24th digit is an error with the exact difference", () => {
    const off = classified(7, `甲单位→→→${BIG}→${BIG.slice(0, -2)}00→35`);
    const fs = check(rowTotal, off);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: "error", stated: BIG, computed: `${BIG.slice(0, -2)}35`, difference: "10" });
  });

  it("an amount of more than 40 significant digits is malformed, not rounded", () => {
    expect(parseNumber("1".repeat(40))?.value.toFixed()).toBe("1".repeat(40));
    expect(parseNumber("1".repeat(41))).toBeNull();
    expect(classifyAmountText("1".repeat(41))).toEqual({ kind: "malformed", reason: "too-many-digits" });
  });

  it("leading zeros, before or after the point, are not significant digits", () => {
    expect(parseNumber(`00000${"1".repeat(40)}`)?.value.toFixed()).toBe("1".repeat(40));
    expect(parseNumber(`0.${"0".repeat(12)}${"1".repeat(40)}`)?.decimals).toBe(52);
    expect(parseNumber(`0.${"0".repeat(12)}${"1".repeat(41)}`)).toBeNull();
    expect(parseNumber(`${"1".repeat(20)}.${"0".repeat(20)}`)?.decimals).toBe(20);
    expect(parseNumber(`${"1".repeat(20)}.${"0".repeat(21)}`)).toBeNull();
    expect(parseNumber("0.000")?.value.toFixed()).toBe("0");
  });
});
