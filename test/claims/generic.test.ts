import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { textSum } from "../../src/rules/text-sum.js";
import { yoyChange } from "../../src/rules/yoy-change.js";
import { checkText, textDoc } from "../helpers/text.js";

/*
 * The generic reader (src/claims/generic.ts): a written part that no province's reader knows (here 第九部分,
 * which Shenzhen's reader leaves alone, as other provinces' 部门预算情况说明), its lists of parts under a total.
 */
const part = (...paragraphs: string[]) => `## 第九部分 国家某局部门预算情况说明\n${paragraphs.join("\n")}`;
// The lists and changes only: the figures that restate a table are generic-figures.test.ts's.
const read = (...paragraphs: string[]) =>
  claimsOf(textDoc(part(...paragraphs)))
    .claims.map((c) =>
    c.kind === "share"
      ? `share ${c.label} ${c.amount.text} ${c.percent.text}% of ${c.baseLabel} ${c.base?.text ?? `(${c.baseParts!.map((a) => a.text).join(" + ")})`}${c.balanced ? " balanced" : ""}`
      : c.kind === "composition"
        ? c.whole === "some"
          ? `at most ${c.label} ${c.total.text} ≥ ${c.parts.map((x) => `${x.label} ${x.amount.text}`).join(" + ")}`
          : `composition ${c.label} ${c.total.text} = ${c.parts.map((x) => `${x.label} ${x.amount.text}`).join(" + ")}`
        : c.kind === "stated-change"
          ? `change ${c.label} ${c.amount.text} ${c.change.kind} ${c.change.amount?.text} ${c.change.percentDirection} ${c.change.percent?.text}% on ${c.change.year ?? "上年"}`
          : null,
    )
    .filter((s) => s !== null);

describe("the generic reader of the written parts", () => {
  it("a share's change in points after it (占比较上年提高 3.23 个百分点) is passed over, the list read on", () => {
    const list = (after: string) => read(`2026年支出预算163,539.07万元，其中：基本支出17,351.63万元，占10.61%${after}；项目支出146,187.44万元，占89.39%。`);
    const expected = [
      "share 基本支出 17,351.63 10.61% of 支出预算 163,539.07 balanced",
      "share 项目支出 146,187.44 89.39% of 支出预算 163,539.07 balanced",
      "composition 支出预算 163,539.07 = 基本支出 17,351.63 + 项目支出 146,187.44",
    ];
    expect(list("")).toEqual(expected);
    expect(list("，占比较上年提高3.23个百分点")).toEqual(expected);
    expect(list("，比上年下降1.2个百分点")).toEqual(expected);
  });

  it("what a part is for, said after its share (，主要用于…；), is passed over, the list read on", () => {
    const list = (aside: string, aside2 = aside) => read(`2025年支出预算8679.76万元，其中：基本支出5931.49万元，占68.34%${aside}；项目支出2748.27万元，占31.66%${aside2}。`);
    const expected = [
      "share 基本支出 5,931.49 68.34% of 支出预算 8,679.76 balanced",
      "share 项目支出 2,748.27 31.66% of 支出预算 8,679.76 balanced",
      "composition 支出预算 8,679.76 = 基本支出 5,931.49 + 项目支出 2,748.27",
    ].map((x) => x.replace(/(\d),(\d{3}\.)/g, "$1$2"));
    expect(list("")).toEqual(expected);
    expect(list("，主要用于保障人员工资福利和机构正常运转", "，主要用于完成特定行政工作任务和事业发展目标")).toEqual(expected);
    expect(list("，用于保障机构正常运转")).toEqual(expected);
    // Words that state a figure are no aside: the list ends at the first part, which alone is no sum — at most the total.
    expect(list("，主要用于2025年的人员工资")).toEqual(["at most 支出预算 8679.76 ≥ 基本支出 5931.49"]);
  });

  it("共有车辆 N 辆，其中：… 用车 k 辆 is the sum of its categories (辽宁's 国有资产占用情况)", () => {
    const para = (n: string) => `截至2024年12月31日，本部门共有车辆${n}辆，其中：机要通信用车4辆、应急保障用车0辆、特种专业技术用车2辆、其他用车0辆。`;
    expect(checkText(textSum, part(para("6"))).filter((f) => f.severity === "error")).toEqual([]);
    const fs = checkText(textSum, part(para("7"))).filter((f) => f.severity === "error");
    expect(fs.map((f) => [f.item, f.stated, f.computed])).toEqual([["共有车辆", "7", "6"]]);
  });

  it("a total with its parts and their shares: a share each, and the sum when the shares make 100%", () => {
    expect(read("二、关于部门收入总表的说明", "2026 年国家某局收入预算总计 50,616.94 万元，其中，一般公共预算拨款收入 16,474.82 万元，占 32.55%；其他收", "入 31,888.00 万元，占 63.0%；上年结转 2,254.12 万元，占 4.45%。")).toEqual([
      "share 一般公共预算拨款收入 16,474.82 32.55% of 国家某局收入预算总计 50,616.94 balanced",
      "share 其他收入 31,888.00 63.0% of 国家某局收入预算总计 50,616.94 balanced",
      "share 上年结转 2,254.12 4.45% of 国家某局收入预算总计 50,616.94 balanced",
      "composition 国家某局收入预算总计 50,616.94 = 一般公共预算拨款收入 16,474.82 + 其他收入 31,888.00 + 上年结转 2,254.12",
    ]);
  });

  // (A page number inside such a list, as layout text prints it, is the end-to-end test of 江苏 2019.)
  it("a list printed a part a line, each ending in ；, across a blank line: read as one list; shares of exactly 100% are marked balanced", () => {
    expect(read("三、支出预算情况说明", "省某院本年支出预算合计24,169.74万元，其中：", "基本支出15,844.04万元，占65.56%；", "项目支出4335.3万元，占17.94%；", "", "单位预留机动经费3990.4万元，占16.5%；", "四、财政拨款收支预算总体情况说明")).toEqual([
      "share 基本支出 15,844.04 65.56% of 省某院本年支出预算合计 24,169.74 balanced",
      "share 项目支出 4335.3 17.94% of 省某院本年支出预算合计 24,169.74 balanced",
      "share 单位预留机动经费 3990.4 16.5% of 省某院本年支出预算合计 24,169.74 balanced",
      "composition 省某院本年支出预算合计 24,169.74 = 基本支出 15,844.04 + 项目支出 4335.3 + 单位预留机动经费 3990.4",
    ]);
  });

  it("其中 opening the sentence after the one that states the total (a paragraph of its own, letter-spaced): the total is that sentence's first figure", () => {
    expect(read("2026 年收入预算 5,876.67 万元，比上年执行数增加 48.92 万元，增长 0.8%，与上年基本持平。", "其 中 ： 一 般 公 共 预 算 拨 款 收 入 5,753.07 万 元 ， 占 97.9%；其他收入 123.61 万元，占 2.1%。")).toEqual([
      "change 收入预算 5,876.67 increase 48.92 increase 0.8% on 上年",
      "share 一般公共预算拨款收入 5,753.07 97.9% of 收入预算 5,876.67 balanced",
      "share 其他收入 123.61 2.1% of 收入预算 5,876.67 balanced",
      "composition 收入预算 5,876.67 = 一般公共预算拨款收入 5,753.07 + 其他收入 123.61",
    ]);
    // The sentence before names no total (主要用于…): nothing is taken for one.
    expect(read("信息化项目 300 万元，主要用于系统运维。其中：软件 100 万元，占 33.3%；硬件 200 万元，占 66.7%。")).toEqual([]);
  });

  it("其中： ending the total's paragraph, a numbered paragraph a part, words after it or not (北京): one list", () => {
    const lines = (third: string) => [
      "2025年一般公共预算财政拨款支出预算100.00万元，比2024年增加5.00万元，增长5.26%。其中：",
      "（一）文化旅游体育与传媒支出（类）88.00万元，占88.00%，主要用于文物保护、博物馆运行等方面。",
      "（二）社会保障和就业支出（类）6.00万元，占6.00%。",
      `（三）住房保障支出（类）${third}万元，占6.00%。`,
      "四、一般公共预算财政拨款基本支出情况",
    ];
    expect(read(...lines("6.00")).filter((c) => !c.startsWith("change"))).toEqual([
      "share 文化旅游体育与传媒支出(类) 88.00 88.00% of 一般公共预算财政拨款支出预算 100.00 balanced",
      "share 社会保障和就业支出(类) 6.00 6.00% of 一般公共预算财政拨款支出预算 100.00 balanced",
      "share 住房保障支出(类) 6.00 6.00% of 一般公共预算财政拨款支出预算 100.00 balanced",
      "composition 一般公共预算财政拨款支出预算 100.00 = 文化旅游体育与传媒支出(类) 88.00 + 社会保障和就业支出(类) 6.00 + 住房保障支出(类) 6.00",
    ]);
    // Fails: a part retyped is an error of the sum and of its share.
    const fs = checkText(textSum, part(...lines("7.00"))).filter((f) => f.severity === "error");
    expect(fs.map((f) => f.stated).sort()).toEqual(["100", "6"]);
  });

  it("a list ends at a section heading, also one joined to the figure printed after it", () => {
    expect(read("本年收入合计2946.25万元，其中： 财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；", "三、支出决算情况说明", "603.14万元，占20.51%；")).toEqual([
      "share 财政拨款收入 2940.05 99.79% of 本年收入合计 2946.25 balanced",
      "share 其他收入 6.2 0.21% of 本年收入合计 2946.25 balanced",
      "composition 本年收入合计 2946.25 = 财政拨款收入 2940.05 + 其他收入 6.2",
    ]);
  });

  it("shares that do not make 100% may be a partial list: the shares, no sum (at most the total)", () => {
    expect(read("支出预算总计 100 万元，其中，基本支出 60 万元，占 60%；项目支出 30 万元，占 30%。")).toEqual([
      "share 基本支出 60 60% of 支出预算总计 100",
      "share 项目支出 30 30% of 支出预算总计 100",
      "at most 支出预算总计 100 ≥ 基本支出 60 + 项目支出 30",
    ]);
  });

  it("no shares, a share of another base, a single part short of 100%: no share, no sum — the parts at most the total (round 55)", () => {
    expect(read("支出预算总计 100 万元，其中，基本支出 60 万元、项目支出 40 万元。")).toEqual(["at most 支出预算总计 100 ≥ 基本支出 60 + 项目支出 40"]);
    expect(read("支出预算总计 100 万元，其中，基本支出 60 万元，占部门支出总额的 60%；项目支出 40 万元，占部门支出总额的 40%。")).toEqual(["at most 支出预算总计 100 ≥ 基本支出 60 + 项目支出 40"]);
    expect(read("收入预算合计 100 万元，其中：一般公共预算收入 60 万元，占 60%。")).toEqual(["at most 收入预算合计 100 ≥ 一般公共预算收入 60"]);
    expect(read("收入预算合计 100 万元，其中：一般公共预算收入 100 万元。")).toEqual(["at most 收入预算合计 100 ≥ 一般公共预算收入 100"]);
  });

  it("a figure's share of the department's total named (占本年支出合计的 P% · 占支出总预算的 P%): of the 支出 total stated before it", () => {
    const share = (total: string, of: string, pct = "80.00") => read(`2026年${total}500.00万元。`, `2026年一般公共预算支出400.00万元，占${of}的${pct}%。`).filter((x) => x.startsWith("share"));
    expect(share("支出预算", "本年支出合计")).toEqual(["share 一般公共预算支出 400.00 80.00% of 支出预算 500.00"]);
    expect(share("支出预算总计", "支出总预算")).toEqual(["share 一般公共预算支出 400.00 80.00% of 支出预算 500.00"]);
    // 本年支出合计 is not a 总计 that may hold what is carried over; a total of the other side, or none stated before: not read.
    expect(share("支出预算总计", "本年支出合计")).toEqual([]);
    expect(share("收入预算", "本年支出合计")).toEqual([]);
    expect(read("2026年一般公共预算支出400.00万元，占本年支出合计的80.00%。", "2026年支出预算500.00万元。").filter((x) => x.startsWith("share"))).toEqual([]);
    // text-sum: 400 ÷ 500 is 80%, not 85%.
    const fs = checkText(textSum, part("2026年支出预算500.00万元。", "2026年一般公共预算支出400.00万元，占本年支出合计的85.00%。")).filter((f) => f.severity === "error");
    expect(fs.map((f) => [f.item, f.stated, f.computed])).toEqual([["一般公共预算支出", "85", "80"]]);
  });

  it("a single part stated as 100% of the total is the whole (江苏: 本年收入预算合计 …，其中：一般公共预算收入 …，占100 %)", () => {
    expect(read("省某院本年收入预算合计24,169.74万元，其中：", "一般公共预算收入 24,169.74万元，占100 %。")).toEqual([
      "share 一般公共预算收入 24,169.74 100% of 省某院本年收入预算合计 24,169.74 balanced",
      "composition 省某院本年收入预算合计 24,169.74 = 一般公共预算收入 24,169.74",
    ]);
  });

  it("a list of shares no 其中 introduces, of the total stated before it (杭州: 一般公共预算当年拨款结构情况)", () => {
    expect(
      read(
        "2026 年一般公共预算当年拨款 5,753.07 万元，比上年执行数增加 13.59 万元，增长 0.2%，与上年基本持平。",
        "2.一般公共预算当年拨款结构情况。",
        "科学技术（类）支出 28.00 万元，占 0.5%；社会保障和就业（类）支出 396.67 万元，占 6.9%；卫生健康（类）支出 80.52 万元，占 1.4%；自然资源海洋气象等（类）支出 5,247.87 万元，占 91.2%。",
      ),
    ).toEqual([
      "change 一般公共预算当年拨款 5,753.07 increase 13.59 increase 0.2% on 上年",
      "share 科学技术(类)支出 28.00 0.5% of 一般公共预算当年拨款 5,753.07 balanced",
      "share 社会保障和就业(类)支出 396.67 6.9% of 一般公共预算当年拨款 5,753.07 balanced",
      "share 卫生健康(类)支出 80.52 1.4% of 一般公共预算当年拨款 5,753.07 balanced",
      "share 自然资源海洋气象等(类)支出 5,247.87 91.2% of 一般公共预算当年拨款 5,753.07 balanced",
      "composition 一般公共预算当年拨款 5,753.07 = 科学技术(类)支出 28.00 + 社会保障和就业(类)支出 396.67 + 卫生健康(类)支出 80.52 + 自然资源海洋气象等(类)支出 5,247.87",
    ]);
  });

  it("a part typed larger than its total (自然资源海洋气象等 6,247.87 of 5,753.07): the list still of that total, the part wrong against it", () => {
    const list = (big: string) =>
      read(
        "2026 年一般公共预算当年拨款 5,753.07 万元，比上年执行数增加 13.59 万元，增长 0.2%。",
        "2.一般公共预算当年拨款结构情况。",
        `科学技术支出 28.00 万元，占 0.5%；社会保障和就业支出 396.67 万元，占 6.9%；卫生健康支出 80.52 万元，占 1.4%；自然资源海洋气象等支出 ${big} 万元，占 91.2%。`,
      ).filter((s) => s.startsWith("share"));
    expect(list("6,247.87")).toEqual([
      "share 科学技术支出 28.00 0.5% of 一般公共预算当年拨款 5,753.07 balanced",
      "share 社会保障和就业支出 396.67 6.9% of 一般公共预算当年拨款 5,753.07 balanced",
      "share 卫生健康支出 80.52 1.4% of 一般公共预算当年拨款 5,753.07 balanced",
      "share 自然资源海洋气象等支出 6,247.87 91.2% of 一般公共预算当年拨款 5,753.07 balanced",
    ]);
    // (Two parts larger than a figure, or a larger part whose share holds against it: that figure is no total.)
    expect(list("5,247.87").length).toBe(4);
  });

  it("a list after 支出包括： in the total's sentence, across a line ending in ；, its total the one its shares hold against (国家信访局)", () => {
    expect(
      read(
        "2026 年国家某局财政拨款收支总预算 18,728.91 万元。收入全部为一般公共预算拨款，包括：一般公共预算当年拨款收入 16,474.82 万元、上年结转 2,254.12 万元；支出包括：一般公共服务支出 15,291.3 万元，占 81.65%；教育支出 118.01 万元，占 0.63%；社会保障和就业支出 2,208.19 万元，占 11.79%；",
        "住房保障支出 1,111.44 万元，占 5.93%。",
      ),
    ).toEqual([
      "share 一般公共服务支出 15,291.3 81.65% of 国家某局财政拨款收支总预算 18,728.91 balanced",
      "share 教育支出 118.01 0.63% of 国家某局财政拨款收支总预算 18,728.91 balanced",
      "share 社会保障和就业支出 2,208.19 11.79% of 国家某局财政拨款收支总预算 18,728.91 balanced",
      "share 住房保障支出 1,111.44 5.93% of 国家某局财政拨款收支总预算 18,728.91 balanced",
      "composition 国家某局财政拨款收支总预算 18,728.91 = 一般公共服务支出 15,291.3 + 教育支出 118.01 + 社会保障和就业支出 2,208.19 + 住房保障支出 1,111.44",
    ]);
  });

  it("a list of shares whose total no figure before it is: of the parts' sum when the shares make 100%, else not read", () => {
    // 人员支出 2,906.80 + 日常公用支出 838.27 + 项目支出 2,131.61 = 5,876.68; the only figure before is 100.
    const list = "按支出用途分类，包括人员支出 2,906.80 万元，占 49.5%；日常公用支出 838.27 万元，占 14.3%；项目支出 2,131.61 万元，占 36.3%。";
    const ofTheSum = [
      "share 人员支出 2,906.80 49.5% of 人员支出 + 日常公用支出 + 项目支出 (2,906.80 + 838.27 + 2,131.61)",
      "share 日常公用支出 838.27 14.3% of 人员支出 + 日常公用支出 + 项目支出 (2,906.80 + 838.27 + 2,131.61)",
      "share 项目支出 2,131.61 36.3% of 人员支出 + 日常公用支出 + 项目支出 (2,906.80 + 838.27 + 2,131.61)",
    ];
    expect(read("本部门共有车辆 3 辆，购置费 100 万元。", list)).toEqual(ofTheSum);
    expect(read(list)).toEqual(ofTheSum);
    // Shares that do not make 100% (a part left out): the list may be partial, its total unknown — nothing.
    expect(read("按支出用途分类，包括人员支出 2,906.80 万元，占 49.5%；日常公用支出 838.27 万元，占 14.3%。")).toEqual([]);
  });

  it("shares of a total the text names but never prints, which make 100% (江苏's 占“三公”经费的 …): of the parts' sum", () => {
    expect(
      read("省某院 2019 年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出80万元，占“三公”经费的19.1%；公务用车购置及运行费支出237万元，占“三公”经费的56.7%；公务接待费支出101.26万元，占“三公”经费的24.2%。"),
    ).toEqual([
      "share 因公出国(境)费支出 80 19.1% of 三公经费 (80 + 237 + 101.26) balanced",
      "share 公务用车购置及运行费支出 237 56.7% of 三公经费 (80 + 237 + 101.26) balanced",
      "share 公务接待费支出 101.26 24.2% of 三公经费 (80 + 237 + 101.26) balanced",
    ]);
  });

  it("a part of a province's reader is not read again (Shenzhen's 第二部分)", () => {
    const c = claimsOf(textDoc("## 第二部分 部门预算收支总体情况\n支出预算总计 100 万元，其中，基本支出 60 万元，占 60%；项目支出 40 万元，占 40%。"));
    expect(c.claims.filter((x) => x.kind === "share" || x.kind === "composition")).toEqual([]);
    expect(c.generic).toBe(0);
  });
});

describe("text-sum on the generic reader's lists", () => {
  it("passes: the parts add up to the total, every share is the part ÷ the total", () => {
    const fs = checkText(textSum, part("支出预算总计 150 万元，其中，基本支出 110 万元，占 73.3%；项目支出 40 万元，占 26.7%。"));
    expect(fs).toEqual([]);
  });

  it("fails: the single part stated as 100% retyped is an error against the total (a swap of its last two digits)", () => {
    const text = (part1: string) => part("省某院本年收入预算合计24,169.74万元，其中：", `一般公共预算收入 ${part1}万元，占100 %。`);
    expect(checkText(textSum, text("24,169.74"))).toEqual([]);
    // The sum's finding is at the total (the diagnosis then names the part, the one figure that settles it); its
    // share still rounds to 100%.
    expect(checkText(textSum, text("24,169.47")).map((f) => `${f.severity} ${f.item} ${f.stated} ${f.computed} ${f.location.line}`)).toEqual(["error 省某院本年收入预算合计 24169.74 24169.47 2"]);
  });

  it("fails: a part retyped breaks the sum and its share, each an error at its line", () => {
    const fs = checkText(textSum, part("支出预算总计 150 万元，其中，基本支出 110 万元，占 73.3%；项目支出 45 万元，占 26.7%。"));
    expect(fs.map((f) => `${f.severity} ${f.item} ${f.column ?? ""} ${f.stated} ${f.computed}`.replace(/\s+/g, " "))).toEqual([
      "error 支出预算总计 150 155",
      "error 项目支出 占比 26.7 30",
    ]);
  });

  it("a share balanced to make 100% (a unit off its last digit) is within rounding; two units off is an error", () => {
    // 110.00 ÷ 150.00 = 73.33…% printed 73.4% so that 73.4 + 26.6 = 100 (the exact 26.67% printed 26.6%): both a unit off.
    const balanced = checkText(textSum, part("支出预算总计 150.00 万元，其中，基本支出 110.00 万元，占 73.4%；项目支出 40.00 万元，占 26.6%。"));
    expect(balanced.map((f) => `${f.severity} ${f.withinRounding}`)).toEqual(["info true", "info true"]);
    const off = checkText(textSum, part("支出预算总计 150.00 万元，其中，基本支出 110.00 万元，占 73.5%；项目支出 40.00 万元，占 26.5%。"));
    expect(off.map((f) => `${f.severity} ${f.item}`)).toEqual(["error 基本支出", "error 项目支出"]);
  });

  it("fails: a share retyped in a list no 其中 introduces is an error at its percentage, against the total most shares hold against", () => {
    const text = (pct: string) =>
      part(
        "2026 年支出预算 5,876.67 万元，比上年执行数增加 48.92 万元，增长 0.8%。",
        "1.按支出功能分类，包括科学技术支出 28.00 万元。",
        `2.按支出用途分类，包括人员支出 2,906.80 万元，占 49.5%；日常公用支出 838.27 万元，占 ${pct}%；项目支出 2,131.61 万元，占 36.3%。`,
      );
    expect(checkText(textSum, text("14.3")).filter((f) => f.severity !== "info")).toEqual([]);
    const fs = checkText(textSum, text("41.3")).filter((f) => f.severity !== "info");
    expect(fs.map((f) => `${f.severity} ${f.item} ${f.stated} ${f.computed} ${f.location.line}`)).toEqual(["error 日常公用支出 41.3 14.26 4"]);
  });

  it("fails: shares of the parts' sum retyped (江苏's 三公, its total never printed) are errors at their percentages", () => {
    const text = (a: string, b: string, c: string) => part(`“三公”经费预算支出中，因公出国（境）费支出80万元，占“三公”经费的${a}%；公务用车购置及运行费支出237万元，占“三公”经费的${b}%；公务接待费支出101.26万元，占“三公”经费的${c}%。`);
    expect(checkText(textSum, text("19.1", "56.7", "24.2")).filter((f) => f.severity !== "info")).toEqual([]);
    // A unit moved from one to another: still 100%, the parts the whole (of 418.26), two shares wrong.
    const fs = checkText(textSum, text("20.1", "56.7", "23.2")).filter((f) => f.severity !== "info");
    expect(fs.map((f) => `${f.severity} ${f.item} ${f.stated} ${f.computed}`)).toEqual(["error 因公出国(境)费支出 20.1 19.13", "error 公务接待费支出 23.2 24.21"]);
    // 65.7 + 19.1 + 24.2 = 109, no longer 100%: the three parts are still the 三公's three components, its whole,
    // so the share typed wrong is an error (it went unseen when only shares making 100% made the whole).
    const typo = checkText(textSum, text("19.1", "65.7", "24.2")).filter((f) => f.severity !== "info");
    expect(typo.map((f) => `${f.severity} ${f.item} ${f.stated} ${f.computed}`)).toEqual(["error 公务用车购置及运行费支出 65.7 56.66"]);
    // Two of the three components (the list 其中 names some only), shares not making 100%: their total unknown, nothing.
    const two = part("“三公”经费预算支出中，因公出国（境）费支出80万元，占“三公”经费的19.1%；公务接待费支出101.26万元，占“三公”经费的24.2%。");
    expect(checkText(textSum, two)).toEqual([]);
  });

  it("a 三公 total with its three components in a 其中 list, no shares printed (a 决算's wording): their sum", () => {
    // A part of a 决算 no province's reader knows: the generic reader's lists alone (its figures are a 预算's).
    const final = (list: string) => `## 第九部分 “三公”经费决算说明\n2017年度“三公”经费支出决算为12.5万元，其中：${list}。`;
    const right = final("因公出国（境）费0万元，公务用车购置及运行维护费8.3万元，公务接待费4.2万元");
    expect(checkText(textSum, right).filter((f) => f.severity !== "info")).toEqual([]);
    const fs = checkText(textSum, final("因公出国（境）费0万元，公务用车购置及运行维护费9.3万元，公务接待费4.2万元"));
    expect(fs.map((f) => `${f.severity} ${f.item} ${f.stated} ${f.computed} ${f.location.line}`)).toEqual(["error 三公经费支出决算 12.5 13.5 2"]);
    // The vehicles as their two parts: the same whole.
    const split = checkText(textSum, final("因公出国（境）费0万元，公务用车购置费3万元，公务用车运行维护费6.3万元，公务接待费4.2万元"));
    expect(split.map((f) => `${f.severity} ${f.stated} ${f.computed}`)).toEqual(["error 12.5 13.5"]);
    // Not the three components once each: the list may be partial or name a part twice; nothing is summed.
    expect(checkText(textSum, final("因公出国（境）费0万元，公务接待费4.2万元"))).toEqual([]);
    expect(checkText(textSum, final("因公出国（境）费0万元，公务用车购置及运行维护费9.3万元，公务用车运行维护费6.3万元，公务接待费4.2万元"))).toEqual([]);
  });

  it("in a 预算 whose 三公 statement is read as such, the same list is summed once", () => {
    const fs = checkText(textSum, part("2024年“三公”经费预算为12.5万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费9.3万元，公务接待费4.2万元。"));
    expect(fs.filter((f) => f.severity === "error").map((f) => `${f.stated} ${f.computed}`)).toEqual(["12.5 13.5"]);
  });

  it("shares that do not add up to exactly 100% get no balancing: a unit off is an error", () => {
    // 73.4 + 26.7 = 100.1: within the shares' rounding (a whole), not balanced to 100.
    const fs = checkText(textSum, part("支出预算总计 150.00 万元，其中，基本支出 110.00 万元，占 73.4%；项目支出 40.00 万元，占 26.7%。"));
    expect(fs.map((f) => `${f.severity} ${f.item}`)).toEqual(["error 基本支出"]);
  });
});

describe("the generic reader's figures with their change on last year, and yoy-change on them", () => {
  it("reads a figure, its change and the percentage, against a year or 上年, on its budget or its execution", () => {
    expect(read("2026 年预算数为 5,826.21 万元，比 2025 年执行数增加 271.14 万元，增幅 4.88%，主要是…。", "2026 年收入预算 5,876.67 万元，比上年执行数减少 48.92 万元，下降 0.8%。")).toEqual([
      "change 预算数 5,826.21 increase 271.14 increase 4.88% on 2025",
      "change 收入预算 5,876.67 decrease 48.92 decrease 0.8% on 上年",
    ]);
    // In a list of what a total includes, the change after the last figure may be the total's: not read as that figure's
    // (the list, 主要包括, is at most the total).
    expect(read("信息化系统运行维护预算 36 万元，主要包括：用于系统运维费 5 万元，市科协内控系统运维费 3 万元，较 2022 年预算增加 3 万元，增幅 8%。")).toEqual([
      "at most 信息化系统运行维护预算 36 ≥ 用于系统运维费 5 + 市科协内控系统运维费 3",
    ]);
    // What of last year it is compared with, when printed (text-vs-table compares a change on 执行数 with a table's 增减额).
    const bases = claimsOf(textDoc(part("预算数为 1 万元，比 2025 年执行数增加 1 万元，增幅 1%。", "预算数为 2 万元，比上年预算减少 1 万元，下降 1%。", "预算数为 3 万元，比上年增加 1 万元，增长 1%。"))).claims.flatMap((c) => (c.kind === "stated-change" ? [c.change.base ?? "none"] : []));
    expect(bases).toEqual(["execution", "budget", "none"]);
  });

  it("reads 与上年相比 (Jiangsu's wording), in the figure's sentence or in the next, with its list marker left off", () => {
    expect(
      read(
        "（1）一般公共预算收入预算 24,169.74万元，与上年相比增加2228.78 万元，增长10.15 %。",
        "此外，基本支出预算数为 15,844.04万元。与上年相比增加1849.73 万元，增长13.22 %。",
        "项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少 13.22 %。",
        "2．检察（款）一般行政管理事务(项)支出 2354.4万元，与上年相比减少1311.6 万元，减少35.77 %。",
        "（三）住房保障支出（类）",
        "1．住房改革支出（款）住房公积金（项）支出1442.74万元，与上年相比增加368.97万元，增加34.38 %。",
      ),
    ).toEqual([
      "change 一般公共预算收入预算 24,169.74 increase 2228.78 increase 10.15% on 上年",
      "change 基本支出预算数 15,844.04 increase 1849.73 increase 13.22% on 上年",
      "change 项目支出预算数 4335.3 decrease 1237.7 decrease 13.22% on 上年",
      "change 检察(款)一般行政管理事务(项)支出 2354.4 decrease 1311.6 decrease 35.77% on 上年",
      "change 住房改革支出(款)住房公积金(项)支出 1442.74 increase 368.97 increase 34.38% on 上年",
    ]);
    // The total restated between (收、支预算总计各增加), 同比, and 与 a year's 预算 相比.
    expect(
      read(
        "收、支预算总计 24,169.74 万元，与上年相比收、支预算总计各增加 2214.39 万元，增长 10.06 %。",
        "收入预算 100.00 万元，同比增加 10.00 万元，增长 11.11%。",
        "支出预算 100.00 万元，与 2025 年预算相比减少 10.00 万元，下降 9.09%。",
        "基本支出 100.00 万元，比上年增加 10.00 万元，上升 11.11%；项目支出 90.00 万元，比上年减少 10.00 万元，降低 10%。",
      ),
    ).toEqual([
      "change 收、支预算总计 24,169.74 increase 2214.39 increase 10.06% on 上年",
      "change 收入预算 100.00 increase 10.00 increase 11.11% on 上年",
      "change 支出预算 100.00 decrease 10.00 decrease 9.09% on 2025",
      "change 基本支出 100.00 increase 10.00 increase 11.11% on 上年",
      "change 项目支出 90.00 decrease 10.00 decrease 10% on 上年",
    ]);
    // After what the figure is for (杭州's 类-款-项 items), and letter-spaced.
    expect(
      read(
        "（7）自然资源海洋气象等支出（类）气象事务（款）行政运行（项）2,617.19 万元，主要用于在职、离退休和编外人员的工资方面的支出。比上年执行数增加 252.00 万元，增长 10.7%，主要原因是保障气象业务运行。",
        "气象服务（项）1,980.00 万元，主要用于气象业务建设项目 方 面 的 支 出 。 比 上 年 执 行 数 增 加 127.16 万 元 ， 增 长 6.9%，主要原因是新增。",
      ),
    ).toEqual([
      "change 自然资源海洋气象等支出(类)气象事务(款)行政运行(项) 2,617.19 increase 252.00 increase 10.7% on 上年",
      "change 气象服务(项) 1,980.00 increase 127.16 increase 6.9% on 上年",
    ]);
    // What the figure is for may not hold a figure of its own (主要用于 A 5 万元、B 3 万元: the change may be B's).
    expect(read("项目支出 10.00 万元，主要用于 A 5.00 万元、B 5.00 万元。比上年增加 1.00 万元，增长 11.11%。")).toEqual([]);
    // Another subject between: the change of a part, not the figure's.
    expect(read("支出预算 100.00 万元，与上年相比，其中人员经费增加 10.00 万元，增长 11.11%。")).toEqual([]);
    // What the figure is for in between (江苏: 主要用于… 支出。与上年相比增加 134.37 万元): still the figure's change.
    expect(read("公共安全（类）支出16,593.12 万元。主要用于检察院行政支出。与上年相比增加134.37万元，增长0.82 %。")).toEqual([
      "change 公共安全(类)支出 16,593.12 increase 134.37 increase 0.82% on 上年",
    ]);
    // Another sentence in between: the change may be another figure's.
    expect(read("公共安全（类）支出16,593.12 万元。其余为检察院行政支出。与上年相比增加134.37万元，增长0.82 %。")).toEqual([]);
    // An aside in brackets between the figure and its change (广州's 三公): passed over; the figures inside it
    // without a percentage are not read.
    expect(read("公务用车购置及运行维护费12.88万元（公务用车购置费0万元，比上年增加0万元；公务用车运行维护费12.88万元，比上年减少0.62万元。）比上年减少0.62万元，下降4.6%，主要原因是车辆减少。")).toEqual([
      "change 公务用车购置及运行维护费 12.88 decrease 0.62 decrease 4.6% on 上年",
    ]);
  });

  it("a change after a 其中 clause whose subject names the figure again (天津: 公务用车购置及运行费 X 万元，其中：…，公务用车购置及运行费比上年减少 D 万元，下降 P%)", () => {
    const car = (pct: string, subject = "公务用车购置及运行费") =>
      `公务用车购置及运行费21.60万元，其中：公务用车购置费0万元，公务用车运行费21.60万元，${subject}比上年减少1.20万元，下降${pct}%，主要原因是公务用车保有量减少；`;
    expect(read(car("5.26"))).toEqual([
      // (The vehicles' 购置费 and 运行费 are their whole: round 55.)
      "composition 公务用车购置及运行费 21.60 = 公务用车购置费 0 + 公务用车运行费 21.60",
      "change 公务用车购置及运行费 21.60 decrease 1.20 decrease 5.26% on 上年",
    ]);
    const fs = checkText(yoyChange, part(car("6.26")));
    expect(fs.filter((f) => f.severity === "error").map((f) => `${f.item} ${f.stated} ${f.computed}`)).toEqual(["公务用车购置及运行费 6.26 5.263"]);
    // A subject no figure of the sentence is stated under, or a figure of another sentence: not read (the list, its whole, is).
    expect(read(car("5.26", "公务用车"))).toEqual(["composition 公务用车购置及运行费 21.60 = 公务用车购置费 0 + 公务用车运行费 21.60"]);
    expect(read("公务用车购置及运行费21.60万元。公务用车购置及运行费比上年减少1.20万元，下降5.26%。")).toEqual([]);
    // The figure under that name may be another year's (its clause names a year, 2025年项目支出 100.00): not read.
    expect(read("项目支出110.00万元，2025年项目支出100.00万元，项目支出比上年增加10.00万元，增长10.00%。")).toEqual([]);
  });

  it("fails: 江苏 2019's 项目支出 down 1,237.7 from 5,573 printed as 13.22% (the 基本支出's), not 22.21%", () => {
    const fs = checkText(yoyChange, part("项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少 13.22 %。"));
    expect(fs.map((f) => `${f.severity} ${f.item} ${f.column} ${f.stated} ${f.computed}`)).toEqual(["error 项目支出预算数 减幅 13.22 22.209"]);
    expect(fs[0].message).toContain("the rounding intervals allow 22.207%–22.21%");
  });

  it("reads nothing without the percentage; the figure's share between it and its change (占…的 P%，比…) is passed over", () => {
    expect(read("2026 年预算数为 5,826.21 万元，比 2025 年执行数增加 271.14 万元。")).toEqual([]);
    // (The national template's 一般公共预算支出 X 万元，占本年支出合计的 P%，比上年增加 …: the change is the figure's.)
    expect(read("2026 年预算数为 5,826.21 万元，占部门支出总额的 11.5%，比 2025 年执行数增加 271.14 万元，增幅 4.88%。")).toEqual(["change 预算数 5,826.21 increase 271.14 increase 4.88% on 2025"]);
  });

  it("the change in a sentence of its own after the figure's share, its subject named again (与2025年相比，一般公共预算支出增加 …)", () => {
    const para = (subject: string) => `2026年一般公共预算支出37010.28万元，占本年支出合计的80.49%。与2025年相比，${subject}增加1156.27万元，增长3.22%，主要原因是配套资金增加。`;
    expect(read(para("一般公共预算支出"))).toEqual(["change 一般公共预算支出 37010.28 increase 1156.27 increase 3.22% on 2025"]);
    // Another subject, or none after the share's 。 (the sentence after a list's last share is the total's change): not the figure's.
    expect(read(para("项目支出"))).toEqual([]);
    expect(read(para(""))).toEqual([]);
    expect(read("2026年支出预算500万元，其中：基本支出300万元，占60%；项目支出200万元，占40%。与上年相比增加20万元，增长4.17%。").filter((x) => x.startsWith("change"))).toEqual([]);
    // Without a share between, the figure's label named again is its own too.
    expect(read("2026年一般公共预算支出37010.28万元。与2025年相比，一般公共预算支出增加1156.27万元，增长3.22%。")).toEqual(["change 一般公共预算支出 37010.28 increase 1156.27 increase 3.22% on 2025"]);
  });

  it("passes: the percentage is the change ÷ last year's figure (this year's ∓ the change)", () => {
    expect(checkText(yoyChange, part("2026 年预算数为 5,826.21 万元，比 2025 年执行数增加 271.14 万元，增幅 4.88%。"))).toEqual([]);
  });

  it("fails: a percentage that is not the change ÷ last year's figure is an error at the percentage", () => {
    // 国家信访局 2026, page 25: 333.83 ÷ (1,391.68 − 333.83) = 31.56%, printed 31.35%.
    const fs = checkText(yoyChange, part("国家某局 2026 年委托业务费财政拨款预算 1,391.68 万元，比 2025 年预算增加 333.83 万元，增长 31.35%。"));
    expect(fs.map((f) => `${f.severity} ${f.item} ${f.column} ${f.stated} ${f.computed}`)).toEqual(["error 委托业务费财政拨款预算 增幅 31.35 31.557"]);
  });

  it("reads the percentage as departments word it, after the change or before it; never 个百分点", () => {
    expect(
      read(
        "收入预算100.00万元，比上年增加10.00万元，同比增长11.11%。",
        "支出预算100.00万元，较上年增加10.00万元，增长率为11.11%。",
        "基本支出100.00万元，比上年增加10.00万元（增长11.11%）。",
        "项目支出90.00万元，比上年减少10.00万元，下降比例为10%。",
        "机关运行经费90.00万元，比上年下降10%，减少10.00万元。",
        "培训费90.00万元，比上年减少10.00万元，下降10个百分点。",
      ),
    ).toEqual([
      "change 收入预算 100.00 increase 10.00 increase 11.11% on 上年",
      "change 支出预算 100.00 increase 10.00 increase 11.11% on 上年",
      "change 基本支出 100.00 increase 10.00 increase 11.11% on 上年",
      "change 项目支出 90.00 decrease 10.00 decrease 10% on 上年",
      "change 机关运行经费 90.00 decrease 10.00 decrease 10% on 上年",
    ]);
  });

  it("reads last year's figure printed with the change (较2024年的 X 万元 · 比上年预算数 X 万元), and 上年年初预算", () => {
    const previous = claimsOf(
      textDoc(
        part(
          "2025年收入预算总额为1969万元，较2024年的2190万元减少221万元，下降10.1%。",
          "2025年支出预算总额为1969万元，比上年预算数2190万元减少221万元，下降10.09%。",
          "2025年“三公”经费预算为96万元，比上年年初预算减少12万元，下降11.11%。",
        ),
      ),
    ).claims.flatMap((c) => (c.kind === "stated-change" ? [`${c.label} ${c.amount.text} ${c.change.kind} ${c.change.amount?.text} ${c.change.percent?.text}% of ${c.change.previous?.text ?? "-"} (${c.change.base ?? "none"})`] : []));
    expect(previous).toEqual(["收入预算总额 1969 decrease 221 10.1% of 2190 (none)", "支出预算总额 1969 decrease 221 10.09% of 2190 (budget)", "三公经费预算 96 decrease 12 11.11% of - (budget)"]);
  });

  it("an item's change after its path and a year (…（项）2025年预算数为 X 万元，比上年增加 D 万元) is named by its 项, not 预算数", () => {
    const fs = checkText(yoyChange, part("4.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）2025年预算数为156.00万元，比上年增加36.00万元，增长33.00%。"));
    expect(fs.filter((f) => f.severity === "error").map((f) => `${f.item} ${f.column} ${f.stated}`)).toEqual(["其他政府办公厅(室)及相关机构事务支出 增幅 33"]);
  });

  it("passes and fails: the change is this year's less last year's as printed, the percentage the change ÷ it", () => {
    const run = (last: string, pct: string) =>
      checkText(yoyChange, part(`2025年收入预算总额为1969万元，较2024年的${last}万元减少221万元，下降${pct}%。`)).map((f) => `${f.severity} ${f.column} ${f.stated} ${f.computed}`);
    expect(run("2190", "10.1")).toEqual([]);
    // Last year's figure typed wrong: the change no longer its difference, and the percentage not the change ÷ it.
    expect(run("2290", "10.1")).toEqual(["error 减少额 221 321", "error 减幅 10.1 9.65"]);
    // The percentage typed wrong: judged on the printed 2190 (10.09%), not on 1969 + 221.
    expect(run("2190", "11.1")).toEqual(["error 减幅 11.1 10.09"]);
    // The change's message says what was subtracted and gives the result after =, not "this year's 0".
    const same = checkText(yoyChange, part("2025年收入预算总额为1969万元，较2024年的1969万元减少221万元，下降10.1%。"));
    expect(same.find((f) => f.column === "减少额")?.message).toContain("printed 221, last year's amount as printed − this year's amount = 0,");
  });

  it("a 预算 balances: 支出预算's change is 收入预算's where both are stated at the same amount (广州's 65,151.4 twice)", () => {
    const run = (change: string) =>
      checkText(yoyChange, part(`本部门收入预算163,539.07万元，比上年减少65,151.4万元，下降28.5%；支出预算163,539.07万元，比上年减少${change}万元，下降28.5%。`)).map(
        (f) => `${f.severity} ${f.item} ${f.column} ${f.stated} ${f.computed}`,
      );
    expect(run("65,151.4")).toEqual([]);
    // 65,156.4 still reads 28.5% on 163,539.07: only the income's change shows it.
    expect(run("65,156.4")).toEqual(["error 部门预算支出 增减额 65156.4 65151.4"]);
  });
});

describe("a “三公” figure's change without a percentage (四川, 河南, 安徽)", () => {
  const para = (increase: string) =>
    `七、“三公”经费财政拨款预算情况说明。2025年“三公”经费财政拨款预算77.10万元，比2024年预算增加18.90万元，增长32.47%。其中：公务用车购置费25.00万元，比2024年预算增加${increase}万元，主要原因是更新执法执勤用车1辆；公务接待费10.10万元，比2024年预算减少1.10万元，主要原因是严格执行公务接待标准。`;
  it("is read for the 三公's components (and only theirs): the change, no percentage", () => {
    expect(read(para("25.00")).filter((s) => !s.includes("三公经费"))).toEqual([
      "change 公务用车购置费 25.00 increase 25.00 null undefined% on 2024",
      "change 公务接待费 10.10 decrease 1.10 null undefined% on 2024",
    ]);
    // Another figure's change without a percentage is not read (its percentage ties it to its figure).
    expect(read("其中：一般行政管理事务89.80万元，比2024年预算增加38.60万元，主要原因是新增任务。")).toEqual([]);
  });
  it("passes and fails (yoy-change): an increase beyond this year's figure (52.00 on 25.00) puts last year's below zero", () => {
    expect(checkText(yoyChange, part(para("25.00"))).filter((f) => f.severity === "error")).toEqual([]);
    expect(checkText(yoyChange, part(para("52.00"))).filter((f) => f.severity === "error").map((f) => [f.item, f.column, f.stated, f.computed])).toEqual([["公务用车购置费", "增加额", "52", "25"]]);
  });
});

describe("北京's wording: a 新增 on last year, a “三公” component after another's 主要用于…；, a list's parts with their changes", () => {
  const item = (added: string) => `9.农林水支出（类）林业和草原（款）一般行政管理事务（项）2026年预算数为30.00万元，比2025年新增${added}万元，主要原因是新增公务用车更新项目。`;
  const cars = (pct: string) =>
    `3.公务用车购置及运行费117.60万元，其中：公务用车购置费30.00万元，主要用于更新2辆超过使用年限的执法执勤用车；公务用车运行费87.60万元，比2025年减少2.30万元，下降${pct}%，主要原因是严格控制车辆运行支出。`;
  const errors = (text: string) => checkText(yoyChange, part(text)).filter((f) => f.severity === "error").map((f) => [f.item, f.column, f.stated, f.computed]);

  it("比2025年新增 X 万元 right after a figure is its increase, with or without a percentage", () => {
    expect(read(item("30.00"))).toEqual(["change 一般行政管理事务 30.00 increase 30.00 null undefined% on 2025"]);
    expect(read("2026年预算数为50.00万元，比2025年新增20.00万元，增长66.67%。")).toEqual(["change 预算数 50.00 increase 20.00 increase 66.67% on 2025"]);
    // Words between 新增 and the figure (新增公务用车更新项目 20 万元) are another thing's: not read.
    expect(read("2026年预算数为50.00万元，比2025年新增公务用车更新项目20.00万元。")).toEqual([]);
  });

  it("fails (yoy-change): what is new this year cannot be more than this year's figure; the percentage of a 新增 with one", () => {
    expect(errors(item("30.00"))).toEqual([]);
    expect(errors(item("30.37"))).toEqual([["一般行政管理事务", "增加额", "30.37", "30"]]);
    expect(errors("2026年预算数为50.00万元，比2025年新增20.00万元，增长66.67%。")).toEqual([]);
    expect(errors("2026年预算数为50.00万元，比2025年新增20.00万元，增长76.67%。").map((x) => x.slice(0, 3))).toEqual([["预算数", "增幅", "76.67"]]);
  });

  it("a “三公” component's change after another component's 主要用于…； is its own (the 主要用于 ends at the ；)", () => {
    expect(read(cars("2.56")).filter((s) => s.includes("公务用车运行费"))).toEqual(["change 公务用车运行费 87.60 decrease 2.30 decrease 2.56% on 2025"]);
    expect(errors(cars("2.56"))).toEqual([]);
    expect(errors(cars("2.93")).map((x) => x.slice(0, 3))).toEqual([["公务用车运行费", "减幅", "2.93"]]);
    // A list of what a total is for, its items parted by ， (深圳), still gives the change after its last figure to no item.
    expect(read("“三公”经费预算 36 万元，主要用于：公务接待费 5 万元，公务用车运行费 3 万元，较 2022 年预算增加 3 万元，增幅 8%。").filter((s) => s.includes("公务用车运行费"))).toEqual([]);
  });

  it("a list's part followed by its change (，比2025年减少…，下降…；) is passed over: the list reads on", () => {
    const list = read("2026年支出预算150.00万元，其中：基本支出110.00万元，占73.33%，比2025年增加10.00万元，增长10.00%；项目支出40.00万元，占26.67%，与2025年持平。");
    expect(list).toContain("composition 支出预算 150.00 = 基本支出 110.00 + 项目支出 40.00");
    // (Before, the list ended at its first part, which alone is not read.)
    expect(read("2026年支出预算150.00万元，其中：基本支出110.00万元，占73.33%，比2025年增加10.00万元，增长10.00%；项目支出40.00万元，占26.67%。")).toContain(
      "composition 支出预算 150.00 = 基本支出 110.00 + 项目支出 40.00",
    );
  });
});

describe("a share worded 占比 / 占比为 (no base named)", () => {
  it("is read as 占 P% is: of the list's total, the shares making 100% so the parts the whole", () => {
    const list = (word: string) =>
      read(`2025年“三公”经费预算数为77.10万元。其中：因公出国（境）费支出15.00万元，${word}19.46%；公务用车购置及运行费支出52.00万元，${word}67.44%；公务接待费支出10.10万元，${word}13.10%。`);
    const expected = list("占");
    expect(expected).toContain("share 因公出国(境)费支出 15.00 19.46% of 三公经费预算数 77.10 balanced");
    expect(list("占比")).toEqual(expected);
    expect(list("占比为")).toEqual(expected);
  });
});
