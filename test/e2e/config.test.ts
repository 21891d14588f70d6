import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// The seed's tables give 0 errors and 4 warnings (表2/表4/表5 listed but missing: table-presence; a 科目名称
// that differs: code-name) and rounding notes only; each case copies it into a folder with a config file.
// The seed's text has 6 wrong year-on-year percentages (yoy-change errors): every config object given
// here turns that rule off, so that the cases start from a run without errors.
const tmp = tempDir("config");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A folder holding the seed document and, when given, a budget-check.config.json (raw text or JSON). */
function pkg(config?: unknown, sub = ""): { dir: string; doc: string } {
  const dir = join(tmp, `case${n++}`);
  mkdirSync(join(dir, sub), { recursive: true });
  const doc = join(dir, sub, "document.md");
  cpSync(join(ROOT, SEED), doc);
  const clean = (c: object) => ({ ...c, rules: { "yoy-change": "off", ...(c as { rules?: object }).rules } });
  if (config !== undefined) writeFileSync(join(dir, "budget-check.config.json"), typeof config === "string" ? config : JSON.stringify(clean(config as object)));
  return { dir, doc };
}

const count = (report: { documents: { findings: { ruleId: string; severity: string }[] }[] }, ruleId: string, severity: string) =>
  report.documents[0].findings.filter((f) => f.ruleId === ruleId && f.severity === severity).length;

describe("budget-check.config.json", () => {
  it("sets a rule's severity; found in the input's folder", () => {
    const { doc } = pkg({ rules: { "table-presence": "error" } });
    const r = cliJson([doc]);
    expect(r.status).toBe(1);
    expect(count(r.report, "table-presence", "error")).toBe(3);
  });

  it("is found upward from a package in a subfolder, and turns rules off", () => {
    const { doc } = pkg({ rules: { "table-presence": "off", "code-name": "off" } }, "2023/深圳市科学技术协会");
    const r = cliJson([doc, "--fail-on", "warning"]);
    expect(r.status).toBe(0);
    expect(r.report.summary.warning).toBe(0);
  });

  it("--rule on the command line overrides the file for that rule", () => {
    const { doc } = pkg({ rules: { "table-presence": "off", "code-name": "off" } });
    const r = cliJson([doc, "--rule", "code-name=error"]);
    expect(r.status).toBe(1);
    expect(count(r.report, "code-name", "error")).toBe(1);
    expect(count(r.report, "table-presence", "warning")).toBe(0);
  });

  it("failOn from the file sets the exit status; --fail-on overrides it", () => {
    const { doc } = pkg({ failOn: "warning" });
    expect(cli([doc]).status).toBe(1);
    expect(cli([doc, "--fail-on", "error"]).status).toBe(0);
  });

  it("tolerance from the file replaces the rounding tolerance; --tolerance auto restores it", () => {
    const { doc } = pkg({ tolerance: "0" });
    const strict = cliJson([doc]);
    // With no tolerance, every mismatch that was only a rounding note is a discrepancy.
    expect(strict.status).toBe(1);
    const auto = cliJson([doc, "--tolerance", "auto"]);
    expect(auto.report.summary.error).toBe(0);
    expect(strict.report.summary.error).toBe(auto.report.documents[0].findings.filter((f: { withinRounding: boolean }) => f.withinRounding).length);
  });

  it("lang from the file sets the language; --lang overrides it", () => {
    const { doc } = pkg({ lang: "zh" });
    expect(cli([doc]).stdout).toMatch(/0 个错误，4 个警告/);
    expect(cli([doc, "--lang", "en"]).stdout).toMatch(/0 errors, 4 warnings/);
  });

  it("--config names the file and then no other is looked for", () => {
    const { doc } = pkg({ rules: { "table-presence": "error" } });
    const other = join(tmp, "other.json");
    writeFileSync(other, JSON.stringify({ rules: { "code-name": "error" } }));
    const r = cliJson([doc, "--config", other]);
    expect(count(r.report, "code-name", "error")).toBe(1);
    expect(count(r.report, "table-presence", "warning")).toBe(3);
  });
});

describe("an invalid configuration: exit 2 and one line naming the file, the key and what is wrong", () => {
  const cases: [string, unknown, RegExp][] = [
    ["bad JSON", '{ "rules": { "hierarchy-sum": "error", } }', /budget-check\.config\.json:1: not valid JSON/],
    ["an unknown key", { rule: {} }, /budget-check\.config\.json: rule: unknown key; expected one of "rules", "tolerance", "failOn", "lang"/],
    ["an unknown rule id", { rules: { "no-such-rule": "error" } }, /budget-check\.config\.json: rules\.no-such-rule: no such rule/],
    ["a bad level", { rules: { "hierarchy-sum": "fatal" } }, /budget-check\.config\.json: rules\.hierarchy-sum: "fatal" is not a level; expected one of "off", "info", "warning", "error"/],
    ["a bad tolerance", { tolerance: -0.5 }, /budget-check\.config\.json: tolerance: -0\.5 is not a tolerance; expected "auto" or a non-negative number/],
    ["a bad failOn", { failOn: "errors" }, /budget-check\.config\.json: failOn: "errors" is not a level/],
    ["a bad lang", { lang: "fr" }, /budget-check\.config\.json: lang: "fr" is not a language; expected one of "zh", "en"/],
  ];

  it.each(cases)("%s", (_, config, message) => {
    const { doc } = pkg(config);
    const r = cli([doc]);
    expect(r.status).toBe(2);
    const err = r.stderr.trim().split("\n");
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0]).toMatch(/^budget-check: \S*case\d+\/budget-check\.config\.json/);
  });

  it("given with --config, it is a usage error before anything is checked", () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify({ rules: { "hierarchy-sum": "loud" } }));
    const r = cli([SEED, "--config", bad]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`budget-check: ${bad}: rules.hierarchy-sum: "loud" is not a level; expected one of "off", "info", "warning", "error"\n`);
  });

  it("in Chinese (--lang zh), found beside the input or given with --config", () => {
    const { dir, doc } = pkg({ rules: { "hierarchy-sum": "loud" }, failOn: "errors" });
    const found = cli([doc, "--lang", "zh"]);
    expect(found.status).toBe(2);
    expect(found.stderr.trim()).toMatch(/budget-check\.config\.json: rules\.hierarchy-sum："loud" 不是有效级别；应为 "off", "info", "warning", "error" 之一$/);
    const given = cli([SEED, "--config", join(dir, "budget-check.config.json")], { env: { LANG: "zh_CN.UTF-8" } });
    expect(given.stderr.trim()).toBe(`budget-check: ${join(dir, "budget-check.config.json")}: rules.hierarchy-sum："loud" 不是有效级别；应为 "off", "info", "warning", "error" 之一`);
  });

  it("in a batch, the package under the bad file fails and the others are still checked", () => {
    const batch = join(tmp, "batch");
    mkdirSync(join(batch, "a"), { recursive: true });
    mkdirSync(join(batch, "b"), { recursive: true });
    cpSync(join(ROOT, SEED), join(batch, "a", "document.md"));
    cpSync(join(ROOT, SEED), join(batch, "b", "document.md"));
    writeFileSync(join(batch, "b", "budget-check.config.json"), "{");
    const r = cliJson([batch]);
    expect(r.status).toBe(2);
    const [a, b] = r.report.documents;
    expect(a.failure).toBeNull();
    expect(a.summary.warning).toBe(4);
    expect(b.failure.message).toMatch(/^not valid JSON/);
    expect(b.failure.location.file).toMatch(/b\/budget-check\.config\.json$/);
  });
});
