import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";

// Accepted findings (issue 11, point 6): a department records an explained discrepancy once, with a
// reason and an expiry, in budget-check.config.json; CI stays green for it and only it.
const tmp = mkdtempSync(join(tmpdir(), "budget-check-accepted-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const seedText = readFileSync(join(ROOT, SEED), "utf8");
let n = 0;

/** A folder with the seed (optionally edited) and a configuration; returns the document's path. */
function pkg(config: object | null, text = seedText): string {
  const dir = join(tmp, `case${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "document.md"), text);
  if (config) writeFileSync(join(dir, "budget-check.config.json"), JSON.stringify(config, null, 2));
  return join(dir, "document.md");
}

type Entry = { fingerprint: string; reason: string; until: string; about: string };
const draft: { accepted: Entry[] } = JSON.parse(cli([SEED, "--write-accepted"]).stdout);
const errors = draft.accepted.filter((e) => e.about.startsWith("yoy-change"));

describe("accepted findings", () => {
  it("--write-accepted drafts the list from today's errors and warnings, errors first, a year ahead", () => {
    expect(draft.accepted).toHaveLength(10);
    expect(draft.accepted.slice(0, 6).map((e) => e.about.split(":")[0])).toEqual(Array(6).fill("yoy-change"));
    for (const e of draft.accepted) {
      expect(e.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(e.reason).toBe("TODO: why this is accepted");
      expect(e.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Written to a file instead of stdout when one is named.
    const file = join(tmp, "draft.json");
    const w = cli([SEED, "--write-accepted", file]);
    expect(w.stdout).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(draft);
    // The draft as it is cannot be used: its reasons are placeholders.
    const r = cli([pkg({ accepted: draft.accepted })]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/budget-check\.config\.json: accepted\[0\]\.reason: still the draft's placeholder/);
  });

  it("fingerprints do not depend on the line: the same findings after lines are added above them", () => {
    const moved = cliJson([pkg(null, "# 草稿\n\n说明一行。\n\n" + seedText)]).report.documents[0].findings;
    const original = cliJson([SEED]).report.documents[0].findings;
    expect(moved.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(original.map((f: { fingerprint: string }) => f.fingerprint));
    expect(moved[0].location.line).not.toBe(original[0].location.line);
  });

  it("accepting the six errors makes the run pass, and every format says so with the reason", () => {
    const accepted = errors.map((e) => ({ fingerprint: e.fingerprint, reason: "基数口径经财政局确认", until: "2099-12-31" }));
    const doc = pkg({ accepted });
    const text = cli([doc]);
    expect(text.status).toBe(0);
    expect(text.stderr).toBe("");
    expect(text.stdout.match(/accepted: 基数口径经财政局确认 \(until 2099-12-31\)/g)).toHaveLength(6);
    expect(text.stdout).toMatch(/0 errors, 4 warnings, \d+ info \(rounding notes\), 6 accepted in 1 document/);
    expect(cli([doc, "--lang", "zh"]).stdout).toMatch(/已接受：基数口径经财政局确认（有效期至 2099-12-31）/);
    const json = cliJson([doc]).report;
    expect(json.summary).toMatchObject({ error: 0, accepted: 6 });
    expect(json.documents[0].findings.filter((f: { accepted?: object }) => f.accepted)).toHaveLength(6);
    const sarif = JSON.parse(cli([doc, "--format", "sarif"]).stdout).runs[0].results.filter((r: { level: string }) => r.level === "error");
    expect(sarif).toHaveLength(6);
    for (const r of sarif) expect(r.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "基数口径经财政局确认 (until 2099-12-31)" }]);
    const junit = cli([doc, "--format", "junit"]).stdout;
    expect(junit).not.toContain("<failure");
    expect(junit.match(/accepted: 基数口径经财政局确认/g)).toHaveLength(6);
    expect(cli([doc, "--format", "markdown"]).stdout.match(/accepted: 基数口径经财政局确认/g)).toHaveLength(6);
    expect(cli([doc, "--format", "github"]).stdout.split("\n").filter((l) => l.startsWith("::error"))).toHaveLength(0);
    expect(cli([doc, "--format", "html"]).stdout.match(/<em class="accepted">accepted: 基数口径经财政局确认 \(until 2099-12-31\)<\/em>/g)).toHaveLength(6);
  });

  it("only what is accepted: accepting five of the six errors still fails the run", () => {
    const doc = pkg({ accepted: errors.slice(1).map((e) => ({ fingerprint: e.fingerprint, reason: "explained" })) });
    const r = cli([doc]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/1 error, 4 warnings/);
  });

  it("an expired entry no longer accepts its finding and is reported; so is one that matches nothing", () => {
    const doc = pkg({
      accepted: [
        { fingerprint: errors[0].fingerprint, reason: "old reason", until: "2020-06-30" },
        ...errors.slice(1).map((e) => ({ fingerprint: e.fingerprint, reason: "explained", until: "2099-01-01" })),
        { fingerprint: "0123456789abcdef", reason: "fixed long ago" },
      ],
    });
    const r = cli([doc]);
    expect(r.status).toBe(1);
    const err = r.stderr.trim().split("\n");
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(new RegExp(`^budget-check: \\S*budget-check\\.config\\.json: accepted ${errors[0].fingerprint} expired on 2020-06-30 \\(old reason\\); the finding counts again$`));
    expect(err[1]).toMatch(/accepted 0123456789abcdef matches no finding any more \(fixed long ago\); remove it from the list$/);
    // BUDGET_CHECK_TODAY decides what "expired" means (a pipeline re-run on an old date).
    expect(cli([doc], { env: { BUDGET_CHECK_TODAY: "2020-06-30" } }).stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a malformed entry is a one-line configuration error", () => {
    const r = cli([pkg({ accepted: [{ fingerprint: errors[0].fingerprint, reason: "x", until: "31.12.2026" }] })]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/budget-check\.config\.json: accepted\[0\]\.until: "31\.12\.2026" is not a date; expected YYYY-MM-DD$/);
  });
});
