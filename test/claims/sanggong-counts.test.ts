import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE } from "../helpers/final.js";
import { textDoc } from "../helpers/text.js";

/*
 * The counts a “三公” statement states (src/claims/counts.ts), as a 决算's 三公 table prints them under its 统计数: read in a
 * part no province's reader knows (the generic reader) and in a 决算's 情况说明.
 */
const show = (claims: ReturnType<typeof claimsOf>["claims"]) =>
  claims.flatMap((c) => (c.kind === "sanggong-count" ? [`${c.item} ${c.count.text}${c.atLeast ? " (at least)" : ""}`] : []));
const generic = (text: string) => show(claimsOf(textDoc(`## 第九部分 某局“三公”经费情况说明\n${text}`)).claims);
const final = (text: string) =>
  show(claimsOf(loadLayoutText("final.txt", [...FINAL_FUNCTION_TABLE, "第三部分 某局2024年度部门决算情况说明", text].join("\n"), { template: shanghaiFinal })).claims);

describe("the 三公's counts in the text", () => {
  it("reads 团组 and 人次, 购置 and 保有量, 国内 and 外事 接待 批次 and 人次, as the national template words them", () => {
    expect(
      final(
        "  1.因公出国（境）费支出12.36万元，全年安排因公出国（境）团组2个，累计7人次。2.公务用车购置费28.50万元，本年度使用一般公共预算财政拨款购置公务用车1辆；截至2024年12月31日，使用一般公共预算财政拨款开支的公务用车保有量为31辆。3.国内公务接待68批次，512人次（不包括陪同人员）。外事接待0批次、0人次。",
      ),
    ).toEqual(["abroad-groups 2", "abroad-people 7", "vehicles-bought 1", "vehicles-held 31", "reception-batches 68", "reception-people 512", "reception-foreign-guests-batches 0", "reception-foreign-guests-people 0"]);
  });

  it("reads other wordings: 批次为 N 个，接待人次为 M 人 · 共 N 批次（其中外事…），M 人次 · 共计 N 个团组 · 公务用车购置数 N 辆", () => {
    expect(generic("国内公务接待批次为520个，接待人次为4200人。")).toEqual(["reception-batches 520", "reception-people 4200"]);
    expect(generic("国内公务接待共30批次（其中外事接待26批次），579人次。")).toEqual(["reception-batches 30", "reception-people 579"]);
    expect(generic("因公出国（境）共计3个团组，12人次；公务用车购置数2辆。")).toEqual(["abroad-groups 3", "abroad-people 12", "vehicles-bought 2"]);
    expect(generic("国（境）外公务接待2批次，15人次。")).toEqual(["reception-foreign-batches 2", "reception-foreign-people 15"]);
  });

  it("公务接待 N 批次 not said to be 国内 or 国（境）外: at least the 国内 count", () => {
    expect(generic("全年公务接待75批次，1070人次。")).toEqual(["reception-batches 75 (at least)", "reception-people 1070 (at least)"]);
  });

  it("does not read a plan, a budget or another year's count, a vehicle bought with other money, one not said to be official, or 国内 without its 外事", () => {
    expect(generic("年初预算安排购置公务用车3辆，实际未购置。")).toEqual([]);
    expect(generic("上年公务用车保有量为33辆。")).toEqual([]);
    expect(generic("本年使用单位自有资金购置公务用车1辆。")).toEqual([]);
    expect(generic("本年度更新购置救助专用车辆1辆。")).toEqual([]);
    expect(generic("国内公务接待60批次（不含外事接待），400人次。")).toEqual([]);
    // (A change of a count is no count: 团组较上年增加1个.)
    expect(generic("主要原因是因公出国（境）团组较上年增加1个。")).toEqual([]);
  });
});

/*
 * Round 57: the receptions said by the groups received (共接待国内来访团组26批次, 接待来访团组12批次，160人次) were not read, so a
 * table's 批次 mistyped went unseen beside a text that states it. Read in a 公务接待 statement only (the last 三公 kind its
 * paragraph names before them is 公务接待): a department's work received in groups is no count of the table's.
 */
describe("the receptions said by the groups received (接待来访团组 N 批次)", () => {
  it("in a 公务接待 statement: 国内来访团组 → the 国内 count; 来访团组 without 国内 → at least it; 外宾团组 → 外事's", () => {
    expect(generic("公务接待费支出决算为3.84万元，完成预算的64.00%，主要用于接待上级部门检查指导工作，共接待国内来访团组26批次，230人次。")).toEqual([
      "reception-batches 26",
      "reception-people 230",
    ]);
    expect(generic("公务接待费3.84万元，主要用于业务交流，全年接待来访团组12批次，160人次。")).toEqual(["reception-batches 12 (at least)", "reception-people 160 (at least)"]);
    expect(generic("公务接待费3.84万元。国内公务接待团组15个。")).toEqual(["reception-batches 15"]);
    expect(generic("公务接待费1.20万元，其中接待外宾团组3个，累计21人次。")).toEqual(["reception-foreign-guests-batches 3", "reception-foreign-guests-people 21"]);
    expect(
      final("  3.公务接待费支出决算为3.84万元，完成预算的64.00%。主要用于执行公务、开展业务活动开支的交通费、住宿费、用餐费等。共接待国内来访团组26批次，230人次。"),
    ).toEqual(["reception-batches 26", "reception-people 230"]);
  });

  it("not outside a 公务接待 statement, nor another place's groups, nor a plan", () => {
    // (The department's work: no 三公 kind named before.)
    expect(generic("全年共接待国内来访团组26批次，230人次，宣传推介本市林业发展成果。")).toEqual([]);
    // (The last kind named before is another's: 会议费.)
    expect(generic("公务接待费3.84万元；会议费5.00万元，召开会议4个，接待来访团组6批次。")).toEqual([]);
    // (境外 · 港澳台 groups: the form's 外事 or 国（境）外 kind not said.)
    expect(generic("公务接待费3.84万元，接待境外来访团组2批次。")).toEqual([]);
    expect(generic("公务接待费3.84万元，计划接待来访团组10批次。")).toEqual([]);
  });
});
