import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/index.js";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";

const STACK_FRAME = /^\s+at /m;

describe("budget-check rules", () => {
  it("lists every rule with its default severity and description, one line each", () => {
    const r = cli(["rules"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(rules.length);
    lines.forEach((line, i) => {
      const [id, severity] = line.split(/\s+/);
      expect([id, severity]).toEqual([rules[i].id, rules[i].defaultSeverity]);
      expect(line).toContain(rules[i].description);
    });
  });

  it("--format json gives id, default severity, both descriptions and the page of every rule", () => {
    const r = cli(["rules", "--format", "json"]);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; defaultSeverity: string; description: string; descriptionZh: string; docs: string }[];
    expect(list.map((x) => x.id)).toEqual(rules.map((x) => x.id));
    for (const x of list) {
      expect(["error", "warning", "info"]).toContain(x.defaultSeverity);
      expect(x.description.length).toBeGreaterThan(10);
      expect(x.descriptionZh).toMatch(/\p{Script=Han}/u);
      expect(readFileSync(join(ROOT, x.docs), "utf8").split("\n")[0]).toBe(`# ${x.id}`);
    }
  });
});

describe("budget-check explain", () => {
  for (const { id } of rules)
    it(`prints docs/rules/${id}.md`, () => {
      const r = cli(["explain", id]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(ROOT, "docs", "rules", `${id}.md`), "utf8"));
    });

  it("an unknown rule id: exit 2, one line on stderr naming it, nothing on stdout, no stack trace", () => {
    const r = cli(["explain", "no-such-rule"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("no-such-rule");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("--rule <id>=<level>, as the rule pages describe it", () => {
  it("off silences a rule; the others still report", () => {
    const { report } = cliJson([SEED, "--rule", "hierarchy-sum=off"]);
    const ids = new Set(report.documents[0].findings.map((f: { ruleId: string }) => f.ruleId));
    expect(ids.has("hierarchy-sum")).toBe(false);
    expect(ids.has("row-total")).toBe(true);
  });

  it("error makes the seed's 2060704 name mismatch (code-name) fail the run; rounding notes stay info", () => {
    const { status, report } = cliJson([SEED, "--rule", "code-name=error", "--rule", "row-total=error"]);
    expect(status).toBe(1);
    const f = report.documents[0].findings as { ruleId: string; severity: string }[];
    expect(f.filter((x) => x.ruleId === "code-name").map((x) => x.severity)).toEqual(["error"]);
    expect(new Set(f.filter((x) => x.ruleId === "row-total").map((x) => x.severity))).toEqual(new Set(["info"]));
  });

  it("--tolerance 0 replaces the computed tolerance: the seed's 9,724 ≠ 3,974 + 5,749 on 表7 line 526 becomes an error", () => {
    const { status, report } = cliJson([SEED, "--tolerance", "0"]);
    expect(status).toBe(1);
    const f = report.documents[0].findings.find((x: { ruleId: string; location: { line: number } }) => x.ruleId === "row-total" && x.location.line === 526);
    expect(f).toMatchObject({ severity: "error", withinRounding: false, stated: "9724", computed: "9723", difference: "1", tolerance: "0" });
  });

  it("an unknown rule id is a usage error (exit 2, one line)", () => {
    const r = cli([SEED, "--rule", "no-such-rule=off"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("Chinese throughout: --help, rules, explain (issue 11, point 3)", () => {
  it("top-level --help shows the check options, in English and in Chinese (--lang or LANG)", () => {
    const en = cli(["--help"]);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/Options of check \(the default command\):\n\s+--format <name>/);
    expect(en.stdout).toMatch(/--fail-on <level>/);
    for (const r of [cli(["--help", "--lang", "zh"]), cli(["--help"], { env: { LANG: "zh_CN.UTF-8" } })]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^用法： budget-check \[选项\] \[命令\]/);
      expect(r.stdout).toContain("核对部门预算公开文件");
      expect(r.stdout).toMatch(/check（默认命令）的选项：\n\s+--format <name>\s+报告格式/);
      expect(r.stdout).toMatch(/--quiet\s+各格式均只列错误/);
      expect(r.stdout).not.toMatch(/\b(Usage|Options|Commands):/);
    }
    expect(cli(["check", "--help", "--lang", "zh"]).stdout).toMatch(/^用法： budget-check check \[选项\] <input\.\.\.>/);
  });

  it("rules lists the Chinese descriptions and severities with --lang zh or a Chinese LANG", () => {
    for (const r of [cli(["rules", "--lang", "zh"]), cli(["rules"], { env: { LANG: "zh_CN.UTF-8" } })]) {
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split("\n");
      expect(lines).toHaveLength(rules.length);
      for (const [i, rule] of rules.entries()) {
        expect(lines[i]).toMatch(new RegExp(`^${rule.id} +(错误|警告|提示) +`));
        expect(lines[i]).toContain(rule.descriptionZh);
      }
    }
    expect(cli(["rules", "--lang", "en"], { env: { LANG: "zh_CN.UTF-8" } }).stdout).toContain(rules[0].description);
  });

  it("explain prints the Chinese page of every rule with --lang zh", () => {
    for (const rule of rules) {
      const r = cli(["explain", rule.id, "--lang", "zh"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(ROOT, "docs", "rules", "zh", `${rule.id}.md`), "utf8"));
      expect(r.stdout).toContain("## 检查内容");
    }
  });

  it("explain suggests the rule meant: explain yoy → yoy-change, in both languages", () => {
    const en = cli(["explain", "yoy"]);
    expect(en.status).toBe(2);
    expect(en.stderr.trim()).toBe("budget-check: explain yoy: no such rule — did you mean yoy-change? (budget-check rules lists them)");
    const zh = cli(["explain", "hierachy-sum", "--lang", "zh"]);
    expect(zh.stderr.trim()).toBe("budget-check: explain hierachy-sum：没有这条规则，是否要找 hierarchy-sum？（budget-check rules 列出全部规则）");
    expect(cli(["explain", "zzz"]).stderr.trim()).toBe("budget-check: explain zzz: no such rule (budget-check rules lists them)");
  });
});
