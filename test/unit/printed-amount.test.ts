import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { classifyAmountText, isNumber, makeAmount, makeCount, normaliseNumberText, parseNumber } from "../../src/model/amount.js";
import { scaledOf } from "../../src/engine/grid.js";

/**
 * A printed amount makes its Decimal only when its value is first read (most are only summed on the
 * integer grid). The value it then makes must be what the printed text says, sign of a printed −0 included.
 */
describe("printed amounts read their decimal value lazily", () => {
  const cases = ["9,724", "0", "-0", "-0.00", "(3)", "(-3)", "（3）", "（1,234.50）", "18,976.76", "0.05", "007", "1, 197", "９，７２４．５", "－12.30", "12345678901234567890.123", "-98765432109876543210"];
  it.each(cases)("%s: the value, decimals and grid integer the text says", (text) => {
    const a = makeAmount(text, { file: "t.md", line: 1 })!;
    let t = normaliseNumberText(text).replace(/,/g, "");
    let negative = false;
    const paren = /^\((.+)\)$/.exec(t);
    if (paren) [t, negative] = [paren[1], true];
    // A minus sign or brackets (or both, as parseNumber has always read them) make it negative.
    if (t.startsWith("-")) [t, negative] = [t.slice(1), true];
    const expected = negative ? new Decimal(t).negated() : new Decimal(t);
    expect(a.value.eq(expected)).toBe(true);
    expect(a.value.isNegative()).toBe(expected.isNegative());
    expect(a.decimals).toBe((/\.(\d+)$/.exec(t)?.[1] ?? "").length);
    expect(String(scaledOf(a))).toBe(expected.times(new Decimal(10).pow(a.decimals)).toFixed(0));
    expect(a.text).toBe(text.trim());
    const c = classifyAmountText(text);
    expect(c.kind === "amount" && c.value.eq(expected) && c.value.isNegative() === expected.isNegative()).toBe(true);
  });

  it("a copy that names its value keeps it; a count is exact", () => {
    const a = makeAmount("972.4", { file: "t.md", line: 1 })!;
    const b = { ...a, value: a.value, text: "x" };
    expect(b.value.toString()).toBe("972.4");
    expect(b.decimals).toBe(1);
    const n = makeCount("12", { file: "t.md", line: 2 })!;
    expect([n.exact, n.value.toString()]).toEqual([true, "12"]);
  });
});

/*
 * The loaders classify every cell they align: a text that starts with a 汉字 is words at once. It must be
 * what the full classification says — whatever follows the first character (digits, signs, dashes).
 */
describe("a cell that starts with a 汉字 is words", () => {
  it("is text for every character from U+3400 to U+9FFF, with or without figures after it", () => {
    for (let c = 0x3400; c <= 0x9fff; c += 13) {
      const ch = String.fromCharCode(c);
      for (const rest of ["", "1,234", "-", " 0x1F", "１２"]) expect(classifyAmountText(ch + rest).kind, `${ch}${rest}`).toBe("text");
    }
  });

  it("leaves the neighbours to the full classification: 〇 and the ideographic space, full-width figures and dashes", () => {
    expect(classifyAmountText("\u3000９，７２４").kind).toBe("amount");
    expect(classifyAmountText("－－").kind).toBe("dash");
    expect(classifyAmountText("〇1").kind).toBe("text");
    expect(classifyAmountText("１２．３．４")).toEqual({ kind: "malformed", reason: "decimal-points" });
  });
});

/** Expects parseNumber and isNumber to read each text as `reference` does (null: no amount); how many were amounts. */
function agreesWith(reference: (text: string) => { decimals: number; scaled: number | bigint } | null, cases: string[]): number {
  let read = 0;
  for (const text of cases) {
    const want = reference(text);
    const got = parseNumber(text);
    expect(got && { decimals: got.decimals, scaled: got.scaled }, text).toEqual(want);
    expect(isNumber(text), text).toBe(want !== null);
    if (want) {
      read++;
      expect(Object.is(got!.scaled, want.scaled), `${text}: the sign of a zero`).toBe(true);
    }
  }
  return read;
}

/*
 * Plain ASCII amounts are read by a one-pass scanner (model/amount.ts scanAscii) before the regular
 * expression: it must accept exactly what NUMBER accepts, with the same value, decimals and grid integer.
 */
describe("the one-pass reading of plain ASCII amounts", () => {
  // The reading as it was: NUMBER's match, separators removed, a number up to 15 digits, else a bigint.
  const NUMBER = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
  const reference = (text: string) => {
    const m = NUMBER.exec(text);
    if (!m) return undefined;
    const digits = m[2].replace(/,/g, "") + (m[3] ?? "");
    if (digits.replace(/^0+/, "").length > 40) return null;
    const scaled = digits.length <= 15 ? Number(digits) : BigInt(digits);
    return { decimals: (m[3] ?? "").length, scaled: m[1] ? -scaled : scaled };
  };
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

  it("agrees with NUMBER on 20,000 strings of digits, separators, points and signs", () => {
    const alphabet = "0123456789,,,..-";
    const cases = ["0", "-0", "-0.00", "9,724", "1,234,567.89", "12,34", "1,2345", ",123", "123,", "1.", ".5", "-", "--1", "1-", "0001", "1,000,000,000,000,000", "123456789012345", "1234567890123456", "0.000000000000001"];
    for (let n = 0; n < 20000; n++) cases.push(Array.from({ length: 1 + Math.floor(next() * 18) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
    // Normalising changes none of these characters: what NUMBER does not match is no amount at all.
    expect(agreesWith((text) => reference(text) ?? null, cases)).toBeGreaterThan(2000);
  });
});

/*
 * The reading of a cell's text without a regular expression where one character decides (round 57, nineteenth
 * pass): a plain integer by the one-pass scanner alone, and nothing, or a 汉字 first, turned down at once. It must
 * say what the reading with the regular expressions said, for every kind of text a cell holds.
 */
describe("a text read without the regular expressions where one character decides", () => {
  // The reading as it was before: PLAIN_INTEGER's test, then NUMBER's match, then normalising and NUMBER again.
  const PLAIN_INTEGER = /^(0|[1-9]\d{0,14})$/;
  const NUMBER = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
  const reference = (text: string): { decimals: number; scaled: number | bigint } | null => {
    if (PLAIN_INTEGER.test(text)) return { decimals: 0, scaled: Number(text) };
    let m = NUMBER.exec(text);
    let negative = false;
    if (!m) {
      if (!/[0-9０-９]/.test(text) || /[^0-9０-９,，.．\-－—–−\s()（）]/.test(text)) return null;
      let t = normaliseNumberText(text);
      const paren = /^\((.+)\)$/.exec(t);
      if (paren) [t, negative] = [paren[1], true];
      m = NUMBER.exec(t);
      if (!m) return null;
    }
    const digits = m[2].replace(/,/g, "") + (m[3] ?? "");
    if (digits.replace(/^0+/, "").length > 40) return null;
    const scaled = digits.length <= 15 ? Number(digits) : BigInt(digits);
    return { decimals: (m[3] ?? "").length, scaled: negative || m[1] ? -scaled : scaled };
  };
  let seed = 11;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

  it("agrees with the regular expressions on 30,000 texts of digits, separators, signs, brackets, spaces and 汉字", () => {
    const alphabet = ["0", "1", "9", "0", "5", ",", ",", ".", "-", "(", ")", " ", "\u3000", "１", "，", "．", "－", "（", "）", "—", "及", "时", "年", "\u3400", "\u9fff", "\u33ff", "\ua000", "%", "e", "x"];
    const cases = ["", " ", "0", "00", "012", "123456789012345", "1234567890123456", "及时", "有效保障", "2023 年预算数", "项 目", "（1,234）", "\u3000９，７２４", "(3)", "-0", "9,724", "－", "—"];
    for (let n = 0; n < 30000; n++) cases.push(Array.from({ length: Math.floor(next() * 10) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
    expect(agreesWith(reference, cases)).toBeGreaterThan(500);
  });
});

/*
 * A text in an amount column that holds a 汉字, a per cent sign or ≥ ≤ anywhere is words at once (model/amount.ts,
 * holdsWords; round 57): it must be what the patterns that classified it before said, for every kind of text.
 */
describe("a text that holds words or a measure, classified without the patterns", () => {
  // notAnAmount as it was: the patterns alone, after the first character's test.
  const before = (t: string): string => {
    const c0 = t.charCodeAt(0);
    if (c0 >= 0x3400 && c0 <= 0x9fff) return "text";
    if (/^([-－—–−‐]{1,2}|\/)$/.test(t.replace(/\s+/g, ""))) return "dash";
    if (/^[-+]?(nan|inf|infinity|∞)$/i.test(t)) return "malformed";
    if (!/[\d０-９]/.test(t) || !/^[\d０-９.,，．\s'’_+\-－—–−()（）eExXa-fA-F]*$/.test(t)) return "text";
    return "malformed";
  };
  let seed = 19;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

  it("agrees with the patterns on 30,000 texts of figures, dashes, words, per cent signs and ≥ ≤", () => {
    const alphabet = ["1", "9", "0", ",", ".", "-", "－", "—", "‐", "/", " ", "\u3000", "%", "％", "≥", "≤", "场", "次", "\u3400", "\u9fff", "\u33ff", "\ua000", "e", "x", "n", "a", "∞", "(", "）", "１"];
    const cases = ["及时", "1 场", "100%", "≥90%", "≤100%", "2000 平方米", "-", "--", "—", "/", "NaN", "∞", "1e5", "9,7244", "12.3.4"];
    for (let n = 0; n < 30000; n++) cases.push(Array.from({ length: 1 + Math.floor(next() * 7) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
    let words = 0;
    for (const text of cases) {
      const t = text.trim();
      if (t === "" || parseNumber(t)) continue;
      const kind = classifyAmountText(text).kind;
      expect(kind, text).toBe(before(t));
      if (kind === "text") words++;
    }
    expect(words).toBeGreaterThan(10000);
  });
});
