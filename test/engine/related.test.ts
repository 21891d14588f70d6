import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import type { Rule } from "../../src/engine/types.js";
import type { SourceLocation } from "../../src/model/location.js";
import { textDoc } from "../helpers/text.js";

/** A rule that reports one note with the given place and related places. */
function reporting(location: SourceLocation, related: SourceLocation[]): Rule {
  return {
    id: "test-related",
    defaultSeverity: "error",
    description: "test",
    descriptionZh: "测试",
    check(_doc, ctx) {
      ctx.report({ subject: { table: "text" }, location, related, message: { en: "note", zh: "说明" } });
    },
  };
}

function relatedOf(location: SourceLocation, related: SourceLocation[]): SourceLocation[] {
  const findings = runRules(textDoc(""), [reporting(location, related)], { tolerance: { kind: "auto" }, lang: "en" });
  expect(findings).toHaveLength(1);
  return findings[0].related;
}

describe("a finding's related places", () => {
  const f = "d.md";

  it("lists each place once, in first-seen order, without the finding's own place", () => {
    const own = { file: f, line: 10, column: 5 };
    const related = [
      { file: f, line: 12, column: 1 },
      { file: f, line: 10, column: 5 }, // the finding's own place, another object
      { file: f, line: 11, column: 3 },
      { file: f, line: 12, column: 1 }, // a repeat, another object
      { file: f, line: 12, column: 2 }, // same line, another column: another place
      { file: "other.md", line: 12, column: 1 }, // same position in another file
    ];
    expect(relatedOf(own, related)).toEqual([related[0], related[2], related[4], related[5]]);
  });

  it("tells places without a line or column, and cells of a workbook, apart as before", () => {
    const own = { file: "w.xlsx", sheet: "表3", cell: "B4" };
    const related = [
      { file: "w.xlsx", sheet: "表3", cell: "B4" }, // the finding's own cell
      { file: "w.xlsx", sheet: "表3", cell: "C4" },
      { file: "w.xlsx", sheet: "表3", cell: "C4" },
      { file: "w.xlsx", sheet: "表4", cell: "C4" },
      { file: "w.xlsx", line: 3 },
      { file: "w.xlsx", line: 3, column: null },
      { file: "w.xlsx", line: 3, column: 0 },
    ];
    expect(relatedOf(own, related)).toEqual([related[1], related[3], related[4], related[6]]);
  });

  it("ignores the page and box of a PDF place, as it always did", () => {
    const own = { file: "d.pdf", line: 7, column: 2, page: 1 };
    const related = [
      { file: "d.pdf", line: 7, column: 2, page: 1, box: { x: 1, y: 2, width: 3, height: 4 } },
      { file: "d.pdf", line: 8, column: 2, page: 1 },
      { file: "d.pdf", line: 8, column: 2, page: 2 },
    ];
    expect(relatedOf(own, related)).toEqual([related[1]]);
  });
});
