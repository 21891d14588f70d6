import { spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { SMALL_DEPARTMENT_SUMMARY, smallDepartment } from "../helpers/small-department.js";

const DOCUMENTS = 5000;
/** The main thread's heap limit (MB): far below what 5,000 held reports of this batch take. */
const HEAP_MB = 48;

describe(`a batch of ${DOCUMENTS} documents in bounded memory`, () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "budget-check-large-"));
    const text = smallDepartment();
    for (let i = 0; i < DOCUMENTS; i++) {
      const sub = join(dir, "in", String(Math.floor(i / 500)).padStart(2, "0"));
      if (i % 500 === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `d${String(i).padStart(4, "0")}.md`), text);
    }
  }, 120_000);
  // (Removing 5,000 files takes seconds on a loaded machine: more than the default hook timeout.)
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

  it(`streams the JSON report with the main thread's heap limited to ${HEAP_MB} MB`, { timeout: 600_000 }, async () => {
    const out = join(dir, "report.json");
    const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, "bin", "budget-check.js"), join(dir, "in"), "--format", "json", "--output", out], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "" },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0); // rounding notes only
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
    const s = SMALL_DEPARTMENT_SUMMARY;
    expect(JSON.parse(summary)).toEqual({ documents: DOCUMENTS, error: s.error * DOCUMENTS, warning: s.warning * DOCUMENTS, info: s.info * DOCUMENTS });
  });
});
