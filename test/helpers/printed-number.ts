import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli.js";

/**
 * test/fixtures/shandong-web/budget.html (a document read by kind: its 表8 政府性基金预算支出表 is `T9`) with 表8's 合计
 * printed 3,580.00 for 3,850.00, written into `dir`: findings on a table whose printed number is not its id's.
 */
export function wrongFundTotal(dir: string): string {
  const html = readFileSync(join(ROOT, "test", "fixtures", "shandong-web", "budget.html"), "utf8");
  const at = html.indexOf('<p class="tab-no">表8</p>');
  const fig = html.indexOf("3,850.00", at);
  if (at < 0 || fig < 0) throw new Error("shandong-web/budget.html: 表8's 3,850.00 not found");
  const file = join(dir, "budget-fund-total.html");
  writeFileSync(file, html.slice(0, fig) + "3,580.00" + html.slice(fig + "3,850.00".length));
  return file;
}
