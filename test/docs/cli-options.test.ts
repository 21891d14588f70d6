import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";

/** docs/cli.md is the contract: its table of options lists each option of `check` once, and every one `--help` shows. */
const doc = readFileSync(join(ROOT, "docs", "cli.md"), "utf8");
const table = doc.slice(doc.indexOf("| option | meaning | default |"));
const documented = table
  .split("\n")
  .slice(2)
  .filter((l, i, all) => l.startsWith("|") && all.slice(0, i).every((p) => p.startsWith("|")))
  .map((l) => /^\| `(--[a-z-]+)/.exec(l)?.[1])
  .filter((o): o is string => !!o);

describe("docs/cli.md options table", () => {
  it("lists each option once", () => {
    expect(documented.length).toBeGreaterThan(10);
    expect(documented.filter((o, i) => documented.indexOf(o) !== i)).toEqual([]);
  });
  it("documents every option of check that --help shows", () => {
    const help = cli(["--help"]).stdout;
    const section = help.slice(help.indexOf("Options of check"));
    const shown = [...section.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]).filter((o) => o !== "--help");
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.filter((o) => !documented.includes(o) && !documented.includes(o.replace(/^--no-/, "--")))).toEqual([]);
  });
});
