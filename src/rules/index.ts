import type { Rule } from "../engine/types.js";
import { allocationTables } from "./allocation-tables.js";
import { allocationVsSummary } from "./allocation-vs-summary.js";
import { amountFormat } from "./amount-format.js";
import { beyondHeader } from "./beyond-header.js";
import { balanceTotals } from "./balance-totals.js";
import { budgetExecution } from "./budget-execution.js";
import { changePercent } from "./change-percent.js";
import { codeName } from "./code-name.js";
import { diagnosis } from "./diagnosis.js";
import { economicVsFunction } from "./economic-vs-function.js";
import { formulaCache } from "./formula-cache.js";
import { fundTables } from "./fund-tables.js";
import { generalVsTotal } from "./general-vs-total.js";
import { hiddenContent } from "./hidden-content.js";
import { hierarchySum } from "./hierarchy-sum.js";
import { incomeVsExpenditure } from "./income-vs-expenditure.js";
import { incomeVsSummary } from "./income-vs-summary.js";
import { itemCode } from "./item-code.js";
import { itemsVsUnits } from "./items-vs-units.js";
import { negativeAmount } from "./negative-amount.js";
import { partOfTotal } from "./part-of-total.js";
import { performanceVsProjects } from "./performance-vs-projects.js";
import { placeholderText } from "./placeholder-text.js";
import { roundingConsistency } from "./rounding-consistency.js";
import { rowTotal } from "./row-total.js";
import { sanggongVsEconomic } from "./sanggong-vs-economic.js";
import { splitVsExpenditure } from "./split-vs-expenditure.js";
import { tablePresence } from "./table-presence.js";
import { tasksVsBudget } from "./tasks-vs-budget.js";
import { unitRows } from "./unit-rows.js";
import { unitsSum } from "./units-sum.js";
import { titleYear } from "./title-year.js";
import { yearChange } from "./year-change.js";
import { duplicateText } from "./duplicate-text.js";
import { staffingSum } from "./staffing-sum.js";
import { textSum } from "./text-sum.js";
import { textVsTable } from "./text-vs-table.js";
import { yoyChange } from "./yoy-change.js";

/** Every rule, in the order findings are reported. */
export const rules: Rule[] = [
  tablePresence,
  rowTotal,
  changePercent,
  yearChange,
  balanceTotals,
  hierarchySum,
  partOfTotal,
  negativeAmount,
  amountFormat,
  beyondHeader,
  itemsVsUnits,
  unitRows,
  unitsSum,
  allocationVsSummary,
  incomeVsSummary,
  incomeVsExpenditure,
  splitVsExpenditure,
  generalVsTotal,
  economicVsFunction,
  sanggongVsEconomic,
  fundTables,
  allocationTables,
  tasksVsBudget,
  performanceVsProjects,
  codeName,
  itemCode,
  formulaCache,
  hiddenContent,
  // The written parts (issue 3): claims read from the text, see src/claims/.
  textSum,
  textVsTable,
  budgetExecution,
  yoyChange,
  staffingSum,
  duplicateText,
  placeholderText,
  titleYear,
  // Judges together the identities all the rules above declared (the engine runs it last).
  roundingConsistency,
  // Names the mistyped figure behind the findings above (src/diagnosis; run by check.ts after the engine).
  diagnosis,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
