// Limits that hold: a long Retry-After, a time budget, Ctrl-C and ordinary backoff never outlast --timeout by more than a second.
import { describe, expect, test } from 'vitest';
import { hostile, json, runAgainst, timed } from './hostile-server.js';

// `backoffMs: undefined` below: the SDK's own schedule (0.5 s doubling), not the tests' quick one.

const rateLimited = (headers: Record<string, string>) =>
  hostile((_req, res) => json(res, 429, { error: { message: 'slow down', type: 'rate_limit', code: null } }, headers));

describe('a server that asks to wait longer than the time left', () => {
  test.each([
    ['Retry-After: 3600', { 'retry-after': '3600' }, /asked to wait 60m00s \(3600 s\)/],
    ['retry-after-ms: 3600000', { 'retry-after-ms': '3600000' }, /asked to wait 60m00s \(3600 s\)/],
    ['Retry-After as a date an hour ahead', { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }, /asked to wait \d+m\d\ds \(3[56]\d\d s\)/],
  ])('%s with --timeout 1.5s ends the sample as a rate-limit error at its deadline', async (_, headers, asked) => {
    const server = await rateLimited(headers);
    for (const stream of [false, true]) {
      const { ms, value } = await timed(runAgainst(server, { timeoutMs: 1500, stream }));
      expect(ms).toBeGreaterThan(1400);
      expect(ms).toBeLessThan(2500);
      const sample = value!.cases[0]!.samples[0]!;
      expect(sample).toMatchObject({ outcome: 'error', error: { code: 'rate_limited' } });
      expect(sample.error!.message).toMatch(asked);
      expect(sample.error!.message).toMatch(/slow down/);
    }
  });

  test('a 3600 s Retry-After with --timeout 5s ends the sample in about 5 s', async () => {
    const server = await rateLimited({ 'retry-after': '3600' });
    const { ms, value } = await timed(runAgainst(server, { timeoutMs: 5000 }));
    expect(ms).toBeGreaterThan(4900);
    expect(ms).toBeLessThan(6000);
    expect(value!.cases[0]!.samples[0]!.error?.code).toBe('rate_limited');
  });

  test('--time-budget 1s ends the run in about 1 s, the waiting samples unstarted', async () => {
    const server = await rateLimited({ 'retry-after': '3600' });
    const { ms, value } = await timed(runAgainst(server, { timeoutMs: 60_000, timeBudgetMs: 1000, cases: 3 }));
    expect(ms).toBeLessThan(2000);
    expect(value!.complete).toBe(false);
    expect(value!.summary.samples).toBe(0);
  });
});

describe('Ctrl-C interrupts every wait', () => {
  test.each([
    ['a Retry-After of an hour', { 'retry-after': '3600' }],
    ["the SDK's own backoff (no Retry-After, 6 retries)", {}],
  ])('during %s the run stops within half a second', async (_, headers) => {
    const server = await hostile((_req, res) => json(res, Object.keys(headers).length ? 429 : 503, { error: { message: 'busy' } }, headers));
    const interrupt = new AbortController();
    // At 2 s the SDK's schedule is mid-way through its third wait (1.5-2 s long, from about 1.5 s).
    setTimeout(() => interrupt.abort(), 2000);
    const { ms, value } = await timed(runAgainst(server, { timeoutMs: 60_000, signal: interrupt.signal, client: { maxRetries: 6, backoffMs: undefined } }));
    expect(ms).toBeLessThan(2500);
    expect(value!.complete).toBe(false);
  });
});

describe('backoff and --timeout', () => {
  test.each([false, true])('a server that answers only 500 ends the sample within a second of --timeout 2.5s (stream: %s)', async (stream) => {
    const server = await hostile((_req, res) => json(res, 500, { error: { message: 'boom' } }));
    const { ms, value } = await timed(runAgainst(server, { timeoutMs: 2500, stream, client: { maxRetries: 6, backoffMs: undefined } }));
    expect(ms).toBeLessThan(3500);
    const sample = value!.cases[0]!.samples[0]!;
    expect(sample.outcome).toBe('error');
    expect(sample.error!.code).toBe('http_500');
    expect(sample.error!.message).toMatch(/time ran out before the next retry/);
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
  });
});
