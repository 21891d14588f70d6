import { inUnit, type Amount } from "../model/amount.js";
import { tableName, tableNameEn, type BudgetDocument, type Row, type Table, type UnitBudget } from "../model/document.js";
import { normaliseName } from "../model/names.js";
import { cellSubject, unitBlocks } from "../model/queries.js";
import { sameOrganisation } from "../model/units.js";
import type { Rule } from "../engine/types.js";
import { ADDITIVE } from "./units-sum.js";

/**
 * The budget unit a department table's row names (单位名称 or 单位编码 rows of a 收入总表 by unit), among the units whose
 * own tables the document prints: the one of the same name once normalised, else the one whose name is the other's
 * with its place before it (农业技术推广中心, 崇义县农业技术推广中心); null when none or several are.
 */
function unitNamed(units: UnitBudget[], name: string): UnitBudget | null {
  const n = normaliseName(name);
  const same = units.filter((u) => normaliseName(u.name) === n);
  if (same.length) return same.length === 1 ? same[0] : null;
  const alike = units.filter((u) => sameOrganisation(u.name, name));
  return alike.length === 1 ? alike[0] : null;
}

/** The row of a unit's own table that holds its whole: its 合计, else the one row naming the unit itself. */
function wholeRow(x: Table, unit: UnitBudget): Row | null {
  const { department, units } = unitBlocks(x);
  if (department) return department;
  const own = units.filter((b) => b.row.unit && normaliseName(b.row.unit) === normaliseName(unit.name));
  return own.length === 1 && units.length === 1 ? own[0].row : null;
}

/** A figure printed in a row's column, readable (not malformed): its amount, else null. */
function printed(r: Row, key: string): Amount | null {
  const c = r.cells[key];
  return c && !c.invalid && c.amount ? c.amount : null;
}

/** Code rows printed once: by code and side (a code printed twice in the set, which row is meant cannot be told, is left out). */
function codeRows(rows: Row[]): Map<string, Row> {
  const out = new Map<string, Row>();
  const twice = new Set<string>();
  for (const r of rows) {
    if (r.kind !== "code" || !r.code) continue;
    const k = `${r.side ?? ""}:${r.code}`;
    if (out.has(k)) twice.add(k);
    else out.set(k, r);
  }
  for (const k of twice) out.delete(k);
  return out;
}

/**
 * The department's tables that print a row per budget unit, each unit matched with the unit's own set of tables:
 * the table, its unit's rows (the unit's own row and the code rows printed under it) and the unit's table of the
 * same kind. A unit's name printed on two rows of the table, or matching two units, is left out.
 */
function unitRowsMatched(doc: BudgetDocument): { t: Table; unit: UnitBudget; row: Row; codes: Row[]; own: Table }[] {
  const units = doc.units ?? [];
  const out: { t: Table; unit: UnitBudget; row: Row; codes: Row[]; own: Table }[] = [];
  if (!units.length) return out;
  for (const t of doc.tables) {
    if (t.budgetUnit || !ADDITIVE.has(t.kind)) continue;
    const blocks = unitBlocks(t).units;
    if (!blocks.length) continue;
    const matched: { unit: UnitBudget; row: Row; codes: Row[] }[] = [];
    for (const b of blocks) {
      const unit = b.row.unit ? unitNamed(units, b.row.unit) : null;
      if (unit) matched.push({ unit, row: b.row, codes: b.codes });
    }
    for (const m of matched) {
      if (matched.filter((x) => x.unit === m.unit).length !== 1) continue;
      const own = m.unit.tables.find((x) => x.id === t.id && x.kind === t.kind);
      if (own) out.push({ t, ...m, own });
    }
  }
  return out;
}

export const unitRows: Rule = {
  id: "unit-rows",
  defaultSeverity: "error",
  description: "A department table that prints a row per budget unit, where the document prints that unit's own tables too: the unit's row = the total of its own table of the same kind, and each code under it = the same code there.",
  descriptionZh: "部门表按预算单位分行列示、且文件另列该单位的单位预算表时：部门表中该单位行 = 该单位同一张表的合计，其下各科目行 = 该单位表同一科目行。",
  check(doc, ctx) {
    for (const { t, unit, row, codes, own } of unitRowsMatched(doc)) {
      const whole = wholeRow(own, unit);
      const keys = t.columns.filter((c) => c.kind === "amount" && own.columns.some((o) => o.key === c.key));
      const compare = (r: Row, theirs: Row, relation: { zh: string; en: string }) => {
        for (const { key } of keys) {
          const a = printed(r, key);
          const b = printed(theirs, key);
          if (!a || !b) continue;
          ctx.equal(cellSubject(t, r, key), a, own.unit && t.unit && own.unit !== t.unit ? inUnit(b, own.unit, t.unit) : b, relation);
        }
      };
      if (whole)
        compare(row, whole, {
          zh: `${unit.name}单位预算${tableName(own)}的合计`,
          en: `the total of ${unit.name}'s own ${tableNameEn(own)}`,
        });
      if (!codes.length) continue;
      const theirs = codeRows(own.rows);
      for (const [k, r] of codeRows(codes)) {
        const x = theirs.get(k);
        if (x)
          compare(r, x, {
            zh: `${unit.name}单位预算${tableName(own)}同一科目`,
            en: `the same code in ${unit.name}'s own ${tableNameEn(own)}`,
          });
      }
    }
  },
};
