import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, ROOT, SEED } from "../helpers/cli.js";

// docs/ci.md's GitHub and GitLab jobs, copied as they are (their budget-check command lines), run on a
// repository whose disclosures/ holds the seed: the seed's 6 errors must show as failures.
const ciMd = readFileSync(join(ROOT, "docs", "ci.md"), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-ci-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
mkdirSync(join(tmp, "disclosures"));
cpSync(join(ROOT, SEED), join(tmp, "disclosures", "document.md"));

/** The budget-check command lines of a fenced YAML block (folded `>-` scalars joined as YAML does). */
function commands(block: string): string[][] {
  const lines = block.split("\n");
  const out: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:- |run: )(>-\s*)?(budget-check .*)?$/.exec(lines[i]);
    if (!m) continue;
    let text = m[3] ?? "";
    if (m[2]) {
      const parts: string[] = [];
      const indent = /^\s*/.exec(lines[i + 1] ?? "")![0].length;
      while (i + 1 < lines.length && /^\s*/.exec(lines[i + 1])![0].length === indent && lines[i + 1].trim()) parts.push(lines[++i].trim());
      text = parts.join(" ");
    }
    if (text.startsWith("budget-check ")) out.push(text.split(/\s+/).slice(1));
  }
  return out;
}

function yamlBlock(heading: string): string {
  const section = ciMd.slice(ciMd.indexOf(heading));
  return /```yaml\n([\s\S]*?)```/.exec(section)![1];
}

describe("docs/ci.md, copied as it is", () => {
  it("never installs budget-check from the public npm registry", () => {
    expect(ciMd).not.toMatch(/npm (install|i)( --global| -g)* budget-check(\s|$|`)/);
  });

  it("GitHub Actions: one run fails the job, annotates the 6 errors and writes SARIF with them", () => {
    const runs = commands(yamlBlock("## GitHub Actions"));
    expect(runs).toHaveLength(1);
    const r = cli(runs[0], { cwd: tmp });
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("::error ")).length).toBe(6);
    const sarif = JSON.parse(readFileSync(join(tmp, "budget-check.sarif"), "utf8"));
    expect(sarif.runs[0].results.filter((x: { level: string }) => x.level === "error")).toHaveLength(6);
    expect(readFileSync(join(tmp, "budget-check.md"), "utf8").match(/\| ❌ error \|/g)).toHaveLength(6);
  });

  it("GitLab CI: the job fails and its JUnit report shows the 6 errors as a failed test case", () => {
    const runs = commands(yamlBlock("## GitLab CI"));
    expect(runs).toHaveLength(1);
    const r = cli(runs[0], { cwd: tmp });
    expect(r.status).toBe(1);
    const junit = readFileSync(join(tmp, "budget-check.junit.xml"), "utf8");
    expect(junit).toMatch(/<testsuites name="budget-check" tests="\d+" failures="1"/);
    expect(junit.match(/: error: /g)).toHaveLength(6);
  });
});
