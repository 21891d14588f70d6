// Measures the diagnosis (docs/diagnosis.md) on the seed: every amount of the chosen tables changed by
// each delta, plus a seeded random sample of larger typos in every table. For each typo: is the typo's
// own figure named (a diagnosis finding at its line and column), is the original value the suggestion,
// how many errors are left unexplained. Run after `npm run build`:
//   node scripts/diagnosis-mutation.mjs [--tables T3,T7,T8] [--deltas 3,-3] [--every N] [--larger N]
//                                       [--weights uniform|text-heavier|total-lighter] [--json out.json]
//                                       [--part i/n]  (only every n-th typo from the i-th: run parts in parallel)
//   node scripts/diagnosis-mutation.mjs --merge a.json b.json …   (the summary of parts' --json outputs)
//   --compare: diagnose each typo twice, with the exact search (src/diagnosis/fast.ts) and with the solver
//   only, and report every typo where the findings differ (none may) and how many the search answered.
// yoy-change is off: the seed's own six wrong percentages are not typos of the tables.
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { loadMarkdown, defaultTemplate, runRules, emptyLog, rules, diagnose, diagnosisCounts, WEIGHT_SCHEMES, solverSolves } = await import(join(ROOT, "dist/lib/index.js"));

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const tables = arg("tables", "T3,T7,T8").split(",").filter(Boolean);
const deltas = arg("deltas", "3,-3").split(",").filter(Boolean).map(Number);
const every = Number(arg("every", "1"));
const compare = args.includes("--compare");
const larger = Number(arg("larger", "0"));
const scheme = WEIGHT_SCHEMES.find((w) => w.name === arg("weights", "uniform"));
if (!scheme) throw new Error(`no weight scheme ${arg("weights")}`);
const SEED = "fixtures/shenzhen-sast-2023/document.md";
const text = readFileSync(join(ROOT, SEED), "utf8");
const lines = text.split("\n");
const seedDoc = loadMarkdown(SEED, text, defaultTemplate);

/** Every printed amount: table, line, column (code points, 1-based), text. */
const amounts = [];
for (const t of seedDoc.tables)
  for (const r of t.rows)
    for (const cell of Object.values(r.cells))
      if (cell.amount && cell.location.line) amounts.push({ table: t.id, line: cell.location.line, column: cell.location.column, text: cell.amount.text, value: cell.amount.value, decimals: cell.amount.decimals });

function mutate(a, newText) {
  const chars = [...lines[a.line - 1]];
  const at = a.column - 1;
  const old = chars.slice(at, at + [...a.text].length).join("");
  if (old !== a.text) throw new Error(`line ${a.line}:${a.column}: expected ${a.text}, found ${old}`);
  chars.splice(at, [...a.text].length, ...newText);
  const out = [...lines];
  out[a.line - 1] = chars.join("");
  return out.join("\n");
}

const fmt = (v, d) => v.toFixed(d);
const typos = [];
for (const table of tables) {
  const list = amounts.filter((a) => a.table === table);
  list.forEach((a, i) => {
    if (i % every !== 0) return;
    for (const d of deltas) {
      const nv = a.value.plus(d);
      if (nv.isNegative()) continue;
      typos.push({ a, to: fmt(nv, a.decimals), kind: `${d > 0 ? "+" : ""}${d}` });
    }
  });
}
// Larger typos: a seeded sample over every table — a digit transposed, or ×10, or +/− a random 10–999.
let seed = 20231201;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let n = 0; n < larger; n++) {
  const a = amounts[Math.floor(rand() * amounts.length)];
  const digits = a.value.abs().toFixed(a.decimals).replace(".", "");
  const r = rand();
  let to;
  if (r < 0.4 && digits.length >= 2) {
    const i = Math.floor(rand() * (digits.length - 1));
    const s = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
    to = a.decimals ? `${s.slice(0, -a.decimals)}.${s.slice(-a.decimals)}` : s.replace(/^0+(?=\d)/, "");
    if (to === a.value.toFixed(a.decimals)) to = fmt(a.value.plus(10), a.decimals);
  } else if (r < 0.6) to = fmt(a.value.times(10), a.decimals);
  else to = fmt(a.value.plus((rand() < 0.5 ? -1 : 1) * (10 + Math.floor(rand() * 990))).abs(), a.decimals);
  if (Number(to) === a.value.toNumber()) {
    n--; // ×10 of a printed 0: no typo at all; draw again
    continue;
  }
  typos.push({ a, to, kind: "larger" });
}

const [part, parts] = arg("part", "0/1").split("/").map(Number);
const results = [];
const started = Date.now();
const merge = args.includes("--merge") ? args.slice(args.indexOf("--merge") + 1) : null;
// (Parts measured before the redraw above may hold a "larger typo" that changed nothing: not a typo.)
if (merge) for (const f of merge) results.push(...JSON.parse(readFileSync(f, "utf8")).results.filter((r) => Number(r.from.replace(/,/g, "")) !== Number(r.to)));
for (const [n, t] of typos.entries()) {
  if (merge || n % parts !== part) continue;
  const text = mutate(t.a, t.to);
  const run = async (exactSearch) => {
    const doc = loadMarkdown(SEED, text, defaultTemplate);
    const log = emptyLog();
    const findings = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en", severities: { "yoy-change": "off" }, log });
    const t0 = Date.now();
    const solves = solverSolves();
    const diag = await diagnose(doc, findings, log, { lang: "en", severity: "error", seconds: 10, weights: scheme, exactSearch });
    return { findings, diag, ms: Date.now() - t0, solves: solverSolves() - solves };
  };
  const exactBefore = diagnosisCounts().exact;
  const { findings, diag, ms, solves } = await run(true);
  const exact = diagnosisCounts().exact - exactBefore;
  let same = null;
  if (compare) {
    const solved = await run(false);
    same = JSON.stringify([findings, diag]) === JSON.stringify([solved.findings, solved.diag]);
    if (!same) console.error(`DIFFERENT: ${t.a.table} line ${t.a.line}: ${t.a.text} → ${t.to}`);
  }
  const all = [...findings, ...diag];
  const mine = diag.find((f) => f.location.line === t.a.line && f.location.column === t.a.column);
  const anyError = findings.some((f) => f.severity === "error");
  results.push({
    table: t.a.table,
    line: t.a.line,
    from: t.a.text,
    to: t.to,
    kind: t.kind,
    detected: anyError,
    named: !!mine,
    rightValue: !!mine && mine.computed === t.a.value.toFixed(),
    suggested: mine?.computed ?? null,
    tie: !!mine && mine.diagnosis.alternatives.length > 0,
    // Named, or listed among equally small explanations (a tie the identities cannot break).
    listed: !!mine || diag.some((f) => f.diagnosis.alternatives.flat().some((p) => p.location.line === t.a.line && p.location.column === t.a.column)),
    proven: diag.every((f) => f.diagnosis.proven),
    errors: all.filter((f) => f.severity === "error" && !f.explainedBy).length,
    errorsBefore: findings.filter((f) => f.severity === "error").length,
    diagnoses: diag.length,
    ms,
    exact,
    solves,
    ...(compare ? { same } : {}),
  });
  if (process.env.VERBOSE) console.error(JSON.stringify(results.at(-1)));
}

function summary(rs) {
  const n = rs.length;
  const detected = rs.filter((r) => r.detected);
  const med = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : null);
  return {
    typos: n,
    detected: detected.length,
    named: detected.filter((r) => r.named).length,
    namedOrTied: detected.filter((r) => r.named || r.listed).length,
    rightValue: detected.filter((r) => r.rightValue).length,
    ties: detected.filter((r) => r.tie).length,
    exactlyOneError: detected.filter((r) => r.errors === 1).length,
    errorsMedian: med(detected.map((r) => r.errors)),
    errorsMax: detected.length ? Math.max(...detected.map((r) => r.errors)) : null,
    errorsBeforeMedian: med(detected.map((r) => r.errorsBefore)),
    errorsBeforeMax: detected.length ? Math.max(...detected.map((r) => r.errorsBefore)) : null,
    notProven: rs.filter((r) => !r.proven).length,
    msMedian: med(rs.map((r) => r.ms)),
    msMax: Math.max(...rs.map((r) => r.ms)),
    // Groups the exact search answered, and typos diagnosed without a single solve.
    exactGroups: rs.reduce((s, r) => s + (r.exact ?? 0), 0),
    withoutSolver: rs.filter((r) => r.diagnoses > 0 && r.solves === 0).length,
    ...(rs.some((r) => r.same !== undefined) ? { differing: rs.filter((r) => r.same === false).length } : {}),
  };
}
const byKind = {};
for (const k of new Set(results.map((r) => `${r.table} ${r.kind === "larger" ? "larger" : "±"}`))) byKind[k] = summary(results.filter((r) => `${r.table} ${r.kind === "larger" ? "larger" : "±"}` === k));
const out = { weights: merge ? JSON.parse(readFileSync(merge[0], "utf8")).weights : scheme, tables, deltas, every, larger, seconds: (Date.now() - started) / 1000, all: summary(results), byKind, misses: results.filter((r) => r.detected && (!r.named || !r.rightValue || r.errors !== 1)) };
console.log(JSON.stringify(out, null, 2));
const json = arg("json", null);
if (json) writeFileSync(json, JSON.stringify({ ...out, results }, null, 2));
