import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutputAtomically } from "../../src/output.js";
import { cli, ROOT, SEED, SEED_CSV } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// Issue 12, defect 3: never overwrite an input, never leave a truncated report.
describe("outputs never overwrite an input and are written atomically", () => {
  const tmp = tempDir("outputs");

  it("--output onto the input document is refused (exit 2) and the document is unchanged", () => {
    const doc = join(tmp, "d.md");
    copyFileSync(join(ROOT, SEED), doc);
    const before = readFileSync(doc);
    const r = cli([doc, "--output", doc]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^budget-check: --output .*d\.md: that is the input .*d\.md; choose another file \(inputs are never modified\)$/);
    expect(readFileSync(doc).equals(before)).toBe(true);
  });

  it("--output onto a table of an input CSV package is refused", () => {
    const pkg = join(tmp, "pkg");
    cpSync(join(ROOT, SEED_CSV), pkg, { recursive: true });
    const before = readFileSync(join(pkg, "表3.csv"));
    const r = cli([pkg, "--output", join(pkg, "表3.csv")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/inside the input folder/);
    expect(readFileSync(join(pkg, "表3.csv")).equals(before)).toBe(true);
  });

  it("--annotate X --output X is refused: one output would silently replace the other", () => {
    const out = join(tmp, "both.xlsx");
    const r = cli(["fixtures/shenzhen-sast-2023/workbook.xlsx", "--annotate", out, "--output", out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^budget-check: --output .*both\.xlsx: the same file as --annotate/);
  });

  it("a report replaces the old one in one step: a write that fails half-way leaves the old file and no temporary", () => {
    const out = join(tmp, "report.txt");
    writeFileSync(out, "the previous report\n");
    function* failing() {
      yield "the first half of a new report\n";
      throw new Error("interrupted");
    }
    expect(() => writeOutputAtomically(out, failing())).toThrow("interrupted");
    expect(readFileSync(out, "utf8")).toBe("the previous report\n");
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    writeOutputAtomically(out, ["new ", Buffer.from("report\n")]);
    expect(readFileSync(out, "utf8")).toBe("new report\n");
  });

  it("--output still writes a report next to the input", () => {
    const out = join(tmp, "seed-report.json");
    const r = cli([SEED, "--format", "json", "--output", out]);
    expect(r.status).toBe(1);
    expect(JSON.parse(readFileSync(out, "utf8")).documents[0].path).toBe(SEED);
  });

  // Renaming a temporary file over a device or a pipe replaces it with a regular file: `--output /dev/null`
  // run as root turned the machine's /dev/null into one. A named pipe shows it without touching /dev.
  it.skipIf(process.platform === "win32")("--output onto a named pipe writes into the pipe, which stays a pipe", async () => {
    const fifo = join(tmp, "report.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const got = join(tmp, "from-the-pipe.json");
    const reader = spawn("sh", ["-c", 'exec cat "$0" > "$1"', fifo, got], { stdio: "ignore" });
    const read = new Promise((resolve) => reader.on("close", resolve));
    const r = cli([SEED, "--format", "json", "--output", fifo]);
    const timer = setTimeout(() => reader.kill(), 10_000); // a run that never opened the pipe: end the reader
    await read;
    clearTimeout(timer);
    expect(r.status).toBe(1);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(got, "utf8")).documents[0].path).toBe(SEED);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
