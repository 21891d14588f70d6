import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { codeName } from "../../src/rules/code-name.js";
import { runCases } from "../helpers/cases.js";
import { classified, pages } from "../helpers/tables.js";

// 表3 on lines 1–8 (2060704 of 甲单位 on 6, of 乙单位 on 8); 表7 from line 9 (甲单位's 2060704 on line 14).
const doc = (name7: string) =>
  pages(
    classified(3, "甲单位→→→10→0→10\n→2060704→学术交流活动→10→0→10\n乙单位→→→5→0→5\n→2060704→学术交流活动→5→0→5"),
    classified(7, `甲单位→→→10→0→10\n→2060704→${name7}→10→0→10`),
  );

const note = { stated: null, computed: null, difference: null, tolerance: null };

runCases(codeName, {
  accept: [
    { name: "2060704 is 学术交流活动 in every table", text: doc("学术交流活动") },
    { name: "spacing and full-width brackets are not a different name", text: pages(classified(8, "甲单位→→→3→3→0\n→30213→维修（护）费→3→3→0\n乙单位→→→3→3→0\n→30213→维修 (护) 费→3→3→0")) },
    { name: "a function 类 under a name of an older year (医疗卫生与计划生育支出 for 210): not judged", text: classified(7, "甲单位→→→10→0→10\n→210→医疗卫生与计划生育支出→10→0→10\n→21001→卫生健康管理事务→10→0→10") },
    { name: "each economic 类 under its own name (302 商品和服务支出, 310 资本性支出)", text: classified(8, "甲单位→→→9→9→0\n→302→商品和服务支出→5→5→0\n→30201→办公费→5→5→0\n→310→资本性支出→4→4→0\n→31002→办公设备购置→4→4→0") },
  ],
  reject: [
    {
      name: "表7 prints 2060704 as 学术交流活动的 where 表3 prints 学术交流活动 twice (the seed's case)",
      text: doc("学术交流活动的"),
      findings: [{ severity: "warning", withinRounding: false, ...note, line: 14, table: "T7", unit: "甲单位", code: "2060704", item: "学术交流活动的", column: "科目名称", related: [6, 8] }],
    },
    {
      name: "an economic code: 30213 维修费 once against 维修（护）费 twice",
      text: classified(8, "甲单位→→→9→9→0\n→30213→维修（护）费→3→3→0\n乙单位→→→3→3→0\n→30213→维修(护)费→3→3→0\n丙单位→→→3→3→0\n→30213→维修费→3→3→0"),
      findings: [{ severity: "warning", withinRounding: false, ...note, line: 10, table: "T8", unit: "丙单位", code: "30213", item: "维修费", related: [6, 8] }],
    },
    {
      name: "a 类 code mistyped, 352 for 302: 商品和服务支出 is 302's name (no sum shows it: the 款 302xx are summed by their own codes)",
      text: classified(8, "甲单位→→→9→9→0\n→352→商品和服务支出→5→5→0\n→30201→办公费→5→5→0\n→310→资本性支出→4→4→0\n→31002→办公设备购置→4→4→0"),
      findings: [{ severity: "warning", withinRounding: false, ...note, line: 6, table: "T8", unit: "甲单位", code: "352", item: "商品和服务支出", column: "科目编码", related: [6] }],
    },
    {
      name: "a function 类 code mistyped, 296 for 206: 科学技术支出 is 206's name",
      text: classified(7, "甲单位→→→10→0→10\n→296→科学技术支出→10→0→10\n→20607→科学技术普及→10→0→10\n→2060701→机构运行→10→0→10"),
      findings: [{ severity: "warning", withinRounding: false, ...note, line: 6, table: "T7", unit: "甲单位", code: "296", item: "科学技术支出", column: "科目编码", related: [6] }],
    },
  ],
});

describe("code-name: the usual name of a tie does not depend on the user's locale", () => {
  // 2060704 printed 保险 once and 安全 once: a tie. Ordered by pinyin (a Chinese locale's collation) 安全
  // comes first, by character 保险; the report must be the same whatever LANG the officer's shell has.
  const dir = mkdtempSync(join(tmpdir(), "budget-check-tie-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "tie.md");
  writeFileSync(file, classified(3, "甲单位→→→10→0→10\n→2060704→保险→10→0→10\n乙单位→→→5→0→5\n→2060704→安全→5→0→5").replace(/→/g, "\t"));
  const flagged = (lang: string) => {
    const r = cli([file, "--format", "json", "--lang", "en"], { env: { LANG: lang, LC_ALL: undefined as unknown as string } });
    return JSON.parse(r.stdout).documents[0].findings.filter((f: { ruleId: string }) => f.ruleId === "code-name").map((f: { item: string }) => f.item);
  };
  it("flags the same name under LANG=C.UTF-8 and LANG=zh_CN.UTF-8", () => {
    expect(flagged("C.UTF-8")).toEqual(["安全"]);
    expect(flagged("zh_CN.UTF-8")).toEqual(["安全"]);
  });
});
