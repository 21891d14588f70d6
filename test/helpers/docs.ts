import { runRules } from "../../src/engine/run.js";
import type { Finding, Rule } from "../../src/engine/types.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { defaultTemplate } from "../../src/templates/index.js";

/** Builds a small document from text lines (`→` stands for a tab, for readable test cases). */
export function doc(text: string): BudgetDocument {
  return loadMarkdown("case.md", text.replace(/→/g, "\t").replace(/^\n/, ""), defaultTemplate);
}

export function check(rule: Rule, text: string, opts: { tolerance?: "auto" } = {}): Finding[] {
  void opts;
  return runRules(doc(text), [rule], { tolerance: { kind: "auto" }, lang: "en" });
}

export const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");
