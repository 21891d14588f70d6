import { checkDocument } from "../../src/check.js";
import { runRules } from "../../src/engine/run.js";
import type { Finding, Lang, Rule } from "../../src/engine/types.js";
import { loadTabSeparated } from "../../src/loaders/index.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { defaultTemplate } from "../../src/templates/index.js";

/** Builds a small document from text lines (`→` stands for a tab, for readable test cases). */
export function doc(text: string): BudgetDocument {
  return loadMarkdown("case.md", text.replace(/→/g, "\t").replace(/^\n/, ""), defaultTemplate);
}

/**
 * A small document read as the CLI reads a tab-separated text: Shenzhen's tables by the tab-separated
 * reader, another province's (a rule page's example of 江苏's tables) by the template its titles name, or by
 * kind alone.
 */
export function docAsRead(text: string): BudgetDocument {
  return loadTabSeparated("case.md", text.replace(/→/g, "\t").replace(/^\n/, ""), undefined);
}

/**
 * The findings of one rule on a small document. A rule that judges the system of identities runs after
 * every other rule (which declare them); only its own findings are returned.
 */
export function check(rule: Rule, text: string, lang: Lang = "en", read: (text: string) => BudgetDocument = doc): Finding[] {
  const set = rule.judgesSystem ? rules : [rule];
  return runRules(read(text), set, { tolerance: { kind: "auto" }, lang }).filter((f) => f.ruleId === rule.id);
}

export const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

/** The findings of a rule that runs after the engine (the diagnosis), with every rule run before it. */
export async function checkAfterEngine(rule: Rule, text: string, lang: Lang = "en", read: (text: string) => BudgetDocument = doc): Promise<Finding[]> {
  const findings = await checkDocument(read(text), { tolerance: { kind: "auto" }, severities: {}, lang });
  return findings.filter((f) => f.ruleId === rule.id);
}
