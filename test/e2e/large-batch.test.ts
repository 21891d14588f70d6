import { spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const DOCUMENTS = 5000;
/** The main thread's heap limit (MB): far below what 5,000 held reports of this batch take. */
const HEAP_MB = 48;

/**
 * A small department whose 30 code rows of 表7 each print 支出总计 one more than 基本支出 + 项目支出: 30
 * rounding notes and 2 errors (the unit's and department's totals), ~30 kB of JSON report per document.
 */
function document(): string {
  const rows: string[] = [];
  let basic = 0;
  for (let i = 0; i < 30; i++) {
    rows.push(`\t20601${String(i).padStart(2, "0")}\t科目${i}\t${10 + i + 5 + 1}\t${10 + i}\t5`);
    basic += 10 + i;
  }
  const total = basic + 150 + 30;
  return ["表 7", "一般公共预算支出表（按功能分类）", "单位：万元", "预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出", `部门\t\t\t${total}\t${basic}\t150`, `单位A\t\t\t${total}\t${basic}\t150`, ...rows, ""].join("\n");
}

describe(`a batch of ${DOCUMENTS} documents in bounded memory`, () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "budget-check-large-"));
    const text = document();
    for (let i = 0; i < DOCUMENTS; i++) {
      const sub = join(dir, "in", String(Math.floor(i / 500)).padStart(2, "0"));
      if (i % 500 === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `d${String(i).padStart(4, "0")}.md`), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`streams the JSON report with the main thread's heap limited to ${HEAP_MB} MB`, { timeout: 600_000 }, async () => {
    const out = join(dir, "report.json");
    const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, "bin", "budget-check.js"), join(dir, "in"), "--format", "json", "--output", out], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "" },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    // The report is several times the heap limit: it could not have been held, as objects or as one string.
    expect(statSync(out).size).toBeGreaterThan(3 * HEAP_MB * 1024 * 1024);
    // Read back as a streaming consumer would: document by document, in order, each with its findings.
    let documents = 0;
    let summary = "";
    let inSummary = false;
    for await (const line of createInterface({ input: createReadStream(out, "utf8") })) {
      if (line.startsWith('      "path": ')) {
        expect(line).toContain(`d${String(documents).padStart(4, "0")}.md`);
        documents++;
      }
      if (line === '  "summary": {') {
        inSummary = true;
        summary = "{";
      } else if (inSummary) {
        summary += line;
        if (line === "  }") inSummary = false;
      }
    }
    expect(documents).toBe(DOCUMENTS);
    expect(JSON.parse(summary)).toEqual({
      documents: DOCUMENTS,
      error: 2 * DOCUMENTS,
      warning: 0,
      info: 30 * DOCUMENTS,
    });
  });
});
