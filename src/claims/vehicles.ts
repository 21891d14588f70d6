import { type Para, re } from "./para.js";
import type { Claim } from "./types.js";
import { mapArray } from "../util/arrays.js";

/** 共有车辆 N 辆，其中：… / 预算安排购置车辆 N 辆，其中：…, then each category's 用车 k 辆 up to the clause's end. */
const VEHICLES = re(String.raw`(?<what>共有车辆|购置车辆)\s*(?<count>NUM)\s*辆\s*,?\s*其中\s*:?`, "g");
const VEHICLE_PART = re(String.raw`(?<label>[^,、;。:\d]{2,12}?用车)\s*(?<count>NUM)\s*辆`, "g");

export function vehicleSplits(p: Para, out: Claim[]) {
  for (const m of p.text.matchAll(VEHICLES)) {
    const from = m.index + m[0].length;
    const end = p.text.slice(from).search(/[;。]/);
    const clause = p.text.slice(from, end < 0 ? p.text.length : from + end);
    const parts = mapArray([...clause.matchAll(VEHICLE_PART)], (v) => ({ label: v.groups!.label, count: p.count(v, "count", from)! })).filter((x) => x.count);
    const count = p.count(m, "count");
    if (count && parts.length >= 2) out.push({ kind: "vehicle-split", planned: m.groups!.what === "购置车辆", count, parts });
  }
}

