// Types for synthetic.mjs (used by the benchmark and its smoke test).
export interface Injected {
  table: string;
  unit: string;
  code: string;
  stated: string;
}
export interface CorpusEntry {
  path: string;
  form: "text" | "csv" | "xlsx";
  department: string;
  injected: Injected | null;
}
export function departmentName(i: number): string;
export function syntheticText(seedText: string, i: number, opts?: { inject?: boolean; random?: () => number }): { name: string; text: string; injected: Injected | null };
export function generateCorpus(opts: { seedText: string; n: number; dir: string; injectEvery?: number; forms?: ("text" | "csv" | "xlsx")[] }): Promise<CorpusEntry[]>;
export function verifyReport(report: unknown, manifest: CorpusEntry[], cleanErrors?: number): string[];
