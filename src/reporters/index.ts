import type { Lang, Severity } from "../engine/types.js";
import type { BudgetDocument } from "../model/document.js";
import type { Report } from "../report.js";
import { neutralised, noMentions, noWorkflowCommands } from "./escape.js";
import { formatGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { formatJson, formatJsonl } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

/** What a formatter may say about a rule (SARIF's tool.driver.rules, JUnit's test cases). */
export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  description: string;
  descriptionZh: string;
}

export interface FormatOptions {
  color: boolean;
  lang: Lang;
  quiet: boolean;
  /** The lowest severity that fails the run (JUnit marks those test cases failed). Default `error`. */
  failOn?: Severity | "never";
  /** Every rule (SARIF tool.driver.rules, one JUnit test case per rule). */
  rules?: RuleInfo[];
  /** Base URI of the rule doc pages (`<base><ruleId>.md`) for SARIF helpUri. */
  docsBaseUri?: string;
  /** The loaded document model of each report document, by its path (the HTML report draws the tables). */
  documents?: Map<string, BudgetDocument>;
  /** Rules turned off for a document (by --rule or its configuration), by the document's path. */
  rulesOff?: Map<string, Set<string>>;
  /** SARIF: include the rounding notes (left out by default). */
  includeRounding?: boolean;
  /** Text and markdown: list the rounding notes one by one instead of one line per table. */
  showRounding?: boolean;
}

export type Formatter = (report: Report, opts: FormatOptions) => string;

/** Every output format by its --format name. Reporters only format; they never decide or exit. */
export const formatters: Record<string, Formatter> = {
  text: (r, o) => noWorkflowCommands(formatText(neutralised(r), o)),
  json: (r) => formatJson(r),
  jsonl: (r) => formatJsonl(r),
  junit: (r, o) => formatJunit(neutralised(r), o),
  sarif: formatSarif,
  github: (r, o) => formatGithub(neutralised(r), o),
  markdown: (r, o) => noMentions(formatMarkdown(neutralised(r), o)),
  html: (r, o) => formatHtml(neutralised(r), o),
};
