import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageOptions, type CheckOptions } from "../../src/check.js";
import { ConfigError } from "../../src/config.js";
import { tempDir } from "../helpers/tmp.js";

const tmp = tempDir("options");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
mkdirSync(join(tmp, "dept", "csv"), { recursive: true });
writeFileSync(join(tmp, "budget-check.config.json"), JSON.stringify({ rules: { "code-name": "off", "row-total": "warning" }, tolerance: "0.5", lang: "zh" }));

const base = (cli: { tolerance?: boolean; lang?: boolean } = {}): CheckOptions => ({
  tolerance: { kind: "auto" },
  severities: { "row-total": "error" },
  lang: "en",
  config: { file: null, cli: { tolerance: !!cli.tolerance, lang: !!cli.lang } },
});

describe("the options a package is checked with", () => {
  it("are plain data, so a batch's worker threads can receive them", () => {
    expect(structuredClone(base())).toEqual(base());
  });

  it("take the nearest file's rules, tolerance and language; --rule wins rule by rule", () => {
    const o = packageOptions({ path: join(tmp, "dept", "document.md"), kind: "markdown" }, base());
    expect(o.severities).toEqual({ "code-name": "off", "row-total": "error" });
    expect(o.tolerance).toMatchObject({ kind: "fixed" });
    expect(o.tolerance.kind === "fixed" && o.tolerance.value.toString()).toBe("0.5");
    expect(o.lang).toBe("zh");
  });

  it("keep the command line's tolerance and language when it gave them", () => {
    const o = packageOptions({ path: join(tmp, "dept", "csv"), kind: "csv" }, base({ tolerance: true, lang: true }));
    expect(o.tolerance).toEqual({ kind: "auto" });
    expect(o.lang).toBe("en");
  });

  it("are unchanged without a configuration source", () => {
    const o: CheckOptions = { ...base(), config: undefined };
    expect(packageOptions({ path: join(tmp, "dept", "document.md"), kind: "markdown" }, o)).toBe(o);
  });

  it("an invalid file is a ConfigError naming it (the package then fails as unreadable input)", () => {
    const bad = join(tmp, "bad");
    mkdirSync(bad);
    writeFileSync(join(bad, "budget-check.config.json"), JSON.stringify({ tolerance: "-1" }));
    expect(() => packageOptions({ path: join(bad, "document.md"), kind: "markdown" }, base())).toThrow(ConfigError);
  });
});
