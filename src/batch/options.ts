import { Decimal } from "decimal.js";
import type { CheckOptions } from "../check.js";

/** CheckOptions as a worker thread can receive them (structured clone drops Decimal's prototype). */
export interface WireOptions extends Omit<CheckOptions, "tolerance"> {
  tolerance: { kind: "auto" } | { kind: "fixed"; value: string };
}

export function toWire(opts: CheckOptions): WireOptions {
  const t = opts.tolerance;
  return { ...opts, tolerance: t.kind === "fixed" ? { kind: "fixed", value: t.value.toString() } : t };
}

export function fromWire(opts: WireOptions): CheckOptions {
  const t = opts.tolerance;
  return { ...opts, tolerance: t.kind === "fixed" ? { kind: "fixed", value: new Decimal(t.value) } : t };
}
