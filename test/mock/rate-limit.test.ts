import OpenAI from 'openai';
import { afterEach, describe, expect, test } from 'vitest';
import { createRateLimiter, tokenCost } from '../../src/mock/rate-limit.js';
import { startMockServer, type MockServer } from '../../src/mock/server.js';
import { createModelClient } from '../../src/model/openai.js';
import { readRateHeaders, type RateHeaders } from '../../src/model/rate-headers.js';

const ask = (content: string, maxTokens?: number) => ({
  model: 'thinkbench-sim',
  messages: [{ role: 'user' as const, content }],
  ...(maxTokens !== undefined && { max_completion_tokens: maxTokens }),
});

describe('createRateLimiter', () => {
  test.each([
    ['12 characters, no completion cap', ask('What is 2+2?'), 4], // JSON-quoted: 14 characters
    ['prompt plus max_completion_tokens', ask('What is 2+2?', 100), 104],
    ['max_tokens when that is what was sent', { messages: [{ role: 'user', content: 'hi' }], max_tokens: 50 }, 51],
    ['no messages', {}, 0],
  ])('token cost: %s', (_, body, cost) => {
    expect(tokenCost(body)).toBe(cost);
  });

  test('requests per minute: a full bucket, then 429 with Retry-After until it refills', () => {
    let clock = 0;
    const limiter = createRateLimiter({ requestsPerMinute: 3, now: () => clock });
    const seen = [0, 0, 0, 0].map(() => limiter.admit(ask('q')));
    expect(seen.map((a) => a.refused?.status ?? 200)).toEqual([200, 200, 200, 429]);
    expect(seen.map((a) => a.headers['x-ratelimit-remaining-requests'])).toEqual(['2', '1', '0', '0']);
    expect(seen[0]!.headers['x-ratelimit-limit-requests']).toBe('3');
    expect(seen[0]!.headers['x-ratelimit-reset-requests']).toBe('20s'); // one request refills in a third of a minute
    const refusal = seen[3]!.refused!;
    expect(refusal.body.error.code).toBe('rate_limit_exceeded');
    expect(refusal.headers?.['retry-after-ms']).toBe('20000');
    expect(refusal.headers?.['retry-after']).toBe('20');
    clock = 19_999;
    expect(limiter.admit(ask('q')).refused?.status).toBe(429);
    clock = 20_000;
    expect(limiter.admit(ask('q')).refused).toBeNull();
  });

  test('tokens per minute: refused when the request would take more than is left; a refusal takes nothing', () => {
    let clock = 0;
    const limiter = createRateLimiter({ tokensPerMinute: 1000, minuteMs: 1000, now: () => clock });
    expect(limiter.admit(ask('q', 597)).headers['x-ratelimit-remaining-tokens']).toBe('402'); // 1 for '"q"' + 597
    const refused = limiter.admit(ask('q', 499)); // needs 500, 402 left: 98 ms of refill at 1/ms
    expect(refused.refused?.status).toBe(429);
    expect(refused.refused?.headers?.['retry-after-ms']).toBe('98');
    expect(limiter.admit(ask('q', 401)).headers['x-ratelimit-remaining-tokens']).toBe('0');
    clock = 250;
    expect(limiter.admit(ask('q', 10)).headers).toMatchObject({ 'x-ratelimit-remaining-tokens': '239', 'x-ratelimit-reset-tokens': '761ms' });
  });
});

describe('startMockServer({ rateLimit })', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('every reply carries x-ratelimit-* headers; past the limit a 429 with Retry-After', async () => {
    server = await startMockServer({ rateLimit: { requestsPerMinute: 2, tokensPerMinute: 100_000 } });
    const send = () =>
      fetch(`${server!.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ask('What is 2+2?', 10)),
      });
    const first = await send();
    expect(first.status).toBe(200);
    expect(readRateHeaders(first.headers)).toMatchObject({
      requests: { limit: 2, remaining: 1, resetMs: 30_000 },
      tokens: { limit: 100_000, remaining: 99_986 },
    });
    expect((await first.json()).choices).toHaveLength(1);
    expect((await send()).status).toBe(200);
    const third = await send();
    expect(third.status).toBe(429);
    const rate = readRateHeaders(third.headers);
    expect(rate.requests.remaining).toBe(0);
    expect(rate.retryAfterMs).toBeGreaterThan(20_000); // about 30 s less the time since the first request
    expect(rate.retryAfterMs).toBeLessThanOrEqual(30_000);
    expect(server.stats.byStatus).toEqual({ '200': 2, '429': 1 });
  });

  test('the SDK sees a RateLimitError past the limit', async () => {
    server = await startMockServer({ rateLimit: { requestsPerMinute: 1 } });
    const sdk = new OpenAI({ baseURL: server.url, apiKey: 'k', maxRetries: 0 });
    await sdk.chat.completions.create(ask('What is 2+2?'));
    await expect(sdk.chat.completions.create(ask('What is 2+2?'))).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });

  test.each([false, true])('the client reports every response to onRateHeaders (stream: %s)', async (stream) => {
    server = await startMockServer({ rateLimit: { requestsPerMinute: 2 } });
    const seen: { status: number; remaining: number | null; sentAt: number }[] = [];
    const onRateHeaders = (rate: RateHeaders, status: number, sentAt: number) => seen.push({ status, remaining: rate.requests.remaining, sentAt });
    const client = createModelClient({ baseUrl: server.url, timeoutMs: 5000, maxRetries: 0, onRateHeaders });
    const before = performance.now();
    const chat = () =>
      client.chat({ model: 'thinkbench-sim', messages: [{ role: 'user', content: 'What is 2+3?' }], params: {}, stream, signal: new AbortController().signal });
    await chat();
    await chat();
    await expect(chat()).rejects.toMatchObject({ status: 429 });
    expect(seen.map(({ status, remaining }) => [status, remaining])).toEqual([
      [200, 1],
      [200, 0],
      [429, 0],
    ]);
    expect(seen.every(({ sentAt }) => sentAt >= before && sentAt <= performance.now())).toBe(true);
  });
});
