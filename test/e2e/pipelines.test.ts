import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { cli, ROOT, SEED, SEED_CLEAN } from "../helpers/cli.js";

// What a CI pipeline sees (issue 11, point 4): the seed has 6 errors (yoy-change, in its text), 4
// warnings and 65 rounding notes.
const tmp = mkdtempSync(join(tmpdir(), "budget-check-pipelines-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function junitCases(text: string) {
  const doc = xml.parse(text);
  return asArray(doc.testsuites.testsuite).flatMap((s: { testcase: unknown }) => asArray(s.testcase)) as { name: string; failure?: { type: string } }[];
}

describe("JUnit fails its test cases by severity, not by --fail-on", () => {
  it("with --fail-on never (docs/ci.md's report step) the seed's errors are failed test cases", () => {
    const r = cli([SEED, "--format", "junit", "--fail-on", "never"]);
    expect(r.status).toBe(0);
    const failed = junitCases(r.stdout).filter((c) => c.failure);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((c) => c.failure!.type === "error")).toBe(true);
    expect(r.stdout).toMatch(/<testsuites name="budget-check" tests="\d+" failures="[1-9]/);
    // The six errors are all yoy-change on the written parts: one test case holds them.
    expect(failed.map((c) => c.name)).toEqual(["yoy-change Written parts"]);
    expect(r.stdout.match(/document\.md:\d+:\d+: error: /g)).toHaveLength(6);
  });

  it("warnings fail only when --fail-on asks for them", () => {
    expect(junitCases(cli([...SEED_CLEAN, "--format", "junit", "--fail-on", "never"]).stdout).some((c) => c.failure)).toBe(false);
    const strict = junitCases(cli([...SEED_CLEAN, "--format", "junit", "--fail-on", "warning"]).stdout).filter((c) => c.failure);
    // table-presence in 表2, 表4, 表5 and code-name in 表7: one test case per rule and table.
    expect(strict.map((c) => c.failure!.type)).toEqual(["warning", "warning", "warning", "warning"]);
  });
});

describe("--report <format>=<file>: one run writes several formats", () => {
  it("writes each report as --format would, and the exit status and stdout are the main format's", () => {
    const files = { sarif: join(tmp, "out.sarif"), junit: join(tmp, "out.xml"), html: join(tmp, "out.html"), markdown: join(tmp, "out.md") };
    const r = cli([SEED, "--fail-on", "error", ...Object.entries(files).flatMap(([f, p]) => ["--report", `${f}=${p}`])]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/✖ 6 errors/);
    for (const [format, path] of Object.entries(files)) expect(readFileSync(path, "utf8")).toBe(cli([SEED, "--format", format]).stdout);
  });

  it("a bad --report is a usage error", () => {
    const r = cli([SEED, "--report", "pdf=out.pdf"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^budget-check: --report pdf=out\.pdf: expected <format>=<file> with a format of text, json/);
    const w = cli([SEED, "--report", `sarif=${join(tmp, "no", "such", "dir", "x.sarif")}`]);
    expect(w.status).toBe(2);
    expect(w.stderr.trim()).toMatch(/^budget-check: --report .*x\.sarif: cannot write \(ENOENT\)$/);
  });
});

describe("--quiet means errors only in every format", () => {
  it.each(["text", "markdown", "github"])("%s", (format) => {
    const out = cli([SEED, "--format", format, "--quiet"]).stdout;
    expect(out).not.toMatch(/table-presence|code-name|duplicate-text|hierarchy-sum|rounding differences/);
    expect(out.match(/yoy-change/g)).toHaveLength(6);
  });

  it("html: lists and marks only the errors", () => {
    const html = cli([SEED, "--format", "html", "--quiet"]).stdout;
    expect(html.match(/<li class="k-error"[^>]*data-kind="error"/g)).toHaveLength(6);
    expect(html).not.toMatch(/data-kind="(warning|info|rounding)"|class="marked k-(warning|rounding|info)"/);
  });

  it("sarif: the results are the errors (the rules list stays whole)", () => {
    const results = JSON.parse(cli([SEED, "--format", "sarif", "--quiet"]).stdout).runs[0].results;
    expect(results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`)).toEqual(Array(6).fill("yoy-change error"));
  });

  it("junit: the failed test case holds the errors, and no other finding is written out", () => {
    const out = cli([SEED, "--format", "junit", "--quiet"]).stdout;
    expect(out.match(/: error: /g)).toHaveLength(6);
    expect(out).not.toMatch(/: (warning|rounding|info): /);
    expect(out).not.toContain("<system-out>");
  });
});

describe("markdown of a batch fits a GitHub comment", () => {
  it("keeps the summary and errors first within 65,536 characters and says what was left out", () => {
    const batch = join(tmp, "batch");
    for (let i = 0; i < 24; i++) {
      mkdirSync(join(batch, `dept${String(i).padStart(2, "0")}`), { recursive: true });
      cpSync(join(ROOT, SEED), join(batch, `dept${String(i).padStart(2, "0")}`, "document.md"));
    }
    const r = cli([batch, "--format", "markdown"]);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeLessThanOrEqual(65_536);
    expect(r.stdout).toMatch(/^## budget-check \S+\n\n\*\*144 errors, 96 warnings/);
    // Every document is in the summary table; the cut is announced with its counts.
    expect(r.stdout.match(/^\| ❌ .*document\.md \|/gm)).toHaveLength(24);
    const left = /> ✂️ Left out to fit a comment \(65536 characters\): (\d+) errors? and (\d+) lines? of warnings and notes/.exec(r.stdout);
    expect(left).not.toBeNull();
    const shownErrors = (r.stdout.match(/^\| ❌ error \|/gm) ?? []).length;
    expect(shownErrors + Number(left![1])).toBe(144);
    // Errors come first: no warning row is shown while errors were left out.
    if (Number(left![1]) > 0) expect(r.stdout).not.toMatch(/\| ⚠️ warning \|/);
    expect(existsSync(batch)).toBe(true);
  }, 60_000);
});
