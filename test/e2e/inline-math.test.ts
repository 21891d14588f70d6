import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The seed's converter writes what it takes for a formula as inline LaTeX (成本控制率 $\leq$ 100%); a converter of the same
 * kind may write every percentage so ($15\%$), or an amount ($2,247$ 万元). Before round 59 such a percentage was not
 * read (the seed so written lost all 6 of its yoy-change errors), and an amount so written was no project's figure: 7
 * false errors (the unit's projects short of its 项目支出 by 2,247).
 */
const dir = tempDir("inline-math");
type Doc = { findings: { severity: string; ruleId: string; message: string; location: { line?: number; column?: number } }[] };
const said = (d: Doc) => d.findings.map((f) => JSON.stringify([f.severity, f.ruleId, f.message])).sort();
const seedText = () => readFileSync(join(ROOT, SEED), "utf8");

describe("inline math in the written parts", () => {
  const seed = cliJson([SEED]).report.documents[0] as Doc;
  const strip = (s: string) => s.replace(/[^\s"]*\.md/g, "F");

  it("every percentage of the written parts as $N\\%$: the seed's findings, each error at the figure in its math", () => {
    // Percentages in prose (增幅 15%，), not in the tables' tab-separated rows.
    const text = seedText()
      .split("\n")
      .map((l) => (l.includes("\t") ? l : l.replace(/(\d+(?:\.\d+)?)\s*%/g, "$$$1\\%$$")))
      .join("\n");
    expect(text.match(/\$\d+\\%\$/g)!.length).toBeGreaterThan(15);
    const file = join(dir, "percentages.md");
    const doc = readLikeSeed(file, text).doc as unknown as Doc;
    expect(said(doc).map(strip)).toEqual(said(seed).map(strip));
    const lines = text.split("\n");
    const yoy = doc.findings.filter((f) => f.ruleId === "yoy-change" && f.severity === "error");
    expect(yoy).toHaveLength(6);
    for (const f of yoy) {
      const at = [...lines[f.location.line! - 1]].slice(f.location.column! - 1).join("");
      expect(at).toMatch(/^\d+\\%\$/);
    }
  });

  it("an amount as $2,247$ 万元: the seed's findings", () => {
    const text = seedText().replace("学会能力提升和学术交流促进项目预算 2,247 万元", "学会能力提升和学术交流促进项目预算 $2,247$ 万元");
    expect(text).toContain("$2,247$");
    const doc = readLikeSeed(join(dir, "amount.md"), text).doc as unknown as Doc;
    expect(said(doc).map(strip)).toEqual(said(seed).map(strip));
  });
});
