// Synthetic departments for the benchmark, made from the seed (a real published document):
// - varied names: the department and its units are renamed (every occurrence, tables and text);
// - amounts scaled by 10^-k (k = 0, 1, 2) and printed with k more decimals: 9,724 → 972.4 → 97.24.
//   Every identity that holds exactly still holds exactly, every rounding difference stays a rounding
//   difference (difference and tolerance scale alike) and every percentage is unchanged, so a clean
//   synthetic department has exactly the seed's findings: 0 errors;
// - a known number of injected errors: in every `injectEvery`-th department one 支出总计 amount of a code
//   row of 表3, 表7 or 表8 is raised by 100 (scaled), which its row's 支出总计 = 基本支出 + 项目支出 cannot absorb;
// - in all three forms in turn: the text, a CSV folder, an .xlsx workbook.
// Needs the built dist/ (npm run build): the document model says which printed cells are amounts.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import { defaultTemplate, loadMarkdown } from "../../dist/lib/index.js";
import { buildWorkbook, csvText, splitDocument } from "./packages.mjs";

const DISTRICTS = ["福田区", "罗湖区", "南山区", "盐田区", "宝安区", "龙岗区", "龙华区", "坪山区", "光明区", "大鹏新区"];
const BUREAUS = ["教育局", "科技创新局", "工业和信息化局", "民政局", "司法局", "财政局", "人力资源局", "规划和自然资源局", "生态环境局", "住房和建设局",
  "交通运输局", "水务局", "商务局", "文化广电旅游体育局", "卫生健康局", "应急管理局", "审计局", "统计局", "医疗保障局", "城市管理和综合执法局"];
const FORMS = ["text", "csv", "xlsx"];
const SEED_DEPARTMENT = "深圳市科学技术协会";
const SEED_UNITS = [["深圳市科技交流服务中心", "服务中心"], ["深圳市科学馆", "展览馆"]];

/** Deterministic PRNG (mulberry32): the same arguments make the same corpus. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function departmentName(i) {
  const combos = DISTRICTS.length * BUREAUS.length;
  const base = `深圳市${DISTRICTS[i % DISTRICTS.length]}${BUREAUS[Math.floor(i / DISTRICTS.length) % BUREAUS.length]}`;
  return i < combos ? base : `${base}第${Math.floor(i / combos) + 1}分局`;
}

/** `9,724` scaled by 10^-k: `972.4`; thousands separators kept where the integer part has four digits or more. */
function scaled(text, k, delta = 0) {
  const plain = text.replace(/,/g, "");
  const decimals = (/\.(\d+)$/.exec(plain)?.[1] ?? "").length;
  const v = new Decimal(plain).plus(delta).div(new Decimal(10).pow(k)).toFixed(decimals + k);
  const [int, frac] = v.split(".");
  const grouped = text.includes(",") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return frac ? `${grouped}.${frac}` : grouped;
}

/** Rewrites printed cells of tab-separated lines: edits is Map<line, Map<column, newText>> (1-based). */
function rewriteCells(lines, edits) {
  for (const [line, cols] of edits) {
    const cells = lines[line - 1].split("\t");
    let col = 1;
    for (let i = 0; i < cells.length; i++) {
      const next = col + [...cells[i]].length + 1;
      const edit = cols.get(col);
      if (edit !== undefined) cells[i] = cells[i].replace(cells[i].trim(), edit);
      col = next;
    }
    lines[line - 1] = cells.join("\t");
  }
}

/** One synthetic department in text form, and what was injected into it (or null). */
export function syntheticText(seedText, i, { inject = false, random = prng(i + 1) } = {}) {
  const name = departmentName(i);
  let text = seedText.split(SEED_DEPARTMENT).join(name);
  for (const [unit, suffix] of SEED_UNITS) text = text.split(unit).join(`${name}${suffix}`);
  const k = Math.floor(i / FORMS.length) % 3;
  const doc = loadMarkdown("synthetic.md", text, defaultTemplate);
  const edits = new Map();
  const candidates = [];
  for (const t of doc.tables)
    for (const r of t.rows)
      for (const [key, cell] of Object.entries(r.cells)) {
        const a = cell.amount;
        if (!a) continue;
        const { line, column } = a.location;
        if (!edits.has(line)) edits.set(line, new Map());
        edits.get(line).set(column, scaled(a.text, k));
        if (["T3", "T7", "T8"].includes(t.id) && r.kind === "code" && key === "total" && r.unit) candidates.push({ t, r, a });
      }
  let injected = null;
  if (inject) {
    const { t, r, a } = candidates[Math.floor(random() * candidates.length)];
    edits.get(a.location.line).set(a.location.column, scaled(a.text, k, 100));
    injected = { table: t.id, unit: r.unit, code: r.code, stated: scaled(a.text, k, 100).replace(/,/g, "") };
  }
  const lines = text.split("\n");
  rewriteCells(lines, edits);
  // Amounts in the written parts (… 万元) scale alike; percentages do not change.
  const tabless = (l) => !l.includes("\t");
  // So do the amounts of 第七部分's table of key projects (项目名称 / 预算数（万元）), printed as tab-separated
  // rows inside the written parts, before the first standard table.
  const firstTable = Math.min(...doc.tables.map((t) => t.location.line ?? Infinity));
  const keyProject = (l, i) => i + 1 < firstTable && /^[^\t]+\t\s*\d[\d, ]*(?:\.\d+)?\s*\t/.test(l);
  const out = lines.map((l, i) =>
    tabless(l)
      ? l.replace(/(\d[\d,]*(?:\.\d+)?)(\s*万元)/g, (_, n, u) => `${scaled(n, k)}${u}`)
      : keyProject(l, i)
        ? l.replace(/\t\s*(\d[\d, ]*(?:\.\d+)?)\s*\t/, (_, n) => `\t${scaled(n.replace(/\s/g, ""), k)}\t`)
        : l,
  );
  return { name, text: out.join("\n"), injected };
}

/**
 * Writes `n` synthetic departments into `dir` (d0000-text.md, d0001-csv/, d0002-xlsx.xlsx, …) and
 * returns the manifest: path, form, department, injected (null or { table, unit, code, stated }).
 * `forms` picks the forms rotated through (default all three; `["text"]` for a text-only corpus).
 */
export async function generateCorpus({ seedText, n, dir, injectEvery = 10, forms = FORMS }) {
  mkdirSync(dir, { recursive: true });
  const manifest = [];
  for (let i = 0; i < n; i++) {
    const form = forms[i % forms.length];
    const { name, text, injected } = syntheticText(seedText, i, { inject: i % injectEvery === injectEvery - 1 });
    const id = `d${String(i).padStart(4, "0")}`;
    let path;
    if (form === "text") {
      path = join(dir, `${id}-text.md`);
      writeFileSync(path, text);
    } else {
      const parts = splitDocument(text);
      if (form === "csv") {
        path = join(dir, `${id}-csv`);
        mkdirSync(path, { recursive: true });
        for (const [t, rows] of parts.tables) writeFileSync(join(path, `${t}.csv`), csvText(rows.map((r) => r.cells)));
        writeFileSync(join(path, "document.md"), parts.narrative);
      } else {
        path = join(dir, `${id}-xlsx.xlsx`);
        const wb = buildWorkbook(parts.narrative, [...parts.tables].map(([t, rows]) => [t, rows.map((r) => r.cells)]), { textAmounts: new Set(["表1"]) });
        await wb.xlsx.writeFile(path);
      }
    }
    manifest.push({ path, form, department: name, injected });
  }
  return manifest;
}

/**
 * Compares a JSON report of the corpus with the manifest: every injected error found (an error
 * finding on the injected row: same table, unit and code), in a clean department no error beyond the
 * seed's own (`cleanErrors`: its text's wrong percentages), no failure.
 * Returns the list of problems (empty when all is as expected).
 */
export function verifyReport(report, manifest, cleanErrors = 0) {
  const byPath = new Map(report.documents.map((d) => [d.path, d]));
  const problems = [];
  for (const m of manifest) {
    const d = byPath.get(m.path);
    if (!d) problems.push(`${m.path}: missing from the report`);
    else if (d.failure) problems.push(`${m.path}: unreadable: ${d.failure.message}`);
    else if (d.department !== m.department) problems.push(`${m.path}: department read as ${d.department}, expected ${m.department}`);
    else if (m.injected) {
      const hit = d.findings.some((f) => f.severity === "error" && f.table === m.injected.table && f.unit === m.injected.unit && f.code === m.injected.code);
      if (!hit) problems.push(`${m.path}: injected error not found (${m.injected.table} ${m.injected.unit} ${m.injected.code} 支出总计 ${m.injected.stated})`);
    } else if (d.summary.error !== cleanErrors) problems.push(`${m.path}: ${d.summary.error} errors in a clean department`);
  }
  return problems;
}
