// The MILP solver on its own thread (see solveMilp in solver.ts): HiGHS instantiated once from the compiled
// module it is given, then one program at a time, each answered with its status, objective and the columns'
// values, or the one-line reason HiGHS refused it. The thread is stopped from outside when a program runs past
// its hard limit (HiGHS does not check its own time limit everywhere).
import { parentPort, workerData } from "node:worker_threads";
import type { SolverAnswer, SolverRequest } from "./solver.js";

type Highs = { solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> } };

const load = (await import("highs")).default as unknown as (options: { wasmModule: WebAssembly.Module }) => Promise<Highs>;
const h = await load({ wasmModule: workerData.module as WebAssembly.Module });

parentPort!.on("message", (m: SolverRequest) => {
  let answer: SolverAnswer;
  try {
    const r = h.solve(m.lp, m.options);
    const primal: Record<string, number> = {};
    for (const [name, c] of Object.entries(r.Columns ?? {})) if (typeof c.Primal === "number") primal[name] = c.Primal;
    answer = { status: r.Status, objective: r.ObjectiveValue, primal };
  } catch (e) {
    answer = { refused: String((e as Error)?.message ?? e) };
  }
  parentPort!.postMessage(answer);
});
parentPort!.postMessage({ ready: true });
