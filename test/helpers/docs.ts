import { checkDocument } from "../../src/check.js";
import { runRules } from "../../src/engine/run.js";
import type { Finding, Lang, Rule } from "../../src/engine/types.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { defaultTemplate } from "../../src/templates/index.js";

/** Builds a small document from text lines (`→` stands for a tab, for readable test cases). */
export function doc(text: string): BudgetDocument {
  return loadMarkdown("case.md", text.replace(/→/g, "\t").replace(/^\n/, ""), defaultTemplate);
}

/**
 * The findings of one rule on a small document. A rule that judges the system of identities runs after
 * every other rule (which declare them); only its own findings are returned.
 */
export function check(rule: Rule, text: string, lang: Lang = "en"): Finding[] {
  const set = rule.judgesSystem ? rules : [rule];
  return runRules(doc(text), set, { tolerance: { kind: "auto" }, lang }).filter((f) => f.ruleId === rule.id);
}

export const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

/** The findings of a rule that runs after the engine (the diagnosis), with every rule run before it. */
export async function checkAfterEngine(rule: Rule, text: string, lang: Lang = "en"): Promise<Finding[]> {
  const findings = await checkDocument(doc(text), { tolerance: { kind: "auto" }, severities: {}, lang });
  return findings.filter((f) => f.ruleId === rule.id);
}
