// What the project's scripts (scripts/lib: the benchmark) use of the code, bundled as dist/lib/index.js.
export { decodeText } from "./loaders/decode.js";
export { findPackages, loadPackage } from "./loaders/index.js";
export { loadMarkdown } from "./loaders/markdown.js";
export { defaultTemplate } from "./templates/index.js";
export { checkPackage } from "./check.js";
export { readPdfText } from "./loaders/pdf/read.js";
// scripts/diagnosis-mutation.mjs: the rules, the engine's log and the diagnosis on a changed seed.
export { runRules, emptyLog } from "./engine/run.js";
export { rules } from "./rules/index.js";
export { diagnose, diagnosisCounts } from "./diagnosis/index.js";
export { WEIGHT_SCHEMES } from "./diagnosis/weights.js";
export { solverSolves } from "./diagnosis/solver.js";
// test/e2e/solver-thread.test.ts: the solver on its thread, as the built CLI runs it.
export { emptyMilp, solveMilp, solverLoads, solverStops } from "./diagnosis/solver.js";
// scripts/warm-phases.mjs: a document's checking step by step, as checkPackage does it.
export { notCheckedRules } from "./engine/requires.js";
export { documentReport } from "./report.js";
export { streams } from "./reporters/json.js";
export { collectBetweenDocuments } from "./batch/between-documents.js";
export { forgetClaims } from "./claims/index.js";
