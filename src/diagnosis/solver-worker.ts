// The MILP solver on its own thread (see solveMilp in solver.ts): HiGHS instantiated once from the compiled
// module it is given, then one program at a time (solver-run.ts), each answered with its status, objective, the
// columns' values and the work it took, or the one-line reason HiGHS refused it. The thread is stopped from outside
// when a program runs past its hard limit (HiGHS does not check its own time limit everywhere).
import { parentPort, workerData } from "node:worker_threads";
import { runProgram, type HighsRuntime, type SolverRequest } from "./solver-run.js";

const load = (await import("highs")).default as unknown as (options: { wasmModule: WebAssembly.Module }) => Promise<HighsRuntime>;
const h = await load({ wasmModule: workerData.module as WebAssembly.Module });

parentPort!.on("message", (m: SolverRequest) => parentPort!.postMessage(runProgram(h, m)));
parentPort!.postMessage({ ready: true });
