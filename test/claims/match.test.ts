import { describe, expect, it } from "vitest";
import { matchProject, projectIndex } from "../../src/claims/match.js";
import type { ProjectClaim } from "../../src/claims/types.js";
import { makeAmount } from "../../src/model/amount.js";

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
