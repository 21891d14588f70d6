import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { cli, SEED } from "../helpers/cli.js";
import { asWordPage } from "../helpers/html-page.js";
import { asMhtml } from "../helpers/mhtml.js";
import { tempDir } from "../helpers/tmp.js";
import { expectReadAlike, expectRefusedBesideSeed, tabTextOf, type ReportedFinding } from "../helpers/read-alike.js";

/*
 * A single-file web page (MHTML): Word's "single file web page" (.mht) and the form many systems write an "export
 * to Word" in, under a .doc name. Its HTML part is read as a saved web page is: the findings of the same document's
 * text, each located at its line of the file.
 */

const dir = tempDir("mhtml");
const SHANGHAI = "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt";
const tabs = new Map<string, string>();
const pages = new Map<string, Buffer>();

beforeAll(() => {
  for (const [name, f] of [
    ["seed", SEED],
    ["shanghai", SHANGHAI],
  ]) {
    const tab = join(dir, `${name}.md`);
    writeFileSync(tab, tabTextOf(f));
    tabs.set(name, tab);
    pages.set(name, iconv.encode(asWordPage(readFileSync(tab, "utf8")), "gb18030"));
  }
});

/**
 * The page's text that starts at a located line of a quoted-printable file: that line and the lines its soft breaks
 * join, and the page's next `more` lines (a paragraph Word wraps in its source goes on over them).
 */
function pageLineAt(file: Buffer, line: number, more = 0): string {
  const lines = file.toString("latin1").split("\r\n");
  let qp = "";
  for (let i = line - 1, hard = 0; i < lines.length; i++) {
    if (!lines[i].endsWith("=")) {
      qp += lines[i];
      if (++hard > more) break;
      continue;
    }
    qp += lines[i].slice(0, -1);
  }
  const bytes = Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1");
  return iconv.decode(bytes, "gb18030");
}

describe("a single-file web page (MHTML) is read as the web page it holds", () => {
  it("Word's .mht (GB2312, quoted-printable, a picture part): the findings of its text, each at the file's line that starts its page line", () => {
    const mht = join(dir, "部门预算.mht");
    const bytes = asMhtml(pages.get("seed")!);
    writeFileSync(mht, bytes);
    const got = expectReadAlike(mht, tabs.get("seed")!, "markdown");
    expect(got.encoding).toBe("gb18030");
    const located = (got.findings as ReportedFinding[]).filter((f) => f.stated !== null && f.location.line);
    expect(located.length).toBeGreaterThan(20);
    for (const f of located) {
      expect(f.location.column, "a quoted-printable page keeps no column").toBeUndefined();
      // (A figure of a paragraph Word wrapped in its source: within the paragraph's next lines.)
      const text = pageLineAt(bytes, f.location.line!, 4).replace(/,/g, "");
      expect(text.includes(f.stated!.replace(/,/g, "").replace(/\.?0+$/, "")), `${f.message} at line ${f.location.line}: ${text.slice(0, 60)}`).toBe(true);
    }
    expect(cli([mht]).stderr).toBe("");
  });

  it("an 'export to Word' under a .doc name, in Shanghai's template: the same, with a note saying what the file holds", () => {
    const doc = join(dir, "部门预算.doc");
    writeFileSync(doc, asMhtml(pages.get("shanghai")!));
    expectReadAlike(doc, tabs.get("shanghai")!, "markdown");
    expect(cli([doc]).stderr).toBe(`budget-check: ${doc}: note: a single-file web page (MHTML) named .doc: read as such\n`);
  });

  it("a browser's single-file page (UTF-8, headers before MIME-Version, the boundary on a folded line): the same findings", () => {
    const mht = join(dir, "saved.mhtml");
    const utf8 = Buffer.from(iconv.decode(pages.get("shanghai")!, "gb18030").replace("charset=gb2312", "charset=utf-8"), "utf8");
    writeFileSync(mht, asMhtml(utf8, { charset: "utf-8", chrome: true }));
    expect(readFileSync(mht, "latin1")).toMatch(/^From: <Saved by Blink>\r\n/);
    expect(expectReadAlike(mht, tabs.get("shanghai")!, "markdown").encoding).toBe("utf-8");
  });

  it("an 8bit part keeps the page's lines and columns, shifted by the headers above it", () => {
    const mht = join(dir, "8bit.mht");
    const bytes = asMhtml(pages.get("seed")!, { encoding: "8bit" });
    writeFileSync(mht, bytes);
    const got = expectReadAlike(mht, tabs.get("seed")!, "markdown");
    const lines = iconv.decode(bytes, "gb18030").split("\n");
    const located = (got.findings as ReportedFinding[]).filter((f) => f.stated !== null && f.location.column);
    expect(located.length).toBeGreaterThan(20);
    for (const f of located) {
      const at = [...lines[f.location.line! - 1]].slice(f.location.column! - 1).join("");
      expect(at.replace(/,/g, "").startsWith(f.stated!.replace(/,/g, "").replace(/\.?0+$/, "")), `${f.message} at ${f.location.line}:${f.location.column}: ${at.slice(0, 20)}`).toBe(true);
    }
  });

  it("a base64 part in UTF-8 (its charset named): the same findings, each at the part's first line", () => {
    const mht = join(dir, "b64.mhtml");
    const utf8 = Buffer.from(iconv.decode(pages.get("seed")!, "gb18030").replace("charset=gb2312", "charset=utf-8"), "utf8");
    const bytes = asMhtml(utf8, { encoding: "base64", charset: "utf-8" });
    writeFileSync(mht, bytes);
    const got = expectReadAlike(mht, tabs.get("seed")!, "markdown");
    expect(got.encoding).toBe("utf-8");
    const first = bytes.toString("latin1").split("\r\n").findIndex((l) => /^PGh0bWwg|^[A-Za-z0-9+/]{76}$/.test(l)) + 1;
    const lines = new Set((got.findings as ReportedFinding[]).filter((f) => f.location.line).map((f) => f.location.line));
    expect([...lines]).toEqual([first]);
  });

  it("an MHTML file with no HTML part, or no boundary: a one-line error (in Chinese too), exit 2, the other input checked", () => {
    const none = join(dir, "none.mht");
    writeFileSync(none, 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n');
    expectRefusedBesideSeed(none, "not a readable single-file web page (MHTML): it holds no HTML part");
    const nob = join(dir, "noboundary.mht");
    writeFileSync(nob, "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<html></html>\r\n");
    const z = cli([nob, "--lang", "zh"]);
    expect(z.status).toBe(2);
    expect(z.stderr).toBe(`budget-check: ${nob}: 不是可读取的单个文件网页（MHTML）：Content-Type 没有指明 boundary\n`);
  });
});
