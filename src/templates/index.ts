import { normaliseName } from "../model/names.js";
import type { DocumentTemplate, TableTemplate } from "./types.js";
import { generic } from "./generic.js";
import { shanghai, shanghaiFinal } from "./shanghai.js";
import { shenzhen } from "./shenzhen.js";

export type { DocumentTemplate, TableTemplate, ColumnSpec, RoleSpec, Layout } from "./types.js";
/** Every template, `generic` (tables known by kind alone) last. */
export const templates: DocumentTemplate[] = [shenzhen, shanghai, shanghaiFinal, generic];
export const defaultTemplate = shenzhen;

/** Normalises a printed title for matching: no markup, spaces, quotes, leading year or department. */
export function normaliseTitle(text: string): string {
  return normaliseName(text.replace(/[#*]/g, ""))
    .replace(/^\d{4}年(度)?/, "")
    .replace(/^表\d+/, "");
}

export function templateByTitle(t: DocumentTemplate, title: string): TableTemplate | undefined {
  const n = normaliseTitle(title);
  if (!n) return undefined;
  return t.tables.find((tt) => tt.titlePatterns.some((p) => p.test(n)));
}

export function templateByName(name: string): DocumentTemplate | undefined {
  return templates.find((t) => t.name === name);
}

export function templateByNumber(t: DocumentTemplate, n: number): TableTemplate | undefined {
  return t.tables.find((tt) => tt.number === n);
}
