import { describe, expect, it } from "vitest";
import { matchProject, projectIndex } from "../../src/claims/match.js";
import type { ProjectClaim } from "../../src/claims/types.js";
import { inUnit, makeAmount } from "../../src/model/amount.js";

const at = { file: "t.md", line: 1 };
const amount = (s: string) => makeAmount(s, at)!;
const project = (unit: string, name: string, figure: string, number = 1): ProjectClaim => ({ kind: "project", unit, number, name, amount: amount(figure), restated: [], items: [], change: null });

/* 第七部分 and 表12 name a project of 第三部分 in their own words: the same base name, maybe with its unit. */
describe("matchProject: the project of 第三部分 a name printed elsewhere stands for", () => {
  const list = [
    project("深圳市科学技术协会(本级)", "信息化运维项目", "120", 1),
    project("深圳市科学馆", "信息化运维项目", "80", 2),
    project("深圳市科学技术协会(本级)", "科普能力提升项目", "504", 3),
    project("深圳市科学馆", "展览维护项目（科学馆）", "60", 4),
  ];

  it("takes the only project with that base name, whatever its spacing or brackets", () => {
    expect(matchProject(list, "科普能力提升项目", null)).toBe(list[2]);
    expect(matchProject(list, "科普能力 提升项目（市科协本级）", null)).toBe(list[2]);
    expect(matchProject(list, "学术交流项目", amount("504"))).toBeNull();
    // The base is the name without its parenthesised qualifiers, on both sides.
    expect(matchProject(list, "展览维护项目", null)).toBe(list[3]);
  });

  it("among projects of the same name, takes the one whose unit a qualifier names", () => {
    expect(matchProject(list, "信息化运维项目（市科学馆）", amount("120"))).toBe(list[1]);
    expect(matchProject(list, "信息化运维项目（市科学技术协会本级）", amount("80"))).toBe(list[0]);
  });

  it("without a qualifier, takes the one whose amount is nearest the other listing's, and none without an amount", () => {
    expect(matchProject(list, "信息化运维项目", amount("85"))).toBe(list[1]);
    expect(matchProject(list, "信息化运维项目", amount("118"))).toBe(list[0]);
    expect(matchProject(list, "信息化运维项目", null)).toBeNull();
  });

  it("compares the amounts exactly, whatever their decimals or unit, and takes the first of two as near", () => {
    const [a, b] = [project("深圳市科学技术协会(本级)", "会议项目", "80.5", 1), project("深圳市科学馆", "会议项目", "120", 2)];
    // 100.25 lies 19.75 from each: the first listed; a hundredth either way decides.
    expect(matchProject([a, b], "会议项目", amount("100.25"))).toBe(a);
    expect(matchProject([b, a], "会议项目", amount("100.25"))).toBe(b);
    expect(matchProject([b, a], "会议项目", amount("100.24"))).toBe(a);
    expect(matchProject([a, b], "会议项目", amount("100.26"))).toBe(b);
    // A figure of the text printed in 元, held in 万元 (four more decimals).
    expect(matchProject([a, b], "会议项目", inUnit(amount("1,002,501"), "元", "万元"))).toBe(b);
    expect(matchProject([a, b], "会议项目", inUnit(amount("1,002,499"), "元", "万元"))).toBe(a);
  });

  it("answers from the list it is given (another document's list with the same names is another list)", () => {
    const other = [project("深圳市科学馆", "信息化运维项目", "80")];
    expect(matchProject(other, "信息化运维项目", amount("120"))).toBe(other[0]);
    expect(matchProject(list, "信息化运维项目", amount("120"))).toBe(list[0]);
  });

  it("gives the same answers from an index of the list made once (as a rule matching many names does)", () => {
    const index = projectIndex(list);
    expect([...index.keys()]).toEqual(["信息化运维项目", "科普能力提升项目", "展览维护项目"]);
    expect(index.get("信息化运维项目")).toEqual([list[0], list[1]]);
    for (const [name, figure] of [["信息化运维项目（市科学馆）", "120"], ["信息化运维项目", "118"], ["科普能力提升项目", null], ["学术交流项目", "504"]] as const)
      expect(matchProject(list, name, figure ? amount(figure) : null, index)).toBe(matchProject(list, name, figure ? amount(figure) : null));
  });
});
