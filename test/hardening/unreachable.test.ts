// Unreachable endpoints stop fast: refused before any reply, a run ends in about a second with exit 3, not after 24 s of retries.
import { describe, expect, test } from 'vitest';
import { ThinkbenchError } from '../../src/errors.js';
import { ask, clientFor, closedPort, completion, hostile, json, runAgainst, timed } from './hostile-server.js';

describe('an endpoint that refuses connections', () => {
  test.each([false, true])('before any reply: the run stops within 2 s with exit 3, naming the reason (stream: %s)', async (stream) => {
    const port = await closedPort();
    // The SDK's own schedule and 6 retries, as the CLI has them by default.
    const { ms, error } = await timed(
      runAgainst({ url: `http://127.0.0.1:${port}/v1` }, { stream, cases: 4, client: { maxRetries: 6, backoffMs: undefined } }),
    );
    expect(ms).toBeLessThan(2000);
    expect(error).toBeInstanceOf(ThinkbenchError);
    expect((error as ThinkbenchError).exitCode).toBe(3);
    expect((error as Error).message).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:\d+\/v1: .*ECONNREFUSED/);
  });

  test('after a reply has come, a refused connection is an ordinary fault, retried up to --max-retries', async () => {
    const server = await hostile((_req, res) => json(res, 200, completion('Answer: 2')));
    const client = clientFor(server, { maxRetries: 4 });
    await client.chat(ask(false));
    await server.close();
    const { error } = await timed(client.chat(ask(false)));
    expect(error).toBeDefined();
    expect(client.stats.retries).toBe(4);
  });
});
