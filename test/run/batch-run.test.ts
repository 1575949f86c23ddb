// run --batch through runSuite: a batch run killed while its batch is in flight resumes from the journal without paying twice.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createBatchApi } from '../../src/model/batch-api.js';
import { newBatchStats } from '../../src/mock/batch.js';
import { createModelClient } from '../../src/model/openai.js';
import { readResult } from '../../src/result/store.js';
import { runSuite } from '../../src/run/run-suite.js';
import { mock } from '../helpers/run.js';
import { shippedSuite } from '../helpers/suites.js';

describe('run --batch', () => {
  test('killed while its batch is in flight, then resumed: completes without resubmitting, at half the price', async () => {
    const stats = newBatchStats();
    const server = await mock({ batch: { durationMs: 1500, stats } });
    const suite = await shippedSuite('arithmetic', 6);
    const client = createModelClient({ baseUrl: server.url, timeoutMs: 30_000, maxRetries: 2 });
    const out = join(mkdtempSync(join(tmpdir(), 'batch-run-')), 'r.json');
    const base = {
      suite,
      client,
      model: 'thinkbench-sim',
      endpoint: { shownUrl: server.url, simulated: true },
      out,
      settings: {
        samplesOverride: 3,
        concurrency: 4,
        timeoutMs: 30_000,
        params: {},
        pricing: { price: { inputPerMTok: 2, outputPerMTok: 8 }, source: { kind: 'flag' as const, spec: 'input=2,output=8' } },
      },
      batch: { api: createBatchApi({ baseUrl: server.url }), poll: { initialMs: 100, maxMs: 200 } },
    };
    const kill = new AbortController();
    setTimeout(() => kill.abort(), 400); // the batch takes 1.5 s: the "process" stops waiting while it runs
    const first = await runSuite({ ...base, signal: kill.signal });
    expect(first.result.complete).toBe(false);
    expect(existsSync(first.journalPath)).toBe(true);
    expect(stats.creates).toBe(1);

    const resumed = await runSuite({ ...base, resume: out, signal: new AbortController().signal });
    expect(resumed.result.complete).toBe(true);
    expect(stats.creates).toBe(1); // picked up from the journal, not submitted again
    expect(resumed.result.summary.samples).toBe(18);
    expect(resumed.result.batch?.priceFactor).toBe(0.5);
    const s = (await readResult(out)).cases[0]!.samples[0]!;
    expect(s.costUsd).toBeCloseTo((0.5 * (s.usage!.promptTokens * 2 + s.usage!.completionTokens * 8)) / 1e6, 12);
  }, 60_000);
});
