import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { textDoc } from "../helpers/text.js";

/* A “三公” change stated by its direction alone, or 持平 (src/claims/directions.ts), in a part the generic reader reads. */
const read = (text: string) =>
  claimsOf(textDoc(`## 第九部分 某局“三公”经费预算情况说明\n${text}`)).claims.flatMap((c) =>
    c.kind === "sanggong-direction" ? [`${c.component} ${c.direction}${c.amount ? ` ${c.amount.text}` : ""}${c.year ? ` on ${c.year}` : ""}${c.base ? ` ${c.base}` : ""}`] : [],
  );

describe("a 三公 change by its direction alone", () => {
  it("reads 持平 and a direction without its amount, with the component's figure or without", () => {
    expect(read("其中：因公出国（境）费0.00万元，与上年持平；公务接待费比上年减少，主要原因是厉行节约。")).toEqual(["abroad same 0.00", "reception decrease"]);
    expect(read("公务用车购置费0万元，与2024年预算持平；公务用车运行费18.60万元，比2024年预算有所增加。")).toEqual(["vehicle-purchase same 0 on 2024 budget", "vehicle-operation increase 18.60 on 2024 budget"]);
    expect(read("2026年“三公”经费预算数为5.45万元，比上年执行数减少，主要原因是…")).toEqual(["total decrease 5.45 execution"]);
  });

  it("does not read a change with its amount or percentage, 基本持平, or a fund's own 三公", () => {
    expect(read("公务接待费3.05万元，比上年减少0.68万元，下降18.23%。")).toEqual([]);
    expect(read("公务接待费3.05万元，比上年下降18.23%。")).toEqual([]);
    expect(read("公务接待费3.05万元，与上年基本持平。")).toEqual([]);
    expect(read("政府性基金预算安排的“三公”经费0.00万元，与上年持平。")).toEqual([]);
  });
});
