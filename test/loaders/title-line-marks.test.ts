import { describe, expect, it } from "vitest";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { cellsAt } from "../helpers/layout.js";

/*
 * A table's title with its money unit or its form number at the right end of the same line, as pdftotext prints a
 * head whose title and 单位：万元 (or 公开01表) share the sheet's first row or a PDF's baseline (辽宁 and 海南 probes,
 * round 51). Before, the line was no title (its words and the mark were read together), so the document printed
 * no table: every table rule was not checked and only the written parts were.
 */

const summary = (titleLine: string, under: string) =>
  [
    "                    辽宁省某厅2025年部门预算",
    "",
    titleLine,
    under,
    cellsAt([10, "项    目"], [40, "预算数"], [60, "项    目"], [92, "预算数"]),
    cellsAt([0, "一、一般公共预算拨款收入"], [40, "100.00"], [56, "一、一般公共服务支出"], [92, "100.00"]),
    cellsAt([8, "收入总计"], [40, "100.00"], [64, "支出总计"], [92, "100.00"]),
    "",
  ].join("\n");

const expenditure = (titleLine: string, under: string, figures: [string, string, string][]) =>
  [
    titleLine,
    under,
    cellsAt([2, "科目编码"], [14, "科目名称"], [52, "合计"], [66, "基本支出"], [80, "项目支出"]),
    cellsAt([14, "合    计"], [50, figures[0][0]], [64, figures[0][1]], [78, figures[0][2]]),
    cellsAt([0, "201"], [12, "一般公共服务支出"], [50, figures[1][0]], [64, figures[1][1]], [78, figures[1][2]]),
    cellsAt([0, "20103"], [12, "政府办公厅（室）及相关机构事务"], [50, figures[2][0]], [64, figures[2][1]], [78, figures[2][2]]),
    "",
  ].join("\n");

describe("a title line that ends in the table's money unit or form number", () => {
  it("部门收支总表 … 单位：万元 on one line titles the table; its unit is the table's", () => {
    const doc = loadLayoutText("ln.txt", summary(cellsAt([30, "部门收支总表"], [84, "单位：万元"]), cellsAt([0, "部门：辽宁省某厅"])));
    const t = doc.tables.find((x) => x.kind === "summary");
    expect(t?.rows.length).toBeGreaterThan(0);
    expect(t?.unit).toBe("万元");
    expect(t?.rows.length).toBeGreaterThan(0);
  });

  it("a table in 元 so titled is read in 元 (the unit on its title's line, none below it)", () => {
    const text =
      summary(cellsAt([30, "部门收支总表"], [84, "单位：万元"]), cellsAt([0, "部门：辽宁省某厅"])) +
      "\f" +
      expenditure(cellsAt([30, "部门支出总表"], [84, "单位：元"]), cellsAt([0, "部门：辽宁省某厅"]), [
        ["1,000,000.00", "600,000.00", "400,000.00"],
        ["1,000,000.00", "600,000.00", "400,000.00"],
        ["1,000,000.00", "600,000.00", "400,000.00"],
      ]);
    const doc = loadLayoutText("ln.txt", text);
    const t = doc.tables.find((x) => x.kind === "expenditure");
    expect(t?.rows.length).toBeGreaterThan(0);
    expect(t?.unit).toBe("元");
  });

  it("收入支出决算总表 … 公开01表 on one line titles the table and gives its printed number", () => {
    const doc = loadLayoutText(
      "hn.txt",
      summary(cellsAt([30, "收入支出决算总表"], [88, "公开01表"]), cellsAt([0, "部门：海南省某厅"], [84, "金额单位：万元"])),
    );
    const t = doc.tables.find((x) => x.kind === "summary");
    expect(t?.rows.length).toBeGreaterThan(0);
    expect(t?.printed).toBe("公开01表");
    expect(t?.unit).toBe("万元");
  });

  it("公开01表 alone on the line right below the centred title gives its printed number (广西's, 贵州's)", () => {
    const text = [cellsAt([30, "收入支出决算总表"]), cellsAt([88, "公开01表"]), summary(cellsAt([0, "部门：广西壮族自治区某局"], [84, "单位：万元"]), "").split("\n").slice(2).join("\n")].join("\n");
    const t = loadLayoutText("gx.txt", text).tables.find((x) => x.kind === "summary");
    expect(t?.rows.length).toBeGreaterThan(0);
    expect(t?.printed).toBe("公开01表");
    expect(t?.unit).toBe("万元");
  });

  it("a line of words that ends in a unit but names no table stays text", () => {
    const doc = loadLayoutText(
      "x.txt",
      summary(cellsAt([30, "部门收支总表"]), cellsAt([84, "单位：万元"])) + "\f" + cellsAt([0, "附件说明"], [84, "单位：万元"]) + "\n",
    );
    expect(doc.tables.map((x) => x.kind)).toEqual(["summary"]);
  });
});
