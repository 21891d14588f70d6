import { tablePresence } from "../../src/rules/table-presence.js";
import { runCases } from "../helpers/cases.js";
import { classified, pages, twoSided } from "../helpers/tables.js";

// A title, the 目录 listing 表1 (line 3) and 表7 (line 4), then the tables from line 6.
const CONTENTS = "# 2023 年某部门部门预算\n# 目 录\n- (一) 收支总表\n- (七) 一般公共预算支出表（按功能分类）\n";
const T1 = twoSided(1, "一、政府预算拨款→10→一、科学技术支出→10");
const T7 = classified(7, "甲单位→→→10→0→10");

runCases(tablePresence, {
  accept: [
    { name: "every table the 目录 lists is printed", text: CONTENTS + pages(T1, T7) },
    { name: "no 目录: nothing to compare", text: pages(T1) },
  ],
  reject: [
    {
      name: "the 目录 lists 表7 but the document has no 表7",
      text: CONTENTS + T1,
      findings: [{ severity: "warning", withinRounding: false, stated: null, computed: null, difference: null, tolerance: null, line: 4, table: "T7", item: "一般公共预算支出表（按功能分类）", related: [] }],
    },
  ],
});
