// collectBatch through the real SDK against the simulated Batch API: a run, splitting, kill and resume, expiry, refusals.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { createBatchApi } from '../../src/model/batch-api.js';
import type { BatchRecord } from '../../src/batch/format.js';
import { type BatchCollectOptions, collectBatch } from '../../src/batch/run-batch.js';
import { newBatchStats } from '../../src/mock/batch.js';
import type { BatchMockOptions } from '../../src/mock/batch.js';
import type { RawSample } from '../../src/schema/result.js';
import { mock } from '../helpers/run.js';
import { arithmeticSuite } from '../helpers/suites.js';

const POLL = { initialMs: 20, maxMs: 60 };

async function batchMock(batch: BatchMockOptions = {}) {
  const stats = newBatchStats();
  const server = await mock({ batch: { durationMs: 200, ...batch, stats } });
  return { server, stats, api: createBatchApi({ baseUrl: server.url, maxRetries: 0 }) };
}

function options(api: BatchCollectOptions['api'], cases = 4, samples = 3, extra: Partial<BatchCollectOptions> = {}): BatchCollectOptions {
  return { cases: arithmeticSuite(cases, samples).cases, api, model: 'thinkbench-sim', plan: { samples }, params: {}, poll: POLL, ...extra };
}

const all = (samples: Map<string, RawSample[]>) => [...samples.values()].flat();

describe('collectBatch on the loopback', () => {
  test('a batch run: every (case, sample) answered once, with usage, in one upload and one batch', async () => {
    const { api, stats } = await batchMock();
    const states: string[] = [];
    const made: BatchRecord[] = [];
    const got = await collectBatch(options(api, 4, 3, { onProgress: (b) => states.push(b[0]!.status), onBatch: (r) => made.push(r) }));
    expect(got.complete).toBe(true);
    expect([...got.samples.values()].map((list) => list.map((s) => s.index))).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(all(got.samples).every((s) => s.error === null && s.usage !== null && s.content.length > 0 && s.reasoningSource === 'field')).toBe(true);
    // The simulator is right 90% of the time: most samples name their case's sum.
    const right = [...got.samples].flatMap(([id, list]) => list.filter((s) => s.content.includes(String(Number(id.slice(4)) + 1000))));
    expect(right.length).toBeGreaterThan(6);
    expect(stats).toMatchObject({ uploads: 1, creates: 1 });
    expect(made).toEqual(got.batches);
    expect(made[0]!.customIds).toHaveLength(12);
    expect(states.at(-1)).toBe('completed');
    expect(got.batchFactor).toBe(0.5);
  });

  test('split at the request limit: one batch per file, and each batch journaled as it is created', async () => {
    const { api, stats } = await batchMock();
    const made: string[] = [];
    const got = await collectBatch(options(api, 5, 2, { limits: { maxRequests: 4, maxBytes: 1e9 }, onBatch: (r) => made.push(r.id) }));
    expect(stats).toMatchObject({ uploads: 3, creates: 3 });
    expect(made).toHaveLength(3);
    expect(all(got.samples)).toHaveLength(10);
    expect(got.complete).toBe(true);
  });

  test('killed while batches are in flight, then resumed with the recorded ids: completes without uploading or creating again', async () => {
    const { api, stats } = await batchMock({ durationMs: 400 });
    const stop = new AbortController();
    const journal: BatchRecord[] = [];
    const first = await collectBatch(
      options(api, 4, 2, { limits: { maxRequests: 3, maxBytes: 1e9 }, signal: stop.signal, onBatch: (r) => journal.push(r), onProgress: () => stop.abort() }),
    );
    expect(first.interrupted).toBe(true);
    expect(first.complete).toBe(false);
    expect(all(first.samples)).toHaveLength(0);
    expect(journal).toHaveLength(3);
    const before = { ...stats };
    const resumed = await collectBatch(options(api, 4, 2, { limits: { maxRequests: 3, maxBytes: 1e9 }, known: journal }));
    expect(resumed.complete).toBe(true);
    expect(all(resumed.samples).filter((s) => !s.error)).toHaveLength(8);
    expect(stats.uploads).toBe(before.uploads);
    expect(stats.creates).toBe(before.creates);
    expect(resumed.batches.map((b) => b.id)).toEqual(journal.map((b) => b.id));
  });

  test('resumed after some samples were journaled: those are neither sent nor returned twice', async () => {
    const { api, stats } = await batchMock();
    const journal: BatchRecord[] = [];
    const done = await collectBatch(options(api, 3, 2, { onBatch: (r) => journal.push(r) }));
    const prior = new Map([...done.samples].map(([id, list]) => [id, list.filter((s) => s.index === 0)]));
    const seen: RawSample[] = [];
    const resumed = await collectBatch(options(api, 3, 2, { known: journal, prior, onSample: (_, s) => seen.push(s) }));
    expect(seen.map((s) => s.index)).toEqual([1, 1, 1]);
    expect(all(resumed.samples)).toHaveLength(6);
    expect(stats).toMatchObject({ uploads: 1, creates: 1 });
  });

  test('an expired batch keeps what finished; the rest are error samples coded batch_expired', async () => {
    const { api } = await batchMock({ expire: 0.5 });
    const got = await collectBatch(options(api, 4, 2));
    const samples = all(got.samples);
    expect(samples).toHaveLength(8);
    expect(samples.filter((s) => s.error === null)).toHaveLength(4);
    expect(samples.filter((s) => s.error?.code === 'batch_expired')).toHaveLength(4);
  });

  test('lines that fail are error samples with their code, beside the answered ones', async () => {
    const { api } = await batchMock({ failEvery: 3 });
    const samples = all((await collectBatch(options(api, 3, 3))).samples);
    expect(samples.filter((s) => s.error?.code === 'server_error')).toHaveLength(3);
    expect(samples.filter((s) => s.error === null)).toHaveLength(6);
  });

  test("a resumed run sends the earlier batch's failed requests once more, in one new batch", async () => {
    const expiring = await batchMock({ expire: 0.5 });
    const journal: BatchRecord[] = [];
    await collectBatch(options(expiring.api, 2, 2, { onBatch: (r) => journal.push(r) }));
    // The journal's batch is picked up (its answered half kept), its expired half resent once in one new batch.
    const got = await collectBatch(options(expiring.api, 2, 2, { known: journal }));
    expect(expiring.stats.creates).toBe(2);
    expect(all(got.samples)).toHaveLength(4);
    expect(all(got.samples).filter((s) => s.error === null).length).toBeGreaterThanOrEqual(3);
  });

  test('resumed with two journaled batches holding the same request: one answered it, so it is not sent a third time', async () => {
    const { api, stats } = await batchMock({ expire: 0.5 });
    const journal: BatchRecord[] = [];
    await collectBatch(options(api, 2, 2, { onBatch: (r) => journal.push(r) })); // A: half expired
    await collectBatch(options(api, 2, 2, { known: [...journal], onBatch: (r) => journal.push(r) })); // B: A's expired half, half of it expired again
    expect(journal.map((r) => r.customIds.length)).toEqual([4, 2]);
    const resent: BatchRecord[] = [];
    const got = await collectBatch(options(api, 2, 2, { known: journal, onBatch: (r) => resent.push(r) }));
    expect(resent.map((r) => r.customIds.length)).toEqual([1]); // only what neither A nor B answered
    expect(stats.creates).toBe(3);
    expect(all(got.samples)).toHaveLength(4);
  });

  test("a refused input file is reported, and its requests are error samples with the provider's code", async () => {
    const { api } = await batchMock({ rejectInput: true });
    const got = await collectBatch(options(api, 2, 2));
    expect(got.refused).toHaveLength(1);
    expect(got.refused[0]).toMatch(/refused its input file at line 1/);
    expect(all(got.samples).map((s) => s.error?.code)).toEqual(['invalid_request', 'invalid_request', 'invalid_request', 'invalid_request']);
  });

  test('shards: each sends only its share, and the shards together send every pair once', async () => {
    const { api, stats } = await batchMock();
    const halves = await Promise.all([1, 2].map((index) => collectBatch(options(api, 4, 3, { shard: { index, count: 2 } }))));
    const pairs = halves.flatMap((h) => [...h.samples].flatMap(([id, list]) => list.map((s) => `${id}#${s.index}`)));
    expect(pairs.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `add-${i % 4}#${Math.floor(i / 4)}`).sort());
    expect(halves.every((h) => h.complete)).toBe(true);
    expect(stats.creates).toBe(2);
  });

  test('a create whose reply was lost (500) is found by its input file, not made twice', async () => {
    const { server, stats } = await batchMock({ lostCreates: 1 });
    const got = await collectBatch(options(createBatchApi({ baseUrl: server.url, maxRetries: 2 }), 2, 1));
    expect(stats).toMatchObject({ uploads: 1, creates: 1 });
    expect(got.batches).toHaveLength(1);
    expect(all(got.samples).filter((s) => !s.error)).toHaveLength(2);
  });

  test("a malformed line in the provider's output is skipped: its request is an error sample that says so, the rest are kept", async () => {
    const good = JSON.stringify({
      custom_id: 'add-0#0',
      response: { status_code: 200, body: { choices: [{ message: { content: 'Answer: 1000' }, finish_reason: 'stop' }] } },
    });
    const done = { id: 'b1', status: 'completed' as const, outputFileId: 'out', errorFileId: null, counts: { total: 2, completed: 2, failed: 0 }, errors: [] };
    const api = {
      upload: async () => ({ id: 'in' }),
      create: async () => ({ ...done, status: 'validating' as const }),
      retrieve: async () => done,
      cancel: async () => done,
      lines: async function* () {
        yield { line: good, number: 1 };
        yield { line: '{"custom_id": "add-1#0", "respo', number: 2 };
      },
    };
    const got = await collectBatch(options(api, 2, 1));
    const [first, second] = all(got.samples);
    expect(first).toMatchObject({ content: 'Answer: 1000', error: null });
    expect(second!.error).toMatchObject({ code: 'batch_no_output', message: expect.stringContaining('1 malformed output lines skipped, first out line 2') });
  });

  test('a refused key is an error naming the endpoint, not error samples', async () => {
    const server = await mock({ apiKey: 'right', batch: { durationMs: 100 } });
    const api = createBatchApi({ baseUrl: server.url, apiKey: 'wrong', maxRetries: 0 });
    await expect(collectBatch(options(api, 1, 1))).rejects.toThrow(`${server.url} refused the key on POST /files (401)`);
  });

  test('an endpoint without a Batch API (404 on /v1/files) is an error naming the endpoint', async () => {
    const server = createServer((_, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Not Found', type: 'invalid_request_error', code: null } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    try {
      await expect(collectBatch(options(createBatchApi({ baseUrl: url, maxRetries: 0 }), 1, 1))).rejects.toThrow(
        `${url} has no Batch API: POST /files answered 404`,
      );
    } finally {
      server.close();
    }
  });
});
