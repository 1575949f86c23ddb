// The simulated endpoint's rate limits: token buckets for requests and tokens per minute, x-ratelimit-* headers, 429 past them.
import { formatResetMs } from '../model/rate-headers.js';
import { httpError, type HttpError } from './errors.js';

/** Limits the simulated endpoint enforces on chat completions (`startMockServer({ rateLimit })`). */
export interface RateLimitOptions {
  /** Requests per minute; the bucket holds a minute's worth and refills continuously. Unlimited when absent. */
  requestsPerMinute?: number;
  /** Tokens per minute, charged on admission as the prompt's estimate (4 characters a token) plus `max_completion_tokens` or `max_tokens`. */
  tokensPerMinute?: number;
  /** The length of the simulated minute in real milliseconds (60,000 by default; shorter speeds time up). */
  minuteMs?: number;
  /** False: no x-ratelimit-* headers, only 429s with Retry-After (as many self-hosted gateways). Default true. */
  sendHeaders?: boolean;
  /** The clock, in milliseconds; performance.now() by default. */
  now?: () => number;
}

/** What the limiter decided: headers for the reply, and the 429 to send instead when past a limit. */
export interface Admission {
  headers: Record<string, string>;
  refused: HttpError | null;
}

/** Decides each chat completion's admission. */
export interface RateLimiter {
  admit(body: unknown): Admission;
}

interface Bucket {
  capacity: number;
  level: number;
  perMs: number;
}

/** A limiter with a full bucket per limit; a refused request takes nothing from either. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const minuteMs = options.minuteMs ?? 60_000;
  const bucket = (perMinute: number | undefined): Bucket | null =>
    perMinute === undefined ? null : { capacity: perMinute, level: perMinute, perMs: perMinute / minuteMs };
  const requests = bucket(options.requestsPerMinute);
  const tokens = bucket(options.tokensPerMinute);
  let last = now();

  const headers = (): Record<string, string> => {
    const out: Record<string, string> = {};
    if (options.sendHeaders === false) return out;
    for (const [name, b] of [
      ['requests', requests],
      ['tokens', tokens],
    ] as const) {
      if (!b) continue;
      out[`x-ratelimit-limit-${name}`] = String(b.capacity);
      out[`x-ratelimit-remaining-${name}`] = String(Math.floor(b.level));
      out[`x-ratelimit-reset-${name}`] = formatResetMs((b.capacity - b.level) / b.perMs);
    }
    return out;
  };

  return {
    admit(body) {
      const at = now();
      for (const b of [requests, tokens]) if (b) b.level = Math.min(b.capacity, b.level + b.perMs * (at - last));
      last = at;
      const cost = tokenCost(body);
      const waits = [requests && waitMs(requests, 1), tokens && waitMs(tokens, cost)].filter((w): w is number => w !== null);
      const waitFor = Math.max(0, ...waits);
      if (waitFor > 0) {
        const which = requests && waitMs(requests, 1) > 0 ? 'requests' : 'tokens';
        const refused = httpError(429, `Rate limit reached for ${which} per minute. Please try again in ${formatResetMs(waitFor)}.`, {
          type: which,
          code: 'rate_limit_exceeded',
          headers: { ...headers(), 'retry-after-ms': String(Math.ceil(waitFor)), 'retry-after': String(Math.ceil(waitFor / 1000)) },
        });
        return { headers: refused.headers!, refused };
      }
      if (requests) requests.level -= 1;
      if (tokens) tokens.level -= cost;
      return { headers: headers(), refused: null };
    },
  };
}

/** Milliseconds until the bucket holds `cost`; 0 when it does now. A cost beyond the capacity waits for a full bucket. */
function waitMs(b: Bucket, cost: number): number {
  const need = Math.min(cost, b.capacity);
  return b.level >= need ? 0 : (need - b.level) / b.perMs;
}

/** Tokens a request is charged on admission: the prompt at 4 characters a token, plus the completion it may use. */
export function tokenCost(body: unknown): number {
  const request = (body ?? {}) as { messages?: unknown; max_completion_tokens?: unknown; max_tokens?: unknown };
  const messages = Array.isArray(request.messages) ? request.messages : [];
  const chars = messages.reduce<number>((sum, m) => sum + JSON.stringify((m as { content?: unknown } | null)?.content ?? '').length, 0);
  const completion = [request.max_completion_tokens, request.max_tokens].find((v): v is number => typeof v === 'number' && v > 0) ?? 0;
  return Math.ceil(chars / 4) + completion;
}
