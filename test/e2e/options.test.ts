import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// The seed's tables have no error, 4 warnings and dozens of rounding notes (info); its text has 6 wrong
// year-on-year percentages (yoy-change errors). TABLES_ONLY checks the seed with that rule off.
const TABLES_ONLY = [SEED, "--rule", "yoy-change=off"];

describe("--fail-on decides the exit status", () => {
  it.each([
    ["error", 0],
    ["warning", 1],
    ["info", 1],
    ["never", 0],
  ])("--fail-on %s → %i", (level, status) => {
    expect(cli([...TABLES_ONLY, "--fail-on", level]).status).toBe(status);
  });

  it("--fail-on error → 1 on the whole seed: its text's percentages are wrong", () => {
    expect(cli([SEED, "--fail-on", "error"]).status).toBe(1);
  });

  it("rejects an unknown level with exit 2 and one line", () => {
    const r = cli([SEED, "--fail-on", "fatal"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
  });
});

describe("--tolerance", () => {
  it("0 turns every rounding difference into an error", () => {
    const { status, report } = cliJson([SEED, "--tolerance", "0"]);
    expect(status).toBe(1);
    const d = report.documents[0];
    // Percentages (yoy-change) are not money amounts: a fixed tolerance does not apply to them.
    const arithmetic = d.findings.filter((f: { difference: string | null; ruleId: string }) => f.difference !== null && f.ruleId !== "yoy-change");
    expect(arithmetic.length).toBeGreaterThan(24);
    for (const f of arithmetic) expect(f).toMatchObject({ severity: "error", withinRounding: false, tolerance: "0" });
  });

  it("a fixed N replaces the computed tolerance: with 2 every seed difference (at most 2) is within it", () => {
    const { status, report } = cliJson([...TABLES_ONLY, "--tolerance", "2"]);
    expect(status).toBe(0);
    for (const f of report.documents[0].findings.filter((x: { difference: string | null }) => x.difference !== null)) expect(f).toMatchObject({ severity: "info", tolerance: "2" });
  });

  it("rejects what is not auto or a number", () => {
    const r = cli([SEED, "--tolerance", "lots"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^budget-check: --tolerance lots: expected auto or a non-negative number\n$/);
  });
});

describe("--rule", () => {
  it("turns a rule off or changes its severity", () => {
    const off = cliJson([SEED, "--rule", "code-name=off"]).report.documents[0];
    expect(off.findings.some((f: { ruleId: string }) => f.ruleId === "code-name")).toBe(false);
    const { status, report } = cliJson([SEED, "--rule", "table-presence=error"]);
    expect(status).toBe(1);
    expect(report.documents[0].findings.filter((f: { ruleId: string; severity: string }) => f.ruleId === "table-presence" && f.severity === "error")).toHaveLength(3);
  });

  it("rejects an unknown rule or level with exit 2", () => {
    expect(cli([SEED, "--rule", "no-such-rule=off"]).stderr).toMatch(/no rule 'no-such-rule'/);
    expect(cli([SEED, "--rule", "code-name=loud"]).status).toBe(2);
  });
});

describe("output", () => {
  it("--output writes the report to the file and nothing to stdout", () => {
    const file = join(tempDir("options"), "report.json");
    const r = cli([...TABLES_ONLY, "--format", "json", "--output", file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8")).documents[0].department).toBe("深圳市科学技术协会");
  });

  it("--lang zh writes messages in Chinese, --lang en in English", () => {
    const zh = cliJson([SEED, "--lang", "zh"]).report.documents[0].findings.find((f: { ruleId: string }) => f.ruleId === "table-presence");
    expect(zh.message).toBe("表2 收入总表：目录列有“收入总表”，但文件中没有这张表");
    const en = cliJson([SEED, "--lang", "en"]).report.documents[0].findings.find((f: { ruleId: string }) => f.ruleId === "table-presence");
    expect(en.message).toBe("T2 收入总表: the contents list “收入总表” but the document has no such table");
  });

  it("follows LANG when --lang is not given", () => {
    const r = cliJson([SEED], { env: { LANG: "zh_CN.UTF-8" } });
    expect(r.report.documents[0].findings[0].message).toMatch(/目录列有|列示/);
  });

  it("--quiet prints only errors (none in the seed's tables) and the summary", () => {
    const r = cli([...TABLES_ONLY, "--quiet"]);
    expect(r.stdout).not.toMatch(/code-name|hierarchy-sum|table-presence/);
    expect(r.stdout.trim().split("\n").pop()).toMatch(/0 errors, 4 warnings/);
    const all = cli([SEED, "--quiet"]);
    expect(all.stdout).not.toMatch(/code-name|hierarchy-sum|table-presence|text-sum/);
    expect(all.stdout.match(/yoy-change/g)).toHaveLength(6);
  });

  it("colours the text report only on a terminal (never under NO_COLOR or into a pipe)", () => {
    expect(cli([SEED], { env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
  });
});
