// Child process: evaluate() on a large workload, then writeResult to a temp file as the CLI does; reports time and peak memory.
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { arithmeticSuite } from '../test/helpers/suites.js';
import { evaluateOn, maxRssBytes, RESULT_PREFIX, sampleRss } from './workload.js';

/** What the parent asks for; `write: false` skips the result file, to see what writing costs. */
export interface MemoryConfig {
  /** Where thinkbench's modules come from, relative to the repository: src or dist. */
  from: string;
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
  /** RSS once the modules are loaded, before any work: the floor (tsx's loader thread included). */
  startRssBytes: number;
  /** Sampled peak RSS while evaluate() ran, then while the file was written. */
  evaluatePeakRssBytes: number;
  writePeakRssBytes: number;
  maxRssBytes: number;
}

const config = JSON.parse(process.argv[2]!) as MemoryConfig;
const root = `../${config.from}`;
// Loaded before the floor is measured, so evaluateOn finds them in the module cache.
await import(`${root}/run/evaluate.js`);
await import(`${root}/model/openai.js`);
const { writeResult } = (await import(`${root}/result/store.js`)) as typeof import('../src/result/store.js');
const startRssBytes = process.memoryUsage.rss();
const rss = sampleRss();
const suite = arithmeticSuite(config.cases, config.samples);
const started = performance.now();
const result = await evaluateOn(config.from, config.url, suite, { concurrency: config.concurrency, stream: false });
const evaluateMs = performance.now() - started;
const evaluatePeakRssBytes = rss.stop();
const writeRss = sampleRss();
const path = join(tmpdir(), `thinkbench-bench-${process.pid}.json`);
let fileBytes = 0;
if (config.write) {
  await writeResult(path, result);
  // A result this large is written split: its head and the samples' sidecar beside it, both counted and both removed.
  const sidecar = path.replace(/\.json$/, '.samples.jsonl');
  for (const file of [path, sidecar]) {
    fileBytes += (await stat(file).catch(() => ({ size: 0 }))).size;
    await rm(file, { force: true });
  }
}
const figures: MemoryFigures = {
  samples: result.summary.samples,
  evaluateMs,
  writeMs: performance.now() - started - evaluateMs,
  fileBytes,
  heapUsedAfterBytes: getHeapStatistics().used_heap_size,
  startRssBytes,
  evaluatePeakRssBytes,
  writePeakRssBytes: writeRss.stop(),
  maxRssBytes: maxRssBytes(),
};
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(figures)}\n`);
