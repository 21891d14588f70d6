import { describe, expect, it } from "vitest";
import { yearPlaces, yearStage } from "../../src/loaders/layout/year-stages.js";

/* Round 58: each label of a 三公 table of years tagged with its year and stage, and read into the row the checks mean. */
const places = (labels: string[], stage: "budget" | "final", budgetColumns = true) => yearPlaces(labels, stage, budgetColumns)?.map((p) => `${p.role}${p.prefix ? ` ${p.prefix}` : ""}`) ?? null;

describe("yearStage", () => {
  it("tags a label's year and stage", () => {
    expect(yearStage("2024年决算数")).toEqual({ year: 2024, stage: "final" });
    expect(yearStage("2025年度预算")).toEqual({ year: 2025, stage: "budget" });
    expect(yearStage("上年决算数")).toEqual({ year: -Infinity, stage: "final" });
    expect(yearStage("本年调整预算数")).toEqual({ year: Infinity, stage: "adjusted" });
    expect(yearStage("2025年")).toEqual({ year: 2025, stage: null });
    expect(yearStage("决算数")).toEqual({ year: null, stage: "final" });
    expect(yearStage("年初数")).toBeNull();
    expect(yearStage("合计")).toBeNull();
  });
});

describe("yearPlaces", () => {
  it("a 预算's years: this year's and last year's budget, the change", () => {
    expect(places(["2024年预算数", "2025年预算数", "增减额", "增减率（%）"], "budget")).toEqual(["previous-year", "current-year", "change", "percent"]);
  });
  it("a 决算's years and stages: this year's 决算 its own, this year's 预算 its budget- cells, last year's 决算 last year's", () => {
    expect(places(["2023年决算数", "2024年预算数", "2024年决算数"], "final")).toEqual(["previous-year", "current-year budget-", "current-year"]);
    expect(places(["上年决算数", "本年预算数", "本年决算数", "增减额"], "budget")).toEqual(["previous-year", "current-year budget-", "current-year", "change"]);
    expect(places(["2024年预算数", "2024年决算数"], "final")).toEqual(["current-year budget-", "current-year"]);
  });
  it("a 预算's last year's 决算 is no last year's budget", () => {
    expect(places(["2024年决算数", "2025年预算数"], "budget")).toEqual(["previous-final", "current-year"]);
  });
  it("no table of years: no year printed, three years, two of one place, no figure of this year's own stage, no budget- columns", () => {
    expect(places(["预算数", "决算数"], "final")).toBeNull();
    expect(places(["2022年决算数", "2023年决算数", "2024年决算数"], "final")).toBeNull();
    expect(places(["2024年预算数", "2024年调整预算数", "2024年决算数"], "final")).toBeNull();
    expect(places(["2023年决算数", "2024年预算数"], "final")).toBeNull();
    expect(places(["2023年决算数", "2024年预算数", "2024年决算数"], "final", false)).toBeNull();
  });
});
