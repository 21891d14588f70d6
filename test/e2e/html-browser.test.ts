import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.js";
import { cli, cliJson, ROOT, SEED, SEED_CLEAN } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// The HTML report of the seed, made by the real CLI, opened in the Chromium that the npm package
// @sparticuz/chromium ships (test/helpers/browser.ts; CHROMIUM_PATH picks another). No system browser,
// root or apt is needed, so the test always runs: the report's behaviour is only checked here.

interface Loc {
  file: string;
  line: number;
  column?: number;
}

const tmp = tempDir("html");
const htmlFile = join(tmp, "report.html");
const errorsFile = join(tmp, "errors.html");
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  const r = cli([...SEED_CLEAN, "--format", "html", "--lang", "en", "--output", htmlFile]);
  expect(r.status).toBe(0);
  let executablePath: string;
  ({ browser, executablePath } = await launchBrowser());
  // Unless CHROMIUM_PATH says otherwise, the browser is the npm package's, unpacked to the temp folder:
  // no system chromium is used (so none is needed).
  if (!process.env.CHROMIUM_PATH) expect(executablePath).toBe(join(tmpdir(), "chromium"));
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("request", (q) => requests.push(q.url()));
  await page.goto(pathToFileURL(htmlFile).href);
  expect(cli([SEED, "--format", "html", "--lang", "en", "--output", errorsFile]).status).toBe(1);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("the HTML report of the seed in a real browser", () => {
  const { report } = cliJson(SEED_CLEAN);
  const findings: { ruleId: string; table: string; location: Loc; related: Loc[]; stated: string | null }[] = report.documents[0].findings;
  // A finding concerns a table cell when the line it points at is a printed table row (tab-separated)
  // in the document itself; the 目录 lines of the missing tables are not.
  const lines = readFileSync(join(ROOT, SEED), "utf8").split(/\r\n|\n/);
  const inTable = (l: Loc) => lines[l.line - 1]?.includes("\t");
  const cellKey = (l: Loc) => `${l.line}:${l.column ?? ""}`;

  it("marks exactly one cell for each distinct place a finding points at in a table", async () => {
    const places = new Set(findings.filter((f) => inTable(f.location)).map((f) => cellKey(f.location)));
    expect(places.size).toBeGreaterThan(40);
    expect(await page.locator("table.budget .marked").count()).toBe(places.size);
    // Findings outside the tables (the 目录 lines, and the written parts' findings) are listed, not drawn on a cell.
    expect(findings.filter((f) => !inTable(f.location) && f.table !== "text").map((f) => f.location.line)).toEqual([22, 24, 25]);
  });

  it("colours a cell by its finding: the 表7 name that differs is a warning, the 表8 873 a rounding note", async () => {
    const warning = page.locator('table[data-table="T7"] .marked.k-warning');
    await expect(warning.count()).resolves.toBe(1);
    expect(await warning.textContent()).toBe("学术交流活动的");
    const t8 = page.locator('table[data-table="T8"] td.marked', { hasText: /^873$/ }).first();
    expect(await t8.getAttribute("class")).toContain("k-rounding");
    expect(await t8.getAttribute("title")).toMatch(/stated 873 · computed 872 · difference 1 · tolerance 5/);
  });

  it("clicking the 表8 301 total shows its arithmetic and highlights the nine sub-items it was summed from", async () => {
    const f = findings.find((x) => x.ruleId === "hierarchy-sum" && x.location.line === 636)!;
    const cell = page.locator('table[data-table="T8"] td.marked', { hasText: /^873$/ }).first();
    await cell.click();
    const box = page.locator("#detail .f").filter({ hasText: "hierarchy-sum" }).filter({ hasText: "872" });
    await expect(box.count()).resolves.toBe(1);
    const term = async (t: string) => (await box.locator(`tr[data-term="${t}"] td`).textContent())?.trim();
    expect(await term("stated")).toBe("873");
    expect(await term("computed")).toBe("872");
    expect(await term("difference")).toBe("1");
    expect(await term("tolerance")).toBe("5");
    expect(await cell.getAttribute("class")).toContain("selected");
    const related = await page.locator(".related").evaluateAll((els) => els.map((e) => e.textContent));
    // The sub-items 30101 … 30199 of 工资福利支出 in the 支出总计 column, lines 637–645 of the document.
    const expected = f.related.map((l) => lines[l.line - 1].slice((l.column ?? 1) - 1).split("\t")[0].trim());
    expect(related.length).toBeGreaterThanOrEqual(expected.length);
    expect(related).toEqual(expect.arrayContaining(expected));
    expect(expected).toHaveLength(9);
  });

  it("a click in the findings list selects the finding's cell", async () => {
    expect(await page.locator("details.list").first().getAttribute("open")).not.toBeNull();
    await page.locator('details.list li[data-target]').filter({ hasText: "code-name" }).click();
    expect(await page.locator(".selected").textContent()).toBe("学术交流活动的");
    await expect(page.locator("#detail").textContent()).resolves.toMatch(/学术交流活动/);
  });

  it("logs no console error and fetches nothing: the page works offline", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.every((u) => u.startsWith("file://"))).toBe(true);
  });
});

describe("the HTML report of the seed with its 6 errors opens on them, and its filters work", () => {
  let p: Page;
  const visibleItems = () => p.locator("details.list li[data-finding]:visible");
  beforeAll(async () => {
    p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(pathToFileURL(errorsFile).href);
  });

  it("shows the errors first, in the first screen, with the first error's arithmetic in the panel", async () => {
    const kinds = await visibleItems().evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds.slice(0, 6)).toEqual(Array(6).fill("error"));
    expect(kinds.slice(6)).not.toContain("error");
    const box = await visibleItems().first().boundingBox();
    expect(box && box.y + box.height).toBeLessThan(900);
    await expect(p.locator("#detail .f .badge").first().textContent()).resolves.toBe("error");
    await expect(p.locator("#detail .f").first().textContent()).resolves.toMatch(/yoy-change.*printed 15%/);
    // The figure in the written parts is selected.
    expect(await p.locator(".selected").textContent()).toBe("15%");
  });

  it("hides the rounding notes behind one line per table, and the line's button shows that table's", async () => {
    expect(await visibleItems().evaluateAll((els) => els.filter((e) => e.getAttribute("data-kind") === "rounding").length)).toBe(0);
    const fold = p.locator("li.fold", { hasText: "in T8" });
    await expect(fold.textContent()).resolves.toMatch(/^rounding \d+ rounding differences in T8/);
    await fold.locator("button").click();
    const shown = await visibleItems().evaluateAll((els) => els.map((e) => `${e.getAttribute("data-kind")} ${e.getAttribute("data-table")}`));
    expect(shown.length).toBeGreaterThan(5);
    expect(new Set(shown)).toEqual(new Set(["rounding T8"]));
    expect(await p.locator("#filter-table").inputValue()).toBe("T8");
  });

  it("filters by kind (the badges), by table and by rule", async () => {
    await p.selectOption("#filter-table", "");
    await p.locator('[data-filter-kind="rounding"]').click(); // off again
    await p.locator('[data-filter-kind="error"]').click(); // errors off
    expect(await p.locator('[data-filter-kind="error"]').getAttribute("aria-pressed")).toBe("false");
    const kinds = await visibleItems().evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-kind")))]);
    expect(kinds.sort()).toEqual(["info", "warning"]);
    await p.selectOption("#filter-rule", "table-presence");
    const tp = await visibleItems().evaluateAll((els) => els.map((e) => e.getAttribute("data-table")));
    expect(tp).toEqual(["T2", "T4", "T5"]);
    await p.selectOption("#filter-rule", "");
    await p.selectOption("#filter-table", "T7");
    expect(await visibleItems().evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")))).toEqual(["code-name"]);
    // Cells whose findings are all filtered out lose their colour.
    expect(await p.locator('table[data-table="T8"] .marked:not(.dim)').count()).toBe(0);
    expect(await p.locator('table[data-table="T7"] .marked.k-warning:not(.dim)').count()).toBe(1);
  });
});
