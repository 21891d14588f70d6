import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty } from "../../src/reporters/github.js";
import { htmlEscape } from "../../src/reporters/html.js";
import { mdEscape } from "../../src/reporters/markdown.js";
import { pathUri } from "../../src/reporters/sarif.js";
import { xmlElement, xmlEscape } from "../../src/reporters/xml.js";

describe("GitHub workflow command escaping", () => {
  it("escapes %, CR and LF in the message, and also : and , in properties", () => {
    expect(escapeData("100% of 1,2: ok\r\nnext")).toBe("100%25 of 1,2: ok%0D%0Anext");
    expect(escapeProperty("a/b,c:d%e\nf")).toBe("a/b%2Cc%3Ad%25e%0Af");
  });

  it("escapes % first, so an escape sequence already in the text is not decoded by GitHub", () => {
    expect(escapeData("%0A")).toBe("%250A");
  });
});

describe("Markdown escaping for table cells", () => {
  it("escapes the column separator, markup and HTML; a line break stays in its cell", () => {
    expect(mdEscape("a|b")).toBe("a\\|b");
    expect(mdEscape("*x* _y_ `z` [l](u) #h ~s~")).toBe("\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\#h \\~s\\~");
    expect(mdEscape("<b>&</b>")).toBe("&lt;b&gt;&amp;&lt;/b&gt;");
    expect(mdEscape("1\n2")).toBe("1<br>2");
    expect(mdEscape("a\\|b")).toBe("a\\\\\\|b");
  });
});

describe("XML escaping for JUnit", () => {
  it("round-trips markup, quotes and line breaks through a real XML parser, and drops characters XML cannot hold", () => {
    const text = `a<b>&"c'\nd\u0001e`;
    const xml = xmlElement("x", { a: text }, xmlEscape(text));
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", processEntities: true, htmlEntities: true }).parse(xml);
    expect(parsed.x["#text"]).toBe(`a<b>&"c'\nde`);
    expect(parsed.x.a).toBe(`a<b>&"c'\nde`);
  });
});

describe("HTML escaping", () => {
  it("escapes every character that can open markup or end an attribute", () => {
    expect(htmlEscape(`<img src=x onerror="a('1')">&`)).toBe("&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;");
  });
});

describe("SARIF artifact URIs", () => {
  it("keeps a relative path, with forward slashes, non-ASCII and spaces percent-encoded", () => {
    expect(pathUri("fixtures/shenzhen-sast-2023/document.md")).toBe("fixtures/shenzhen-sast-2023/document.md");
    expect(pathUri("a b\\表8.csv")).toBe("a%20b/%E8%A1%A88.csv");
    expect(pathUri("x#1?.md")).toBe("x%231%3F.md");
  });
});
