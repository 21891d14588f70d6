import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFor, findConfig, newConfigRun } from "../../src/config.js";
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

describe("configuration files within one run", () => {
  const tmp = tempDir("cfgrun");
  const source = { file: null, cli: { tolerance: false, lang: false } };

  it("a folder's file is looked for once per run, and again in the next run (newConfigRun)", () => {
    const dir = join(tmp, "dept");
    mkdirSync(join(dir, ".git"), { recursive: true });
    newConfigRun();
    const a = { path: join(dir, "a.md"), kind: "markdown" as const };
    const b = { path: join(dir, "b.md"), kind: "markdown" as const };
    expect(configFor(a, source)).toBeNull();
    // Written during the run: the run goes on as it began (every document of a batch with the same settings).
    writeFileSync(join(dir, "budget-check.config.json"), JSON.stringify({ rules: { "yoy-change": "off" } }));
    expect(configFor(b, source)).toBeNull();
    newConfigRun();
    const c = configFor(a, source);
    expect(c?.path).toMatch(/dept\/budget-check\.config\.json$/);
    expect(configFor(b, source)).toBe(c); // read once, shared by the folder's documents
    // A CSV package is its own folder: looked for from there, and its parent's file found.
    mkdirSync(join(dir, "csv-package"));
    expect(configFor({ path: join(dir, "csv-package"), kind: "csv" }, source)).toBe(c);
  });

  it("a batch of one folder applies the folder's file to every document (in the workers and in the report)", () => {
    const dir = join(tmp, "batch");
    mkdirSync(join(dir, ".git"), { recursive: true });
    for (const name of ["a.md", "b.md", "c.md"]) copyFileSync(join(ROOT, SEED), join(dir, name));
    expect(cli([dir]).status).toBe(1);
    writeFileSync(join(dir, "budget-check.config.json"), JSON.stringify({ rules: { "yoy-change": "off" }, failOn: "never" }));
    const r = cliJson([dir]);
    expect(r.status).toBe(0);
    expect(r.report.documents.map((d: { config?: string }) => d.config)).toEqual(Array(3).fill(join(dir, "budget-check.config.json")));
    expect(r.report.documents.every((d: { findings: { ruleId: string }[] }) => d.findings.every((f) => f.ruleId !== "yoy-change"))).toBe(true);
  });
});
