import { Decimal } from "decimal.js";
import type { Amount } from "../model/amount.js";
import type { Row } from "../model/document.js";
import { economicClassCode } from "../model/economic-classes.js";
import { functionClassCode } from "../model/function-classes.js";
import { normaliseName } from "../model/names.js";
import { unitLike } from "../model/units.js";
import { mapArray } from "../util/arrays.js";

/*
 * A classified table printed by budget unit whose units' rows name the unit and print no code (陕西's 一般公共预算支出表
 * as a PDF converter writes it, or as printed by a province that gives no 单位编码: `陕西省统计局机关 | 5854.16 | …`
 * above that unit's 201 / 20105 / 2010501 …, then the next unit's name and its codes). Read as items, such rows leave
 * every unit's codes in one list, and a 201 printed by each unit is summed over all of them. A row is a unit's where
 * what is printed says so:
 *
 * - it prints no code and its name is not a code's (not 合计 / 小计, not a 类 of the function or economic
 *   classification, not a name ending as a 科目's does: 支出, 费, 事务, 运行 …), nor the department's;
 * - a code row follows it at once, and none comes before the table's first such row (a table by unit starts with a
 *   unit; a project or a heading named under a code does not);
 * - its figures are, column by column, the sum of the top codes of its block (up to the next such row) within their
 *   rounding, or its name ends as an organisation's does (局, 中心, 研究所, 机关, （本级） …) — which decides for a unit
 *   whose own figures a misprint has put off its codes' sum.
 *
 * Every such row of the table must be a unit by that evidence, or none is taken for one (today's reading): a table
 * of which only some name rows were units would sum its 合计 over some of its units. Run on a whole table, once its
 * pages are one (a page may begin inside a unit's block): by the loaders, after reading its rows.
 */

/** A name a code's row prints (a total, a heading of the table): never a unit's. */
const TOTAL_LIKE = /(合计|总计|小计|共计|其中|^本年|^上年|结转|结余)/;
/** How a 科目's name ends (功能: 一般公共服务支出, 统计信息事务, 行政运行; 经济: 办公费, 住房公积金, 对个人和家庭的补助). */
const CODE_NAME_END = /(支出|费|经费|资金|事务|运行|补助|补贴|缴费|公积金|年金|保险|工资|奖金|福利|项目|管理|建设|服务)$/;
/** How an organisation's name ends (某局, 某中心, 某研究所, 某局机关, 某局（本级）, 某委员会办公室 …). */
const ORGANISATION_END = /(局|厅|委|办|中心|所|院|站|馆|机关|本级|办公室|委员会|处|队|学校|大学|学院|医院|协会|联合会|社|台|园|场|部|署|会|室|团|校)$/;
/** A bracketed qualifier at a name's end: 某局（本级）, 某局（局机关）. */
const QUALIFIER = /[（(]([^（()）]*)[)）]$/;

function organisationLike(name: string): boolean {
  const n = normaliseName(name);
  const q = QUALIFIER.exec(n);
  if (q && ORGANISATION_END.test(q[1])) return true;
  return ORGANISATION_END.test(n.replace(QUALIFIER, ""));
}

/** Whether a name may be a unit's: unit-like, and no total, 类, 科目 or department. */
function mayBeUnit(name: string, department: string | null): boolean {
  const n = normaliseName(name);
  if (!unitLike(n) || TOTAL_LIKE.test(n) || functionClassCode(n) !== null || economicClassCode(n) !== null) return false;
  if (department && n === department) return false;
  return !CODE_NAME_END.test(n.replace(QUALIFIER, ""));
}

const half = (a: Amount) => new Decimal(5).times(new Decimal(10).pow(-(a.decimals + 1))).times(a.halfUnits ?? 1);

/** Whether the row's figures are, column by column, the sum of `parts` within their rounding (one column not zero at least). */
function sumOfParts(row: Row, parts: Row[]): boolean {
  let nonZero = false;
  let compared = 0;
  for (const key in row.cells) {
    const total = row.cells[key]?.amount;
    if (!total) continue;
    let sum = new Decimal(0);
    let slack = total.exact ? new Decimal(0) : half(total);
    for (const p of parts) {
      const a = p.cells[key]?.amount;
      if (!a) continue;
      sum = sum.plus(a.value);
      if (!a.exact) slack = slack.plus(half(a));
    }
    if (sum.minus(total.value).abs().greaterThan(slack)) return false;
    compared++;
    if (!total.value.isZero()) nonZero = true;
  }
  return compared > 0 && nonZero;
}

const nameOf = (r: Row) => (r.name ?? r.label).trim();

/**
 * The rows of a classified table with its name-only units' rows made units (see above), each code row after one its
 * unit's; the rows left as they are where the table has a unit's row already, no code, or where evidence does not decide.
 */
export function nameOnlyUnits(rows: Row[], department: string | null): void {
  if (rows.some((r) => r.kind === "unit" || !!r.unit)) return;
  const firstCode = rows.findIndex((r) => r.kind === "code");
  if (firstCode < 0) return;
  const dept = department ? normaliseName(department) : null;
  // (A row named and not coded is "other" as read, or an item where a reader names such rows items.)
  const nameOnly = (r: Row) => (r.kind === "other" || r.kind === "item") && !r.code && !!nameOf(r) && Object.values(r.cells).some((c) => !!c?.amount);
  const starts: number[] = [];
  rows.forEach((r, i) => {
    if (nameOnly(r) && rows[i + 1]?.kind === "code") starts.push(i);
  });
  if (!starts.length || starts[0] > firstCode) return;
  for (let s = 0; s < starts.length; s++) {
    const i = starts[s];
    const r = rows[i];
    if (!mayBeUnit(nameOf(r), dept)) return;
    const block = rows.slice(i + 1, s + 1 < starts.length ? starts[s + 1] : rows.length).filter((x) => x.kind === "code" && !!x.code);
    const top = Math.min(...mapArray(block, (x) => x.code!.length));
    if (!sumOfParts(r, block.filter((x) => x.code!.length === top)) && !organisationLike(nameOf(r))) return;
  }
  for (let s = 0; s < starts.length; s++) {
    const r = rows[starts[s]];
    const name = nameOf(r);
    Object.assign(r, { kind: "unit", unit: name, name });
    for (let k = starts[s] + 1; k < (s + 1 < starts.length ? starts[s + 1] : rows.length); k++) if (rows[k].kind === "code") rows[k].unit = name;
  }
}
