// The retry loop's rules as data: what is retried, how long the server asked to wait, and the quick stop for unreachable endpoints.
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, test } from 'vitest';
import { ProtocolError, StreamBrokenError } from '../../src/model/protocol.js';
import { RetryCutShort, retryAfterMs, retryPlan, UNREACHABLE_RETRIES, withRetries } from '../../src/model/retry.js';

const status = (code: number, headers: Record<string, string> = {}) => new APIError(code, { message: 'x' }, undefined, new Headers(headers));
const connection = (code: string) =>
  new APIConnectionError({ message: 'Connection error.', cause: Object.assign(new TypeError('fetch failed'), { cause: { code } }) });

describe('retryPlan', () => {
  test.each([
    ['429 with Retry-After: 2', status(429, { 'retry-after': '2' }), { retry: true, askedMs: 2000, unreachable: false }],
    ['503 with retry-after-ms: 1500', status(503, { 'retry-after-ms': '1500' }), { retry: true, askedMs: 1500, unreachable: false }],
    ['500', status(500), { retry: true, unreachable: false }],
    ['408', status(408), { retry: true, unreachable: false }],
    ['409', status(409), { retry: true, unreachable: false }],
    ['400', status(400), { retry: false }],
    ['404', status(404), { retry: false }],
    ['500 marked x-should-retry: false', status(500, { 'x-should-retry': 'false' }), { retry: false }],
    ['400 marked x-should-retry: true', status(400, { 'x-should-retry': 'true' }), { retry: true, unreachable: false }],
    ['a refused connection', connection('ECONNREFUSED'), { retry: true, unreachable: true }],
    ['a failed DNS lookup', connection('ENOTFOUND'), { retry: true, unreachable: true }],
    ['a reset connection', connection('ECONNRESET'), { retry: true, unreachable: false }],
    ['a broken stream', new StreamBrokenError('x'), { retry: true, unreachable: false }],
    ['a reply that is not the protocol', new ProtocolError('bad_stream', 'x'), { retry: true, unreachable: false }],
    ['an abort', new APIUserAbortError(), { retry: false }],
    ['a bug', new TypeError('undefined is not a function'), { retry: false }],
  ])('%s', (_, error, plan) => {
    expect(retryPlan(error)).toEqual(plan);
  });
});

describe('retryAfterMs', () => {
  test.each([
    [{ 'retry-after': '3600' }, 3_600_000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': new Date(Date.now() - 60_000).toUTCString() }, 0],
    [{}, undefined],
  ])('%j -> %s', (headers, ms) => {
    expect(retryAfterMs(new Headers(headers))).toBe(ms);
  });
});

describe('withRetries', () => {
  const run = (error: unknown, reached: boolean, maxRetries = 6) => {
    let attempts = 0;
    const send = async () => {
      attempts++;
      throw error;
    };
    const done = withRetries(send, { maxRetries, backoffMs: () => 1, signal: new AbortController().signal, onRetry: () => {}, reached: () => reached });
    return done.catch((e: unknown) => ({ attempts, error: e }));
  };

  test.each([
    ['refused, never reached: 2 quick retries', connection('ECONNREFUSED'), false, 1 + UNREACHABLE_RETRIES],
    ['refused after a reply came: every retry', connection('ECONNREFUSED'), true, 7],
    ['a 500, never reached: every retry', status(500), false, 7],
    ['a 400: no retry', status(400), false, 1],
  ])('%s', async (_, error, reached, attempts) => {
    expect(await run(error, reached)).toMatchObject({ attempts, error });
  });

  test('beforeResend is awaited before every re-send, never before the first send; false cuts the retry short', async () => {
    const seen: string[] = [];
    const options = (paced: boolean) => ({
      maxRetries: 2,
      backoffMs: () => 1,
      signal: new AbortController().signal,
      onRetry: () => seen.push('retry'),
      reached: () => true,
      beforeResend: async () => {
        seen.push('pace');
        return paced;
      },
    });
    const send = async () => {
      seen.push('send');
      throw status(429, { 'retry-after-ms': '1' });
    };
    expect(await withRetries(send, options(true)).catch((e: unknown) => e)).toMatchObject({ status: 429 });
    expect(seen).toEqual(['send', 'retry', 'pace', 'send', 'retry', 'pace', 'send']);
    seen.length = 0;
    const error = await withRetries(send, options(false)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryCutShort);
    expect(error).toMatchObject({ askedMs: 1, last: { status: 429 } });
    expect(seen).toEqual(['send', 'retry', 'pace']);
  });

  test('an abort while waiting ends the wait at once with the fault it waited out', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const started = Date.now();
    const error = await withRetries(() => Promise.reject(status(429, { 'retry-after': '3600' })), {
      maxRetries: 3,
      backoffMs: () => 1,
      signal: stop.signal,
      onRetry: () => {},
      reached: () => true,
    }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(500);
    expect(error).toBeInstanceOf(RetryCutShort);
    expect(error).toMatchObject({ askedMs: 3_600_000, last: { status: 429 } });
  });
});
