#!/usr/bin/env node
// Measures checking and diagnosis on real documents in text form (layout text, Markdown): every figure printed
// in the file — a number with a thousands separator or decimals, or one followed by 元/万元 — is mistyped in turn
// (its first digit one higher, as a slipped key would), and the document is checked again. For each typo: is it
// caught (an error or warning the document did not have), is its figure named first by a diagnosis (a finding at
// its line and column), with the original value, or listed among equally small explanations, or are only other
// figures named, or nothing diagnosed. Figures the tool does not read, or reads into no identity, show as not caught:
// the list of those is the point of the --missed option. Complements scripts/diagnosis-mutation.mjs, which mutates
// the seed's table cells as read.
//   npm run build && node scripts/document-mutation.mjs <file.txt|file.md>… [--every N] [--missed] [--json out.json] [--dist <folder>]
// (docs/diagnosis.md, "Real documents, one figure mistyped", records its figures.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
// (--dist: another build's dist folder, to compare two builds on the same typos.)
const { loadPackage, findPackages, runRules, emptyLog, rules, diagnose } = await import(join(resolve(opt("--dist", join(ROOT, "dist"))), "lib", "index.js"));
const every = Number(opt("--every", "1"));
const jsonOut = opt("--json", null);
const showMissed = args.includes("--missed");
const files = args.filter((a, i) => !a.startsWith("--") && !["--every", "--json", "--dist"].includes(args[i - 1]));
if (!files.length || !(every >= 1)) {
  console.error("usage: document-mutation.mjs <file.txt|file.md>… [--every N] [--missed] [--json out.json] [--dist <folder>]");
  process.exit(2);
}

/** A printed figure: 1,234 or 1,234.56, 12.34 (with its minus sign), or a whole number followed by 元 or 万元 (not a year, a code or a count). */
const FIGURE = /(?<![\d.,])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])-?\d+\.\d+(?![\d%])|(?<![\d.,])\d+(?=\s*万?元)/g;

/** The figure with its first digit one higher (9 → 0; a leading 0 → 2 rather than a leading 0 kept). */
function slipped(s) {
  const j = s.search(/\d/);
  let d = (Number(s[j]) + 1) % 10;
  if (d === 0 && j === 0 && s.length > 1) d = 2;
  return s.slice(0, j) + d + s.slice(j + 1);
}

/** A figure's digits as a decimal string without separators or trailing zeros (1,230.50 → 1230.5; 0.00 → 0). */
const plain = (s) => s.replace(/,/g, "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

const work = mkdtempSync(join(tmpdir(), "document-mutation-"));
async function check(file, text) {
  const path = join(work, basename(file));
  writeFileSync(path, text);
  const [pkg] = findPackages(path);
  const doc = await loadPackage(pkg, {});
  const log = emptyLog();
  const findings = runRules(doc, rules, { tolerance: { kind: "auto" }, severities: {}, lang: "en", log });
  const found = await diagnose(doc, findings, log, { lang: "en", severity: "error", seconds: 60 });
  return [...findings, ...found].filter((f) => f.severity !== "info");
}
const key = (f) => `${f.ruleId}|${f.location?.line}|${f.location?.column}|${f.stated}|${f.computed}`;

const summary = [];
const results = [];
try {
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n");
    const before = new Set((await check(file, text)).map(key));
    const sites = [];
    lines.forEach((l, i) => {
      for (const m of l.matchAll(FIGURE)) sites.push({ line: i + 1, index: m.index, text: m[0] });
    });
    const counts = { typos: 0, caught: 0, namedFirst: 0, originalValue: 0, listed: 0, othersNamed: 0, noDiagnosis: 0, manyDiagnoses: 0 };
    for (let k = 0; k < sites.length; k += every) {
      const { line, index, text: printed } = sites[k];
      const typed = slipped(printed);
      const copy = lines.slice();
      copy[line - 1] = copy[line - 1].slice(0, index) + typed + copy[line - 1].slice(index + printed.length);
      const fresh = (await check(file, copy.join("\n"))).filter((f) => !before.has(key(f)));
      // The figure's column as the reports count it: characters (code points), 1-based, a page's form feed included.
      const column = [...lines[line - 1].slice(0, index)].length + 1;
      const here = (l) => l && l.line === line && l.column === column;
      const diagnoses = fresh.filter((f) => f.ruleId === "diagnosis");
      const first = diagnoses.find((f) => here(f.location));
      const listed = !first && diagnoses.some((f) => [...(f.diagnosis?.alternatives ?? []), f.diagnosis?.together ?? []].some((alt) => alt.some((p) => here(p.location))));
      const original = !!first && first.computed !== null && plain(first.computed) === plain(printed);
      const outcome = !fresh.length ? "missed" : first ? "named first" : listed ? "listed" : diagnoses.length ? "others named" : "no diagnosis";
      counts.typos++;
      if (fresh.length) counts.caught++;
      if (first) counts.namedFirst++;
      if (original) counts.originalValue++;
      if (listed) counts.listed++;
      if (outcome === "others named") counts.othersNamed++;
      if (outcome === "no diagnosis") counts.noDiagnosis++;
      if (diagnoses.length > 3) counts.manyDiagnoses++;
      results.push({ file: basename(file), line, column, from: printed, to: typed, outcome, original, diagnoses: diagnoses.length });
      if (showMissed && outcome !== "named first") console.log(`  ${outcome}: ${basename(file)}:${line}:${column} ${printed} → ${typed} | ${lines[line - 1].trim().slice(0, 60)}`);
    }
    summary.push({ file: basename(file), ...counts });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cols = ["typos", "caught", "namedFirst", "originalValue", "listed", "othersNamed", "noDiagnosis", "manyDiagnoses"];
console.log(`| document | ${cols.join(" | ")} |`);
console.log(`| --- | ${cols.map(() => "---:").join(" | ")} |`);
for (const s of summary) console.log(`| ${s.file} | ${cols.map((c) => s[c]).join(" | ")} |`);
if (summary.length > 1) console.log(`| all | ${cols.map((c) => summary.reduce((n, s) => n + s[c], 0)).join(" | ")} |`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ every, summary, results }, null, 1));
