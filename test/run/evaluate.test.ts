import { describe, expect, test } from 'vitest';
import { ThinkbenchError } from '../../src/errors.js';
import { arithmeticSuite, shippedSuite } from '../helpers/suites.js';
import { evaluateAgainst, mock } from '../helpers/run.js';

describe('evaluate against the simulated endpoint', () => {
  test('a model right 75% of the time: 20 cases x 25 samples vote their way to >= 0.95', async () => {
    const server = await mock({ seed: 3 });
    const suite = await shippedSuite('letter-count', 20);
    const { run } = evaluateAgainst(server, { suite, model: 'thinkbench-sim-75', samplesOverride: 25, concurrency: 32 });
    const result = await run;
    expect(result.summary.samples).toBe(500);
    expect(result.summary.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.summary.pass1).toBeGreaterThan(0.68);
    expect(result.summary.pass1).toBeLessThan(0.82);
    expect(result.complete).toBe(true);
  });

  test('never more requests in flight than --concurrency', async () => {
    const server = await mock({ latencyMs: 30 });
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(10, 4), concurrency: 5 });
    await run;
    expect(server.stats.maxInFlight).toBe(5);
    expect(server.stats.requests).toBe(40);
  });

  test.each([
    ['a refused key', { apiKey: 'right' }, 'wrong', 'thinkbench-sim', /refused the API key \(401/],
    ['an unknown model', {}, undefined, 'gpt-nonexistent', /has no model "gpt-nonexistent" \(404/],
  ])('%s aborts the run at once without hammering the server', async (_, options, apiKey, model, message) => {
    const server = await mock(options);
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(50, 4), apiKey, model, concurrency: 4 });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThinkbenchError);
    expect((error as ThinkbenchError).exitCode).toBe(3);
    expect((error as Error).message).toMatch(message);
    expect(server.stats.requests).toBeLessThanOrEqual(4);
  });

  test.each([false, true])(
    'faults: 429s, 5xx, dropped connections and malformed bodies are retried until every sample is answered (stream: %s)',
    async (stream) => {
      const faults = { rate429: 0.15, rate500: 0.08, rate503: 0.05, drop: 0.05, malformed: 0.05 };
      const server = await mock({ faults, seed: 11 });
      const { run, client } = evaluateAgainst(server, { suite: arithmeticSuite(30, 4), model: 'thinkbench-sim-100', maxRetries: 10, concurrency: 16, stream });
      const result = await run;
      expect(result.summary.errors).toBe(0);
      expect(result.cases.every((c) => c.samples.length === 4 && c.samples.every((s) => s.correct))).toBe(true);
      for (const kind of ['429', '500', '503', 'drop', 'malformed']) expect(server.stats.byStatus[kind]).toBeGreaterThan(0);
      expect(client.stats.retries).toBeGreaterThan(10);
    },
  );

  test('errors are data: a sample that fails after its retries is an error outcome, not a wrong answer', async () => {
    const server = await mock({ faults: { rate500: 1 } });
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(2, 2), maxRetries: 0 });
    const result = await run;
    expect(result.summary.errors).toBe(4);
    expect(result.cases[0]!.samples[0]).toMatchObject({ outcome: 'error', answer: null, correct: false, error: { code: 'http_500' } });
  });
});
