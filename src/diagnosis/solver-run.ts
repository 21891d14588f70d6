/**
 * One program on a loaded HiGHS (on the solver's thread, solver-worker.ts, or in-thread): read from CPLEX LP text,
 * solved with the given options and, when `lpIterations` is given, stopped once the branch-and-bound has spent that
 * many simplex iterations (HiGHS's MIP interrupt callback). Simplex iterations are work, not time: the same program
 * stops at the same point on an idle machine and a loaded one, where a limit of nodes alone bounds no program whose
 * root or whose nodes are long (a Shenzhen budget read in the wrong unit: 594 nodes, 56,188 iterations, 17 s).
 */

/** The part of HiGHS's runtime (npm `highs`) a program needs: its persistent model. */
export interface HighsRuntime {
  createModel(source: { format: "lp"; data: string }): HighsModel;
}

interface HighsModel {
  options: { set(values: Record<string, unknown>): unknown };
  info: { get(name: string): number | bigint };
  run(callbacks?: Record<number, (event: { data: { mip_total_lp_iterations?: bigint }; interrupt(): void }) => undefined>): { modelStatus: number };
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: Float64Array };
  getDimensions(): { numCols: number };
  getColName(index: number): string;
  dispose(): void;
}

/** A program sent to the solver. */
export interface SolverRequest {
  lp: string;
  options: Record<string, unknown>;
  /** Stop the branch-and-bound after this many simplex iterations (none: no such limit). */
  lpIterations?: number;
}

/** What a program cost: branch-and-bound nodes and simplex iterations. */
export interface SolverWork {
  nodes: number;
  lpIterations: number;
}

/** The answer: HiGHS's status, objective, the columns' values and the work spent, or why HiGHS refused the program. */
export type SolverAnswer = { status: string; objective: number; primal: Record<string, number>; work: SolverWork } | { refused: string };

/** HiGHS's model status codes (highs' constants.modelStatus), named as its one-shot `solve` names them. */
const STATUS: Record<number, string> = {
  7: "Optimal",
  8: "Infeasible",
  9: "Primal infeasible or unbounded",
  10: "Unbounded",
  11: "Bound on objective reached",
  12: "Target for objective reached",
  13: "Time limit reached",
  14: "Iteration limit reached",
  16: "Solution limit reached",
  17: "Work limit reached",
};

/** HiGHS's MIP interrupt callback channel. */
const MIP_INTERRUPT = 6;

const count = (x: number | bigint | undefined) => (x === undefined ? 0 : Number(x));

export function runProgram(h: HighsRuntime, request: SolverRequest): SolverAnswer {
  let model: HighsModel | null = null;
  try {
    model = h.createModel({ format: "lp", data: request.lp });
    model.options.set(request.options);
    const limit = request.lpIterations;
    let spent = 0;
    model.run(
      limit === undefined
        ? undefined
        : {
            [MIP_INTERRUPT]: (e) => {
              spent = Math.max(spent, count(e.data.mip_total_lp_iterations));
              if (spent >= limit) e.interrupt();
              return undefined;
            },
          },
    );
    const code = model.getModelStatus();
    const info = (name: string) => {
      try {
        return count(model!.info.get(name));
      } catch {
        return 0;
      }
    };
    const work = { nodes: info("mip_node_count"), lpIterations: Math.max(spent, info("simplex_iteration_count")) };
    const primal: Record<string, number> = {};
    if (info("primal_solution_status") >= 2) {
      const values = model.getSolution().colValue;
      const n = model.getDimensions().numCols;
      for (let i = 0; i < n; i++) primal[model.getColName(i)] = values[i];
    }
    return { status: STATUS[code] ?? "Unknown", objective: model.getObjectiveValue(), primal, work };
  } catch (e) {
    return { refused: String((e as Error)?.message ?? e) };
  } finally {
    model?.dispose();
  }
}
