import { describe, expect, it } from "vitest";
import { claimsOfKind } from "../../src/claims/index.js";
import { textSum } from "../../src/rules/text-sum.js";
import { checkText, textDoc } from "../helpers/text.js";

/*
 * The funding box of a project's performance form (src/claims/project-funds.ts), as Shanghai's 财政项目支出绩效目标填报表
 * and the central departments' 项目绩效目标表 print it, and text-sum on it: each total is the sum of its sources.
 */
const shanghai = (allocation: string, yearTotal = "10,903,043.00") => `# 2023年万里街道部门预算
## 第五部分 项目经费情况说明
      项目名称       公共服务设施运行经费                  项目性质           经常性项目 项目类别            其他运转类
  计划开始日期                 2023-01-01          计划完成日期                      2023-12-31
               项目资金总额                       10,903,043.00 年度资金申请总额                ${yearTotal}
                                                                其中：当年财政拨款             ${allocation}
      项目资金
               其中：财政资金                      10,903,043.00
       （元）
                                                                上年结转资金                         0.00
               其他资金                                    0.00 其他资金                           0.00
                        项目总目标                                      年度总体目标
`;
// The box cut by a cell's word taken for a heading (分值), its 其他资金 blank (-).
const central = (carryover: string) => `# 2026 年国家某局部门预算
## 第五部分 信息化运行维护绩效目标表
    项目名称                       信息化运行维护
            年度资金总额：                    2,134.87
                其中：财政拨款                1,384.87               执行率
    项目资金
## 第六部分 分值
    （万元）              上年结转              ${carryover}                （10）
                      其他资金                                -
    1.加强对信访信息系统应用工作的指导和部署。
`;

const read = (text: string) =>
  claimsOfKind(textDoc(text), "project-funds").map((c) => `${c.project} ${c.label} ${c.total.text}@${c.total.location.line} = ${c.parts.map((p) => `${p.label} ${p.amount.text}@${p.amount.location.line}`).join(" + ")}`);

describe("a project form's funding box", () => {
  it("Shanghai's: 项目资金总额 = 财政资金 + 其他资金 on the left, 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 on the right", () => {
    expect(read(shanghai("10,903,043.00"))).toEqual([
      "公共服务设施运行经费 项目资金总额 10,903,043.00@5 = 财政资金 10,903,043.00@8 + 其他资金 0.00@11",
      "公共服务设施运行经费 年度资金申请总额 10,903,043.00@5 = 当年财政拨款 10,903,043.00@6 + 上年结转资金 0.00@10 + 其他资金 0.00@11",
    ]);
  });

  it("the central departments': 年度资金总额 = 财政拨款 + 上年结转 + 其他资金, across a part the form was cut into, a blank (-) left out", () => {
    expect(read(central("750.00"))).toEqual(["信息化运行维护 年度资金总额 2,134.87@4 = 财政拨款 1,384.87@5 + 上年结转 750.00@8"]);
  });

  it("a form without a 上年结转 row (an older central form): 年度资金总额 = 财政拨款 + 其他资金", () => {
    const older = central("750.00").replace(/.*上年结转.*\n/, "    （万元）\n").replace("其他资金                                -", "其他资金   750.00");
    expect(read(older)).toEqual(["信息化运行维护 年度资金总额 2,134.87@4 = 财政拨款 1,384.87@5 + 其他资金 750.00@9"]);
  });

  it("a source missing or printed twice: no sum for its total", () => {
    // No 财政资金: the left box is not read; the right one is.
    expect(read(shanghai("10,903,043.00").replace(/其中：财政资金 +10,903,043\.00/, ""))).toEqual([
      "公共服务设施运行经费 年度资金申请总额 10,903,043.00@5 = 当年财政拨款 10,903,043.00@6 + 上年结转资金 0.00@10 + 其他资金 0.00@11",
    ]);
    // Its 上年结转资金 row printed without a figure: the right box is not read.
    expect(read(shanghai("10,903,043.00").replace(/上年结转资金 +0\.00/, "上年结转资金"))).toEqual(["公共服务设施运行经费 项目资金总额 10,903,043.00@5 = 财政资金 10,903,043.00@8 + 其他资金 0.00@11"]);
    // 财政拨款 twice in the central box: not known which is the source.
    expect(read(central("750.00").replace("执行率", "财政拨款 3.00"))).toEqual([]);
  });
});

describe("text-sum on a project form's funding", () => {
  it("passes: each total is the sum of its sources", () => {
    expect(checkText(textSum, shanghai("10,903,043.00"))).toEqual([]);
    expect(checkText(textSum, central("750.00"))).toEqual([]);
  });

  it("fails: 万里街道 2023's 公共服务设施运行经费 prints 年度资金申请总额 10,903,043.00 over 当年财政拨款 11,419,043.00 + 0.00 + 0.00", () => {
    const fs = checkText(textSum, shanghai("11,419,043.00"));
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed, f.location.line])).toEqual([["error", "公共服务设施运行经费 年度资金申请总额", "10903043", "11419043", 5]]);
    const [f] = checkText(textSum, central("705.00"));
    expect([f.severity, f.item, f.stated, f.computed, f.location.line]).toEqual(["error", "信息化运行维护 年度资金总额", "2134.87", "2089.87", 4]);
  });
});
