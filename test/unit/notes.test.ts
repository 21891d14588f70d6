import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { noteText } from "../../src/i18n/notes.js";
import { ROOT } from "../helpers/cli.js";

/* The notes said on stderr about an input read as other than its name says, in Chinese with --lang zh. */

describe("a note on an input read as what it holds", () => {
  it("reads in Chinese for every form office-forms.ts says a file holds; English stays as it is", () => {
    const source = readFileSync(join(ROOT, "src/loaders/office-forms.ts"), "utf8");
    const holds = [...source.matchAll(/holds: "([^"]+)"/g)].map((m) => m[1]);
    expect(holds.length).toBeGreaterThanOrEqual(8);
    for (const h of holds) {
      const zh = noteText(`${h} named .xls: read as such`, "zh");
      expect(zh, h).toMatch(/^实为.+，以 \.xls 命名：按其实际格式读取$/);
      expect(zh, h).not.toContain(h);
      expect(noteText(`${h} named .xls: read as such`, "en")).toBe(`${h} named .xls: read as such`);
    }
    expect(noteText("a web page (HTML) named .doc: read as such", "zh")).toBe("实为网页（HTML），以 .doc 命名：按其实际格式读取");
    // A note this table does not know stays English rather than half translated.
    expect(noteText("something else", "zh")).toBe("something else");
  });
});
