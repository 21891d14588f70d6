#!/usr/bin/env node
// Thin launcher: the CLI is bundled from src/ into dist/ by `npm run build` (scripts/build.mjs; run by `npm ci`).
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last line of defence: never a stack trace for the user.
    process.stderr.write(`budget-check: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
