import { normaliseName } from "../../model/names.js";
import type { ColumnSpec } from "../../templates/types.js";
import type { LayoutToken } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/*
 * A table's header as a layout prints it, read without a template (the generic template): labels wrapped
 * over several lines (一般公共预 / 算拨款收入), labels grouped under a spanning label (本年收入 over 小计 ·
 * 一般公共预算 …; 基本支出 over 人员经费 · 公用经费), a column numbering row (** 1 2 3). The header becomes
 * its leaf cells, left to right, each with its full label and the labels of the groups above it; each leaf
 * is then named by the kind's column list or left unnamed — a table with an unnamed amount column is not
 * read (a figure is never guessed into a column).
 */

export interface HeaderLeaf {
  /** The label, its wrapped pieces joined top to bottom, spaces removed. */
  text: string;
  /** The spanning labels above it, outermost first. */
  groups: string[];
  /** Under last year's budget printed beside this year's, over the same items (上年预算数 | 本年预算数). */
  lastYear?: true;
  x0: number;
  /** The cell's right edge as printed (display width of the widest piece). */
  x1: number;
}

const SINGLE = /^[\u4e00-\u9fff]$/;

interface Piece {
  text: string;
  x0: number;
  x1: number;
  line: number;
}

/**
 * Where a header label's cell ends on the right. pdftotext places each run of text where it starts on the
 * page, and a Chinese character is twice as wide as the one column it takes in the text: a label ends at
 * its start plus its display width. A label wraps at its cell's width, so its first line spans the cell,
 * and right-aligned amounts end near that edge. A PDF token has its true right edge.
 */
export const rightEdge = (t: LayoutToken) => (t.box ? t.x1 : t.x0 + [...t.text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0));
/** The same for a label spaced out over its cell (合      计): its last character's edge. */
const edge = (t: LayoutToken) => (t.box ? t.x1 : Math.max(rightEdge(t), t.x1 + (/[\u2e80-\uffff]$/.test(t.text) ? 1 : 0)));

/**
 * Header cells that nearly touch are one run of text with single spaces (一般公共预 政府性基金 国有资本经):
 * in a layout text, words of two or more Chinese characters a single space apart are cells of their own.
 */
function splitCells(toks: LayoutToken[], squeezed: boolean): LayoutToken[] {
  return toks.flatMap((t) => {
    // (In a squeezed header, a word may hold a label's brackets and colon: 其中：公务 · （境）费.)
    if (t.box || !(squeezed ? /^[\u4e00-\u9fff（）：]{2,}( [\u4e00-\u9fff（）：]{2,})+$/ : /^[\u4e00-\u9fff]{2,}( [\u4e00-\u9fff]{2,})+$/).test(t.text)) return [t];
    let x = t.x0;
    return mapArray(t.text.split(" "), (w) => {
      // Each word starts after the one before it as printed (a Chinese character is two columns wide); in a header
      // squeezed together (see squeezedHeader), where it stands in the line, as the labels about it do.
      const piece = { text: w, x0: x, x1: x + w.length };
      x = (squeezed ? piece.x1 : rightEdge(piece)) + 1;
      return piece;
    });
  });
}

/**
 * A layout text's header that pdftotext squeezes together: on some line a label starts before the one left of it ends
 * as printed (单位名称 | 合计 over cells narrower than their labels are wide: pdftotext gives each Chinese character one
 * column of the line, where it prints two wide, and moves a label right only when the one before it would reach it).
 */
const squeezedHeader = (lines: LayoutToken[][]) => lines.some((toks) => toks.some((t, i) => i > 0 && !t.box && !toks[i - 1].box && t.x0 < rightEdge(toks[i - 1])));

/** Labels that span the columns under them (a group), whatever the province. */
const GROUP = new RegExp(
  "^(" +
    [
      // 本年拨款 over the year's sources (一般公共预算 · … · 财政专户管理资金 · 单位资金: 甘肃's 项目支出表).
      "本年收入", "本年拨款", "上年结转(结余|和结余)?(资金)?", "财政拨款(收入|资金)?", "财政专户(拨款|管理资金)?收入", "其他资金(收入)?", "单位资金",
      "基本支出", "本年(一般公共预算|政府性基金预算?|国有资本经营预算?)?(财政拨款)?(基本)?支出", "(\\d{4}年(度)?)?(一般公共预算|政府性基金预算?|国有资本经营预算?)(财政拨款)?(基本|项目)?支出",
      "\\d{4}年(度)?(预算数?|执行数|基本支出|一般公共预算支出|政府性基金预算支出|国有资本经营预算支出)?", "年初预算数",
      // Last year's budget beside this year's, each over the same items (a 三公 table's 上年预算数 | 本年预算数).
      "(上年|本年)预算数?",
      // The change against last year's outturn, with or without an adjustment in brackets (中央部门), or against last
      // year's budget (a 湖北 地市's 一般公共预算支出表: 2026年预算数比2025年预算数 over 增减额 · 增减率).
      "\\d{4}年(度)?预算数?比\\d{4}年(度)?(执行数|预算数?)(增减(变化)?)?(\\(.*\\))?",
      "三公经费", "公务用车购置及运行(维护)?费", "事业收入",
      // A 决算's 预算数 and 决算数 over the same items (the national 三公 决算表), its budget also 全年 / 调整后预算数.
      "预算数", "决算数", "(全年|调整(后)?)预算数",
      // The government procurement planned within the expenditure (深圳's 2023年政府采购项目 over 小计 and its 其中).
      "(\\d{4}年(度)?)?政府采购(项目|预算)?",
      "(功能|经济|部门预算支出经济|部门预算支出功能)分类科目", "(功能|经济)科目", "部门预算支出经济科目",
      // A 政府采购预算表's 采购品目 over 货物 · 工程 · 服务 (北京; 采购类别 over them, 吉林), 资金来源 over its sources (福建).
      "采购品目", "采购类别", "资金来源",
      // A 项目支出绩效目标表's 绩效指标 over 一级指标 · 二级指标 · 三级指标 · 指标值; its money over its sources
      // (预算金额 · 项目资金 · 资金情况 over 合计 | 财政拨款 | 其他资金, or 年度资金总额 | …: 江西's, 北京's).
      "(年度|主要)?绩效指标", "(本年|年度|项目)?(预算)?(金额|资金)(情况|安排)?(\\(万元\\))?",
    ].join("|") +
    ")$",
);

/** Group labels whose first column is their 小计. */
const GROUP_WITH_SUBTOTAL = /^(本年收入|上年结转(结余|和结余)?(资金)?|财政拨款(收入|资金)?|基本支出|三公经费|(\d{4}年(度)?)?政府采购(项目|预算)?)$/;

/**
 * Labels that are never an amount column's: the code and name columns, the column numbering; a 政府采购预算表's columns
 * of words (采购品目 · 采购类别 · 采购方式 …, 福建's; not its 数量, whose counts would read as figures: not read).
 */
export const LABEL_COLUMN = /^((部门预算支出|支出|收入)?((功能|经济)(分类)?)?科目(编码|代码|名称)?|科目编|码|类|款|项|项目|项目名称|单位名称|单位(编码|代码)|编码|名称|预算单位|单位|部门|\*+|\d+|栏次|行次|序号|(政府)?采购(品目(大类)?|目录|类别|类型|方式|组织形式|项目|物品)(名称)?|品目(名称)?|专项(名称)?|项目(类别|类型|分类|属性))+$|^支出项目类别|^(单位名称|预算单位(名称)?|单位)\((项目|科目)(名称)?\)$|^(单位名称|预算单位(名称)?|单位)[、/](项目|科目)(名称)?$/;

/** Labels complete in themselves: never the last piece of a longer label wrapped above. */
const WHOLE_LABEL = /^(小计|合计|总计)$/;

/** A 小计 printed right before the parts it sums (no group label says whose it is): the part names it. */
const SUBTOTAL_BEFORE: [RegExp, string][] = [
  [/^因公出国/, "total"],
  [/购置费$/, "vehicle"],
  [/^人员(经费支出|经费|支出)$/, "basic"],
];

/**
 * A band: one label alone on the header's first line of amount labels, centred over all the amount labels
 * below it and reaching beyond it on both sides (四川's 当年财政拨款安排 over 合计 · 基本支出 · 项目支出). It names
 * the fund or scope of the whole table, nothing about any one column. By its place alone it may also be the
 * first line of a label wrapped in its cell, the labels beside it centred on a lower line: which it is, the
 * column names tell (genericColumns in index.ts reads the header both ways).
 */
function bandOf(pieces: Piece[]): Piece | null {
  const amounts = pieces.filter((p) => !LABEL_COLUMN.test(p.text));
  if (!amounts.length) return null;
  const top = Math.min(...mapArray(amounts, (p) => p.line));
  const onTop = amounts.filter((p) => p.line === top);
  if (onTop.length !== 1) return null;
  const band = onTop[0];
  // A group label is read as one (本年政府性基金预算支出 over 合计 · 基本支出 · 项目支出), a 合计 is a column.
  if (GROUP.test(band.text) || WHOLE_LABEL.test(band.text)) return null;
  const below = amounts.filter((p) => p.line > top);
  if (!below.some((p) => p.x1 <= band.x0) || !below.some((p) => p.x0 >= band.x1)) return null;
  const x0 = Math.min(...mapArray(below, (p) => p.x0));
  const x1 = Math.max(...mapArray(below, (p) => p.x1));
  return Math.abs((band.x0 + band.x1) / 2 - (x0 + x1) / 2) <= (x1 - x0) / 4 ? band : null;
}

/**
 * The leaves of a header, left to right. Pieces on nearby lines whose centres nearly coincide are one
 * wrapped label; a piece that reads as a group label and stands over other pieces is their group. With
 * `band: "drop"`, a band over all the amount columns (bandOf) is left out; with `wrapped: "in-cell"`, a wrapped label's
 * next line may also stand off its first's centre (see inCell below); with `groups: "left-set"`, a group label may also
 * be printed at the left of its merged cell (see below).
 */
export function headerLeaves(lines: LayoutToken[][], options: { band?: "keep" | "drop"; wrapped?: "centred" | "in-cell"; groups?: "centred" | "left-set" } = {}): HeaderLeaf[] {
  const pieces: Piece[] = [];
  const squeezed = squeezedHeader(lines);
  lines.forEach((toks, line) => {
    for (const t of splitCells(toks, squeezed)) {
      const text = normaliseName(t.text);
      if (!text || /^\d+$|^\*+$/.test(text)) continue;
      pieces.push({ text, x0: t.x0, x1: edge(t), line });
    }
  });
  const unit = pieces.length ? Math.min(...mapArray(pieces, (p) => (p.x1 - p.x0) / Math.max(1, [...p.text].length))) : 1;
  // A label spaced out to fill its cell (合      计): its single characters on one line are one label.
  for (let i = pieces.length - 1; i > 0; i--) {
    const a = pieces[i - 1];
    const b = pieces[i];
    if (a.line === b.line && SINGLE.test(a.text) && SINGLE.test(b.text) && [...a.text].length === 1 && [...b.text].length === 1 && b.x0 - a.x1 <= unit * 6) pieces.splice(i - 1, 2, { text: a.text + b.text, x0: a.x0, x1: b.x1, line: a.line });
  }
  if (options.band === "drop") {
    const band = bandOf(pieces);
    if (band) pieces.splice(pieces.indexOf(band), 1);
  }
  const centre = (p: { x0: number; x1: number }) => (p.x0 + p.x1) / 2;
  const overlap = (a: Piece, b: Piece) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  // Stacks: a wrapped label's pieces, top to bottom.
  const stacks: Piece[][] = [];
  for (const p of [...pieces].sort((a, b) => a.line - b.line || a.x0 - b.x0)) {
    let best: Piece[] | null = null;
    let bestGap = Infinity;
    for (const s of stacks) {
      const last = s[s.length - 1];
      if (p.line - last.line > 2 || p.line === last.line) continue;
      const gap = Math.abs(centre(last) - centre(p));
      const sameStart = Math.abs(last.x0 - p.x0) <= unit;
      // The last piece of a wrapped label is often short (补助支 / 出) and stands within the line above; a 小计
      // or 合计 off the label's centre is a label of its own (小计 under 公务用车购置及运行费, printed near the end
      // of 因公出国（境）费 beside it).
      const within = [...p.text].length <= 2 && !WHOLE_LABEL.test(p.text) && p.x0 >= last.x0 - unit && p.x1 <= last.x1 + unit;
      // A label wrapped in its cell may print its next line off its first's centre and start (因公出国 / （境）费,
      // the second line set right): it lies half or more under the piece above and is the only piece under it,
      // and it stands under no other piece of that line.
      // Only when asked (genericColumns, where the header read otherwise leaves columns unnamed): a piece half under
      // another is as often a label of its own beside a wider one above.
      const inCell =
        options.wrapped === "in-cell" &&
        !WHOLE_LABEL.test(p.text) &&
        overlap(p, last) >= Math.min(p.x1 - p.x0, last.x1 - last.x0) / 2 &&
        !pieces.some((o) => o !== p && o.line === p.line && overlap(o, last) > 0) &&
        !pieces.some((o) => o !== last && o.line === last.line && overlap(o, p) > 0);
      // A group label does not continue onto the line below: what is under it are its columns.
      // (A qualifier in brackets on the next line still belongs to it: …比2025年执行数 / （扣除中央基建投资）; and
      // so does the end of its longer form, short and within it: 上年结转 / 结余 is the one column 上年结转结余.)
      const joined = mapArray(s, (x) => x.text).join("");
      // (Nor does a year alone wrapped in its cell, the rest of the label centred right under it and the only piece of its
      // line there: 2024年 / 预算数 is the one column 2024年预算数, merged down beside 2025年预算数 over its split.)
      const yearWrapped = /^\d{4}年度?$/.test(joined) && p.line === last.line + 1 && gap <= unit * 1.5 && GROUP.test(joined + p.text) &&
        !pieces.some((o) => o !== p && o.line === p.line && overlap(o, { ...last, x0: last.x0 - unit * 2, x1: last.x1 + unit * 2 }) > 0);
      if (GROUP.test(joined) && !/^[(（]/.test(p.text) && !(within && GROUP.test(joined + p.text)) && !yearWrapped) continue;
      if ((gap <= unit * 1.5 || sameStart || within || inCell) && gap < bestGap) {
        best = s;
        bestGap = gap;
      }
    }
    if (best) best.push(p);
    else stacks.push([p]);
  }
  const cells = mapArray(stacks, (s) => ({
    text: mapArray(s, (x) => x.text).join(""),
    x0: Math.min(...mapArray(s, (x) => x.x0)),
    x1: Math.max(...mapArray(s, (x) => x.x1)),
    top: s[0].line,
    bottom: s[s.length - 1].line,
  }));
  // A group label is centred over its columns, which may reach beyond it by half its width on each side.
  const under = (g: (typeof cells)[number], c: (typeof cells)[number]) => {
    const reach = Math.max(unit, (g.x1 - g.x0) / 2);
    return c !== g && c.top > g.bottom && centre(c) >= g.x0 - reach && centre(c) <= g.x1 + reach;
  };
  const groups = cells.filter((c) => GROUP.test(c.text) && cells.some((o) => under(c, o)));
  const spanned = new Map<(typeof cells)[number], Set<(typeof cells)[number]>>();
  // Two group labels side by side on one line, 预算数 | 决算数 (a 决算's 三公 table) or last year's budget | this
  // year's, over labels that print one list of items twice: each spans one printing of the items, wherever it is
  // centred in its merged cell (云南's 预算数 centred over six columns stands on the gap between the third and the
  // fourth and reaches by its width neither), so long as it stands on its printing's side of the midpoint between
  // the two printings and over its printing.
  for (const pair of [sidePair(cells, STAGES, (a, b) => STAGE_BUDGET.test(a.text) && !STAGE_BUDGET.test(b.text)), sidePair(cells, YEAR_GROUP, (a, b) => yearOrder(a.text) < yearOrder(b.text))]) {
    if (!pair) continue;
    const below = cells.filter((c) => c.top > pair[0].bottom && !groups.includes(c) && !LABEL_COLUMN.test(c.text)).sort((a, b) => centre(a) - centre(b));
    if (!printedTwice(below)) continue;
    const size = below.length / 2;
    const mid = (below[size - 1].x1 + below[size].x0) / 2;
    if (centre(pair[0]) >= mid || centre(pair[1]) <= mid || pair[0].x1 <= below[0].x0 || pair[1].x0 >= below[below.length - 1].x1) continue;
    pair.forEach((g, k) => {
      spanned.set(g, new Set(cells.filter((c) => c.top > g.bottom && (k === 0 ? centre(c) < mid : centre(c) > mid))));
      if (!groups.includes(g)) groups.push(g);
    });
  }
  // Three stages side by side on one line, the budgets before the 决算数 (年初预算数 | 调整预算数 | 决算数, each over 小计 ·
  // 基本支出 · 项目支出: 浙江's 一般公共预算财政拨款支出决算表), over labels that print one list of items three times: each
  // spans one printing, so long as it stands over its printing, between the midpoints that part it from the others.
  const stageRun = cells.filter((c) => STAGES.test(c.text)).sort((a, b) => centre(a) - centre(b));
  if (stageRun.length >= 3 && stageRun.every((c) => c.top === stageRun[0].top) && stageRun.slice(0, -1).every((c) => STAGE_BUDGET.test(c.text)) && STAGE_FINAL.test(stageRun[stageRun.length - 1].text)) {
    const n = stageRun.length;
    const below = cells.filter((c) => c.top > stageRun[0].bottom && !LABEL_COLUMN.test(c.text) && !stageRun.includes(c)).sort((a, b) => centre(a) - centre(b));
    const size = below.length / n;
    if (Number.isInteger(size) && size >= 2 && repeats(below, size)) {
      const cuts = [-Infinity, ...mapArray(stageRun.slice(1), (_, k) => (below[(k + 1) * size - 1].x1 + below[(k + 1) * size].x0) / 2), Infinity];
      const printing = (k: number) => below.slice(k * size, (k + 1) * size);
      const stands = stageRun.every((g, k) => centre(g) > cuts[k] && centre(g) < cuts[k + 1] && g.x1 > printing(k)[0].x0 && g.x0 < printing(k)[size - 1].x1);
      if (stands)
        stageRun.forEach((g, k) => {
          spanned.set(g, new Set(cells.filter((c) => c.top > g.bottom && centre(c) > cuts[k] && centre(c) < cuts[k + 1] && !LABEL_COLUMN.test(c.text))));
          if (!groups.includes(g)) groups.push(g);
        });
    }
  }
  // A group label centred over many columns may stand over none of them by its own width (a PDF's 财政拨款 over
  // 合计 · 一般公共预算 · 政府性基金预算 · 国有资本经营预算, the labels beside them spanning two lines): its columns
  // are the labels two lines or more below it, between the labels printed on the line right below it on
  // either side.
  for (const g of cells) {
    if (groups.includes(g) || !GROUP.test(g.text)) continue;
    const mid = centre(g);
    const next = cells.filter((c) => c.top === g.bottom + 1);
    if (next.some((c) => c.x0 <= mid && c.x1 >= mid)) continue;
    const left = next.filter((c) => c.x1 <= mid).sort((a, b) => b.x1 - a.x1)[0];
    const right = next.filter((c) => c.x0 >= mid).sort((a, b) => a.x0 - b.x0)[0];
    if (!left || !right) continue;
    const kids = cells.filter((c) => c.top >= g.bottom + 2 && c.x0 >= left.x1 && c.x1 <= right.x0);
    if (kids.length < 2 || Math.min(...mapArray(kids, (c) => c.x0)) > mid || Math.max(...mapArray(kids, (c) => c.x1)) < mid) continue;
    spanned.set(g, new Set(kids));
    groups.push(g);
  }
  // The same when the labels beside its columns are merged down both header rows and wrapped in their cells: each is
  // centred down its cell, so its lines straddle the line right below the group label (财政拨款 over 小计 · 一般公共预算 ·
  // 政府性基金预算 · 国有资本经营预 / 算, between 合计 and 财政专户管理资 / 金, each of those centred down both rows). A
  // label's middle line tells its row: the group's columns are the labels of the lowest row below it, a run of them
  // side by side around its centre and centred under it, between labels whose middle stands higher (or the header's
  // ends); none a label column, and no label between the group label and them.
  // The same for a group label over more columns than its width reaches (福建's 单位资金 over 小计 · 事业收入 · 事业单位经营收入
  // · 上级补助收入 · 附属单位上缴收入 · 其他收入, between 财政专户管理资金 and 上年结转 merged down both rows): the run holds
  // the labels it stands over by its width and more, and no other label on its lines stands over the run.
  const middle = (c: (typeof cells)[number]) => (c.top + c.bottom) / 2;
  for (const g of cells) {
    if (spanned.has(g) || !GROUP.test(g.text)) continue;
    const reached = groups.includes(g);
    const mid = centre(g);
    const below = cells.filter((c) => c.top > g.bottom).sort((a, b) => centre(a) - centre(b));
    if (below.length < 2) continue;
    const lowest = Math.max(...mapArray(below, middle));
    const low = (c: (typeof cells)[number]) => middle(c) >= lowest - 0.5;
    // The run of lowest labels whose span holds the group label's centre.
    const at = below.findIndex((c) => low(c) && c.x0 <= mid && c.x1 >= mid);
    const near = at >= 0 ? at : below.findIndex((c, i) => i > 0 && low(c) && low(below[i - 1]) && below[i - 1].x1 <= mid && c.x0 >= mid);
    if (near < 0) continue;
    let i0 = near;
    let i1 = near;
    while (i0 > 0 && low(below[i0 - 1])) i0--;
    while (i1 < below.length - 1 && low(below[i1 + 1])) i1++;
    const run = below.slice(i0, i1 + 1);
    const x0 = run[0].x0;
    const x1 = run[run.length - 1].x1;
    const top = Math.min(...mapArray(run, (c) => c.top));
    // (A label that may be a group's but stands over none in the run, as 事业收入 may, is a column of its own.)
    if (run.length < 2 || run.some((c) => LABEL_COLUMN.test(c.text) || (GROUP.test(c.text) && (!reached || groups.includes(c)))) || Math.abs(mid - (x0 + x1) / 2) > (x1 - x0) / 4) continue;
    if (cells.some((c) => c !== g && !run.includes(c) && c.top > g.bottom && c.top < top && Math.min(c.x1, x1) > Math.max(c.x0, x0))) continue;
    if (reached && (cells.some((c) => under(g, c) && !run.includes(c)) || cells.some((c) => c !== g && c.top <= g.bottom && c.bottom >= g.top && Math.min(c.x1, x1) > Math.max(c.x0, x0)))) continue;
    spanned.set(g, new Set(run));
    if (!reached) groups.push(g);
  }
  // A group label printed at the left of its merged cell (山西's 决算数 over 合计 · 基本支出 · 项目支出, printed over 合计
  // or left of it; 本年支出 the same) stands by its centre over its first column at most. Only when asked
  // (genericColumns, where the header read otherwise leaves columns unnamed): it is then the group of the labels on
  // the line right below it from where it starts up to the next label of its own line (a column of its own spanning
  // both lines, as 年初预算数 beside it, has no label below it), and of the labels under those. At least two must
  // start there, none a label column or under another group; what stands under the label is the first of them; and
  // the line below prints no amount label of its own between the label before this one on its line and the run.
  if (options.groups === "left-set")
    for (const g of cells) {
      if (spanned.has(g) || !GROUP.test(g.text)) continue;
      const next = cells.filter((c) => c.top === g.bottom + 1);
      const own = cells.filter((c) => c !== g && c.top <= g.bottom && c.bottom >= g.top);
      const after = own.filter((c) => c.x0 > g.x0).sort((a, b) => a.x0 - b.x0)[0];
      const before = own.filter((c) => c.x0 < g.x0).sort((a, b) => b.x0 - a.x0)[0];
      const end = after ? after.x0 : Infinity;
      const kids = next.filter((c) => c.x0 >= g.x0 - unit && centre(c) < end).sort((a, b) => a.x0 - b.x0);
      // (A label across the next one's start is under neither for sure.)
      if (next.some((c) => c.x0 < end && centre(c) >= end) || kids.length < 2) continue;
      if (next.some((c) => c !== kids[0] && (Math.min(c.x1, g.x1) > Math.max(c.x0, g.x0) || under(g, c)))) continue;
      const grouped = (c: (typeof cells)[number]) => groups.some((o) => o !== g && (spanned.get(o)?.has(c) ?? under(o, c)));
      if (kids.some((c) => LABEL_COLUMN.test(c.text) || REMARK_COLUMN.test(c.text) || grouped(c))) continue;
      // An amount label on the line below between the label before it on its line and the run, under no group: the
      // label may as well be centred over that one and the run (贵州's 决算数 over 合计 · 基本支出 · 项目支出, standing over
      // 基本支出 alone by its centre): which, nothing says.
      if (next.some((c) => c.x0 < kids[0].x0 && (!before || c.x0 > before.x0) && !LABEL_COLUMN.test(c.text) && !grouped(c))) continue;
      const x0 = kids[0].x0;
      const x1 = kids[kids.length - 1].x1;
      spanned.set(g, new Set([...kids, ...cells.filter((c) => c.top > g.bottom + 1 && centre(c) >= x0 && centre(c) <= x1)]));
      if (!groups.includes(g)) groups.push(g);
    }
  const over = (g: (typeof cells)[number], c: (typeof cells)[number]) => spanned.get(g)?.has(c) ?? under(g, c);
  // Whether group o stands over leaf c rather than group g does: o spans c's centre and g does not (单位资金 merged
  // over 小计 · 事业收入 · …, beside 财政专户管理资金收入 merged down its own column), else o's centre is nearer.
  const spans = (g: (typeof cells)[number], c: (typeof cells)[number]) => centre(c) >= g.x0 && centre(c) <= g.x1;
  const closer = (o: (typeof cells)[number], g: (typeof cells)[number], c: (typeof cells)[number]) =>
    spans(o, c) !== spans(g, c) ? spans(o, c) : Math.abs(centre(o) - centre(c)) < Math.abs(centre(g) - centre(c));
  // Of two group labels side by side that could both stand over a label, the one it stands under (a merged cell
  // spanning its column), else the nearer.
  const groupsOf = (c: (typeof cells)[number]) =>
    groups.filter((g) => over(g, c) && !groups.some((o) => o !== g && o.top === g.top && over(o, c) && closer(o, g, c))).sort((a, b) => a.top - b.top);
  // A group label that no label below takes as its group is a column of its own (财政专户管理资金收入 merged down
  // its column, beside 单位资金 over 小计 · 事业收入 · …).
  const taken = new Set(cells.filter((c) => !groups.includes(c)).flatMap(groupsOf));
  for (let i = groups.length - 1; i >= 0; i--) if (!taken.has(groups[i]) && !spanned.has(groups[i])) groups.splice(i, 1);
  const leaves = mapArray(
    cells.filter((c) => !groups.includes(c)),
    (c) => ({
      text: c.text,
      groups: mapArray(groupsOf(c), (g) => g.text),
      x0: c.x0,
      x1: c.x1,
      top: c.top,
    }),
  ).sort((a, b) => centre(a) - centre(b));
  // Two group labels side by side on one line, each centred over the same items: the labels below them print one
  // list of items twice, the first under the first, the second under the second (else each spans its side of the
  // midpoint between them); that is the outermost group of each, in place of any other group `kind` matches.
  // (The same for three: 2024年预算数 | 2025年预算数 | 增减, each over the same items, below.)
  const sideBySide = (set: (typeof cells)[number][], kind: RegExp) => {
    const below = leaves.filter((l) => l.top > set[0].bottom);
    const size = below.length / set.length;
    const again = Number.isInteger(size) && repeats(below, size);
    const mids = mapArray(set.slice(1), (g, k) => (centre(set[k]) + centre(g)) / 2);
    below.forEach((l, i) => {
      const k = again ? Math.floor(i / size) : mids.filter((m) => centre(l) >= m).length;
      l.groups = [set[k].text, ...l.groups.filter((g) => !kind.test(g))];
    });
  };
  // 预算数 and 决算数 (a 决算's 三公 table: 合计 · 因公出国（境）费 · 公务用车购置及运行费 … under each).
  const stages = cells.filter((c) => groups.includes(c) && STAGES.test(c.text)).sort((a, b) => centre(a) - centre(b));
  if (stages.length === 2 && stages[0].top === stages[1].top && STAGE_BUDGET.test(stages[0].text) && !STAGE_BUDGET.test(stages[1].text)) sideBySide(stages, STAGES);
  // Last year's budget and this year's (a 三公 table's 上年预算数 | 本年预算数, or 2024年预算数 | 2025年预算数): the first
  // list is last year's.
  const years = cells.filter((c) => groups.includes(c) && YEAR_GROUP.test(c.text)).sort((a, b) => centre(a) - centre(b));
  if (years.length === 2 && years[0].top === years[1].top && yearOrder(years[0].text) < yearOrder(years[1].text)) {
    // (And the change between them, 增减 on their line right of them, when the labels below print one list of items three
    // times: a 三公 table's 2024年预算数 | 2025年预算数 | 增减. It is then the third list's group, no column of its own.)
    const change = cells.find((c) => !groups.includes(c) && CHANGE_GROUP.test(c.text) && c.top === years[0].top && centre(c) > centre(years[1]));
    const below = leaves.filter((l) => l.top > years[0].bottom);
    const size = below.length / 3;
    const thrice = !!change && Number.isInteger(size) && size >= 2 && repeats(below, size);
    const own = thrice ? leaves.findIndex((l) => l.text === change.text && l.x0 === change.x0 && l.top === change.top) : -1;
    if (own >= 0) {
      leaves.splice(own, 1);
      sideBySide([...years, change!], new RegExp(`${YEAR_GROUP.source}|${CHANGE_GROUP.source}`));
    } else sideBySide(years, YEAR_GROUP);
  }
  // A 小计 that no group label stands over is the first column of the group label printed next to its right
  // (a label centred over many columns starts well right of its first one), when no other group is nearer.
  // So is a 合计 printed after the table's 总计 (广州's 总计 | 财政拨款: 合计 一般公共预算 …, the group label centred
  // over its funds and not over its 合计).
  const subtotal = (l: { text: string; x0: number }) => l.text === "小计" || (l.text === "合计" && leaves.some((o) => o.text === "总计" && o.x0 < l.x0));
  for (const l of leaves)
    if (l.groups.length === 0 && subtotal(l)) {
      const g = groups.filter((g) => g.bottom < l.top && GROUP_WITH_SUBTOTAL.test(g.text) && g.x0 >= l.x0).sort((a, b) => a.x0 - b.x0)[0];
      if (g && !leaves.some((o) => o !== l && subtotal(o) && o.x0 > l.x0 && o.x0 < g.x0)) l.groups = [g.text];
    }
  // The columns after a group's 小计 that no group label stands over are that group's, up to the next
  // group (a PDF's group label may stand over its first columns only).
  let open: string[] | null = null;
  for (const l of leaves) {
    if (l.groups.length) {
      if (l.text === "小计" && GROUP_WITH_SUBTOTAL.test(l.groups[l.groups.length - 1])) open = l.groups;
      else if (!open || l.groups.join("/") !== open.join("/")) open = null;
    }
    else if (open && !LABEL_COLUMN.test(l.text)) l.groups = open;
  }
  return mapArray(leaves, ({ top: _top, ...l }) => l);
}

/** Whether labels in printed order print one list of `size` items again and again. */
const repeats = (labels: { text: string }[], size: number) => labels.every((l, i) => l.text === labels[i % size].text);

/** Whether labels in printed order print one list of two or more items twice. */
const printedTwice = (labels: { text: string }[]) => labels.length >= 4 && labels.length % 2 === 0 && repeats(labels, labels.length / 2);

/** The two labels of one line `kind` matches, left to right, when they are the only two and `ordered`. */
function sidePair<C extends { text: string; x0: number; x1: number; top: number }>(cells: C[], kind: RegExp, ordered: (a: C, b: C) => boolean): [C, C] | null {
  const set = cells.filter((c) => kind.test(c.text)).sort((a, b) => a.x0 + a.x1 - b.x0 - b.x1);
  return set.length === 2 && set[0].top === set[1].top && ordered(set[0], set[1]) ? [set[0], set[1]] : null;
}

/** A leaf's label without the 其中： that marks a part printed under its total. */
const bare = (s: string) => s.replace(/^其中[:：]?/, "");

export interface HeaderColumns {
  /** The amount columns, in printed order. */
  specs: ColumnSpec[];
  /** Each column's right edge as printed. */
  rights: number[];
  /** Each column's label's left and right edges. */
  lefts: number[];
  labelRights: number[];
  /** Labels of amount columns that no column of the kind names: the table cannot be read. */
  unnamed: string[];
  /** The labels of the label columns (科目编码, 科目名称, 项目, 单位名称 …). */
  labels: string[];
  /** Where each of those labels starts. */
  labelLefts: number[];
  /** Where the label of a column of words after the amounts (绩效目标, 备注) starts; null when there is none. */
  remark: number | null;
}

/** The label of a column of words printed after a table's amounts, one cell a row (广州's 绩效目标). */
export const REMARK_COLUMN = /^(绩效目标|备注|说明|项目(概况|简介|说明|内容)|主要(内容|用途)|用途)$/;

/**
 * The columns of words a 项目支出绩效目标表 prints after a project's amount: its targets (年度绩效目标, 项目年度绩效目标)
 * and its indicators (一级指标 · 二级指标 · 三级指标 · 指标值, 指标性质 · 度量单位 · 权重), a row of them an indicator,
 * or all of them in one column of words (河南's 主要绩效指标, 主要指标). No amount column (a 指标值 or 权重 of 80 is no money).
 */
export const TARGET_COLUMN = /^(项目)?(年度)?(总体|项目)?(绩效)?目标(值)?$|^(年度)?(主要)?绩效指标$|^主要指标$|^[一二三]级指标(名称)?$|^指标(值|名称|内容|性质|方向|解释|标准)$|^(度量|计量)单位$|^(权重|分值)(\(%\)|%)?$/;

/** A label that starts or continues the columns of words after the amounts: `targets` for a 项目支出绩效目标表. */
export const wordsColumn = (label: string, targets: boolean): boolean => REMARK_COLUMN.test(label) || (targets && TARGET_COLUMN.test(label));

/** A spanning label over a 决算 table's budget columns (预算数 | 决算数). */
const STAGE_BUDGET = /^(年初|全年|调整(后)?)?预算数?$/;
/** A 决算's outturn: 决算数 spanning its items (合计 · 基本支出 · 项目支出), or a column of its own. */
const STAGE_FINAL = /^(\d{4}年度?)?决算数?$/;
/** A 决算's budget column beside its 决算数: 预算数 · 年初预算数 · 调整预算数 · 调整后预算数 · 全年预算数. */
const BUDGET_LEAF = /^(年初|调整(后)?|全年)?预算数?$/;
/** 预算数 or 决算数 spanning a 决算 table's items. */
const STAGES = /^((年初|全年|调整(后)?)?预算数?|决算数?)$/;

/** A year's budget column: 2025年预算数 · 2024年度预算 · 2025年预算. */
const YEAR_BUDGET = /^(\d{4})年度?预算数?$/;
/** A year's budget spanning its items: 2025年预算数 · 上年预算数 · 本年预算数. */
const YEAR_GROUP = /^(\d{4}年度?|上年|本年)预算数?$/;
/** The change between two years' budgets spanning the same items (增减 over 合计 · 因公出国（境）费 · …). */
const CHANGE_GROUP = /^增减(额|变化)?$/;
/** Which of two such years is the later: 上年 before any year printed, 本年 after. */
const yearOrder = (t: string) => (/^上年/.test(t) ? -Infinity : /^本年/.test(t) ? Infinity : Number(t.slice(0, 4)));

/**
 * Last year's budget printed beside this year's (2024年预算数 | 2025年预算数 | 增减额 | 增减率（%）): of two or more
 * years' 预算数 columns, each but the latest year's is named 上年预算数, so that the latest is the table's 合计 and
 * the others are not taken for it.
 */
function lastYearsBudget(leaves: HeaderLeaf[]): HeaderLeaf[] {
  // Each year's a group over the same items, side by side (headerLeaves): the latest year's columns are read as
  // ungrouped, the others' are last year's.
  const outer = [...new Set(leaves.flatMap((l) => (l.groups.length && YEAR_GROUP.test(l.groups[0]) ? [l.groups[0]] : [])))];
  if (outer.length === 2) {
    const latest = yearOrder(outer[0]) > yearOrder(outer[1]) ? outer[0] : outer[1];
    return mapArray(leaves, (l) => (!l.groups.length || !outer.includes(l.groups[0]) ? l : l.groups[0] === latest ? { ...l, groups: l.groups.slice(1) } : { ...l, lastYear: true as const }));
  }
  const yearOf = (t: string) => {
    const m = YEAR_BUDGET.exec(t);
    return m ? Number(m[1]) : null;
  };
  // (This year's may be a group over its split: 2025年预算数 over 合计 · 基本支出 · 项目支出, 青海's 一般公共预算支出表.)
  const years = leaves.flatMap((l) => {
    const y = l.groups.length === 0 ? yearOf(l.text) : l.groups.length === 1 ? yearOf(l.groups[0]) : null;
    return y === null ? [] : [y];
  });
  if (new Set(years).size < 2) return leaves;
  const latest = Math.max(...years);
  return mapArray(leaves, (l) => {
    const y = l.groups.length ? null : yearOf(l.text);
    if (y !== null && y < latest) return { ...l, text: "上年预算数" };
    // The latest year's group says no more than that its columns are this year's: they are read as ungrouped.
    if (l.groups.length === 1 && yearOf(l.groups[0]) === latest) return { ...l, groups: [] };
    return l;
  });
}

/** A year's outturn printed alone (2025年执行数, merged down the header). */
const YEAR_OUTTURN = /^(\d{4})年度?执行数$/;

/**
 * Last year's outturn printed alone beside this year's budget (重庆's 2025年执行数 | 2026年预算数 over 小计 · 基本支出 ·
 * 项目支出 | 2026年预算数比2025年执行数增长%): named 上年执行数 where the header prints a later year's 预算数 (as a label of
 * its own or over its split), which says whose the budget is. Without one (its spanning label lost) it is left as
 * printed: a column the kind does not know.
 */
function lastYearsOutturn(leaves: HeaderLeaf[]): HeaderLeaf[] {
  const budgetYears = leaves.flatMap((l) => [l.text, ...l.groups].flatMap((t) => {
    const m = YEAR_BUDGET.exec(t);
    return m ? [Number(m[1])] : [];
  }));
  if (!budgetYears.length) return leaves;
  const latest = Math.max(...budgetYears);
  return mapArray(leaves, (l) => {
    const m = l.groups.length ? null : YEAR_OUTTURN.exec(l.text);
    return m && Number(m[1]) < latest ? { ...l, text: "上年执行数" } : l;
  });
}

/**
 * Names each amount leaf by the kind's column list: a spec whose `group` matches a group above the leaf
 * first (小计 under 基本支出 is 基本支出), then the others; each spec names one leaf.
 */
export function nameColumns(printedLeaves: HeaderLeaf[], specs: ColumnSpec[], readsLastYear = false, targets = false): HeaderColumns {
  const allLeaves = lastYearsOutturn(lastYearsBudget(printedLeaves));
  // A column of words after the last amount column (广州's 绩效目标 beside each project): no amount column. In a
  // 项目支出绩效目标表 (`targets`), the columns of its targets and indicators after the amount, all of them.
  let from = allLeaves.length;
  while (from > 0 && wordsColumn(allLeaves[from - 1].text, targets) && (targets || from === allLeaves.length)) from--;
  const remark = from < allLeaves.length ? allLeaves[from] : null;
  const leaves = allLeaves.slice(0, from);
  const amountLeaves = leaves.filter((l) => !LABEL_COLUMN.test(l.text));
  const named: (ColumnSpec | null)[] = mapArray(amountLeaves, () => null);
  // Last year's columns are named by the same specs again (each one leaf of last year's), for a kind that reads
  // them as its row of last year's figures (readsLastYear); else they are left unnamed.
  const usedThisYear = new Set<ColumnSpec>();
  const usedLastYear = new Set<ColumnSpec>();
  // …and the change between the years under 增减 beside them, into the table's row of the change.
  const usedChange = new Set<ColumnSpec>();
  const changeLeaf = (l: HeaderLeaf) => !l.lastYear && l.groups.length === 1 && CHANGE_GROUP.test(l.groups[0]);
  // A kind with 预算数 columns beside its 决算数 ones, in a header that prints 决算数: a label under 预算数 (the 三公
  // 决算表), or a 年初预算数 / 调整预算数 column not under 决算数 (一般公共预算财政拨款支出决算表), is one of those.
  const staged = specs.some((x) => x.budgetStage) && amountLeaves.some((l) => STAGE_FINAL.test(l.text) || l.groups.some((g) => STAGE_FINAL.test(g)));
  for (const pass of ["grouped", "before", "plain"] as const)
    amountLeaves.forEach((l, i) => {
      const change = changeLeaf(l);
      if (named[i] || ((l.lastYear || change) && !readsLastYear)) return;
      let s: ColumnSpec | undefined;
      const used = l.lastYear ? usedLastYear : change ? usedChange : usedThisYear;
      const groups = l.lastYear || change ? l.groups.slice(1) : l.groups;
      const budget = staged && !l.groups.some((g) => STAGE_FINAL.test(g)) && (l.groups.some((g) => STAGE_BUDGET.test(g)) || BUDGET_LEAF.test(l.text));
      // Amount columns, and text columns printed among them (增减(%): under a spanning label, or a percentage's).
      const free = (x: ColumnSpec) =>
        !used.has(x) && !!x.budgetStage === budget && (x.kind === "amount" || !!x.group || x.label.includes("%")) && !specs.some((o) => used.has(o) && o.key === x.key);
      if (pass === "grouped")
        // The innermost group first (小计 under 公务用车购置及运行费 under “三公”经费 is the vehicles' 小计).
        for (const g of [...groups].reverse()) {
          s = specs.find((x) => free(x) && !!x.group && x.group.test(g) && x.leaf.test(bare(l.text)));
          if (s) break;
        }
      else if (pass === "before") {
        const next = amountLeaves[i + 1];
        const key = l.text === "小计" && next ? SUBTOTAL_BEFORE.find(([re]) => re.test(bare(next.text)))?.[1] : undefined;
        s = key ? specs.find((x) => free(x) && x.key === key) : undefined;
      } else s = specs.find((x) => free(x) && !x.group && x.leaf.test(bare(l.text)));
      if (s) {
        named[i] = s;
        used.add(s);
      }
    });
  // A label is centred in its cell and the figures under it are right-aligned: the cell ends about halfway
  // to the next label.
  const gaps = mapArray(leaves.slice(1), (l, i) => l.x0 - leaves[i].x1).filter((g) => g > 0).sort((a, b) => a - b);
  const half = gaps.length ? gaps[Math.floor(gaps.length / 2)] / 2 : 0;
  const out: HeaderColumns = { specs: [], rights: [], lefts: [], labelRights: [], unnamed: [], labels: [], labelLefts: [], remark: remark ? remark.x0 : null };
  for (const l of leaves)
    if (LABEL_COLUMN.test(l.text)) {
      out.labels.push(l.text);
      out.labelLefts.push(l.x0);
    }
  amountLeaves.forEach((l, i) => {
    const s = named[i];
    const next = leaves[leaves.indexOf(l) + 1];
    if (!s) out.unnamed.push([...l.groups, l.text].join("/"));
    else {
      out.specs.push(l.lastYear ? { ...s, lastYear: true } : changeLeaf(l) ? { ...s, change: true } : s);
      out.rights.push(next && next.x0 > l.x1 ? (l.x1 + next.x0) / 2 : l.x1 + half);
      out.lefts.push(l.x0);
      out.labelRights.push(l.x1);
    }
  });
  return out;
}

/**
 * Where each amount column stands on one page, from the right edges of the page's amounts: when they fall
 * into exactly as many clusters as the table has columns, each cluster is a column. Pages of one table may
 * be laid out at different widths, so a header's positions on the first page do not hold on the next.
 */
export function clusteredOffsets(rights: number[], columns: number, tolerance: number): number[] | null {
  const at = clusteredColumns(rights, columns, tolerance);
  return at && mapArray(at, (x) => x - at[0]);
}

/**
 * The same, as where each column's figures end on the page. Given where the figures start (`lefts`, in the
 * order of `rights`), clusters whose figures overlap are no two columns: a column's cells stand wholly left of
 * the next one's, so a figure starting before another column's figure ends is in that column, printed a few
 * characters off (pdftotext -layout places a page's glyphs on a grid of its own: 29.71 and 4.02 of one
 * 人员经费 column ending at 53 and 56, the two clusters of a 2-column row's second figures). Null then.
 */
export function clusteredColumns(rights: number[], columns: number, tolerance: number, lefts?: number[]): number[] | null {
  const order = mapArray(rights, (_, i) => i).sort((a, b) => rights[a] - rights[b]);
  const clusters: number[][] = [];
  for (const i of order) {
    const c = clusters[clusters.length - 1];
    if (c && rights[i] - rights[c[c.length - 1]] <= tolerance) c.push(i);
    else clusters.push([i]);
  }
  if (clusters.length !== columns || columns < 2) return null;
  if (lefts)
    for (let k = 1; k < clusters.length; k++) {
      const end = Math.max(...mapArray(clusters[k - 1], (i) => rights[i]));
      if (clusters[k].some((i) => lefts[i] < end)) return null;
    }
  return mapArray(clusters, (c) => rights[c[Math.floor(c.length / 2)]]);
}

/**
 * Columns for a line's figures where the page's columns are known (clusteredColumns): each figure in the
 * column it ends at. Null when one ends at none of them, or two at the same one.
 */
export function atColumns(amounts: LayoutToken[], columns: number[], tolerance: number): number[] | null {
  const out: number[] = [];
  for (const a of amounts) {
    const j = columns.findIndex((x) => Math.abs(a.x1 - x) <= tolerance);
    if (j < 0 || (out.length && j <= out[out.length - 1])) return null;
    out.push(j);
  }
  return out;
}

/**
 * Columns for a line's figures when each stands plainly under one label: in a PDF, its centre within one
 * label's width (figures centred in their cells); in a layout text, its start where one label starts
 * (figures flush left, as some exports print them: 江苏's 1276.7 under 合计, 237 under 公务用车运行维护费).
 * Null when any figure is not so placed, or two share a column.
 */
export function underLabels(amounts: LayoutToken[], cols: HeaderColumns): number[] | null {
  const out: number[] = [];
  for (const a of amounts) {
    const c = (a.x0 + a.x1) / 2;
    const hits = mapArray(cols.lefts, (x0, j) => j).filter((j) => (a.box ? c >= cols.lefts[j] - 2 && c <= cols.labelRights[j] + 2 : Math.abs(a.x0 - cols.lefts[j]) <= 1));
    if (hits.length !== 1 || (out.length && hits[0] <= out[out.length - 1])) return null;
    out.push(hits[0]);
  }
  return out;
}

/**
 * Columns for the lines of figures of a layout text whose header's amount labels are squeezed together: a label starts
 * before the one left of it ends (pdftotext gives each Chinese character one column of the line, where it prints two
 * wide, and moves a label right when the one before it would reach it: `合计   基本支出   项目支出` over cells of one
 * width). The labels' widths and gaps then say nothing of where their cells end, but each still starts inside its cell,
 * where a figure right-aligned in the cell before it has ended: each figure is in the column whose label starts at or
 * before the figure's end, the next label after it. Only when every line's figures are so placed, each in a column of
 * its own, and each column's figures end together (within two characters, as pdftotext moves a figure right after a long
 * name): a line moved further would stand apart. Null otherwise, and for a PDF (its labels keep their widths) or a header not squeezed. `lines` are one
 * page's, `cols` its own header's (a continuation page may be laid out at another width).
 *
 * `apart`: a placement whose columns' figures do not end together is given too, marked `apart`, where it is the only
 * one (by ends and by half lengths alike): figures right-aligned in their cells whose digits are half a column end
 * together at their printed ends, not at their half lengths (广西's 项目支出预算表: 16,424.19 and 183.96 of 合计 both end
 * at 36, at half length 31.5 and 34). Whether no line stands moved is then for the caller to settle (by the table's
 * identities: a line moved into other columns breaks its columns' sums).
 */
export function labelStartColumns(lines: { amounts: LayoutToken[]; page: number }[], cols: HeaderColumns, apart = false): { at: number[][]; apart: boolean } | null {
  const n = cols.lefts.length;
  if (n < 2 || !lines.length || lines.some((l) => l.amounts.some((a) => a.box || a.cell !== undefined))) return null;
  if (!cols.lefts.some((x, j) => j > 0 && x <= cols.labelRights[j - 1])) return null;
  // A figure starting left of the label of the column it ends in lies across two columns' label starts: which it is in,
  // they do not say so. Unless the text gives a column the width of a Chinese character, as some exports do (广西's
  // 收入预算总表: 财政专 / 户管理 starting where 412.38 of 国有资本经营预算拨款收入 ends), a figure's digits then half a
  // column each: where the figures end so (their starts and half their lengths), every one right of its label's start.
  const place = (end: (a: LayoutToken) => number, together = true): number[][] | null => {
    const out: number[][] = [];
    const ends = new Map<string, number[]>();
    for (const l of lines) {
      const at: number[] = [];
      for (const a of l.amounts) {
        let j = -1;
        for (let k = 0; k < n; k++) if (cols.lefts[k] <= end(a)) j = k;
        if (j < 0 || (at.length && j <= at[at.length - 1]) || a.x0 < cols.lefts[j]) return null;
        at.push(j);
        const key = `${l.page}:${j}`;
        ends.set(key, [...(ends.get(key) ?? []), end(a)]);
      }
      out.push(at);
    }
    if (together) for (const xs of ends.values()) if (Math.max(...xs) - Math.min(...xs) > 2) return null;
    return out;
  };
  const printedEnd = (a: LayoutToken) => a.x1;
  const halfEnd = (a: LayoutToken) => a.x0 + [...a.text].length / 2;
  const at = place(printedEnd) ?? place(halfEnd);
  if (at || !apart) return at && { at, apart: false };
  const [byEnd, byHalf] = [place(printedEnd, false), place(halfEnd, false)];
  if (byEnd && byHalf && JSON.stringify(byEnd) !== JSON.stringify(byHalf)) return null;
  const either = byEnd ?? byHalf;
  return either && { at: either, apart: true };
}
