import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Lang, Severity, SeveritySetting } from "./engine/types.js";
import { DRAFT_REASON, type AcceptedEntry } from "./accepted.js";
import { InputError } from "./loaders/errors.js";
import type { Package } from "./loaders/index.js";
import { rules } from "./rules/index.js";

/**
 * budget-check.config.json: per-rule severity, tolerance, fail-on and language. Found from each
 * package's folder upward (or given by --config); command-line options override it. See docs/config.md.
 */
export const CONFIG_NAME = "budget-check.config.json";

export interface Config {
  /** The file it was read from. */
  path: string;
  rules: Record<string, SeveritySetting>;
  tolerance?: string;
  failOn?: Severity | "never";
  lang?: Lang;
  /** Findings the department has explained (src/accepted.ts); empty when none. */
  accepted: AcceptedEntry[];
}

/** An invalid configuration file: one line naming the file, the key and what is wrong. */
export class ConfigError extends InputError {
  constructor(file: string, key: string | null, problem: string, line?: number) {
    super(key ? `${key}: ${problem}` : problem, { file, line: line ?? null });
    this.name = "ConfigError";
  }
}

const LEVELS = ["off", "info", "warning", "error"];
const FAIL_ON = ["error", "warning", "info", "never"];
const LANGS = ["zh", "en"];
const KEYS = ["$schema", "rules", "tolerance", "failOn", "lang", "accepted"];

/** 1-based line of a character offset, for JSON syntax errors. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

const list = (xs: string[]) => xs.map((x) => `"${x}"`).join(", ");

/** Reads and validates a configuration file; `ruleIds` are the rules that exist. */
export function readConfig(path: string, ruleIds: string[]): Config {
  let text: string;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ConfigError(path, null, "not a regular file; expected a JSON configuration file");
    if (st.size > MAX_CONFIG_BYTES) throw new ConfigError(path, null, `${st.size} bytes; a configuration file is at most ${MAX_CONFIG_BYTES} bytes`);
    const unsafe = writableByOthers(path);
    if (unsafe) throw new ConfigError(path, null, `${unsafe}, so other users could change how documents are checked; not read (chmod go-w, or move it)`);
    text = readBounded(path).replace(/^\uFEFF/, "");
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(path, null, `cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"}); expected a JSON configuration file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    throw new ConfigError(path, null, `not valid JSON (${msg.replace(/^JSON\.parse: /, "").split("\n")[0]})`, pos ? lineAt(text, Number(pos[1])) : undefined);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new ConfigError(path, null, "expected a JSON object with rules, tolerance, failOn or lang");
  const o = json as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KEYS.includes(k)) throw new ConfigError(path, k, `unknown key; expected one of ${list(KEYS.slice(1))}`);
  const config: Config = { path, rules: {}, accepted: [] };
  if (o.rules !== undefined) {
    if (typeof o.rules !== "object" || o.rules === null || Array.isArray(o.rules)) throw new ConfigError(path, "rules", 'expected an object such as { "hierarchy-sum": "warning" }');
    for (const [id, level] of Object.entries(o.rules as Record<string, unknown>)) {
      if (!ruleIds.includes(id)) throw new ConfigError(path, `rules.${id}`, "no such rule (budget-check rules lists them)");
      if (typeof level !== "string" || !LEVELS.includes(level)) throw new ConfigError(path, `rules.${id}`, `${JSON.stringify(level)} is not a level; expected one of ${list(LEVELS)}`);
      config.rules[id] = level as SeveritySetting;
    }
  }
  if (o.tolerance !== undefined) {
    // A number is taken as written in the file (0.5 → "0.5"): JSON numbers of this size print exactly.
    const t = typeof o.tolerance === "number" && Number.isFinite(o.tolerance) && o.tolerance >= 0 ? String(o.tolerance) : o.tolerance;
    if (typeof t !== "string" || !/^(auto|\d+(\.\d+)?)$/.test(t))
      throw new ConfigError(path, "tolerance", `${JSON.stringify(o.tolerance)} is not a tolerance; expected "auto" or a non-negative number, e.g. 0.5`);
    config.tolerance = t;
  }
  if (o.accepted !== undefined) config.accepted = readAccepted(path, o.accepted);
  if (o.failOn !== undefined) {
    if (typeof o.failOn !== "string" || !FAIL_ON.includes(o.failOn)) throw new ConfigError(path, "failOn", `${JSON.stringify(o.failOn)} is not a level; expected one of ${list(FAIL_ON)}`);
    config.failOn = o.failOn as Config["failOn"];
  }
  if (o.lang !== undefined) {
    if (typeof o.lang !== "string" || !LANGS.includes(o.lang)) throw new ConfigError(path, "lang", `${JSON.stringify(o.lang)} is not a language; expected one of ${list(LANGS)}`);
    config.lang = o.lang as Lang;
  }
  return config;
}

const ACCEPTED_KEYS = ["fingerprint", "reason", "until", "about"];

/** `accepted`: a list of { fingerprint, reason, until? (YYYY-MM-DD), about? }. */
function readAccepted(path: string, value: unknown): AcceptedEntry[] {
  if (!Array.isArray(value)) throw new ConfigError(path, "accepted", 'expected a list such as [{ "fingerprint": "…", "reason": "…", "until": "2027-06-30" }]');
  return value.map((e, i) => {
    const key = `accepted[${i}]`;
    if (typeof e !== "object" || e === null || Array.isArray(e)) throw new ConfigError(path, key, "expected an object with fingerprint, reason and until");
    const o = e as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!ACCEPTED_KEYS.includes(k)) throw new ConfigError(path, `${key}.${k}`, `unknown key; expected one of ${list(ACCEPTED_KEYS)}`);
    if (typeof o.fingerprint !== "string" || !/^[0-9a-f]{16}(#\d+)?$/.test(o.fingerprint))
      throw new ConfigError(path, `${key}.fingerprint`, "expected the 16-hex-digit fingerprint of a finding (the JSON report's fingerprint, or --write-accepted)");
    if (typeof o.reason !== "string" || !o.reason.trim()) throw new ConfigError(path, `${key}.reason`, "expected the reason the finding is accepted");
    if (o.reason === DRAFT_REASON) throw new ConfigError(path, `${key}.reason`, "still the draft's placeholder; write why the finding is accepted");
    if (o.until !== undefined && (typeof o.until !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(o.until) || Number.isNaN(Date.parse(o.until))))
      throw new ConfigError(path, `${key}.until`, `${JSON.stringify(o.until)} is not a date; expected YYYY-MM-DD`);
    return { fingerprint: o.fingerprint, reason: o.reason, until: (o.until as string | undefined) ?? null, ...(typeof o.about === "string" ? { about: o.about } : {}) };
  });
}


/** A configuration file is a few hundred bytes; `--config /dev/zero` or a huge file must not be read whole. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads at most MAX_CONFIG_BYTES + 1 bytes (a file can grow between stat and read). */
function readBounded(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    if (n > MAX_CONFIG_BYTES) throw new ConfigError(path, null, `more than ${MAX_CONFIG_BYTES} bytes; a configuration file is at most ${MAX_CONFIG_BYTES} bytes`);
    return buf.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/**
 * Why other users could change this configuration file, or null: on POSIX, the file or its folder is
 * writable by its group or by everyone (a config in /tmp could be planted by anyone). Not checked on Windows.
 */
export function writableByOthers(path: string): string | null {
  if (process.platform === "win32") return null;
  const who = (mode: number) => (mode & 0o002 ? "everyone" : "its group");
  const f = statSync(path).mode;
  if (f & 0o022) return `the file is writable by ${who(f)}`;
  const d = statSync(dirname(resolve(path))).mode;
  if (d & 0o022) return `its folder is writable by ${who(d)}`;
  return null;
}

/**
 * The nearest budget-check.config.json in `folder` or above it, or null. The search stops at the
 * repository root (a folder with `.git`) or the user's home folder, whichever comes first (each is
 * still searched): a config above them belongs to someone else's project, or to anyone (/tmp).
 */
export function findConfig(folder: string): string | null {
  let dir = resolve(folder);
  const home = resolve(homedir());
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      const rel = relative(process.cwd(), candidate);
      return rel.startsWith("..") || isAbsolute(rel) ? candidate : rel;
    }
    if (dir === home || existsSync(join(dir, ".git"))) return null;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * Where a run's configuration comes from: the file given with --config, else the nearest one above each
 * package. Plain data, so that worker threads checking a batch can receive it with the other options.
 */
export interface ConfigSource {
  /** The file given with --config, or null to look upward from each package. */
  file: string | null;
  /** Settings the command line gave, which win over the file's (--rule is merged rule by rule). */
  cli: { tolerance: boolean; lang: boolean };
}

const cache = new Map<string, Config>();
/**
 * The file findConfig found for each folder in this run. A package's configuration is asked for four times
 * in a batch (before and after its check, in the main thread and in a worker), and each search tests two
 * names in every folder up to the repository's root: 32 failed `access` calls per document of a batch in
 * /tmp/…, one round trip each on a network share.
 */
const foundIn = new Map<string, string | null>();

/**
 * Starts a run (checkInputs): configuration files are searched for and read afresh. Within a run a
 * folder's file is looked for once, and each file is read once.
 */
export function newConfigRun(): void {
  foundIn.clear();
  cache.clear();
}

/** The configuration that applies to a package, or null; a ConfigError when that file is invalid. */
export function configFor(pkg: Package, source: ConfigSource): Config | null {
  let path = source.file;
  if (!path) {
    const folder = pkg.kind === "csv" ? pkg.path : dirname(pkg.path);
    const found = foundIn.get(folder);
    path = found === undefined ? findConfig(folder) : found;
    if (found === undefined) foundIn.set(folder, path);
  }
  if (!path) return null;
  let config = cache.get(path);
  if (!config) {
    config = readConfig(path, rules.map((r) => r.id));
    cache.set(path, config);
  }
  return config;
}
