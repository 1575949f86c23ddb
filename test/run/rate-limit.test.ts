import { describe, expect, test } from 'vitest';
import { createModelClient, RetryCutShort } from '../../src/model/openai.js';
import { formatResetMs, parseResetMs, readRateHeaders, type RateHeaders } from '../../src/model/rate-headers.js';
import { createRateController } from '../../src/run/rate-limit.js';
import { runQueued } from '../../src/run/schedule.js';
import { completion, hostile } from '../hardening/hostile-server.js';

/** A response's rate headers: remaining requests / tokens (null: not sent), limits 600 RPM and 60,000 TPM, resets from the refill. */
function rate(requests: number | null, tokens: number | null, retryAfterMs: number | null = null): RateHeaders {
  // Refill of 10 requests/s and 1,000 tokens/s: reset is the deficit over that rate.
  const dimension = (remaining: number | null, limit: number, perMs: number) =>
    remaining === null ? { limit: null, remaining: null, resetMs: null } : { limit, remaining, resetMs: (limit - remaining) / perMs };
  return { requests: dimension(requests, 600, 0.01), tokens: dimension(tokens, 60_000, 1), retryAfterMs };
}

type Event =
  | { at: number; start: number } // `start` requests started at `at`
  | { at: number; status: number; sentAt: number; rate: RateHeaders };

const cases: { name: string; events: Event[]; limit: number; delayMs: number; tokensPerRequest?: number }[] = [
  { name: 'no word from the endpoint: the initial limit, no wait', events: [], limit: 4, delayMs: 0 },
  {
    name: 'each success in slow start adds one',
    events: [{ at: 0, start: 3 }, ...[1, 2, 3].map((at) => ({ at, status: 200, sentAt: 0, rate: rate(null, null) }))],
    limit: 7,
    delayMs: 0,
  },
  {
    name: 'plenty of requests left: no wait',
    events: [
      { at: 0, start: 1 },
      { at: 50, status: 200, sentAt: 0, rate: rate(300, null) },
    ],
    limit: 5,
    delayMs: 0,
  },
  {
    // 5 left, 12 kept in reserve (2% of 600), 1 for the next: 8 to refill at 0.01/ms.
    name: 'requests budget nearly spent: wait for the refill',
    events: [
      { at: 0, start: 1 },
      { at: 0, status: 200, sentAt: 0, rate: rate(5, null) },
    ],
    limit: 5,
    delayMs: 800,
  },
  {
    name: 'the refill since the report counts',
    events: [
      { at: 0, start: 1 },
      { at: 300, status: 200, sentAt: 0, rate: rate(5, null) },
    ],
    limit: 5,
    delayMs: 500,
  },
  {
    // 13 left plus 0.02 refilled, less 4 sent after the report at 1.25 each: 4.98 short of 13.
    name: 'requests sent after the reported one are charged',
    events: [
      { at: 0, start: 1 },
      { at: 1, start: 4 },
      { at: 2, status: 200, sentAt: 0, rate: rate(13, null) },
    ],
    limit: 5,
    delayMs: 498,
  },
  {
    // First report: 10 requests took 1,000 tokens from the full budget.
    name: 'tokens: the cost per request read from the first report',
    events: [
      { at: 0, start: 10 },
      { at: 10, status: 200, sentAt: 5, rate: rate(590, 59_000) },
    ],
    limit: 5,
    delayMs: 0,
    tokensPerRequest: 100,
  },
  {
    // 10 sent before the second report took 2,500 tokens beyond the refill: 250 each.
    name: 'tokens: the cost per request read from successive reports',
    events: [
      { at: 0, start: 10 },
      { at: 10, status: 200, sentAt: 5, rate: rate(590, 59_000) },
      { at: 20, start: 10 },
      { at: 30, status: 200, sentAt: 25, rate: rate(580, 56_520) },
    ],
    limit: 6,
    delayMs: 0,
    tokensPerRequest: (1000 * 0.95 + 2500) / (10 * 0.95 + 10),
  },
  {
    // 587 requests took 58,700 tokens (100 each); then 5 more sent, charged 125 each: 1,300 + 5 refilled - 625 = 680, 620 short of 1,200 reserve + 100.
    name: 'tokens: in-flight requests at the estimated cost hold the next start back',
    events: [
      { at: 0, start: 587 },
      { at: 6, start: 5 },
      { at: 10, status: 200, sentAt: 5, rate: rate(590, 1_300) },
    ],
    limit: 5,
    delayMs: 620,
  },
  {
    // Tokens are plenty; 3 requests + 0.05 refilled is 9.95 short of 13.
    name: 'the tighter of the two budgets decides',
    events: [
      { at: 0, start: 10 },
      { at: 10, status: 200, sentAt: 5, rate: rate(3, 50_000) },
    ],
    limit: 5,
    delayMs: 995,
  },
  {
    name: 'a 429 halves the limit and its Retry-After pauses every start',
    events: [
      { at: 0, start: 8 },
      ...[1, 2, 3, 4].map((at) => ({ at, status: 200, sentAt: 0, rate: rate(null, null) })),
      { at: 10, status: 429, sentAt: 5, rate: rate(null, null, 700) },
    ],
    limit: 4,
    delayMs: 700,
  },
  {
    // The 429's own headers correct the pacing (3 left: 10 short of 13); the limit stays.
    name: 'a 429 that reports the budget pauses and paces, and leaves the limit',
    events: [
      { at: 0, start: 8 },
      ...[1, 2, 3, 4].map((at) => ({ at, status: 200, sentAt: 0, rate: rate(300, null) })),
      { at: 10, status: 429, sentAt: 10, rate: rate(3, null, 50) },
    ],
    limit: 8,
    delayMs: 1000,
  },
  {
    name: '429s of requests sent before the decrease do not halve it again',
    events: [
      { at: 0, start: 8 },
      ...[1, 2, 3, 4].map((at) => ({ at, status: 200, sentAt: 0, rate: rate(null, null) })),
      { at: 10, status: 429, sentAt: 5, rate: rate(null, null) },
      { at: 11, status: 429, sentAt: 6, rate: rate(null, null) },
      { at: 12, status: 429, sentAt: 9, rate: rate(null, null) },
    ],
    limit: 4,
    delayMs: 0,
  },
  {
    name: 'a 429 sent after the decrease halves it again',
    events: [
      { at: 0, start: 8 },
      ...[1, 2, 3, 4].map((at) => ({ at, status: 200, sentAt: 0, rate: rate(null, null) })),
      { at: 10, status: 429, sentAt: 5, rate: rate(null, null) },
      { at: 30, status: 429, sentAt: 20, rate: rate(null, null) },
    ],
    limit: 2,
    delayMs: 0,
  },
  {
    // After a 429 the limit grows by 1/limit per success: 4.25, 4.49, 4.71, 4.92, 5.12.
    name: 'after a 429, one more per round trip',
    events: [
      { at: 0, start: 8 },
      ...[1, 2, 3, 4].map((at) => ({ at, status: 200, sentAt: 0, rate: rate(null, null) })),
      { at: 10, status: 429, sentAt: 5, rate: rate(null, null) },
      ...[11, 12, 13, 14, 15].map((at) => ({ at, status: 200, sentAt: 10, rate: rate(null, null) })),
    ],
    limit: 5,
    delayMs: 0,
  },
  {
    name: 'never above the ceiling',
    events: [{ at: 0, start: 1 }, ...Array.from({ length: 100 }, (_, i) => ({ at: i, status: 200, sentAt: 0, rate: rate(null, null) }))],
    limit: 16,
    delayMs: 0,
  },
  {
    name: 'an older request reporting later does not overwrite a newer report',
    events: [
      { at: 0, start: 2 },
      { at: 5, status: 200, sentAt: 1, rate: rate(300, null) },
      { at: 6, status: 200, sentAt: 0, rate: rate(5, null) },
    ],
    limit: 6,
    delayMs: 0,
  },
];

describe('createRateController', () => {
  test.each(cases)('$name', ({ events, limit, delayMs, tokensPerRequest }) => {
    let clock = 0;
    const controller = createRateController({ ceiling: 16, sendLagMs: 0, now: () => clock });
    for (const event of events) {
      clock = event.at;
      if ('start' in event) for (let i = 0; i < event.start; i++) controller.started();
      else controller.observe(event.rate, event.status, event.sentAt);
    }
    expect(controller.limit()).toBe(limit);
    expect(controller.limit()).toBeLessThanOrEqual(controller.ceiling);
    expect(controller.delayMs()).toBeCloseTo(delayMs, 6);
    if (tokensPerRequest !== undefined) expect(controller.stats.tokensPerRequest).toBeCloseTo(tokensPerRequest, 6);
  });

  test('starts granted just before a reported request was sent are charged too (the grant-to-fetch lag)', () => {
    let clock = 0;
    const controller = createRateController({ ceiling: 16, sendLagMs: 50, now: () => clock });
    for (let i = 0; i < 4; i++) controller.started(); // a burst of grants at 0; their fetches go out over the next ms
    clock = 10;
    controller.observe(rate(17, null), 200, 2); // the first fetch, sent at 2, reports 17 left: the other 3 may not be in it
    // 17 + 0.08 refilled since it was sent - 4 starts at 1.25 = 12.08, 0.92 short of 13; without the lag none would be charged and it could go now.
    expect(controller.delayMs()).toBeCloseTo(92, 6);
  });

  test('ready() waits out the pacing, counts the start, and gives up when the signal aborts', async () => {
    const controller = createRateController({ ceiling: 4 });
    controller.started();
    controller.observe(rate(12, null), 200, performance.now()); // 12 = the reserve: one more needs 1 / 0.01 per ms = 100 ms
    const before = performance.now();
    expect(await controller.ready(new AbortController().signal)).toBe(true);
    expect(performance.now() - before).toBeGreaterThanOrEqual(90);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 20);
    const held = performance.now();
    expect(await controller.ready(stop.signal)).toBe(false); // the start above was charged: another 125 ms needed
    expect(performance.now() - held).toBeLessThan(100);
  });
});

describe('a retry waits on the controller', () => {
  // 10 requests a second: the first is refused with the budget spent and Retry-After 0, the rest succeed.
  const refuseFirst = async () => {
    const arrivals: number[] = [];
    const server = await hostile((_, res, attempt) => {
      arrivals.push(performance.now());
      const budget = { 'x-ratelimit-limit-requests': '10', 'content-type': 'application/json' };
      if (attempt === 0) {
        res.writeHead(429, { ...budget, 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1s', 'retry-after-ms': '0' });
        res.end(JSON.stringify({ error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }));
      } else {
        res.writeHead(200, { ...budget, 'x-ratelimit-remaining-requests': '9', 'x-ratelimit-reset-requests': '100ms' });
        res.end(JSON.stringify(completion('4')));
      }
    });
    const controller = createRateController({ ceiling: 4 });
    const client = createModelClient({
      baseUrl: server.url,
      timeoutMs: 5000,
      maxRetries: 2,
      backoffMs: () => 0,
      onRateHeaders: controller.observe,
      beforeRetry: controller.ready,
    });
    const ask = (signal: AbortSignal) => client.chat({ model: 'm', messages: [{ role: 'user', content: 'What is 2+2?' }], params: {}, stream: false, signal });
    return { arrivals, controller, ask };
  };

  test('a retried 429 is not re-sent before the pacing allows it, though the server asked for no wait', async () => {
    const { arrivals, controller, ask } = await refuseFirst();
    let content: string | undefined;
    const stop = new AbortController();
    // Paced from when the first request was granted its start, which a loaded machine may deliver to the server late.
    const started = performance.now();
    await runQueued([1], controller, stop.signal, async () => {
      content = (await ask(new AbortController().signal)).content;
    });
    expect(content).toBe('4');
    expect(arrivals).toHaveLength(2);
    // 0 left at 0.01 a ms; the next needs 1 plus the 0.2 reserve plus 1.25 for the refused start: about 245 ms. Unpaced, the retry came at once.
    expect(arrivals[1]! - started).toBeGreaterThanOrEqual(200);
    expect(controller.stats.throttled).toBe(1);
  });

  test("the request's signal ends the wait for the pacing at once", async () => {
    const { arrivals, controller, ask } = await refuseFirst();
    const stop = new AbortController();
    expect(await controller.ready(stop.signal)).toBe(true); // the start, as runQueued grants it
    setTimeout(() => stop.abort(), 50);
    const started = performance.now();
    const error = await ask(stop.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryCutShort);
    expect(error).toMatchObject({ askedMs: 0, last: { status: 429 } });
    expect(performance.now() - started).toBeLessThan(200);
    expect(arrivals).toHaveLength(1);
  });
});

describe('rate headers', () => {
  test.each([
    ['6m0s', 360_000],
    ['1s', 1000],
    ['1.5s', 1500],
    ['250ms', 250],
    ['1m30.5s', 90_500],
    ['1h2m', 3_720_000],
    ['2', 2000],
    ['', null],
    ['soon', null],
    ['5s and more', null],
  ])('reset %j is %j ms', (text, ms) => {
    expect(parseResetMs(text)).toBe(ms);
  });

  test.each([0, 120, 999, 1000, 2500, 59_999, 60_000, 90_500, 360_000])('%j ms formats and reads back', (ms) => {
    expect(parseResetMs(formatResetMs(ms))).toBe(ms);
  });

  test('reads OpenAI-style headers; absent ones are null', () => {
    const read = readRateHeaders(
      new Headers({
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-remaining-requests': '499',
        'x-ratelimit-reset-requests': '120ms',
        'x-ratelimit-remaining-tokens': 'lots',
        'retry-after': '2',
      }),
    );
    expect(read).toEqual({
      requests: { limit: 500, remaining: 499, resetMs: 120 },
      tokens: { limit: null, remaining: null, resetMs: null },
      retryAfterMs: 2000,
    });
  });
});
