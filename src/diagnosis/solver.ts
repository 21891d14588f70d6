/**
 * The MILP solver: HiGHS compiled to WebAssembly (npm `highs`), loaded on first use only — a document
 * whose identities hold never loads it. Models are written in CPLEX LP text (highs' one-shot `solve`).
 * HiGHS works in floating point: what it returns is a proposal that src/diagnosis verifies exactly.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

type Highs = { solve(problem: string, options?: Record<string, unknown>): HighsResult };
interface HighsResult {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal?: number }>;
}

/**
 * An instance of the solver is dropped once no program has been solved for this long: its memory (the
 * WebAssembly heap, ~21 MB however small the programs) would otherwise stay with every batch worker that
 * once needed it, for the rest of the batch. The compiled module is kept, so a later document instantiates
 * it again (~40-60 ms) instead of compiling 3.5 MB of WebAssembly.
 */
const IDLE_MS = 2000;

let compiled: WebAssembly.Module | null = null;
let loading: Promise<Highs> | null = null;
let idle: ReturnType<typeof setTimeout> | undefined;
let loads = 0;
let solves = 0;

/** How many times this process loaded the solver (0 when no document needed it). */
export function solverLoads(): number {
  return loads;
}

/** How many programs this process solved. */
export function solverSolves(): number {
  return solves;
}

async function highs(): Promise<Highs> {
  if (!loading) {
    loads++;
    loading = import("highs").then((m) => {
      compiled ??= new WebAssembly.Module(readFileSync(createRequire(import.meta.url).resolve("highs/runtime")));
      return (m.default as unknown as (options: { wasmModule: WebAssembly.Module }) => Promise<Highs>)({ wasmModule: compiled });
    });
  }
  clearTimeout(idle);
  idle = setTimeout(() => (loading = null), IDLE_MS);
  idle.unref?.();
  return loading;
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
  /** optimal: proven; limit: the best found when the time ran out; none: no solution (infeasible or none found in time). */
  status: "optimal" | "limit" | "none";
  objective: number;
  value(name: string): number;
}

/**
 * Solves `m` within `seconds`. The integrality tolerance is tightened so that a binary "changed" flag
 * cannot be fractionally on (with big-M bounds, a flag of 1e-6 would otherwise let a figure move a
 * little for free); the gap is 0, so "optimal" means proven smallest.
 */
export async function solveMilp(m: Milp, seconds: number): Promise<MilpResult> {
  const h = await highs();
  solves++;
  let r: HighsResult;
  try {
    r = h.solve(lpText(m), {
      output_flag: false,
      time_limit: Math.max(0.05, seconds),
      mip_feasibility_tolerance: 1e-9,
      mip_rel_gap: 0,
    });
  } catch {
    // HiGHS refuses a model it cannot read (its LP reader takes no figure of 16 digits: a document's 元 figures on a
    // grid of 万元 text figures' decimals) or solve: no explanation, as when none is found in time; the identity
    // findings stand as they are.
    return { status: "none", objective: 0, value: () => 0 };
  }
  const has = r.Columns && Object.values(r.Columns).some((c) => typeof c.Primal === "number");
  const status = r.Status === "Optimal" ? "optimal" : has && r.Status === "Time limit reached" ? "limit" : "none";
  return { status, objective: r.ObjectiveValue, value: (name) => r.Columns[name]?.Primal ?? 0 };
}
