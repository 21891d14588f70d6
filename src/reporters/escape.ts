/**
 * Neutralising what a document (or a file name) can smuggle into a human-readable report: terminal
 * escape sequences (screen clear, window title, OSC 8 links), line breaks that start a new line of the
 * report (a line beginning `::` is a workflow command on GitHub Actions), bidirectional overrides that
 * make text read differently from what it is, and @-mentions in Markdown. Each human format (text,
 * markdown, github, html, junit) calls these on the report before formatting, and the CLI on what it
 * prints to stderr; JSON and SARIF carry the text as data (JSON escapes every control character).
 */

/** C0 controls but tab, DEL, C1 controls, and the invisible direction marks, embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\u001b": "\\e" };

/** Every control character as visible text (`\e`, `\n`, `\u202e`): shown for what it is, never acted on. */
export function visibleControls(s: string): string {
  return s.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A report (or any value) with visibleControls applied to every string in it: a copy, the original is untouched. */
export function neutralised<T>(value: T): T {
  if (typeof value === "string") return visibleControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => neutralised(v)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = neutralised(v);
    return out as T;
  }
  return value;
}

/** No line of a plain-text report may begin with `::` (a GitHub Actions workflow command). */
export function noWorkflowCommands(text: string): string {
  return text.replace(/^::/gm, " ::");
}

/** `@org/team` and `@user` do not notify anyone when the Markdown is posted (a zero-width space after `@`, as Dependabot does). */
export function noMentions(markdown: string): string {
  return markdown.replace(/@(?=[A-Za-z0-9_-])/g, "@&#8203;");
}
