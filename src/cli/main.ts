import { readFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Command, CommanderError, Help, Option } from "commander";
import { checkInputs, isFolder, loadModels, packageOptions, parseTolerance, previousYear, solverSeconds, type CheckOptions } from "../check.js";
import { CONFIG_NAME, ConfigError, readConfig, type Config } from "../config.js";
import type { Lang, Severity, SeveritySetting } from "../engine/types.js";
import { formatLocation } from "../model/location.js";
import { makeReport, type DocumentReport } from "../report.js";
import { RunOutcome } from "./outcome.js";
import { draftAccepted, problemLine, today } from "../accepted.js";
import { openOutputAtomically, overwritesInput, sameFile, writeOutputAtomically } from "../output.js";
import { visibleControls } from "../reporters/escape.js";
import { formatters } from "../reporters/index.js";
import { jsonChunks, streams, type ReportStream } from "../reporters/json.js";
import { ruleById, rules } from "../rules/index.js";
import { discoverPackages, packageKind } from "../loaders/index.js";
import { templates } from "../templates/index.js";
import { noteText } from "../i18n/notes.js";
import { inputErrorText } from "../i18n/input-errors.js";
import { progressBar } from "./progress.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const VERSION: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

/** A usage error: printed as one line, exit status 2. */
class UsageError extends Error {}

function defaultLang(): Lang {
  const l = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return l.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function parseRuleSetting(spec: string, acc: Record<string, SeveritySetting>): Record<string, SeveritySetting> {
  const m = /^([a-z][a-z0-9-]*)=(off|info|warning|error)$/.exec(spec);
  if (!m) throw new UsageError(`--rule ${spec}: expected <rule-id>=<off|info|warning|error>`);
  if (!ruleById(m[1])) throw new UsageError(`--rule ${spec}: no rule '${m[1]}' (budget-check rules lists them)`);
  return { ...acc, [m[1]]: m[2] as SeveritySetting };
}

interface CheckFlags {
  format: string;
  output?: string;
  failOn?: Severity | "never";
  tolerance?: string;
  rule: Record<string, SeveritySetting>;
  lang?: Lang;
  quiet?: boolean;
  color: boolean;
  encoding?: string;
  config?: string;
  annotate?: string;
  previous?: string;
  template?: string;
  timeout?: string;
  report: ReportSpec[];
  includeRounding?: boolean;
  showRounding?: boolean;
  writeAccepted?: string | boolean;
}

/** `--report <format>=<path>`: one more report of the same run, written to a file. */
interface ReportSpec {
  format: string;
  path: string;
}

function parseReportSpec(spec: string, acc: ReportSpec[]): ReportSpec[] {
  const m = /^([a-z]+)=(.+)$/.exec(spec);
  if (!m || !formatters[m[1]]) throw new UsageError(`--report ${spec}: expected <format>=<file> with a format of ${Object.keys(formatters).join(", ")}`);
  return [...acc, { format: m[1], path: m[2] }];
}

/**
 * Writes one output file (a report, the --write-accepted draft). The one place the CLI writes files, so
 * that an atomic write can replace it. Throws UsageError naming the option and the file.
 */
function writeOutput(option: string, path: string, chunks: Iterable<string>): void {
  try {
    writeOutputAtomically(path, chunks);
  } catch (e) {
    throw new UsageError(`${option} ${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** --output of a streamed report: written piece by piece into a temporary file renamed over the path at the end. */
function atomicOutput(option: string, path: string): { write(s: string | Uint8Array, written?: () => void): void; commit(): void } {
  const fail = (e: unknown) => new UsageError(`${option} ${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  let out: ReturnType<typeof openOutputAtomically>;
  try {
    out = openOutputAtomically(path);
  } catch (e) {
    throw fail(e);
  }
  return {
    write(s, written) {
      try {
        out.write(s);
      } catch (e) {
        throw fail(e);
      }
      written?.();
    },
    commit() {
      try {
        out.commit();
      } catch (e) {
        throw fail(e);
      }
    },
  };
}

/** --timeout: a positive number of seconds. */
function timeoutOf(text: string): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0)) throw new UsageError(`--timeout ${text}: expected a positive number of seconds`);
  return n;
}

function toleranceOf(text: string, source: string) {
  const tolerance = parseTolerance(text);
  if (!tolerance) throw new UsageError(`${source} ${text}: expected auto or a non-negative number`);
  return tolerance;
}

/**
 * Where rule doc pages are linked from (SARIF helpUri): BUDGET_CHECK_DOCS_URL (e.g. the docs/rules/
 * folder of the project's repository on your Git server), else the pages installed with the tool.
 */
function docsBaseUri(): string {
  return process.env.BUDGET_CHECK_DOCS_URL || pathToFileURL(join(ROOT, "docs", "rules") + "/").href;
}

async function runCheck(inputs: string[], flags: CheckFlags, io: { out: (s: string | Uint8Array, written?: () => void) => void; isTTY: boolean }): Promise<number> {
  const format = formatters[flags.format];
  if (!format) throw new UsageError(`--format ${flags.format}: expected one of ${Object.keys(formatters).join(", ")}`);
  const cliTolerance = flags.tolerance !== undefined ? toleranceOf(flags.tolerance, "--tolerance") : null;
  const encodings = ["utf-8", "utf-16le", "utf-16be", "gb18030"];
  const encoding = flags.encoding?.toLowerCase().replace(/^(gbk|gb2312)$/, "gb18030").replace(/^utf8$/, "utf-8");
  if (encoding && !encodings.includes(encoding)) throw new UsageError(`--encoding ${flags.encoding}: expected one of utf-8, utf-16le, utf-16be, gb18030 (gbk)`);
  let explicit: Config | null = null;
  if (flags.config) {
    try {
      explicit = readConfig(flags.config, rules.map((r) => r.id));
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(`${formatLocation(e.location)}: ${inputErrorText(e.message, flags.lang ?? defaultLang())}`);
      throw e;
    }
  }
  // Each package: defaults < its configuration file < command-line options (check.ts packageOptions).
  const base: CheckOptions = {
    tolerance: cliTolerance ?? { kind: "auto" },
    severities: flags.rule,
    lang: flags.lang ?? explicit?.lang ?? defaultLang(),
    encoding: encoding as never,
    config: { file: flags.config ?? null, cli: { tolerance: cliTolerance !== null, lang: flags.lang !== undefined } },
    previous: flags.previous,
    template: flags.template,
  };
  const annotated = flags.annotate ? annotateSource(inputs, flags.annotate) : null;
  checkOutputTargets(inputs, flags);
  // The progress bar is for a person watching a terminal: never when stderr is piped or with --quiet.
  const bar = process.stderr.isTTY && !flags.quiet ? progressBar(process.stderr, Date.now, base.lang) : undefined;
  // What a batch folder holds but is not checked is said on stderr, whether or not the bar is shown.
  const skipped = (path: string, why: string) => process.stderr.write(`budget-check: ${visibleControls(path)}: skipped: ${why}\n`);
  const noted = (path: string, note: string) =>
    process.stderr.write(`budget-check: ${visibleControls(path)}: ${base.lang === "zh" ? "说明：" : "note: "}${noteText(note, base.lang)}\n`);
  const progress = bar ? Object.assign(bar, { skipped, noted }) : { start() {}, done() {}, end() {}, skipped, noted };
  const timeout = flags.timeout !== undefined ? timeoutOf(flags.timeout) : undefined;
  // JSON and JSON Lines alone (no other report, draft or annotated copy) are written document by document
  // as the batch goes (each document's text made on its worker): of a written document only a brief is
  // kept (report.ts briefOf), so memory does not grow with the batch. Other runs make the whole report.
  const stream: ReportStream | null =
    (flags.format === "json" || flags.format === "jsonl") && !flags.annotate && flags.writeAccepted === undefined && flags.report.length === 0 ? streams[flags.format] : null;
  const tool = { name: "budget-check" as const, version: VERSION };
  let streamed: { write(s: string | Uint8Array, written?: () => void): void; commit(): void } | null = null;
  // What the end of the run needs, gathered as each document is handed over (cli/outcome.ts).
  const outcome = new RunOutcome(base);
  // A streamed run keeps no document: only the outcome.
  let documents: DocumentReport[] = [];
  if (stream) {
    streamed = flags.output ? atomicOutput("--output", flags.output) : { write: io.out, commit() {} };
    const out = streamed;
    out.write(stream.start(tool));
    let first = true;
    await checkInputs(inputs, base, progress, {
      timeout,
      serialize: flags.format as "json" | "jsonl",
      onReport: (d, text, release) => {
        if (!first && stream.separator) out.write(stream.separator);
        first = false;
        out.write(text ?? stream.document(d), release);
        outcome.add(d);
      },
    });
  } else {
    documents = await checkInputs(inputs, base, progress, { timeout });
    for (const d of documents) outcome.add(d);
  }
  // Run-wide settings: the command line, else the first configuration file used; rules off per document.
  const used = outcome.used;
  const rulesOff = new Map<string, Set<string>>();
  for (const d of documents) {
    if (d.failure) continue;
    const pkg = { path: d.path, kind: packageKind(d.format) };
    rulesOff.set(d.path, new Set(Object.entries(packageOptions(pkg, base).severities).filter(([, v]) => v === "off").map(([k]) => k)));
  }
  const lang = flags.lang ?? used.find((c) => c.lang)?.lang ?? base.lang;
  const failOn = flags.failOn ?? used.find((c) => c.failOn)?.failOn ?? "error";
  const wantsHtml = flags.format === "html" || flags.report.some((r) => r.format === "html");
  const models = wantsHtml ? await loadModels(documents, base) : undefined;
  const report = makeReport(VERSION, documents, outcome.totals);
  const problems = outcome.acceptedProblems();
  if (problems.length) report.acceptedProblems = problems;
  const color = flags.color && !process.env.NO_COLOR && !flags.output && io.isTTY;
  const options = { lang, quiet: !!flags.quiet, failOn, rules, docsBaseUri: docsBaseUri(), documents: models, rulesOff, includeRounding: !!flags.includeRounding, showRounding: !!flags.showRounding };
  // One check, then every requested format over the same report. JSON is written document by document
  // (a batch's report can be ~100 MB), other formats whole.
  const render = (name: string, colour: boolean): Iterable<string> => (name === "json" ? jsonChunks(report) : [formatters[name](report, { ...options, color: colour })]);
  if (stream && streamed) {
    const { documents: _written, ...rest } = report;
    streamed.write(stream.end(rest));
    streamed.commit();
  } else if (flags.writeAccepted !== undefined) {
    // The draft replaces the report on stdout, or goes to the file given.
    const until = new Date(Date.parse(today()) + 365 * 86_400_000).toISOString().slice(0, 10);
    const draft = JSON.stringify(draftAccepted(documents.flatMap((d) => d.findings.filter((f) => !f.accepted)), until), null, 2) + "\n";
    if (typeof flags.writeAccepted === "string") writeOutput("--write-accepted", flags.writeAccepted, [draft]);
    else io.out(draft);
  } else if (flags.output) writeOutput("--output", flags.output, render(flags.format, false));
  else for (const c of render(flags.format, color)) io.out(c);
  for (const r of flags.report) writeOutput("--report", r.path, render(r.format, false));
  if (flags.annotate && !documents[0].failure) {
    try {
      // exceljs and pdf-lib are large: loaded only when --annotate is given. Say where the copy went
      // (stderr: stdout holds the report).
      if (documents[0].format === "pdf") {
        const { annotatePdf } = await import("../annotate-pdf.js");
        const r = await annotatePdf(annotated!, flags.annotate, documents[0].findings, lang);
        process.stderr.write(
          lang === "zh"
            ? `budget-check: 已写出标注副本 ${flags.annotate}（${r.boxed} 个数字框出，书签列出全部 ${r.listed} 个问题）\n`
            : `budget-check: wrote the annotated copy to ${flags.annotate} (${r.boxed} figures boxed; its outline lists all ${r.listed} findings)\n`,
        );
      } else {
        const { annotateWorkbook } = await import("../annotate.js");
        const cells = await annotateWorkbook(annotated!, flags.annotate, documents[0].findings, lang);
        process.stderr.write(
          lang === "zh"
            ? `budget-check: 已写出标注副本 ${flags.annotate}（${cells} 个单元格标注，首个工作表为问题清单）\n`
            : `budget-check: wrote the annotated copy to ${flags.annotate} (${cells} cells marked; its first sheet lists the findings)\n`,
        );
      }
    } catch (e) {
      throw new UsageError(`--annotate ${flags.annotate}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  for (const { path, failure } of outcome.failures) process.stderr.write(`budget-check: ${visibleControls(`${failure!.location ? formatLocation(failure!.location) : path}: ${failure!.message}`)}\n`);
  for (const p of problems) process.stderr.write(`budget-check: ${visibleControls(problemLine(p, lang))}\n`);
  if (flags.previous) {
    // --previous is last year's: the same year as a document checked against it is a mistake to point out.
    const year = await previousYear(flags.previous, base.encoding);
    for (const d of outcome.years ?? [])
      if (year !== null && d.year === year)
        process.stderr.write(
          lang === "zh"
            ? `budget-check: 警告：--previous ${flags.previous} 是 ${year} 年的文件，与 ${d.path} 同一年度；应为上一年度（${year - 1} 年）的文件\n`
            : `budget-check: warning: --previous ${flags.previous} is for ${year}, the same year as ${d.path}; it should be last year's (${year - 1})\n`,
        );
  }
  return outcome.status(failOn);
}

/**
 * --annotate writes a copy of one workbook or PDF: the input itself, or the workbook of a folder that is one package of
 * a workbook and its 情况说明 (whose tables' findings are the workbook's cells; the text's are listed on the copy's first
 * sheet). The file copied is returned. Anything else is refused, and above all writing over the input.
 */
function annotateSource(inputs: string[], out: string): string {
  let source = inputs.length === 1 ? inputs[0] : "";
  if (source && isFolder(source)) {
    const found = discoverPackages(source);
    const pair = found.packages.length === 1 && found.problems.length === 0 ? found.packages[0].pair : undefined;
    source = pair ? pair.workbook : "";
  }
  const ext = extname(source).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".pdf")
    throw new UsageError(
      `--annotate ${out}: needs exactly one .xlsx workbook or .pdf document as input, or a folder of an .xlsx workbook and its 情况说明 (got ${inputs.join(", ")})`,
    );
  if (extname(out).toLowerCase() !== ext) throw new UsageError(`--annotate ${out}: the annotated copy of a ${ext} input must be a ${ext} file`);
  if (sameFile(out, source)) throw new UsageError(`--annotate ${out}: that is the input ${ext === ".pdf" ? "PDF" : "workbook"}; choose another file (the input is never modified)`);
  return source;
}

/**
 * No output may overwrite an input (a document, a file of an input package, --previous) or another
 * output of the same run (--annotate X --output X would silently keep only one of them).
 */
function checkOutputTargets(inputs: string[], flags: CheckFlags): void {
  const read = flags.previous ? [...inputs, flags.previous] : inputs;
  const targets: [string, string | undefined][] = [
    ["--output", flags.output],
    ["--annotate", flags.annotate],
    ...(flags.report ?? []).map((r): [string, string] => ["--report", r.path]),
    ["--write-accepted", typeof flags.writeAccepted === "string" ? flags.writeAccepted : undefined],
  ];
  for (const [option, path] of targets) {
    if (!path) continue;
    const why = overwritesInput(path, read);
    if (why) throw new UsageError(`${option} ${path}: ${why}; choose another file (inputs are never modified)`);
  }
  // Each output needs its own file: two of them on one path would silently keep only the last.
  const given = targets.filter((t): t is [string, string] => !!t[1]);
  for (let i = 0; i < given.length; i++)
    for (let k = i + 1; k < given.length; k++)
      if (sameFile(given[i][1], given[k][1])) throw new UsageError(`${given[i][0]} ${given[i][1]}: the same file as ${given[k][0]} ${given[k][1]}; each output needs its own file`);
}

/** A rule's page: docs/rules/<id>.md, or its Chinese version docs/rules/zh/<id>.md. */
function readDoc(id: string, lang: Lang): string {
  const rel = lang === "zh" ? `docs/rules/zh/${id}.md` : `docs/rules/${id}.md`;
  try {
    return readFileSync(join(ROOT, rel), "utf8");
  } catch {
    throw new UsageError(lang === "zh" ? `explain ${id}：本次安装缺少文档 ${rel}` : `explain ${id}: its documentation page ${rel} is missing from this installation`);
  }
}

/** The rule id nearest to a mistyped one (`yoy` → `yoy-change`), or null. */
function closestRule(id: string): string | null {
  const prefix = rules.filter((r) => r.id.startsWith(id) || r.id.split("-").includes(id));
  if (prefix.length === 1) return prefix[0].id;
  let best: { id: string; d: number } | null = null;
  for (const r of rules) {
    const d = editDistance(id, r.id);
    if (d <= Math.max(2, Math.floor(r.id.length / 4)) && (!best || d < best.d)) best = { id: r.id, d };
  }
  return best?.id ?? null;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The language of the CLI's own words (help, `rules`, `explain`, errors): `--lang` on the command line
 * (anywhere, so that `--help --lang zh` works), else LANG / LC_ALL.
 */
function cliLang(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--lang(?:=(.*))?$/.exec(argv[i]);
    if (!m) continue;
    const v = m[1] ?? argv[i + 1];
    if (v === "zh" || v === "en") return v;
  }
  return defaultLang();
}

/** Commander's own headings and notes, in Chinese. */
const HELP_ZH: [RegExp, string][] = [
  [/^Usage:/gm, "用法："],
  [/^Options:/gm, "选项："],
  [/^Commands:/gm, "命令："],
  [/^Arguments:/gm, "参数："],
  [/\(choices: /g, "（可选："],
  [/\(default: /g, "（默认："],
  [/, default: /g, "，默认："],
  [/（默认：([^()（）]*)\)/g, "（默认：$1）"],
  [/"\)/g, "\"）"],
  [/\[options\]/g, "[选项]"],
  [/\[command\]/g, "[命令]"],
];

/** Whether this process checked documents (src/cli/start.ts keeps only such a run's code cache for good). */
let checked = false;
export const checkedDocuments = (): boolean => checked;
/** Whether this process changed V8's flags (a batch's workers: batch/v8-flags.ts); such a run writes no code cache. */
export { v8FlagsChanged } from "../batch/v8-flags.js";

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  // `written` is called once stdout no longer needs the chunk (its buffer may then be reused).
  const out = (s: string | Uint8Array, written?: () => void) => process.stdout.write(s, written && (() => written()));
  const lang = cliLang(argv);
  const T = (en: string, zh: string) => (lang === "zh" ? zh : en);
  const program = new Command();
  const help = { formatHelp: (cmd: Command, helper: Help) => HELP_ZH.reduce((text, [re, to]) => (lang === "zh" ? text.replace(re, to) : text), Help.prototype.formatHelp.call(helper, cmd, helper)) };
  program
    .name("budget-check")
    .description(T("Check a department budget disclosure (部门预算公开): every table identity, rounding (尾数误差) told apart from real discrepancies.", "核对部门预算公开文件：逐一核对各表勾稽关系，区分尾数误差与真实差错。"))
    .version(VERSION, "-V, --version", T("output the version number", "显示版本号"))
    .helpOption("-h, --help", T("display help for command", "显示帮助"))
    .helpCommand("help [command]", T("display help for command", "显示命令的帮助"))
    .configureHelp(help)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: out })
    .showSuggestionAfterError(true);

  const check = program
    .command("check", { isDefault: true })
    .description(T("check documents, CSV folders, workbooks or batch folders (the default command)", "核对文件、CSV 文件夹、Excel 工作簿或批量文件夹（默认命令）"))
    .helpOption("-h, --help", T("display help for command", "显示帮助"))
    .configureHelp(help)
    .argument("<input...>", T("a document (.md/.txt/.html/.pdf/.docx/.doc), a CSV package folder, a workbook (.xlsx/.xls), or a folder of packages (a batch)", "文件（.md/.txt/.html/.pdf/.docx/.doc）、CSV 文件夹、工作簿（.xlsx/.xls），或多个部门的文件夹（批量）"))
    .addOption(new Option("--format <name>", T("report format", "报告格式")).choices(Object.keys(formatters)).default("text"))
    .option("--output <file>", T("write the report to a file instead of stdout", "将报告写入文件而非标准输出"))
    .addOption(new Option("--fail-on <level>", T("lowest severity that makes the exit status 1 (default: error)", "退出码为 1 的最低级别（默认：error）")).choices(["error", "warning", "info", "never"]))
    .option("--tolerance <auto|N>", T("auto: what rounding explains; N: a fixed absolute tolerance in the document's money unit (default: auto)", "auto：按尾数误差判断；N：以文件金额单位计的固定容差（默认：auto）"))
    .addOption(new Option("--rule <id=level>", T("set one rule's severity (off|info|warning|error); repeatable", "设置某条规则的级别（off|info|warning|error），可重复")).argParser(parseRuleSetting).default({}, T("none", "无")))
    .addOption(new Option("--lang <lang>", T("language of messages", "消息语言")).choices(["zh", "en"]))
    .option("--encoding <name>", T("force the input encoding (utf-8, utf-16le, utf-16be, gb18030/gbk); detected by default", "指定输入编码（utf-8、utf-16le、utf-16be、gb18030/gbk），默认自动识别"))
    .option("--config <file>", T(`a ${CONFIG_NAME} (rules, tolerance, failOn, lang); by default the nearest one above each input`, `配置文件 ${CONFIG_NAME}（规则、容差、failOn、语言、已接受问题）；默认使用各输入所在及上级文件夹中最近的一个`))
    .option("--annotate <file>", T("write a copy of the .xlsx or .pdf input with every finding's cell or figure marked and noted", "另存一份 .xlsx 或 .pdf 副本，标出每个问题所在的单元格或数字并加批注"))
    .option("--previous <input>", T("last year's document or package, for the year-on-year claims of the text", "上年文件，用于核对文字部分的同比数"))
    .option("--timeout <seconds>", T("time limit per package: one still being checked after it fails alone (exit 2), the rest go on", "每个文件包的时限（秒）：超时者单独记为失败（退出码 2），其余照常核对"))
    .addOption(new Option("--template <name>", T("read the inputs with this template instead of recognising one (budget-check templates lists them)", "按此模板读取（不自动识别；budget-check templates 列出全部模板）")).choices(templates.map((t) => t.name)))
    .addOption(new Option("--report <format=file>", T("also write the report in another format to a file, from the same run; repeatable (e.g. --report sarif=out.sarif)", "同一次核对另写一种格式的报告到文件，可重复（如 --report sarif=out.sarif）")).argParser(parseReportSpec).default([], T("none", "无")))
    .option("--quiet", T("errors only, in every format (the summary still counts everything)", "各格式均只列错误（汇总仍计全部）"))
    .option("--show-rounding", T("list the rounding notes one by one (text, markdown) instead of one line per table", "逐条列出尾数误差提示（text、markdown），默认每表一行"))
    .option("--include-rounding", T("SARIF: include the rounding notes as results of level note (left out by default)", "SARIF：包含尾数误差提示（默认不含）"))
    .option("--write-accepted [file]", T("print (or write to the file) a draft `accepted` list for the configuration: today's errors and warnings", "输出（或写入文件）配置中 accepted 清单的草稿：本次的错误和警告"))
    .option("--no-color", T("plain text (also when NO_COLOR is set or stdout is not a terminal)", "不使用颜色（设置 NO_COLOR 或输出不是终端时亦然）"))
    .action(async (inputs: string[], flags: CheckFlags) => {
      exitCode = await runCheck(inputs, flags, { out, isTTY: !!process.stdout.isTTY });
      checked = exitCode !== 2; // every input read and checked (not a usage error, nor one that failed)
    });
  // The top-level help shows the check options too: `check` is what people run.
  program.addHelpText("after", () => "\n" + T("Options of check (the default command):", "check（默认命令）的选项：") + "\n" + check.createHelp().formatHelp(check, check.createHelp()).split(/\n(?:Options|选项)[:：]\n/)[1]);

  program
    .command("balance")
    .description("尾差调平: the fewest ±1 changes of printed table figures that make every table identity hold exactly")
    .argument("<input>", "one document (.md/.txt), CSV package folder or .xlsx workbook")
    .addOption(new Option("--format <name>", "text, json or markdown").choices(["text", "json", "markdown"]).default("text"))
    .option("--output <file>", "write a balanced copy of the input there (.md/.txt document or .xlsx workbook; the input is never modified)")
    .addOption(new Option("--lang <lang>", "language of messages").choices(["zh", "en"]))
    .option("--encoding <name>", "force the input encoding (utf-8, utf-16le, utf-16be, gb18030/gbk); detected by default")
    .action(async (input: string, flags: { format: "text" | "json" | "markdown"; output?: string; lang?: Lang; encoding?: string }) => {
      const { runBalance, BalanceError } = await import("./balance.js");
      try {
        const encoding = flags.encoding?.toLowerCase().replace(/^(gbk|gb2312)$/, "gb18030").replace(/^utf8$/, "utf-8");
        if (encoding && !["utf-8", "utf-16le", "utf-16be", "gb18030"].includes(encoding)) throw new UsageError(`--encoding ${flags.encoding}: expected one of utf-8, utf-16le, utf-16be, gb18030 (gbk)`);
        const r = await runBalance(input, { format: flags.format, output: flags.output, lang: flags.lang ?? defaultLang(), encoding: encoding as never, seconds: solverSeconds() });
        out(r.text);
        exitCode = r.status;
      } catch (e) {
        if (e instanceof BalanceError) throw new UsageError(e.message);
        throw e;
      }
    });

  program
    .command("rules")
    .description(T("list every rule: id, default severity, description", "列出全部规则：编号、默认级别、说明"))
    .helpOption("-h, --help", T("display help for command", "显示帮助"))
    .configureHelp(help)
    .addOption(new Option("--format <name>", T("text or json", "text 或 json")).choices(["text", "json"]).default("text"))
    .addOption(new Option("--lang <lang>", T("language of the descriptions", "说明的语言")).choices(["zh", "en"]))
    .action((flags: { format: string; lang?: Lang }) => {
      if (flags.format === "json") {
        out(JSON.stringify(rules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, description: r.description, descriptionZh: r.descriptionZh, docs: `docs/rules/${r.id}.md`, docsZh: `docs/rules/zh/${r.id}.md` })), null, 2) + "\n");
        return;
      }
      const zh = (flags.lang ?? lang) === "zh";
      const level = (s: Severity) => (zh ? `${{ error: "错误", warning: "警告", info: "提示" }[s]}   ` : s.padEnd(7));
      const w = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) out(`${r.id.padEnd(w)}  ${level(r.defaultSeverity)}  ${zh ? r.descriptionZh : r.description}\n`);
    });

  program
    .command("templates")
    .description("list the templates budget-check recognises, with the tables each prints")
    .addOption(new Option("--format <name>", "text or json").choices(["text", "json"]).default("text"))
    .action((flags: { format: string }) => {
      const list = templates.map((t) => ({
        name: t.name,
        stage: t.stage,
        moneyUnit: t.moneyUnit,
        description: t.description,
        tables: t.tables.map((x) => ({ id: x.id, kind: x.kind, title: x.title, ...(x.moneyUnit ? { moneyUnit: x.moneyUnit } : {}) })),
      }));
      if (flags.format === "json") {
        out(JSON.stringify(list, null, 2) + "\n");
        return;
      }
      for (const t of list) {
        out(`${t.name} (${t.stage === "final" ? "决算" : "预算"}, ${t.moneyUnit}): ${t.description}\n`);
        for (const x of t.tables) out(`  ${x.id.padEnd(4)} ${x.kind.padEnd(23)} ${x.title}${x.moneyUnit ? ` (${x.moneyUnit})` : ""}\n`);
      }
    });

  program
    .command("explain")
    .description(T("print a rule's documentation", "显示规则的说明文档"))
    .helpOption("-h, --help", T("display help for command", "显示帮助"))
    .configureHelp(help)
    .argument("<ruleId>", T("a rule id (see budget-check rules)", "规则编号（见 budget-check rules）"))
    .addOption(new Option("--lang <lang>", T("language of the page", "文档语言")).choices(["zh", "en"]))
    .action((id: string, flags: { lang?: Lang }) => {
      const zh = (flags.lang ?? lang) === "zh";
      if (!ruleById(id)) {
        const near = closestRule(id);
        throw new UsageError(
          zh
            ? `explain ${id}：没有这条规则${near ? `，是否要找 ${near}？` : ""}（budget-check rules 列出全部规则）`
            : `explain ${id}: no such rule${near ? ` — did you mean ${near}?` : ""} (budget-check rules lists them)`,
        );
      }
      out(readDoc(id, zh ? "zh" : "en"));
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2; // commander already printed a one-line message
    }
    if (e instanceof UsageError) {
      process.stderr.write(`budget-check: ${visibleControls(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}
