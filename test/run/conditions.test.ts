// Real reasoning-endpoint conditions: refused parameters, reasoning placement, time limits, cache, seeds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openCache } from '../../src/run/cache.js';
import type { Adaptation } from '../../src/schema/result.js';
import { scorerFor } from '../../src/score/scorers/index.js';
import { arithmeticSuite, shippedSuite } from '../helpers/suites.js';
import { evaluateAgainst, mock } from '../helpers/run.js';

describe('reasoning-model parameters', () => {
  test('a model that refuses max_tokens and temperature 0.7 is evaluated fully, adapting once per parameter', async () => {
    const server = await mock({ rejectParams: true, rejectSystem: true });
    const warnings: Adaptation[] = [];
    const suite = await shippedSuite('o1-articles');
    const { run } = evaluateAgainst(server, {
      suite,
      model: 'thinkbench-sim-100',
      params: { max_tokens: 8000, temperature: 0.7 },
      concurrency: 4,
      onAdapt: (a) => warnings.push(a),
    });
    const result = await run;
    expect(result.summary.errors).toBe(0);
    expect(result.summary.accuracy).toBe(1);
    expect(warnings.map((w) => w.param).sort()).toEqual(['max_tokens', 'system', 'temperature']);
    expect(result.adaptations).toEqual(warnings);
    expect(warnings.find((w) => w.param === 'max_tokens')?.action).toBe('renamed to max_completion_tokens');
  });
});

describe('reasoning kept apart and counted', () => {
  test.each(['field', 'think', 'prefilled-think', 'reasoning'] as const)('reasoning as %s never reaches the scorer', async (style) => {
    const server = await mock({ reasoning: style });
    const seen: string[] = [];
    const spyScorer = (c: Parameters<typeof scorerFor>[0]) => {
      const scorer = scorerFor(c);
      return {
        ...scorer,
        read: (text: string) => {
          seen.push(text);
          return scorer.read(text);
        },
      };
    };
    const suite = await shippedSuite('letter-count', 5);
    const { run } = evaluateAgainst(server, { suite, samplesOverride: 3, model: 'thinkbench-sim-100', scorerFor: spyScorer });
    const result = await run;
    expect(result.summary.accuracy).toBe(1);
    expect(seen).toHaveLength(15);
    for (const text of seen) expect(text).not.toMatch(/think|spell|letter by letter/i);
    const sample = result.cases[0]!.samples[0]!;
    expect(sample.reasoning.length).toBeGreaterThan(40);
    expect(result.summary.usage.reasoningTokens).toBeGreaterThan(0);
    expect(result.summary.usage.completionTokens).toBeGreaterThan(result.summary.usage.reasoningTokens);
  });

  test('a reply cut off by the token limit before answering is its own outcome: truncated', async () => {
    const server = await mock();
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(2, 2), params: { max_completion_tokens: 5 } });
    const result = await run;
    expect(result.summary.truncated).toBe(4);
    expect(result.summary.errors).toBe(0);
    expect(result.cases[0]!.samples[0]).toMatchObject({ outcome: 'truncated', finishReason: 'length', answer: null });
  });

  test('streamed samples record time to first token', async () => {
    const server = await mock({ latencyMs: 200 });
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(2), stream: true });
    const sample = (await run).cases[0]!.samples[0]!;
    expect(sample.firstTokenMs).toBeGreaterThan(0);
    expect(sample.firstTokenMs!).toBeLessThan(sample.latencyMs);
  });
});

describe('time limits', () => {
  test.each([true, false])('a 1 s --timeout against 4 s replies times every sample out promptly (stream: %s)', async (stream) => {
    const server = await mock({ latencyMs: 4000 });
    const started = Date.now();
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(4, 2), timeoutMs: 1000, stream });
    const result = await run;
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result.summary.errors).toBe(8);
    expect(result.cases[0]!.samples[0]!.error?.code).toBe('timeout');
  });

  test('a streamed sample that times out keeps the reasoning it received', async () => {
    const server = await mock({ latencyMs: 4000 });
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(1), timeoutMs: 2000, stream: true });
    const sample = (await run).cases[0]!.samples[0]!;
    expect(sample.error?.code).toBe('timeout');
    expect(sample.reasoning.length).toBeGreaterThan(0);
  });

  test('graceful finish: a sample out of time is asked for its answer and records that it was forced', async () => {
    const server = await mock({ latencyMs: 4000 });
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(2), timeoutMs: 2000, stream: true, onTimeout: 'answer', model: 'thinkbench-sim-100' });
    const result = await run;
    for (const c of result.cases) {
      expect(c.samples[0]).toMatchObject({ outcome: 'answered', correct: true, forced: true });
      expect(c.samples[0]!.reasoning.length).toBeGreaterThan(0);
    }
  });

  test('a 3 s --time-budget stops a long run in about 3 s, unstarted samples unstarted, finished ones kept', async () => {
    const server = await mock({ latencyMs: 700 });
    const started = Date.now();
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(20, 5), concurrency: 4, timeBudgetMs: 3000 });
    const result = await run;
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(2900);
    expect(elapsed).toBeLessThan(4000);
    expect(result.complete).toBe(false);
    expect(result.summary.errors).toBe(0);
    expect(result.summary.samples).toBeGreaterThanOrEqual(8);
    expect(result.summary.samples).toBeLessThan(100);
    // Round-robin: every case got its first sample before any case got a second.
    const counts = result.cases.map((c) => c.samples.length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});

describe('cache and seeds', () => {
  test('--cache replays stored replies per sample index, so N samples stay N samples', async () => {
    const server = await mock();
    const cache = openCache(mkdtempSync(join(tmpdir(), 'thinkbench-cache-')));
    const suite = arithmeticSuite(3, 4);
    const first = await evaluateAgainst(server, { suite, cache }).run;
    const requests = server.stats.requests;
    const second = await evaluateAgainst(server, { suite, cache }).run;
    expect(server.stats.requests).toBe(requests);
    expect(second.cases.flatMap((c) => c.samples.map((s) => s.cached))).toEqual(Array(12).fill(true));
    expect(second.cases.map((c) => c.samples.map((s) => s.content))).toEqual(first.cases.map((c) => c.samples.map((s) => s.content)));
    const distinct = new Set(first.cases[0]!.samples.map((s) => s.content + s.reasoning));
    expect(distinct.size).toBeGreaterThan(1);
  });

  test('errors are never cached', async () => {
    const cache = openCache(mkdtempSync(join(tmpdir(), 'thinkbench-cache-')));
    const failing = await mock({ faults: { rate500: 1 } });
    await evaluateAgainst(failing, { suite: arithmeticSuite(1), cache, maxRetries: 0 }).run;
    const healthy = await mock();
    healthy.url = failing.url.replace(String(failing.port), String(healthy.port));
    const result = await evaluateAgainst(healthy, { suite: arithmeticSuite(1), cache, baseUrl: failing.url }).run;
    expect(result.cases[0]!.samples[0]!.cached).toBeUndefined();
    expect(healthy.stats.requests).toBe(1);
  });

  test('a fixed --param seed is offset per sample, so a seeded server does not collapse the samples', async () => {
    const server = await mock();
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(1, 6), params: { seed: 42 } });
    const samples = (await run).cases[0]!.samples;
    expect(new Set(samples.map((s) => s.content + s.reasoning)).size).toBeGreaterThan(1);
  });
});
