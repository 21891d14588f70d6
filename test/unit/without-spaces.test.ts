import { describe, expect, it } from "vitest";
import { withoutSpaces } from "../../src/loaders/tables.js";

/*
 * A classified row's code is read without its whitespace by a character test before the pattern (loaders/tables.ts,
 * withoutSpaces; round 57): it must give what `.replace(/\s+/g, "")` gives, for every character.
 */
describe("a text without its whitespace, the pattern run only where a character may be whitespace", () => {
  const byPattern = (s: string) => s.replace(/\s+/g, "");

  it("agrees with the pattern on every UTF-16 code unit, alone and between digits", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(withoutSpaces(ch), `U+${c.toString(16)}`).toBe(byPattern(ch));
      expect(withoutSpaces(`201${ch}01`), `U+${c.toString(16)}`).toBe(byPattern(`201${ch}01`));
    }
  });

  it("agrees with the pattern on 20,000 texts of digits, letters, 汉字 and spaces of every kind", () => {
    const alphabet = ["0", "2", "7", "a", "行", "政", " ", "\t", "\n", "\u00a0", "\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u202f", "\u205f", "\u3000", "\u3001", "\ufeff", "“"];
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20000; n++) {
      const s = Array.from({ length: Math.floor(next() * 9) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      expect(withoutSpaces(s), JSON.stringify(s)).toBe(byPattern(s));
    }
  });
});
