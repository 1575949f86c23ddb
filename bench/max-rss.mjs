// Preloaded into a measured CLI (node --import): at exit, writes the process's peak RSS in bytes to $BENCH_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_MAX_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
