import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** Folders made by tempDir in this test file; removed when its tests are done. */
const made: string[] = [];
// Registered when a test file first imports this module (at collection, so it is a file-level hook).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh folder in the system temp folder (budget-check-<prefix>-XXXXXX), removed after the test
 * file's tests: tests leave nothing behind. May be called anywhere, also inside a test.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `budget-check-${prefix}-`));
  made.push(dir);
  return dir;
}
