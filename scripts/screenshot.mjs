#!/usr/bin/env node
// Regenerates docs/report.png: the HTML report of the seed fixture, made by the real CLI, shown in
// Debian's chromium (see .ci/setup-browser) with one rounding cell clicked so its arithmetic shows.
// Usage: npm run build && node scripts/screenshot.mjs [out.png]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = process.argv[2] ?? join(root, "docs", "report.png");
const dir = mkdtempSync(join(tmpdir(), "budget-check-shot-"));
const html = join(dir, "report.html");
const r = spawnSync(process.execPath, [join(root, "bin", "budget-check.js"), "fixtures/shenzhen-sast-2023/document.md", "--format", "html", "--lang", "zh", "--output", html], { cwd: root, encoding: "utf8" });
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(1);
}
export const BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: BROWSER_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(html).href);
  // The 表8 301 工资福利支出 total: 873 printed, 872 computed (the example of docs/cli.md).
  const cell = page.locator(`table[data-table="T8"] td.marked`, { hasText: /^873$/ }).first();
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  await page.locator('table[data-table="T8"] caption').evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.evaluate(() => window.scrollBy(0, -12));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
