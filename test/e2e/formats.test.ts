import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED, SEED_CLEAN } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;
const tmp = tempDir("formats");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// What the seed holds, read from the document itself (see test/e2e/seed.test.ts): 表2, 表4, 表5 are listed
// in the 目录 (lines 22, 24, 25) but not printed; 2060704 is named 学术交流活动的 in 表7 (line 533); no
// error beyond rounding (column 10 is where the name is printed); the 表8 301 工资福利支出 total at line 636 is 873 against 872 computed.
const { report } = cliJson(SEED_CLEAN);
const findings: { ruleId: string; severity: string; withinRounding: boolean; table: string; location: { line: number; column?: number } }[] = report.documents[0].findings;
const ruleList: { id: string; description: string }[] = JSON.parse(cli(["rules", "--format", "json"]).stdout);

const FORMATS = ["text", "json", "junit", "sarif", "github", "markdown", "html"];

describe("every format, produced for the seed by the real CLI", () => {
  it.each(FORMATS)("%s: stdout holds the report and nothing else; --output writes the same report and prints nothing", (format) => {
    const r = cli([...SEED_CLEAN, "--format", format]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.length).toBeGreaterThan(100);
    const out = join(tmp, `seed.${format}`);
    const w = cli([...SEED_CLEAN, "--format", format, "--output", out]);
    expect(w.status).toBe(0);
    expect(w.stdout).toBe("");
    expect(w.stderr).toBe("");
    expect(readFileSync(out, "utf8")).toBe(r.stdout);
  });

  it.each(FORMATS)("%s: the exit status follows --fail-on (the seed has warnings and info, no error)", (format) => {
    expect(cli([...SEED_CLEAN, "--format", format, "--fail-on", "error"]).status).toBe(0);
    expect(cli([...SEED_CLEAN, "--format", format, "--fail-on", "warning"]).status).toBe(1);
  });

  it("the exit status at --fail-on info and never (the seed has info findings)", () => {
    expect(cli([...SEED_CLEAN, "--format", "sarif", "--fail-on", "info"]).status).toBe(1);
    expect(cli([...SEED_CLEAN, "--format", "junit", "--fail-on", "never"]).status).toBe(0);
  });

  it.each(FORMATS)("%s: an unreadable input is exit 2 with one line on stderr, and the other input is still reported", (format) => {
    const r = cli([...SEED_CLEAN, "fixtures/no-such-document.md", "--format", format]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^budget-check: fixtures\/no-such-document\.md: no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain(format === "sarif" ? "fixtures/shenzhen-sast-2023/document.md" : "shenzhen-sast-2023");
  });
});

describe("json", () => {
  it("validates against docs/report.schema.json", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, "docs", "report.schema.json"), "utf8")));
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
  });
});

describe("junit", () => {
  const xml = cli([...SEED_CLEAN, "--format", "junit"]).stdout;
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name) });

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has one testsuite for the document and a testcase per rule and table; at --fail-on error nothing fails", () => {
    const doc = parser.parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites).toHaveLength(1);
    expect(suites[0].name).toBe(SEED);
    const cases: { name: string; failure?: unknown; "system-out"?: string }[] = suites[0].testcase;
    expect(Number(suites[0].tests)).toBe(cases.length);
    expect(Number(suites[0].failures)).toBe(0);
    // One testcase per rule that found nothing, and one per (rule, table) that found something.
    const pairs = new Set(findings.map((f) => `${f.ruleId} ${f.table}`));
    const quiet = ruleList.filter((r) => !findings.some((f) => f.ruleId === r.id));
    expect(cases.length).toBe(pairs.size + quiet.length);
    for (const r of quiet) expect(cases.some((c) => c.name === r.id)).toBe(true);
    const t8 = cases.find((c) => c.name.startsWith("hierarchy-sum T8"));
    expect(t8?.["system-out"]).toMatch(/document\.md:636:13: .*873.*\(stated 873 {2}computed 872 {2}difference 1 {2}tolerance 5\)/);
  });

  it("at --fail-on warning the four warnings fail their testcases, with message and location", () => {
    const doc = parser.parse(cli([...SEED_CLEAN, "--format", "junit", "--fail-on", "warning"]).stdout);
    const cases: { name: string; failure?: { message: string; type: string } }[] = doc.testsuites.testsuite[0].testcase;
    const failed = cases.filter((c) => c.failure);
    expect(failed.map((c) => c.name).sort()).toEqual(["code-name T7 一般公共预算支出表（按功能分类）", "table-presence T2 收入总表", "table-presence T4 基本支出总表", "table-presence T5 项目支出总表"]);
    expect(failed.find((c) => c.name.startsWith("code-name"))!.failure!.message).toMatch(/^fixtures\/shenzhen-sast-2023\/document\.md:533:10: .*学术交流活动的/);
    expect(doc.testsuites.failures).toBe("4");
  });

  it("a rule turned off is a skipped testcase", () => {
    const doc = parser.parse(cli([...SEED_CLEAN, "--format", "junit", "--rule", "code-name=off"]).stdout);
    const suite = doc.testsuites.testsuite[0];
    expect(suite.testcase.find((c: { name: string }) => c.name === "code-name").skipped).toBeDefined();
    // code-name here, yoy-change (off in SEED_CLEAN), and the three rules of the income, basic and project
    // tables, which the seed does not print.
    expect(suite.skipped).toBe("5");
    expect(suite.testcase.find((c: { name: string }) => c.name === "income-vs-summary").skipped).toBeDefined();
  });

  it("a document that could not be read is a testsuite with an error testcase", () => {
    const doc = parser.parse(cli([...SEED_CLEAN, "fixtures/no-such-document.md", "--format", "junit"]).stdout);
    const bad = doc.testsuites.testsuite.find((s: { name: string }) => s.name === "fixtures/no-such-document.md");
    expect(bad.errors).toBe("1");
    expect(bad.testcase[0].error.message).toMatch(/^fixtures\/no-such-document\.md: no such file/);
  });
});

describe("sarif", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "schemas", "sarif-schema-2.1.0.json"), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  // With --include-rounding every finding is a result; by default the rounding notes are left out.
  const log = JSON.parse(cli([...SEED_CLEAN, "--format", "sarif", "--include-rounding"]).stdout);

  it("validates against the official SARIF 2.1.0 schema", () => {
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("the schema check is not vacuous: a result without a message is rejected", () => {
    const broken = structuredClone(log);
    delete broken.runs[0].results[0].message;
    expect(validate(broken)).toBe(false);
  });

  it("lists every rule with id, name, short description and a helpUri to its doc page", () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(ruleList.map((r) => r.id));
    for (const r of rules) {
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(r.shortDescription.text.length).toBeGreaterThan(5);
      expect(r.helpUri).toMatch(new RegExp(`^file:///.*/docs/rules/${r.id}\\.md$`));
    }
  });

  it("links the doc pages under BUDGET_CHECK_DOCS_URL when it is set", () => {
    const base = "https://git.example.gov.cn/finance/budget-check/-/blob/main/docs/rules/";
    const l = JSON.parse(cli([...SEED_CLEAN, "--format", "sarif"], { env: { BUDGET_CHECK_DOCS_URL: base } }).stdout);
    expect(l.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "hierarchy-sum").helpUri).toBe(`${base}hierarchy-sum.md`);
  });

  it("has one result per finding, rounding-only info as level note, with file, line and column", () => {
    const results = log.runs[0].results;
    expect(results).toHaveLength(findings.length);
    const levels = results.map((r: { level: string }) => r.level);
    expect(levels.filter((l: string) => l === "warning")).toHaveLength(4);
    expect(levels.filter((l: string) => l === "note")).toHaveLength(findings.filter((f) => f.severity === "info").length);
    const r = results.find((x: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.ruleId === "hierarchy-sum" && x.locations[0].physicalLocation.region.startLine === 636);
    expect(r.level).toBe("note");
    expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: SEED }, region: { startLine: 636, startColumn: 13 } });
    expect(r.relatedLocations.map((l: { physicalLocation: { region: { startLine: number } } }) => l.physicalLocation.region.startLine)).toEqual([637, 638, 639, 640, 641, 642, 643, 644, 645]);
    expect(r.properties).toMatchObject({ stated: "873", computed: "872", difference: "1", tolerance: "5", withinRounding: true });
  });

  it("leaves the rounding notes out unless --include-rounding, and keeps errors only with --quiet", () => {
    const plain = JSON.parse(cli([...SEED_CLEAN, "--format", "sarif"]).stdout).runs[0].results;
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: plain }] })).toBe(true);
    expect(plain).toHaveLength(findings.filter((f) => !(f.severity === "info" && f.withinRounding)).length);
    expect(plain.filter((r: { level: string }) => r.level === "warning")).toHaveLength(4);
    expect(plain.some((r: { properties: { withinRounding: boolean } }) => r.properties.withinRounding)).toBe(false);
    const quiet = JSON.parse(cli([SEED, "--format", "sarif", "--quiet"]).stdout).runs[0].results;
    expect(quiet.map((r: { level: string }) => r.level)).toEqual(Array(6).fill("error"));
  });

  it("gives each result the finding's fingerprint as a partial fingerprint", () => {
    const fps = log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["budgetCheck/v1"]);
    expect(fps).toEqual(findings.map((f) => (f as unknown as { fingerprint: string }).fingerprint));
    expect(new Set(fps).size).toBe(fps.length);
  });

  it("percent-encodes non-ASCII paths (the CSV package's 表8.csv) so the uri stays a valid URI reference", () => {
    const l = JSON.parse(cli(["fixtures/shenzhen-sast-2023/csv", "--format", "sarif", "--include-rounding"]).stdout);
    expect(validate(l), ajv.errorsText(validate.errors)).toBe(true);
    const uris = new Set(l.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect(uris).toContain(`fixtures/shenzhen-sast-2023/csv/${encodeURIComponent("表8")}.csv`);
  });
});

describe("github", () => {
  const out = cli([...SEED_CLEAN, "--format", "github"]).stdout;
  const lines = out.trimEnd().split("\n");

  it("prints a workflow command per finding, warnings first, and one ::notice per table for its rounding notes", () => {
    const rounding = findings.filter((f) => f.severity === "info" && f.withinRounding);
    const tables = new Set(rounding.map((f) => f.table));
    // … and one ::notice naming the rules not checked (the seed prints no income, basic or project table).
    expect(lines).toHaveLength(findings.length - rounding.length + tables.size + 1);
    expect(lines.filter((l) => l.includes("title=budget-check%3A rules not checked::not checked, 3 rules: income-vs-summary"))).toHaveLength(1);
    expect(lines.slice(0, 4).every((l) => l.startsWith("::warning "))).toBe(true);
    expect(lines.find((l) => l.includes("(T8 ") && l.includes("rounding"))).toMatch(
      new RegExp(`::notice file=.*title=budget-check rounding \\(T8 [^)]*\\)::${rounding.filter((f) => f.table === "T8").length} rounding differences in T8`),
    );
    for (const l of lines.filter((x) => !x.includes("rules not checked"))) expect(l).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+(,col=\d+)?,title=[^:,]+::\S/);
    expect(lines.filter((l) => l.startsWith("::warning "))).toHaveLength(4);
    expect(lines.find((l) => l.includes("line=533"))).toMatch(/^::warning file=fixtures\/shenzhen-sast-2023\/document\.md,line=533,col=10,title=budget-check code-name \(T7 一般公共预算支出表（按功能分类）\)::/);
  });

  it("escapes the message's line break and a path's `,` and `:` as GitHub requires", () => {
    const dir = join(tmp, "dept,2023: budget");
    cpSync(join(ROOT, SEED), join(dir, "document.md"));
    const r = cli([join(dir, "document.md"), "--format", "github"]);
    const first = r.stdout.split("\n")[0];
    expect(first).toContain(`file=${tmp.replace(/:/g, "%3A")}/dept%2C2023%3A budget/document.md,line=`);
    const seed = cli([SEED, "--format", "github"]).stdout.split("\n");
    expect(seed.find((l) => l.includes("line=98,col=263"))).toMatch(/it seems to have used that base%0Astated 15 {2}computed 17/);
  });

  it("with --quiet prints only errors (none in the seed)", () => {
    expect(cli([...SEED_CLEAN, "--format", "github", "--quiet"]).stdout).toBe("");
  });
});

describe("markdown", () => {
  const md = cli([...SEED_CLEAN, "--format", "markdown"]).stdout;

  it("opens with the summary and a summary table row for the document", () => {
    expect(md).toMatch(/^## budget-check \S+\n\n\*\*0 errors, 4 warnings, \d+ info \(rounding notes\) in 1 document\*\*/);
    expect(md).toContain("| ⚠️ fixtures/shenzhen-sast-2023/document.md | 深圳市科学技术协会 | 2023 | 0 | 4 |");
  });

  it("lists the warnings in a table and folds the rounding notes into one line per table", () => {
    expect(md).toMatch(/\| ⚠️ warning \| fixtures\/shenzhen-sast-2023\/document\.md:533:10 \| T7 一般公共预算支出表（按功能分类） \| `code-name` \|/);
    const t8 = findings.filter((f) => f.severity === "info" && f.withinRounding && f.table === "T8").length;
    expect(md).toContain(`- 🔹 ${t8} rounding differences in T8 一般公共预算支出表（按经济分类）, all within 尾数误差`);
    expect(md).not.toContain("🔹 rounding |");
    const all = cli([...SEED_CLEAN, "--format", "markdown", "--show-rounding"]).stdout;
    expect(all).toMatch(/\| 🔹 rounding \| fixtures\/shenzhen-sast-2023\/document\.md:636:13 \| .* \| 873 \| 872 \| 1 \| 5 \|/);
  });

  it("puts the errors before the warnings", () => {
    const seed = cli([SEED, "--format", "markdown"]).stdout;
    expect(seed.indexOf("❌ error |")).toBeGreaterThan(0);
    expect(seed.indexOf("❌ error |")).toBeLessThan(seed.indexOf("⚠️ warning |"));
    expect(seed.match(/\| ❌ error \|/g)).toHaveLength(6);
  });

  it("keeps every table row to its columns: a `|` or `[…]` from the document is escaped", () => {
    expect(md).toContain("\\[科目名称\\]");
    for (const block of md.split(/\n\n/).filter((b) => b.startsWith("| "))) {
      const counts = block.split("\n").map((row) => row.replace(/\\\|/g, "").split("|").length);
      expect(new Set(counts).size).toBe(1);
    }
  });
});

describe("html", () => {
  const html = cli([...SEED_CLEAN, "--format", "html"]).stdout;

  it("is one self-contained file: no external script, style, font or image", () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|@import|url\(|<img\b|<iframe\b/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it("for a CSV package, marks one cell per distinct CSV cell a finding points at (file + line + column)", () => {
    const csv = "fixtures/shenzhen-sast-2023/csv";
    const found: { location: { file: string; line: number; column?: number } }[] = cliJson([csv]).report.documents[0].findings;
    const places = new Set(found.filter((f) => f.location.file.endsWith(".csv")).map((f) => `${f.location.file}:${f.location.line}:${f.location.column}`));
    const page = cli([csv, "--format", "html"]).stdout;
    const tables = page.slice(page.indexOf('<table class="budget"'), page.indexOf('<section class="text">'));
    expect(places.size).toBeGreaterThan(40);
    expect(tables.match(/<td id="[^"]+" class="marked/g)).toHaveLength(places.size);
  });

  it("draws every table the document prints, with its printed title", () => {
    for (const t of report.documents[0].tables.filter((x: { present: boolean }) => x.present)) expect(html).toContain(`data-table="${t.id}"`);
    expect(html).toMatch(/<td[^>]*>873<\/td>/);
  });
});
