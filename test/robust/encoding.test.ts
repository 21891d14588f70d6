import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeTextWithEncoding } from "../../src/loaders/decode.js";
import { InputError } from "../../src/loaders/errors.js";
import { cli, cliJson, ROOT, SEED, SEED_CSV } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// Issue 12, defect 1: one bad byte must never turn a failing package into a passing one.
describe("a bad byte in UTF-8 text is a failure at its line, never a silent GB18030 re-read", () => {
  const tmp = tempDir("enc");

  it("a CSV package whose narrative ends in a lone 0xE6 fails (exit 2) naming the file and line", () => {
    const dir = join(tmp, "pkg");
    cpSync(join(ROOT, SEED_CSV), dir, { recursive: true });
    appendFileSync(join(dir, "document.md"), Buffer.from([0xe6]));
    const lines = readFileSync(join(dir, "document.md"), "utf8").split("\n").length;
    const r = cli([dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(new RegExp(`document\\.md:${lines}:\\d+: the file is UTF-8 but holds a byte sequence that is not valid UTF-8`));
  });

  it.each([
    ["a stray 0xFF", Buffer.from([0xff])],
    ["a truncated character", Buffer.from([0xe9, 0x83])],
    ["an encoded lone surrogate", Buffer.from([0xed, 0xa0, 0x80])],
  ])("the text form with %s in line 5 fails at line 5", (_what, bad) => {
    const text = readFileSync(join(ROOT, SEED));
    const lines = text.toString("utf8").split("\n");
    const at = Buffer.byteLength(lines.slice(0, 4).join("\n") + "\n" + lines[4].slice(0, 2));
    const file = join(tmp, `bad-${bad[0]}-${bad.length}.md`);
    writeFileSync(file, Buffer.concat([text.subarray(0, at), bad, text.subarray(at)]));
    const r = cli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, "\\.")}:5:3: the file is UTF-8`));
    expect(r.stderr).not.toMatch(/not a budget disclosure/);
  });

  it("a GB18030 file is still read as GB18030, and the report says which encoding was used", () => {
    const gb = cliJson(["fixtures/shenzhen-sast-2023/encodings/document-gb18030.md"]).report.documents[0];
    expect(gb.encoding).toBe("gb18030");
    expect(gb.department).toBe("深圳市科学技术协会");
    expect(cliJson([SEED]).report.documents[0].encoding).toBe("utf-8");
    expect(cliJson(["fixtures/shenzhen-sast-2023/csv-utf16"]).report.documents[0].encoding).toMatch(/^utf-16be \(表1\.csv\), utf-16le \(other files\)$/);
  });

  it("strict decoders: invalid GB18030 and a lone UTF-16 surrogate are errors too", () => {
    expect(() => decodeTextWithEncoding(Buffer.from([0x61, 0x0a, 0xb2, 0xe2, 0xff, 0x0a]), "x.md")).toThrow(InputError);
    try {
      decodeTextWithEncoding(Buffer.from([0x61, 0x0a, 0xb2, 0xe2, 0xff, 0x0a]), "x.md");
    } catch (e) {
      expect((e as InputError).oneLine()).toMatch(/^x\.md:2:\d+: the file holds a byte sequence that is not valid GB18030/);
    }
    expect(() => decodeTextWithEncoding(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00]), "y.md")).toThrow(/not valid UTF-16LE/);
    expect(decodeTextWithEncoding(Buffer.from("预算", "utf8"), "z.md")).toEqual({ text: "预算", encoding: "utf-8" });
  });
});
