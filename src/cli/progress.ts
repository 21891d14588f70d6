import type { Progress } from "../check.js";
import type { Lang } from "../engine/types.js";
import type { DocumentReport } from "../report.js";

/**
 * A one-line progress bar on a terminal's stderr: documents done / total, errors so far, ETA.
 * Redrawn at most ~10 times a second; the line is cleared at the end so the report starts clean.
 */
export function progressBar(stream: NodeJS.WriteStream, now: () => number = Date.now, lang: Lang = "en"): Progress {
  let total = 0;
  let done = 0;
  let errors = 0;
  let failed = 0;
  let started = 0;
  let drawn = 0;
  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - drawn < 100) return;
    drawn = t;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : 0;
    const eta = done ? Math.round(((t - started) / done) * (total - done) / 1000) : null;
    const bar = `[${"█".repeat(filled)}${"░".repeat(width - filled)}]`;
    const line =
      lang === "zh"
        ? `${bar} ${done}/${total} 个文件 · ${errors} 个错误` + (failed ? ` · ${failed} 个无法读取` : "") + ` · 预计剩余 ${eta === null ? "…" : `${eta} 秒`}`
        : `${bar} ${done}/${total} documents · ${errors} error${errors === 1 ? "" : "s"}` + (failed ? ` · ${failed} unreadable` : "") + ` · ETA ${eta === null ? "…" : `${eta}s`}`;
    stream.write(`\r${line}\x1b[K`);
  };
  return {
    start(n) {
      total = n;
      started = now();
      if (total > 1) draw(true);
    },
    done(r: DocumentReport) {
      done++;
      errors += r.summary.error;
      if (r.failure) failed++;
      if (total > 1) draw(done === total);
    },
    end() {
      if (total > 1) stream.write("\r\x1b[K");
    },
  };
}
