import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import type { FindingLike } from "../helpers/findings.js";

/*
 * A sentence that states a total and its parts, and nothing else that prints them: 区政府办公室's 2025 budget,
 * 政府采购预算34万元，其中：货物0万元、工程0万元、服务34万元. One of its four figures mistyped (the total, 44) is
 * explained as well by changing any of the four, and the finding must list every one of them: before round 53 at most
 * three explanations were looked for, and the mistyped total itself was the one left out.
 */
const dir = mkdtempSync(join(tmpdir(), "diagnosis-ties-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("equally small explanations, more than three", () => {
  it("a text total typed 44 over parts 0 + 0 + 34: all four corrections listed, the total's among them", { timeout: 120_000 }, () => {
    const original = join(ROOT, "fixtures", "shanghai", "shanghai-putuo_district-govt-office_2025_dept-budget.txt");
    const lines = readFileSync(original, "utf8").split("\n");
    expect(lines[382]).toContain("政府采购预算34万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算34万元");
    lines[382] = lines[382].replace("政府采购预算34万元", "政府采购预算44万元");
    const file = join(dir, "typo.txt");
    writeFileSync(file, lines.join("\n"));
    const { report, status } = cliJson([file, "--lang", "en"]);
    expect(status).toBe(1);
    const findings: FindingLike[] = report.documents[0].findings;
    const diag = findings.filter((f) => f.ruleId === "diagnosis");
    expect(diag).toHaveLength(1);
    const named = [diag[0], ...diag[0].diagnosis!.alternatives.map((a) => a[0])].map((x) => ("stated" in x ? [x.location.column, x.stated] : [x.location.column, x.from]));
    const at = (s: string) => lines[382].indexOf(s) + 1;
    // The total (44), 货物 (0), 工程 (0) and 服务 (34): four figures, each once.
    expect(named.map(([c]) => c).sort((a, b) => Number(a) - Number(b))).toEqual([at("44万元"), at("0万元、政府采购工程"), at("0万元、政府采购服务"), at("34万元。")]);
    const total = diag[0].diagnosis!.alternatives.flat().find((x) => x.location.column === at("44万元"));
    expect(total ? total.to : diag[0].computed).toBe("34");
    expect(diag[0].message).toContain("the identities alone cannot tell which figure is wrong");
  });
});
