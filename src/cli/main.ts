import { closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { checkInputs, loadModels, packageOptions, parseTolerance, type CheckOptions } from "../check.js";
import { CONFIG_NAME, ConfigError, configFor, readConfig, type Config } from "../config.js";
import { severityRank } from "../engine/run.js";
import type { Lang, Severity, SeveritySetting } from "../engine/types.js";
import { formatLocation } from "../model/location.js";
import { makeReport, type DocumentReport } from "../report.js";
import { formatters } from "../reporters/index.js";
import { streams, type StreamFormat } from "../reporters/json.js";
import { ruleById, rules } from "../rules/index.js";
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
  timeout?: string;
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

async function runCheck(inputs: string[], flags: CheckFlags, io: { out: (s: string) => void; isTTY: boolean }): Promise<number> {
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
      if (e instanceof ConfigError) throw new UsageError(e.oneLine());
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
  };
  if (flags.annotate) checkAnnotateTarget(inputs, flags.annotate);
  // The progress bar is for a person watching a terminal: never when stderr is piped or with --quiet.
  const progress = process.stderr.isTTY && !flags.quiet ? progressBar(process.stderr) : undefined;
  const timeout = flags.timeout !== undefined ? timeoutOf(flags.timeout) : undefined;
  // What the run's end needs of each document (in order): its configuration, severities, failure.
  const used: Config[] = [];
  const rulesOff = new Map<string, Set<string>>();
  const failures: DocumentReport[] = [];
  const summary = { documents: 0, error: 0, warning: 0, info: 0 };
  const tally = (d: DocumentReport) => {
    summary.documents++;
    for (const k of ["error", "warning", "info"] as const) summary[k] += d.summary[k];
    if (d.failure) {
      failures.push(d);
      return;
    }
    const pkg = { path: d.path, kind: d.format };
    const c = configFor(pkg, base.config!);
    if (c && !used.includes(c)) used.push(c);
    rulesOff.set(d.path, new Set(Object.entries(packageOptions(pkg, base).severities).filter(([, v]) => v === "off").map(([k]) => k)));
  };
  let documents: DocumentReport[] = [];
  const tool = { name: "budget-check" as const, version: VERSION };
  // JSON and JSON Lines are written document by document as the batch goes (each document's text made on
  // its worker) and nothing of a written document is kept; the other formats need the whole report.
  const stream = (flags.format === "json" || flags.format === "jsonl") && !flags.annotate ? streams[flags.format] : null;
  if (stream) {
    const output = openOutput(flags.output, io.out);
    output.write(stream.start(tool));
    await checkInputs(inputs, base, progress, {
      timeout,
      serialize: flags.format as StreamFormat,
      onReport: (d, text) => {
        output.write((summary.documents ? stream.separator : "") + (text ?? stream.document(d)));
        tally(d);
      },
    });
    output.write(stream.end(summary, tool));
    output.close();
  } else {
    documents = await checkInputs(inputs, base, progress, { timeout });
    documents.forEach(tally);
  }
  // Run-wide settings: the command line, else the first configuration file used; rules off per document.
  const lang = flags.lang ?? used.find((c) => c.lang)?.lang ?? base.lang;
  const failOn = flags.failOn ?? used.find((c) => c.failOn)?.failOn ?? "error";
  if (!stream) {
    const models = flags.format === "html" ? await loadModels(documents, base) : undefined;
    const report = makeReport(VERSION, documents);
    const color = flags.color && !process.env.NO_COLOR && !flags.output && io.isTTY;
    const output = openOutput(flags.output, io.out);
    output.write(format(report, { color, lang, quiet: !!flags.quiet, failOn, rules, docsBaseUri: docsBaseUri(), documents: models, rulesOff }));
    output.close();
  }
  if (flags.annotate && !documents[0].failure) {
    // exceljs is large: loaded only when --annotate is given.
    const { annotateWorkbook } = await import("../annotate.js");
    try {
      await annotateWorkbook(inputs[0], flags.annotate, documents[0].findings, lang);
    } catch (e) {
      throw new UsageError(`--annotate ${flags.annotate}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  for (const d of failures) process.stderr.write(`budget-check: ${d.failure!.location ? formatLocation(d.failure!.location) : d.path}: ${d.failure!.message}\n`);
  if (failures.length) return 2;
  if (failOn === "never") return 0;
  const threshold = severityRank(failOn);
  const failing = (["error", "warning", "info"] as const).some((s) => severityRank(s) <= threshold && summary[s] > 0);
  return failing ? 1 : 0;
}

/** --timeout: a positive number of seconds. */
function timeoutOf(text: string): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0)) throw new UsageError(`--timeout ${text}: expected a positive number of seconds`);
  return n;
}

/** Where the report goes: the --output file (opened once, written in pieces) or stdout. */
function openOutput(file: string | undefined, out: (s: string) => void): { write(s: string): void; close(): void } {
  if (!file) return { write: out, close: () => {} };
  const fail = (e: unknown) => new UsageError(`--output ${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  let fd: number;
  try {
    fd = openSync(file, "w");
  } catch (e) {
    throw fail(e);
  }
  return {
    write(s) {
      try {
        writeSync(fd, s);
      } catch (e) {
        closeSync(fd);
        throw fail(e);
      }
    },
    close: () => closeSync(fd),
  };
}

/** --annotate writes a copy of one workbook: refuse anything else, and above all writing over the input. */
function checkAnnotateTarget(inputs: string[], out: string): void {
  if (inputs.length !== 1 || extname(inputs[0]).toLowerCase() !== ".xlsx")
    throw new UsageError(`--annotate ${out}: needs exactly one .xlsx workbook as input (got ${inputs.join(", ")})`);
  if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`--annotate ${out}: the annotated copy must be an .xlsx file`);
  const same = (() => {
    if (resolve(out) === resolve(inputs[0])) return true;
    try {
      const [a, b] = [statSync(out), statSync(inputs[0])];
      return a.ino === b.ino && a.dev === b.dev;
    } catch {
      return false;
    }
  })();
  if (same) throw new UsageError(`--annotate ${out}: that is the input workbook; choose another file (the input is never modified)`);
}

function readDoc(id: string): string {
  try {
    return readFileSync(join(ROOT, "docs", "rules", `${id}.md`), "utf8");
  } catch {
    throw new UsageError(`explain ${id}: its documentation page docs/rules/${id}.md is missing from this installation`);
  }
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const out = (s: string) => process.stdout.write(s);
  const program = new Command();
  program
    .name("budget-check")
    .description("Check a department budget disclosure (部门预算公开): every table identity, rounding (尾数误差) told apart from real discrepancies.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: out })
    .showSuggestionAfterError(true);

  program
    .command("check", { isDefault: true })
    .description("check documents, CSV folders, workbooks or batch folders (the default command)")
    .argument("<input...>", "a document (.md/.txt), a CSV package folder, an .xlsx workbook, or a folder of packages (a batch)")
    .addOption(new Option("--format <name>", "report format").choices(Object.keys(formatters)).default("text"))
    .option("--output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "lowest severity that makes the exit status 1 (default: error)").choices(["error", "warning", "info", "never"]))
    .option("--tolerance <auto|N>", "auto: what rounding explains; N: a fixed absolute tolerance in the document's money unit (default: auto)")
    .addOption(new Option("--rule <id=level>", "set one rule's severity (off|info|warning|error); repeatable").argParser(parseRuleSetting).default({}, "none"))
    .addOption(new Option("--lang <lang>", "language of messages").choices(["zh", "en"]))
    .option("--encoding <name>", "force the input encoding (utf-8, utf-16le, utf-16be, gb18030/gbk); detected by default")
    .option("--config <file>", `a ${CONFIG_NAME} (rules, tolerance, failOn, lang); by default the nearest one above each input`)
    .option("--annotate <file.xlsx>", "write a copy of the .xlsx input with every finding's cell coloured and noted")
    .option("--previous <input>", "last year's document or package, for the year-on-year claims of the text")
    .option("--timeout <seconds>", "time limit per package: one still being checked after it fails alone (exit 2), the rest go on")
    .option("--quiet", "print errors only")
    .option("--no-color", "plain text (also when NO_COLOR is set or stdout is not a terminal)")
    .action(async (inputs: string[], flags: CheckFlags) => {
      exitCode = await runCheck(inputs, flags, { out, isTTY: !!process.stdout.isTTY });
    });

  program
    .command("rules")
    .description("list every rule: id, default severity, description")
    .addOption(new Option("--format <name>", "text or json").choices(["text", "json"]).default("text"))
    .action((flags: { format: string }) => {
      if (flags.format === "json") {
        out(JSON.stringify(rules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, description: r.description, descriptionZh: r.descriptionZh, docs: `docs/rules/${r.id}.md` })), null, 2) + "\n");
        return;
      }
      const w = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) out(`${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}\n`);
    });

  program
    .command("explain")
    .description("print a rule's documentation")
    .argument("<ruleId>", "a rule id (see budget-check rules)")
    .action((id: string) => {
      if (!ruleById(id)) throw new UsageError(`explain ${id}: no such rule (budget-check rules lists them)`);
      out(readDoc(id));
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
      process.stderr.write(`budget-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
