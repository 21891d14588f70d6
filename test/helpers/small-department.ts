/**
 * A small department for batch tests, quick to check: 表7 with 30 code rows whose 支出总计 is printed one
 * more, then one less, than 基本支出 + 项目支出 — 30 rounding notes (info) that are consistent together
 * (the unit's and the department's totals add up exactly), no error (so nothing for the diagnosis to
 * explain), ~30 kB of JSON report.
 */
export function smallDepartment(): string {
  const rows: string[] = [];
  let basic = 0;
  for (let i = 0; i < 30; i++) {
    rows.push(`\t20601${String(i).padStart(2, "0")}\t科目${i}\t${10 + i + 5 + (i % 2 ? -1 : 1)}\t${10 + i}\t5`);
    basic += 10 + i;
  }
  const total = basic + 150;
  return ["表 7", "一般公共预算支出表（按功能分类）", "单位：万元", "预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出", `部门\t\t\t${total}\t${basic}\t150`, `单位A\t\t\t${total}\t${basic}\t150`, ...rows, ""].join("\n");
}

/** What the report of smallDepartment() counts. */
export const SMALL_DEPARTMENT_SUMMARY = { error: 0, warning: 0, info: 30 };
