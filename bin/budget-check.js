#!/usr/bin/env node
// Thin launcher (CommonJS: bin/package.json): the CLI is bundled from src/ into dist/ by `npm run build`
// (scripts/build.mjs; run by `npm ci`) and started from V8's code cache when there is one
// (src/cli/start.ts; BUDGET_CHECK_CACHE=off turns it off).
const { join } = require("node:path");

let cli;
try {
  cli = require("../dist/cli/start.cjs").startCli(join(__dirname, "..", "dist"));
} catch (err) {
  // dist/ missing or half-built: one line, not a stack trace.
  process.stderr.write(`budget-check: internal error: cannot load the CLI from dist/ (run \`npm run build\`): ${err && err.message ? err.message : String(err)}\n`);
  process.exit(2);
}

// The reader went away (`budget-check … | head`): stop quietly, as other command-line tools do, with the
// status the check had reached — never an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });

cli.main(process.argv).then(
  (code) => {
    process.exitCode = code;
    cli.saveCache();
  },
  (err) => {
    // Last line of defence: never a stack trace for the user.
    process.stderr.write(`budget-check: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
