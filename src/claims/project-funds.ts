import { makeAmount, type Amount } from "../model/amount.js";
import type { BudgetDocument, TextLine, TextPart } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import type { Claim } from "./types.js";
import { NUM } from "./para.js";
import { lineLocation } from "./text.js";
import { mapArray } from "../util/arrays.js";

/** Where a box begins: its first total. */
const ANCHOR = /项目资金总额|年度资金(?:申请)?总额/;
/** Where a box has ended: the form's goals and indicators, or the next form. */
const BOX_END = /项目总目标|年度总体目标|绩效指标|一级指标|项目名称|绩效目标表/;
/** How many lines after its first total a box may run on (the 项目资金 label's rows, the 元 / 万元 line). */
const BOX_LINES = 8;
/** How many lines above the box its 项目名称 may be printed. */
const NAME_LINES = 8;
const PAIR = new RegExp(
  String.raw`(?<label>项目资金总额|年度资金申请总额|年度资金总额|当年财政拨款|财政拨款|财政资金|上年结转资金|上年结转|其他资金)\s*[:：]?\s*(?<amount>${NUM}|-(?=\s|$))`,
  "g",
);
const NAME = /项目名称\s*[:：]?\s*(?<name>\S(?:.*?\S)?)(?=\s{2,}|\s*项目性质|\s*$)/;

type Key = "whole" | "year" | "fiscal" | "allocation" | "carryover" | "other";
const KEY: Record<string, Key> = {
  项目资金总额: "whole",
  年度资金申请总额: "year",
  年度资金总额: "year",
  财政资金: "fiscal",
  当年财政拨款: "allocation",
  财政拨款: "allocation",
  上年结转资金: "carryover",
  上年结转: "carryover",
  其他资金: "other",
};

interface Printed {
  key: Key;
  label: string;
  /** null: a blank cell (`-`). */
  amount: Amount | null;
}

export function projectFunds(doc: BudgetDocument, out: Claim[]): void {
  const lines: { part: TextPart; line: TextLine }[] = [];
  for (const part of doc.text) for (const line of part.lines) lines.push({ part, line });
  for (let i = 0; i < lines.length; i++) {
    if (!ANCHOR.test(lines[i].line.text)) continue;
    const printed: Printed[] = [];
    let carryover = false;
    let end = i;
    for (let k = i; k < lines.length && k <= i + BOX_LINES; k++) {
      const { part, line } = lines[k];
      if (k > i && (BOX_END.test(line.text) || ANCHOR.test(line.text))) break;
      if (line.text.includes("\t")) break;
      end = k;
      carryover ||= line.text.includes("结转");
      for (const m of line.text.matchAll(PAIR)) {
        const amount = m.groups!.amount === "-" ? null : makeAmount(m.groups!.amount, where(part, line, m.index + m[0].length - m.groups!.amount.length));
        if (m.groups!.amount !== "-" && !amount) continue;
        printed.push({ key: KEY[m.groups!.label], label: m.groups!.label, amount });
      }
    }
    box(printed, carryover, nameAbove(lines, i), out);
    i = end;
  }
}

/** Where the line's character `index` (0-based) is printed. */
const where = (part: TextPart, line: TextLine, index: number): SourceLocation => lineLocation(part, line, index + 1);

function nameAbove(lines: { line: TextLine }[], i: number): string | null {
  for (let k = i; k >= 0 && k >= i - NAME_LINES; k--) {
    const m = NAME.exec(lines[k].line.text);
    if (m) return m.groups!.name;
  }
  return null;
}

/** `carryover`: whether the box names a 结转 at all (a form without that row sums 财政拨款 + 其他资金). */
function box(printed: Printed[], carryover: boolean, project: string | null, out: Claim[]): void {
  const once = (key: Key) => {
    const found = printed.filter((p) => p.key === key);
    return found.length === 1 ? found[0] : found.length ? "twice" : null;
  };
  const others = printed.filter((p) => p.key === "other");
  const whole = once("whole");
  const year = once("year");
  // Two 其他资金: the left box's (项目资金总额's), then the right one's, as printed; one only with no 项目资金总额:
  // the year's.
  const otherOfWhole = whole && others.length === 2 ? others[0] : null;
  const otherOfYear = whole ? (others.length === 2 ? others[1] : null) : others.length === 1 ? others[0] : null;
  const total = (t: Printed | "twice" | null, sources: (Printed | "twice" | null)[]) => {
    if (!t || t === "twice" || !t.amount || sources.some((s) => !s || s === "twice")) return;
    const parts = mapArray((sources as Printed[]).filter((s) => s.amount), (s) => ({ label: s.label, amount: s.amount! }));
    if (parts.length) out.push({ kind: "project-funds", project, label: t.label, total: t.amount, parts });
  };
  total(whole, [once("fiscal"), otherOfWhole]);
  total(year, carryover ? [once("allocation"), once("carryover"), otherOfYear] : [once("allocation"), otherOfYear]);
}
