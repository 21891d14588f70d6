import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress.js";
import type { DocumentReport } from "../../src/report.js";
import { displayWidth, textTable } from "../../src/reporters/width.js";

function fakeStream() {
  const writes: string[] = [];
  return { writes, stream: { write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}
const report = (error: number, failed = false) => ({ summary: { error, warning: 0, info: 0 }, failure: failed ? { message: "x" } : null }) as unknown as DocumentReport;

describe("progress bar", () => {
  it("speaks Chinese when the run does", () => {
    let now = 0;
    const { writes, stream } = fakeStream();
    const bar = progressBar(stream, () => now, "zh");
    bar.start(4);
    expect(writes.pop()).toMatch(/\] 0\/4 个文件 · 0 个错误 · 预计剩余 …/);
    now = 1000;
    bar.done(report(2, true));
    expect(writes.pop()).toMatch(/\] 1\/4 个文件 · 2 个错误 · 1 个无法读取 · 预计剩余 3 秒/);
  });

  it("shows documents done / total, errors so far, unreadable ones and an ETA from the pace so far", () => {
    let now = 0;
    const { writes, stream } = fakeStream();
    const bar = progressBar(stream, () => now);
    bar.start(4);
    expect(writes.pop()).toMatch(/\] 0\/4 documents · 0 errors · ETA …/);
    now = 1000;
    bar.done(report(2));
    // 1 document in 1 s, 3 to go: 3 s.
    expect(writes.pop()).toMatch(/\] 1\/4 documents · 2 errors · ETA 3s/);
    now = 1050; // within 100 ms of the last draw: not redrawn
    bar.done(report(0, true));
    expect(writes).toEqual([]);
    now = 2000;
    bar.done(report(1));
    expect(writes.pop()).toMatch(/^\r\[█{18}░{6}\] 3\/4 documents · 3 errors · 1 unreadable · ETA 1s/);
    bar.done(report(0)); // the last one is always drawn
    expect(writes.pop()).toMatch(/4\/4 documents/);
    bar.end();
    expect(writes.pop()).toBe("\r\x1b[K");
  });

  it("draws nothing for a single document", () => {
    const { writes, stream } = fakeStream();
    const bar = progressBar(stream, () => 0);
    bar.start(1);
    bar.done(report(0));
    bar.end();
    expect(writes).toEqual([]);
  });
});

describe("CJK-aware widths", () => {
  it("counts 汉字 and full-width forms as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("深圳市")).toBe(6);
    expect(displayWidth("（无法读取）")).toBe(12);
    expect(displayWidth("表8 301")).toBe(7);
  });

  it("pads table columns to the same display width", () => {
    const lines = textTable(["部门", "错误"], [["深圳市科学技术协会", "0"], ["abc", "12"]], ["left", "right"]);
    expect(lines).toEqual(["部门                错误", "──────────────────  ────", "深圳市科学技术协会     0", "abc                   12"]);
  });
});
