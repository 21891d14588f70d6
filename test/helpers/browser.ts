import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * A headless browser for the tests of the HTML report, needing neither root nor apt: the Chromium that
 * the npm package @sparticuz/chromium ships inside itself (unpacked to the temp folder on first use),
 * driven by playwright-core. CHROMIUM_PATH chooses another binary (e.g. a system chromium); it must
 * exist — a wrong path is an error, never a silent fallback.
 */
export async function launchBrowser(): Promise<{ browser: Browser; executablePath: string }> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist (unset it to use the Chromium of @sparticuz/chromium)`);
    const browser = await chromium.launch({ executablePath: override, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    return { browser, executablePath: override };
  }
  const { default: packaged } = await import("@sparticuz/chromium");
  const executablePath = await packaged.executablePath();
  const browser = await chromium.launch({ executablePath, headless: true, args: packaged.args });
  return { browser, executablePath };
}
