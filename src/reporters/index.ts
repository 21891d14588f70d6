import type { Lang } from "../engine/types.js";
import type { Report } from "../report.js";
import { formatJson } from "./json.js";
import { formatText } from "./text.js";

export interface FormatOptions {
  color: boolean;
  lang: Lang;
  quiet: boolean;
}

export type Formatter = (report: Report, opts: FormatOptions) => string;

/** Every output format by its --format name. Reporters only format; they never decide or exit. */
export const formatters: Record<string, Formatter> = {
  text: formatText,
  json: (r) => formatJson(r),
};
