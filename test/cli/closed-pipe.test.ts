import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, SEED } from "../helpers/cli.js";

/*
 * `budget-check … | head`: the reader closes the pipe after a few lines. The CLI stops quietly (as other
 * command-line tools do), never with an EPIPE stack trace on the terminal.
 */
describe("a reader that closes the pipe early", () => {
  for (const format of ["json", "text"])
    it(`--format ${format} | head -c 100: no stack trace, no EPIPE message`, () => {
      const bin = join(ROOT, "bin", "budget-check.js");
      const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" ${SEED} --show-rounding --format ${format} | head -c 100 >/dev/null; echo "status=$?"`], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(r.stderr).not.toMatch(/EPIPE|at .*\(|node:events/);
      expect(r.stdout).toContain("status=0");
    });
});
