// Child process: evaluate() on a large workload, then writeResult to a temp file as the CLI does; reports time and peak memory.
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { createModelClient } from '../src/model/openai.js';
import { writeResult } from '../src/result/store.js';
import { evaluate } from '../src/run/evaluate.js';
import { arithmeticSuite } from '../test/helpers/suites.js';
import { maxRssBytes, MAX_RETRIES, MODEL, RESULT_PREFIX, sampleRss, TIMEOUT_MS } from './workload.js';

/** What the parent asks for; `write: false` skips the result file, to see what writing costs. */
export interface MemoryConfig {
  url: string;
  cases: number;
  samples: number;
  concurrency: number;
  write: boolean;
}

/** What this child reports. */
export interface MemoryFigures {
  samples: number;
  evaluateMs: number;
  writeMs: number;
  fileBytes: number;
  heapUsedAfterBytes: number;
  peakRssBytes: number;
  maxRssBytes: number;
}

const config = JSON.parse(process.argv[2]!) as MemoryConfig;
const rss = sampleRss();
const suite = arithmeticSuite(config.cases, config.samples);
const client = createModelClient({ baseUrl: config.url, timeoutMs: TIMEOUT_MS, maxRetries: MAX_RETRIES });
const started = performance.now();
const result = await evaluate({
  suite, client, model: MODEL, baseUrl: config.url, simulated: true,
  concurrency: config.concurrency, timeoutMs: TIMEOUT_MS, stream: false,
});
const evaluateMs = performance.now() - started;
const path = join(tmpdir(), `thinkbench-bench-${process.pid}.json`);
let fileBytes = 0;
if (config.write) {
  await writeResult(path, result);
  fileBytes = (await stat(path)).size;
  await rm(path, { force: true });
}
const figures: MemoryFigures = {
  samples: result.summary.samples,
  evaluateMs,
  writeMs: performance.now() - started - evaluateMs,
  fileBytes,
  heapUsedAfterBytes: getHeapStatistics().used_heap_size,
  peakRssBytes: rss.stop(),
  maxRssBytes: maxRssBytes(),
};
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(figures)}\n`);
