/**
 * The MILP solver: HiGHS compiled to WebAssembly (npm `highs`), loaded on first use only — a document
 * whose identities hold never loads it. Models are written in CPLEX LP text (highs' one-shot `solve`).
 * HiGHS works in floating point: what it returns is a proposal that src/diagnosis verifies exactly.
 *
 * HiGHS runs on a thread of its own (solver-worker.ts) wherever the built worker is beside this module (every
 * run of the CLI, a batch's workers included): HiGHS does not check its time limit everywhere (ERGO-Code/HiGHS
 * #885, #2226 — a WebAssembly call cannot be interrupted on the thread it runs on), so a program still running
 * well past its limit is stopped by stopping that thread. The unit tests, which run the TypeScript sources,
 * solve in-thread.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { runProgram, type HighsRuntime, type SolverAnswer, type SolverRequest, type SolverWork } from "./solver-run.js";

type Highs = HighsRuntime;

export type { SolverAnswer, SolverRequest, SolverWork };

/**
 * The solver (its thread, or its in-thread instance) is dropped once no program has been solved for this long:
 * its memory (the WebAssembly heap, ~21 MB however small the programs) would otherwise stay with every batch
 * worker that once needed it, for the rest of the batch. The compiled module is kept, so a later document
 * instantiates it again (~40-60 ms) instead of compiling 3.5 MB of WebAssembly.
 */
const IDLE_MS = 2000;

/**
 * How long past its own time limit a program may run before its thread is stopped: HiGHS checks the limit
 * between steps (1 s given, 3.2 s taken on a hard program here), and a loaded machine stretches every step.
 */
export function hardLimitMs(seconds: number): number {
  return Math.ceil((seconds * 2 + 5) * 1000);
}

let compiled: WebAssembly.Module | null = null;
let loading: Promise<Highs> | null = null;
let idle: ReturnType<typeof setTimeout> | undefined;
let loads = 0;
let solves = 0;
let stops = 0;

/** How many times this process loaded the solver (0 when no document needed it). */
export function solverLoads(): number {
  return loads;
}

/** How many programs this process solved. */
export function solverSolves(): number {
  return solves;
}

/** How many programs ran past their hard limit and had the solver's thread stopped. */
export function solverStops(): number {
  return stops;
}

function module(): WebAssembly.Module {
  return (compiled ??= new WebAssembly.Module(readFileSync(createRequire(import.meta.url).resolve("highs/runtime"))));
}

function keepAlive(drop: () => void): void {
  clearTimeout(idle);
  idle = setTimeout(drop, IDLE_MS);
  idle.unref?.();
}

async function inThread(): Promise<Highs> {
  if (!loading) {
    loads++;
    loading = import("highs").then((m) => (m.default as unknown as (options: { wasmModule: WebAssembly.Module }) => Promise<Highs>)({ wasmModule: module() }));
  }
  keepAlive(() => (loading = null));
  return loading;
}

/** The solver's thread: started on first use, one program at a time, stopped when idle or past a hard limit. */
interface SolverThread {
  worker: Worker;
  ready: Promise<void>;
  /** The answer awaited, if a program is running. */
  pending: ((a: SolverAnswer | null) => void) | null;
}

let thread: SolverThread | null = null;
/** Programs wait for the one before them: a hard limit counts from when a program is sent. */
let queue: Promise<unknown> = Promise.resolve();

const workerUrl = new URL("./solver-worker.js", import.meta.url);
let workerBuilt: boolean | undefined;

function startThread(): SolverThread {
  loads++;
  const worker = new Worker(workerUrl, { workerData: { module: module() } });
  const t: SolverThread = { worker, ready: Promise.resolve(), pending: null };
  const gone = () => {
    if (thread === t) thread = null;
    t.pending?.(null);
    t.pending = null;
  };
  t.ready = new Promise<void>((resolve) => {
    worker.once("message", () => resolve());
    worker.once("exit", () => resolve());
  });
  worker.on("message", (m: SolverAnswer | { ready: true }) => {
    if ("ready" in m) return;
    const p = t.pending;
    t.pending = null;
    p?.(m);
  });
  worker.on("error", gone);
  worker.on("exit", gone);
  return t;
}

function stopThread(t: SolverThread): void {
  if (thread === t) thread = null;
  void t.worker.terminate();
}

/** One program on the solver's thread; null when the thread stopped (past `hardMs`, or it failed). */
function onThread(request: SolverRequest, hardMs: number): Promise<SolverAnswer | null> {
  const run = async (): Promise<SolverAnswer | null> => {
    // Busy, not idle: the idle timer set when the program before this one ended must not stop the thread under it.
    clearTimeout(idle);
    const t = (thread ??= startThread());
    t.worker.ref();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await new Promise<SolverAnswer | null>((resolve) => {
        t.pending = resolve;
        timer = setTimeout(() => {
          stops++;
          stopThread(t);
          resolve(null);
        }, hardMs);
        void t.ready.then(() => {
          if (t.pending === resolve) t.worker.postMessage(request);
        });
      });
    } finally {
      clearTimeout(timer);
      t.pending = null;
      if (thread === t) {
        t.worker.unref();
        keepAlive(() => stopThread(t));
      }
    }
  };
  const answer = queue.then(run, run);
  queue = answer;
  return answer;
}

async function solveProgram(request: SolverRequest, hardMs: number): Promise<SolverAnswer | null> {
  workerBuilt ??= existsSync(fileURLToPath(workerUrl));
  if (workerBuilt) return onThread(request, hardMs);
  return runProgram(await inThread(), request);
}

/** A linear expression: variable name → integer coefficient. */
export type Linear = Map<string, number>;

export interface Milp {
  objective: Linear;
  rows: { name: string; terms: Linear; op: "=" | "<=" | ">="; rhs: number }[];
  bounds: Map<string, { lo: number | null; hi: number | null }>;
  integers: string[];
  binaries: string[];
}

export function emptyMilp(): Milp {
  return { objective: new Map(), rows: [], bounds: new Map(), integers: [], binaries: [] };
}

/** `2 k1 - e1 + …`, eight terms a line (LP text lines stay short). */
function expr(terms: Linear): string {
  const parts: string[] = [];
  for (const [v, c] of terms) {
    if (c === 0) continue;
    const sign = c < 0 ? "-" : parts.length ? "+" : "";
    parts.push(`${sign}${sign ? " " : ""}${Math.abs(c) === 1 ? "" : `${Math.abs(c)} `}${v}`);
  }
  let s = "";
  parts.forEach((p, i) => (s += (i === 0 ? "" : i % 8 === 0 ? "\n   " : " ") + p));
  return s;
}

const num = (x: number) => (Number.isFinite(x) ? String(x) : x > 0 ? "+inf" : "-inf");

/** The model as CPLEX LP text. */
export function lpText(m: Milp): string {
  const out = ["Minimize", ` obj: ${expr(m.objective) || "0"}`, "Subject To"];
  for (const r of m.rows) if (r.terms.size) out.push(` ${r.name}: ${expr(r.terms)} ${r.op} ${num(r.rhs)}`);
  out.push("Bounds");
  for (const [v, b] of m.bounds) out.push(` ${b.lo === null ? "-inf" : num(b.lo)} <= ${v} <= ${b.hi === null ? "+inf" : num(b.hi)}`);
  if (m.integers.length) out.push("General", ...wrapNames(m.integers));
  if (m.binaries.length) out.push("Binary", ...wrapNames(m.binaries));
  out.push("End", "");
  return out.join("\n");
}

function wrapNames(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 20) out.push(" " + names.slice(i, i + 20).join(" "));
  return out;
}

export interface MilpResult {
  /** optimal: proven; limit: the best found when a limit (of work, of nodes, or the time) stopped it; none: no solution (infeasible or none found within the limits). */
  status: "optimal" | "limit" | "none";
  objective: number;
  value(name: string): number;
  /** What the program cost (nothing when it was refused or its thread stopped). */
  work: SolverWork;
  /** Its time ran out: HiGHS stopped it at its time limit, or its thread was stopped past the hard limit. */
  timedOut: boolean;
  /** HiGHS said the program has no solution at all (status "Infeasible"), not that a limit stopped it first. */
  infeasible: boolean;
  /** A limit (of work, nodes or time) stopped it, with or without a solution found. */
  stopped: boolean;
}

/** Limits of work on one program: they stop it at the same point on any machine. */
export interface WorkLimits {
  /** Branch-and-bound nodes (HiGHS's mip_max_nodes). */
  nodes?: number;
  /** Simplex iterations of the whole branch-and-bound, root included (solver-run.ts). */
  lpIterations?: number;
  /**
   * HiGHS's presolve off. Its reductions work in floating point, and on a program whose big-M bounds are ~10^11
   * grid units (a document's 元 cents beside its 万元 figures) it has called a program infeasible that has a
   * solution (as reported upstream: ERGO-Code/HiGHS #1080, #1578, #3296); the branch-and-bound without it finds one.
   */
  noPresolve?: boolean;
}

/**
 * Solves `m` within `seconds`. The integrality tolerance is tightened so that a binary "changed" flag
 * cannot be fractionally on (with big-M bounds, a flag of 1e-6 would otherwise let a figure move a
 * little for free); the gap is 0, so "optimal" means proven smallest. A program still running after
 * `hardMs` (hardLimitMs(seconds) unless given) is stopped: no solution, as when none is found in time.
 * `limits` bound its work (nodes, simplex iterations), not its time, so that the same program stops at the same
 * point however loaded the machine (the diagnosis's programs are so bounded, and `seconds` is only a safety there).
 */
export async function solveMilp(m: Milp, seconds: number, hardMs = hardLimitMs(seconds), limits: WorkLimits = {}): Promise<MilpResult> {
  solves++;
  const options: Record<string, unknown> = { output_flag: false, time_limit: Math.max(0.05, seconds), mip_feasibility_tolerance: 1e-9, mip_rel_gap: 0 };
  if (limits.nodes !== undefined) options.mip_max_nodes = limits.nodes;
  if (limits.noPresolve) options.presolve = "off";
  // HiGHS refuses a model it cannot read (its LP reader takes no figure of 16 digits: a document's 元 figures on a
  // grid of 万元 text figures' decimals) or solve: no explanation, as when none is found in time; the identity
  // findings stand as they are.
  const r = await solveProgram({ lp: lpText(m), options, lpIterations: limits.lpIterations }, hardMs);
  if (!r || "refused" in r) return { status: "none", objective: 0, value: () => 0, work: { nodes: 0, lpIterations: 0 }, timedOut: !r, infeasible: false, stopped: !r };
  const has = Object.keys(r.primal).length > 0;
  // Infeasible: proven none. Any other status but optimal (a time, node or work limit) keeps the best found.
  const status = r.status === "Optimal" ? "optimal" : has && r.status !== "Infeasible" && /limit/i.test(r.status) ? "limit" : "none";
  return { status, objective: r.objective, value: (name) => r.primal[name] ?? 0, work: r.work, timedOut: r.status === "Time limit reached", infeasible: r.status === "Infeasible", stopped: /limit/i.test(r.status) };
}
