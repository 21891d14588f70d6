import type { Row, Table } from "../model/document.js";
import { unitBlocks, unitKey, type UnitBlock } from "../model/queries.js";

/**
 * The budget units of a classified table, each with its code rows. A department that is its own only
 * budget unit prints no unit row: its codes follow the department row (部门名称) directly, and that
 * row then stands for the unit.
 */
export function codeBlocks(t: Table): UnitBlock[] {
  const { department, units, loose } = unitBlocks(t);
  if (units.length === 0 && department && loose.length) return [{ row: department, codes: loose }];
  return units;
}

/** The name a block is matched by across tables: the unit, or the department's name for a department row. */
export function blockKey(row: Row): string {
  return unitKey(row.kind === "department" ? row.name : row.unit);
}
