import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// Issue 12, defect 7: a config anywhere above the input applied silently, including a world-writable /tmp.
describe("configuration files: where they are looked for, whose they are, and which one was used", () => {
  const tmp = tempDir("cfgsearch");
  const never = JSON.stringify({ failOn: "never" });

  it("the search stops at the repository root (.git): a config above it is not used", () => {
    mkdirSync(join(tmp, "repo", ".git", "objects"), { recursive: true });
    mkdirSync(join(tmp, "repo", "docs"), { recursive: true });
    writeFileSync(join(tmp, "budget-check.config.json"), never);
    expect(findConfig(join(tmp, "repo", "docs"))).toBeNull();
    const doc = join(tmp, "repo", "docs", "document.md");
    copyFileSync(join(ROOT, SEED), doc);
    expect(cli([doc]).status).toBe(1); // the seed's six wrong percentages: failOn never would make it 0
    writeFileSync(join(tmp, "repo", "budget-check.config.json"), never);
    expect(findConfig(join(tmp, "repo", "docs"))).toMatch(/repo\/budget-check\.config\.json$/);
  });

  it("the search stops at the user's home folder", () => {
    const home = join(tmp, "home");
    mkdirSync(join(home, "work"), { recursive: true });
    writeFileSync(join(tmp, "budget-check.config.json"), never);
    const doc = join(home, "work", "document.md");
    copyFileSync(join(ROOT, SEED), doc);
    expect(cli([doc], { env: { HOME: home } }).status).toBe(1);
  });

  it("a config that other users can write is refused with one line naming it (exit 2), never applied", () => {
    const dir = join(tmp, "shared");
    mkdirSync(dir);
    const doc = join(dir, "document.md");
    copyFileSync(join(ROOT, SEED), doc);
    writeFileSync(join(dir, "budget-check.config.json"), never);
    chmodSync(dir, 0o1777); // like /tmp
    const r = cli([doc]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/budget-check\.config\.json: its folder is writable by everyone, so other users could change how documents are checked; not read/);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "budget-check.config.json"), 0o664);
    expect(cli([doc]).stderr).toMatch(/the file is writable by its group/);
    expect(cli([doc, "--config", join(dir, "budget-check.config.json")]).status).toBe(2);
  });

  it("--config /dev/zero is refused at once (not a regular file)", () => {
    const r = cli([SEED, "--config", "/dev/zero"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^budget-check: \/dev\/zero: not a regular file/);
  });

  it("the config used is named in the JSON report and in the text, markdown, junit, sarif, github and html formats", () => {
    const dir = join(tmp, "named");
    mkdirSync(dir);
    const doc = join(dir, "document.md");
    copyFileSync(join(ROOT, SEED), doc);
    const cfg = join(dir, "budget-check.config.json");
    writeFileSync(cfg, JSON.stringify({ rules: { "yoy-change": "off" } }));
    expect(cliJson([doc]).report.documents[0].config).toBe(cfg);
    for (const format of ["text", "markdown", "junit", "sarif", "github", "html"]) expect(cli([doc, "--format", format]).stdout).toContain("budget-check.config.json");
    expect(cliJson([SEED]).report.documents[0].config).toBeUndefined();
  });
});
