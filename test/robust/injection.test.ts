import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { neutralised, noMentions, visibleControls } from "../../src/reporters/escape.js";
import { cli } from "../helpers/cli.js";
import { classified } from "../helpers/tables.js";
import { tempDir } from "../helpers/tmp.js";

// Issue 12, defect 9: what a document or a file name holds must not act on the terminal, the CI log
// or the Markdown comment it is shown in.
const CLEAR = "\u001b[2J";
const TITLE = "\u001b]0;pwned\u0007";
const LINK = "\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007";
const BIDI = "\u202e";

describe("reports neutralise control characters, workflow commands and mentions", () => {
  const tmp = tempDir("inject");
  // code-name quotes the odd name in its message: the name is the attacker's text.
  const evil = `机构运行${CLEAR}${TITLE}${LINK}${BIDI}@org/team`;
  const text = classified(7, `甲单位→→→2→2→0\n→2060701→机构运行→1→1→0\n→2060701→${evil}→1→1→0`).replace(/→/g, "\t");
  const file = join(tmp, "a\n::error file=x::pwned.md");
  writeFileSync(file, text);

  it.each(["text", "markdown", "github", "html", "junit"])("%s: no escape character, no bidi override, no line starting with ::", (format) => {
    const r = cli([file, "--format", format, "--fail-on", "warning"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("机构运行");
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("::"))).toEqual(format === "github" ? r.stdout.split("\n").filter((l) => /^::(error|warning|notice) /.test(l)) : []);
    if (format === "text") expect(r.stdout).toContain("\\e[2J");
  });

  it("markdown: @org/team does not notify anyone", () => {
    const r = cli([file, "--format", "markdown"]);
    expect(r.stdout).not.toMatch(/@org/);
    expect(r.stdout).toContain("@&#8203;org/team");
  });

  it("stderr: a failure naming a file with escapes in its name prints them visibly", () => {
    const bad = join(tmp, `x${CLEAR}.md`);
    writeFileSync(bad, "no tables here\n");
    const r = cli([bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toContain("x\\e[2J.md");
  });

  it("the shared functions", () => {
    expect(visibleControls("a\u001b[31mb\nc\td\u202e")).toBe("a\\e[31mb\\nc\td\\u202e");
    const report = { documents: [{ path: "p\u0007", findings: [{ message: "m\r" }], year: 2023 }] };
    expect(neutralised(report)).toEqual({ documents: [{ path: "p\\u0007", findings: [{ message: "m\\r" }], year: 2023 }] });
    expect(report.documents[0].path).toBe("p\u0007");
    expect(noMentions("cc @octocat and @org/team, not a@ b")).toBe("cc @&#8203;octocat and @&#8203;org/team, not a@ b");
  });
});
