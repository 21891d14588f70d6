import { describe, expect, it } from "vitest";
import { isTabSeparated } from "../../src/loaders/index.js";
import { hasPipeTable, pipeTablesAsTabs } from "../../src/loaders/pipe-tables.js";

describe("Markdown pipe tables read as tab-separated rows", () => {
  const text = ["## 支出总表", "", "| 科目编码 | 科目名称 | 合计 |", "|---|:---:|---:|", "| 201 | 一般公共服务支出 | 1,234.00 |", "| 20101 | 人大事务\\|代表工作 | 34.00 |", "说明：a | b 不是表格。"].join("\n");
  const out = pipeTablesAsTabs(text).split("\n");

  it("keeps every character's column and every row's line: a pipe is a tab, the delimiter row a blank line", () => {
    expect(out).toHaveLength(7);
    expect(out[2]).toBe("\t 科目编码 \t 科目名称 \t 合计 \t");
    expect(out[3]).toBe("");
    expect(out[4].indexOf("1,234.00")).toBe(text.split("\n")[4].indexOf("1,234.00"));
  });

  it("leaves an escaped pipe in its cell and a line that is not a row as it is", () => {
    expect(out[5].split("\t")[2]).toBe(" 人大事务\\|代表工作 ");
    expect(out[6]).toBe("说明：a | b 不是表格。");
  });

  it("is a tab-separated text once converted, and only a text with a delimiter row is converted", () => {
    expect(hasPipeTable(text)).toBe(true);
    expect(hasPipeTable("| a | b |\n| c | d |")).toBe(false);
    expect(isTabSeparated(out.join("\n"))).toBe(true);
  });
});
