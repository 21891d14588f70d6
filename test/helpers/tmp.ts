import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/**
 * A fresh folder in the system temp folder, removed when the test file's tests are done: tests leave
 * nothing behind. Call at module or describe level (it registers an afterAll hook).
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `budget-check-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
