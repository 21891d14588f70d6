import type { Subject } from "../engine/types.js";
import type { Amount } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import { claimsOf } from "./index.js";
import { splitProjectName, unitCore } from "./match.js";
import type { Change, SanggongComponent } from "./types.js";

/** A figure of the text with the year-on-year change printed for it. */
export interface ChangeStatement {
  /** Identifies the same figure in last year's document (unit and project names compared loosely). */
  key: string;
  subject: Subject;
  amount: Amount;
  change: Change | null;
}

const SEP = "\u001f";
/** A statement's key: its kind and what names the item (side, unit and project base name, component). */
export const keyOf = (...parts: string[]) => parts.join(SEP);
export const keyParts = (key: string) => key.split(SEP);

/**
 * Every figure of the text that a year-on-year statement can refer to, in printed order (first of each key, or the first
 * that states its change).
 */
export function changeStatements(doc: BudgetDocument): ChangeStatement[] {
  const out: ChangeStatement[] = [];
  const seen = new Map<string, number>();
  const add = (s: ChangeStatement) => {
    const at = seen.get(s.key);
    if (at === undefined) {
      seen.set(s.key, out.length);
      out.push(s);
    }
    // The same figure stated again, now with its change on last year (a 决算's 一般公共预算财政拨款支出 X 万元 in 四's execution
    // statement, then in 五 with 与上年相比增加 D 万元，增长 P%): the statement that states the change is the figure's.
    else if (!out[at].change && s.change) out[at] = s;
  };
  for (const c of claimsOf(doc).claims) {
    if (c.kind === "department-total") add({ key: keyOf("department", c.side), subject: { table: "text", item: c.side === "income" ? "部门预算收入" : "部门预算支出" }, amount: c.amount, change: c.change });
    else if (c.kind === "project") add({ key: keyOf("project", unitCore(c.unit), splitProjectName(c.name).base), subject: { table: "text", unit: c.unit, item: c.name }, amount: c.amount, change: c.change });
    else if (c.kind === "sanggong") add({ key: keyOf("sanggong", c.component), subject: { table: "text", item: c.label }, amount: c.amount, change: c.change });
    else if (c.kind === "allocation") add({ key: keyOf("allocation", c.side, c.fund), subject: { table: "text", item: c.label }, amount: c.amount, change: c.change });
    else if (c.kind === "table-figure") add({ key: keyOf("figure", c.figure), subject: { table: "text", item: c.label }, amount: c.amount, change: c.change });
    else if (c.kind === "sanggong-final" && c.change) add({ key: keyOf("sanggong-final", c.component), subject: { table: "text", item: `${c.label} 决算` }, amount: c.amount, change: c.change });
    else if (c.kind === "operating-cost") add({ key: keyOf("operating-cost"), subject: { table: "text", item: "机关运行经费" }, amount: c.amount, change: c.change });
    // The generic reader's: labels such as 预算数 repeat, so each is its own (where it is printed); none is
    // matched with last year's document.
    else if (c.kind === "stated-change") add({ key: keyOf("stated", c.label, `${c.amount.location.line}:${c.amount.location.column}`), subject: { table: "text", item: c.label }, amount: c.amount, change: c.change });
  }
  return out;
}

/**
 * The same printed figure, whichever reader made its claim: its place and its text (a page line without columns, as a
 * quoted-printable web page's, places every figure of a paragraph alike).
 */
export const printedAt = (a: Amount) => `${a.location.line}:${a.location.column}:${a.text}`;

/** A “三公” figure's component by the label the text prints it under (a stated change's; the generic reader's). */
const SANGGONG_LABELS: [SanggongComponent, RegExp][] = [
  ["total", /三公/],
  ["abroad", /^因公出国[(（]境[)）]费用?$/],
  ["vehicle", /^公务用车购置及运行(维护)?费$/],
  ["vehicle-purchase", /^公务用车购置费$/],
  ["vehicle-operation", /^公务用车运行(维护)?费$/],
  ["reception", /^公务接待费$/],
];
export const sanggongOfLabel = (label: string): SanggongComponent | undefined => SANGGONG_LABELS.find(([, re]) => re.test(label))?.[0];
