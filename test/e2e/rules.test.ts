import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";

describe("budget-check rules", () => {
  const json = cli(["rules", "--format", "json"]);
  const rules: { id: string; defaultSeverity: string; description: string; descriptionZh: string; docs: string }[] = JSON.parse(json.stdout);

  it("lists every rule as JSON: id, default severity, descriptions and its doc page", () => {
    expect(json.status).toBe(0);
    expect(rules.length).toBeGreaterThanOrEqual(16);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(["error", "warning", "info"]).toContain(r.defaultSeverity);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.descriptionZh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.docs).toBe(`docs/rules/${r.id}.md`);
    }
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(["hierarchy-sum", "table-presence", "code-name", "row-total"]));
  });

  it("lists the same rules as text, one line each: id, severity, description", () => {
    const r = cli(["rules"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(rules.length);
    lines.forEach((l, i) => expect(l).toMatch(new RegExp(`^${rules[i].id} +${rules[i].defaultSeverity} +\\S`)));
  });
});

describe("budget-check explain", () => {
  it("prints each rule's doc page as it is in docs/rules/; a missing page is a one-line error", () => {
    const rules: { id: string }[] = JSON.parse(cli(["rules", "--format", "json"]).stdout);
    for (const { id } of rules) {
      const page = join(ROOT, "docs", "rules", `${id}.md`);
      const r = cli(["explain", id]);
      if (existsSync(page)) {
        expect(r.status, id).toBe(0);
        expect(r.stdout).toBe(readFileSync(page, "utf8"));
      } else {
        expect(r.status, id).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toBe(`budget-check: explain ${id}: its documentation page docs/rules/${id}.md is missing from this installation\n`);
      }
    }
  });

  it("an unknown rule id is exit 2 with one line pointing at `budget-check rules`", () => {
    const r = cli(["explain", "no-such-rule"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("budget-check: explain no-such-rule: no such rule (budget-check rules lists them)\n");
  });
});
