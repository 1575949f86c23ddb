// Several replicas and adaptive concurrency, wired as run does: requests spread over the endpoints, figures per endpoint in the result.
import { describe, expect, test } from 'vitest';
import { connect } from '../../src/commands/connect.js';
import { evaluate } from '../../src/run/evaluate.js';
import { createRateController } from '../../src/run/rate-limit.js';
import { mock } from '../helpers/run.js';
import { shippedSuite } from '../helpers/suites.js';

describe('replicas and --concurrency auto', () => {
  test('two replicas share the requests and are reported per endpoint; under a rate limit the adaptive run loses no sample', async () => {
    const limited = { rateLimit: { requestsPerMinute: 600, minuteMs: 2_000 } };
    const [a, b] = [await mock(limited), await mock(limited)];
    const rate = createRateController({ ceiling: 16 });
    const endpoint = { baseUrl: a.url, shownUrl: a.url, apiKey: undefined, simulated: true, defaultModel: 'thinkbench-sim', close: async () => {} };
    const { client, endpointFigures } = connect(endpoint, [a.url, b.url], { timeoutMs: 30_000, maxRetries: 2, rate });
    const suite = await shippedSuite('arithmetic', 20);
    const result = await evaluate({
      suite,
      client,
      model: 'thinkbench-sim',
      baseUrl: a.url,
      simulated: true,
      concurrency: rate,
      timeoutMs: 30_000,
      samplesOverride: 3,
      endpointFigures,
    });
    expect(result.summary.errors).toBe(0);
    expect(result.endpoints).toHaveLength(2);
    const [first, second] = result.endpoints!;
    expect(first!.requests + second!.requests).toBe(60);
    expect(Math.min(first!.requests, second!.requests)).toBeGreaterThan(10);
    expect(result.concurrency).toBe(16);
  }, 60_000);
});
