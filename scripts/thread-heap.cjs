// node -r ./scripts/thread-heap.cjs bin/budget-check.js <inputs…>
// A preload (Node runs a -r module in every worker thread too) that prints, every THREAD_HEAP_MS
// milliseconds (default 3000) on stderr, one line per thread: its V8 heap, external memory, malloced and
// peak malloced memory (V8's compiler and parser zones), and on the main thread the process's RSS. Used for
// docs/performance.md ("Fifth pass"): which thread and which kind of memory a batch's RSS is made of.
const v8 = require("node:v8");
const { threadId } = require("node:worker_threads");
const MB = (x) => Math.round(x / 1048576);
const every = Number(process.env.THREAD_HEAP_MS) || 3000;
const timer = setInterval(() => {
  const h = v8.getHeapStatistics();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ""), MB(s.space_size)]));
  const rss = threadId === 0 ? ` rss=${MB(process.memoryUsage.rss())}` : "";
  process.stderr.write(
    `thread ${threadId}${rss} heap=${MB(h.total_heap_size)} used=${MB(h.used_heap_size)} new=${spaces.new} old=${spaces.old} code=${spaces.code} ` +
      `external=${MB(h.external_memory)} malloced=${MB(h.malloced_memory)} peak-malloced=${MB(h.peak_malloced_memory)} (MB)\n`,
  );
}, every);
timer.unref();
