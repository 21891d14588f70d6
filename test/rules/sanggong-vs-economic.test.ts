import { sanggongVsEconomic } from "../../src/rules/sanggong-vs-economic.js";
import { runCases } from "../helpers/cases.js";
import { classified, pages, t9 } from "../helpers/tables.js";

// 表8 on lines 1–8: 甲单位 on 5, 30217 公务接待费 on 7, 30231 公务用车运行维护费 on 8 (no 30212, no 31013).
// 表9 from line 9: 甲单位's 2023 row on line 14.
const doc = (row2023: string, unit = "甲单位") =>
  pages(
    classified(8, "甲单位→→→5→5→0\n→302→商品和服务支出→5→5→0\n→30217→公务接待费→1→1→0\n→30231→公务用车运行维护费→4→4→0"),
    t9(`${unit}→2023 年→${row2023}`),
  );

runCases(sanggongVsEconomic, {
  accept: [
    { name: "接待 1 = 30217, 运维 4 = 30231, 出国 and 购置 0 where 表8 has no such code", text: doc("5→0→1→4→0→4") },
    { name: "a 表9 unit that 表8 does not print is not compared", text: doc("9→0→5→4→0→4", "乙单位") },
  ],
  reject: [
    {
      // 5 vs 4: ½ + ½.
      name: "公务用车运行维护费 5 ≠ 表8 30231's 4, within rounding",
      text: doc("6→0→1→5→0→5"),
      findings: [{ severity: "info", stated: "5", computed: "4", difference: "1", tolerance: "1", line: 14, table: "T9", unit: "甲单位", item: "2023 年", column: "公务用车运行维护费", related: [8] }],
    },
    {
      name: "公务接待费 5 ≠ 表8 30217's 1, beyond rounding",
      text: doc("9→0→5→4→0→4"),
      findings: [{ severity: "error", stated: "5", computed: "1", difference: "4", tolerance: "1", line: 14, column: "公务接待费", related: [7] }],
    },
    {
      // No 30212 row: compared with 0, only the printed 3 can move (½).
      name: "因公出国(境)费 3 where 表8 has no 30212",
      text: doc("8→3→1→4→0→4"),
      findings: [{ severity: "error", stated: "3", computed: "0", difference: "3", tolerance: "0.5", line: 14, column: "因公出国(境)费", related: [] }],
    },
    {
      // A single-unit department: 表8 (lines 1–7) prints the 部门名称 row and its codes directly; 表9 (from line 8)
      // names the same department. 接待 5 vs 30217's 1 (½ + ½); 运维 4 vs no 30231 (½).
      name: "a single-unit department's 表9 row against the codes under 表8's department row",
      text: pages(classified(8, "某部门→→→1→1→0\n→30217→公务接待费→1→1→0", "某部门"), t9("某部门→2023 年→9→0→5→4→0→4")),
      findings: [
        { severity: "error", stated: "5", computed: "1", difference: "4", tolerance: "1", line: 13, unit: "某部门", column: "公务接待费", related: [7] },
        { severity: "error", stated: "4", computed: "0", difference: "4", tolerance: "0.5", line: 13, unit: "某部门", column: "公务用车运行维护费", related: [] },
      ],
    },
  ],
});
