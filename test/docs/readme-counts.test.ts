import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, SEED } from "../helpers/cli.js";

// The README's description of the first command's output matches what the command prints.
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const out = cli([SEED]).stdout;
const lines = out.trimEnd().split("\n");

describe("README: the counts it gives for the fixture", () => {
  it("quotes the closing line the command prints", () => {
    expect(readme).toContain("```\n" + lines[lines.length - 1] + "\n```");
  });

  it("says how many errors, warnings, notes and rounding notes (tables and text) it prints", () => {
    const kinds = (k: string) => lines.filter((l) => new RegExp(`^ {2}${k} `).test(l)).length;
    const folds = lines.filter((l) => /^ {2}rounding +\d+ rounding differences? in /.test(l)).map((l) => ({ n: Number(/(\d+) rounding/.exec(l)![1]), text: l.includes("Written parts") }));
    const inTables = folds.filter((f) => !f.text).reduce((a, f) => a + f.n, 0);
    const inText = folds.filter((f) => f.text).reduce((a, f) => a + f.n, 0);
    expect(readme).toContain(`It prints the ${kinds("error")} errors first, then the ${kinds("warning")} warnings and ${kinds("info")} note`);
    expect(readme).toContain(`then the ${inTables + inText} rounding notes (${inTables} in the tables, ${inText} in the text)`);
    expect(readme).toContain(`(${inTables} rounding notes, ${kinds("warning")} warnings:`);
  });
});
