import type { Finding, Lang } from "../engine/types.js";
import { arithmeticText } from "./words.js";

/** What an annotated copy marks a finding as: its severity, rounding told apart from other info. */
export type NoteKind = "error" | "warning" | "rounding" | "info";

export function noteKind(f: Finding): NoteKind {
  return f.severity === "info" && f.withinRounding ? "rounding" : f.severity;
}

export const NOTE_RANK: Record<NoteKind, number> = { error: 0, warning: 1, rounding: 2, info: 3 };
export const NOTE_LABEL: Record<Lang, Record<NoteKind, string>> = {
  zh: { error: "错误", warning: "警告", rounding: "尾差", info: "提示" },
  en: { error: "error", warning: "warning", rounding: "rounding", info: "info" },
};

/** The note for one finding in an annotated copy: severity, rule, message and arithmetic. */
export function noteText(f: Finding, lang: Lang): string {
  const arith = arithmeticText(f, lang);
  return `[${NOTE_LABEL[lang][noteKind(f)]}] ${f.ruleId}\n${f.message}${arith ? `\n${arith}` : ""}`;
}
