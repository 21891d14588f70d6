import { readFileSync, writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { emptyLog, runRules } from "../engine/run.js";
import type { Lang } from "../engine/types.js";
import { balance, type BalanceResult } from "../diagnosis/balance.js";
import { findPackages, InputError, loadPackage, type EncodingName } from "../loaders/index.js";
import { decodeText } from "../loaders/decode.js";
import { formatLocation } from "../model/location.js";
import type { BudgetDocument } from "../model/document.js";
import { mdEscape } from "../reporters/markdown.js";
import { printedTitles, tableHeading } from "../reporters/words.js";
import { rules } from "../rules/index.js";

/** `budget-check balance <input>` (尾差调平): see docs/cli.md and src/diagnosis/balance.ts. */

export interface BalanceFlags {
  format: "text" | "json" | "markdown";
  output?: string;
  lang: Lang;
  encoding?: EncodingName;
  seconds: number;
}

export interface BalanceReport {
  path: string;
  department: string | null;
  year: number | null;
  moneyUnit: string | null;
  result: BalanceResult;
}

/** A table as the document prints it: its title, and the number printed with it (headings name it so). */
type PrintedTable = { id: string; title: string; printed?: string };

/** Thrown for a one-line error (exit status 2). */
export class BalanceError extends Error {}

export async function runBalance(input: string, flags: BalanceFlags): Promise<{ text: string; status: number }> {
  let doc: BudgetDocument;
  // The file a balanced copy is made of: the input, or a pair's workbook (a folder of it and its 情况说明).
  let source = input;
  try {
    const pkgs = findPackages(input);
    if (pkgs.length !== 1) throw new BalanceError(`${input}: balance takes one document or package, found ${pkgs.length}`);
    source = pkgs[0].pair?.workbook ?? input;
    doc = await loadPackage(pkgs[0], { encoding: flags.encoding });
  } catch (e) {
    if (e instanceof InputError) throw new BalanceError(`${e.location ? formatLocation(e.location) : input}: ${e.message}`);
    throw e;
  }
  if (flags.output) outputTarget(source, doc, flags.output);
  const log = emptyLog();
  runRules(doc, rules, { tolerance: { kind: "auto" }, lang: flags.lang, log });
  const result = await balance(doc, log, { lang: flags.lang, seconds: flags.seconds });
  const report: BalanceReport = { path: input, department: doc.department, year: doc.year, moneyUnit: doc.moneyUnit, result };
  if (flags.output) await writeBalanced(source, doc, result, flags.output, flags.encoding);
  // The tables named as the document prints them (their titles, and the number printed with each), not the Shenzhen template's.
  const tables = printedTitles(doc);
  const text = flags.format === "json" ? balanceJson(report) : flags.format === "markdown" ? balanceMarkdown(report, flags.lang, tables) : balanceText(report, flags.lang, tables);
  return { text, status: result.unsettled.length ? 1 : 0 };
}

/** --output writes a copy of a text document or a workbook, never over the input: refused before any work. */
function outputTarget(input: string, doc: BudgetDocument, out: string) {
  const ext = extname(input).toLowerCase();
  if (resolve(out) === resolve(input)) throw new BalanceError(`--output ${out}: that is the input; choose another file (the input is never modified)`);
  if (doc.format === "xlsx" && extname(out).toLowerCase() !== ".xlsx") throw new BalanceError(`--output ${out}: the balanced copy of a workbook must be an .xlsx file`);
  if (doc.format !== "xlsx" && (doc.format !== "markdown" || (ext !== ".md" && ext !== ".txt")))
    throw new BalanceError(`--output ${out}: a balanced copy is written for a text document (.md/.txt) or a workbook (.xlsx), not for ${doc.format === "csv" ? "a CSV package" : input}`);
}

/** The balanced copy: a text document with the figures replaced where printed, or a workbook's cells. */
async function writeBalanced(input: string, doc: BudgetDocument, r: BalanceResult, out: string, encoding?: EncodingName) {
  if (doc.format === "xlsx") {
    // exceljs is large: loaded only here.
    const { readWorkbook } = await import("../loaders/xlsx.js");
    const wb = await readWorkbook(input);
    for (const c of r.changes) {
      const cell = wb.getWorksheet(c.location.sheet!)?.getCell(c.location.cell!);
      if (!cell) continue;
      const value = Number(c.to.replace(/,/g, ""));
      // A formula keeps its formula; its cached result is what is read and shown until Excel recalculates.
      if (cell.formula) cell.value = { formula: cell.formula, result: value } as never;
      else cell.value = typeof cell.value === "string" ? c.to : value;
    }
    try {
      await wb.xlsx.writeFile(out);
    } catch (e) {
      throw new BalanceError(`--output ${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return;
  }
  const lines = decodeText(readFileSync(input), input, encoding).split("\n");
  // Right to left within a line, so that earlier columns stay where they are.
  const changes = [...r.changes].sort((a, b) => (a.location.line! - b.location.line!) || (b.location.column! - a.location.column!));
  for (const c of changes) {
    const chars = [...lines[c.location.line! - 1]];
    const at = c.location.column! - 1;
    const from = [...c.from];
    if (chars.slice(at, at + from.length).join("") !== c.from) throw new BalanceError(`${formatLocation(c.location)}: expected ${c.from} there`);
    chars.splice(at, from.length, ...c.to);
    lines[c.location.line! - 1] = chars.join("");
  }
  try {
    writeFileSync(out, lines.join("\n"));
  } catch (e) {
    throw new BalanceError(`--output ${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

export function balanceJson(r: BalanceReport): string {
  const { result, ...doc } = r;
  return JSON.stringify({ tool: "budget-check", command: "balance", ...doc, ...result }, null, 2) + "\n";
}

function headline(r: BalanceReport, lang: Lang): string[] {
  const zh = lang === "zh";
  const x = r.result;
  const locked = zh
    ? `锁定：文字部分引用 ${x.locked.cited} 个、列示为 0 的 ${x.locked.zero} 个、精确值 ${x.locked.exact} 个`
    : `locked: ${x.locked.cited} cited by the text, ${x.locked.zero} printed zeros, ${x.locked.exact} exact`;
  const what = zh
    ? `${x.inexact} 个表内等式仅在尾数误差内成立；${x.changes.length} 处改动（各 ±1）可使其精确成立${x.proven ? "（已证明为最少）" : "（求解时限内的最优结果，未证明为最少）"}`
    : `${x.inexact} table identities hold only within rounding; ${x.changes.length} changes of ±1 make them hold exactly${x.proven ? " (proven fewest)" : " (the best found within the solver's time limit, not proven fewest)"}`;
  return [what, locked];
}

function unsettledLine(u: BalanceResult["unsettled"][number], lang: Lang): string {
  return lang === "zh" ? `${formatLocation(u.location)}  ${u.identity} 仍差 ${u.off}：${u.reason}` : `${formatLocation(u.location)}  ${u.identity} stays off by ${u.off}: ${u.reason}`;
}

export function balanceText(r: BalanceReport, lang: Lang, tables?: PrintedTable[]): string {
  const zh = lang === "zh";
  const out = [`${r.path}  ${[r.department, r.year, r.moneyUnit ? `(${r.moneyUnit})` : null].filter(Boolean).join(" ")}`];
  for (const h of headline(r, lang)) out.push(`  ${h}`);
  for (const c of r.result.changes) {
    out.push(`    ${formatLocation(c.location)}  ${tableHeading(c.table, lang, tables).trim()}  ${c.from} → ${c.to}`);
    if (c.settles.length) out.push(`      ${zh ? "调平" : "settles"}: ${c.settles.join(zh ? "；" : "; ")}`);
  }
  for (const u of r.result.unsettled) out.push(`  ${unsettledLine(u, lang)}`);
  if (!r.result.unsettled.length) out.push(`  ${zh ? "✔ 改动后所有表内等式精确成立" : "✔ every table identity holds exactly after these changes"}`);
  return out.join("\n") + "\n";
}

export function balanceMarkdown(r: BalanceReport, lang: Lang, tables?: PrintedTable[]): string {
  const zh = lang === "zh";
  const out = [`## budget-check balance — ${mdEscape(r.path)}`, "", ...headline(r, lang).map((h) => `- ${mdEscape(h)}`), ""];
  const head = zh ? ["位置", "表", "原列示", "调整为", "调平的等式"] : ["Where", "Table", "From", "To", "Settles"];
  if (r.result.changes.length) {
    out.push(`| ${head.join(" | ")} |`, `|${head.map(() => " --- ").join("|")}|`);
    for (const c of r.result.changes) out.push(`| ${[formatLocation(c.location), tableHeading(c.table, lang, tables).trim(), c.from, c.to, c.settles.join("; ")].map(mdEscape).join(" | ")} |`);
    out.push("");
  }
  for (const u of r.result.unsettled) out.push(`- ❌ ${mdEscape(unsettledLine(u, lang))}`);
  if (!r.result.unsettled.length) out.push(zh ? "✅ 改动后所有表内等式精确成立。" : "✅ Every table identity holds exactly after these changes.");
  return out.join("\n") + "\n";
}
