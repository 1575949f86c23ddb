// Preloaded into a measured CLI (node --import): at exit, writes the process's peak RSS in bytes to $BENCH_MAX_RSS_FILE.
// With $BENCH_RSS_TIMELINE set, also appends "seconds rss heapUsed heapTotal external" in MB to that file every 2 s.
import { appendFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_MAX_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});

const timeline = process.env.BENCH_RSS_TIMELINE;
if (timeline) {
  const started = performance.now();
  const mb = (bytes) => (bytes / 1e6).toFixed(0);
  setInterval(() => {
    const m = process.memoryUsage();
    appendFileSync(timeline, `${((performance.now() - started) / 1000).toFixed(0)} ${mb(m.rss)} ${mb(m.heapUsed)} ${mb(m.heapTotal)} ${mb(m.external)}\n`);
  }, 2000).unref();
}
