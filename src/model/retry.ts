// The one retry loop for model requests: the SDK's rules and schedule, but every wait can be cut short.
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { ProtocolError, StreamBrokenError } from './protocol.js';

/** Milliseconds to wait before retry number `retry` (0 for the first retry). */
export type Backoff = (retry: number) => number;

/** The SDK's schedule: 0.5 s doubling to 8 s, less up to 25% jitter. */
export const sdkBackoff: Backoff = (retry) => Math.min(500 * 2 ** retry, 8000) * (1 - Math.random() * 0.25);

/** While no reply has ever come, a refused connection or a failed DNS lookup is retried this often, this fast. */
export const UNREACHABLE_RETRIES = 2;
const UNREACHABLE_BACKOFF: Backoff = (retry) => 250 * 2 ** retry;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface RetryOptions {
  maxRetries: number;
  backoffMs: Backoff;
  /** The request's signal: its deadline or the run's stop ends any wait at once. */
  signal: AbortSignal;
  onRetry: () => void;
  /** True once the endpoint has answered anything: refused connections are then ordinary faults. */
  reached: () => boolean;
  /**
   * Awaited after the backoff, before each re-send: the rate controller's pacing (`ready`), so retries
   * keep to the budget rather than arriving in a burst when a shared Retry-After ends. False: `signal` aborted.
   */
  beforeResend?: ((signal: AbortSignal) => Promise<boolean>) | undefined;
}

/**
 * A retry the request's signal cut short: the deadline or the run's stop came while waiting.
 * `askedMs` is how long the server asked to wait (Retry-After), when it asked.
 */
export class RetryCutShort extends Error {
  override name = 'RetryCutShort';
  constructor(
    readonly last: unknown,
    readonly askedMs: number | undefined,
  ) {
    super('the retry was cut short', { cause: last });
  }
}

/**
 * Sends until `send` succeeds, the error is not worth retrying, or retries run out. Retried like
 * the SDK: 408, 409, 429, 5xx, `x-should-retry: true`, dropped connections, broken streams and
 * replies that are not the protocol; `Retry-After`/`retry-after-ms` are honoured. Unlike the SDK's
 * sleep, each wait ends when `signal` aborts (Ctrl-C, the time budget, the sample's deadline);
 * `beforeResend`, when given, is awaited last, so a re-send also waits for the rate controller.
 */
export async function withRetries<T>(send: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await send();
    } catch (error) {
      const plan = retryPlan(error);
      if (!plan.retry || options.signal.aborted) throw error;
      const fast = plan.unreachable && !options.reached();
      if (retry >= (fast ? Math.min(UNREACHABLE_RETRIES, options.maxRetries) : options.maxRetries)) throw error;
      options.onRetry();
      const waitMs = plan.askedMs ?? (fast ? UNREACHABLE_BACKOFF : options.backoffMs)(retry);
      if (!(await wait(waitMs, options.signal))) throw new RetryCutShort(error, plan.askedMs);
      if (options.beforeResend && !(await options.beforeResend(options.signal))) throw new RetryCutShort(error, plan.askedMs);
    }
  }
}

type Plan = { retry: false } | { retry: true; askedMs?: number; unreachable: boolean };

/** Whether an error is worth another attempt, and how long the server asked to wait. */
export function retryPlan(error: unknown): Plan {
  if (error instanceof APIUserAbortError) return { retry: false };
  if (error instanceof APIConnectionError) return { retry: true, unreachable: UNREACHABLE_CODES.has(connectionCode(error) ?? '') };
  if (error instanceof APIError) {
    const should = error.headers?.get('x-should-retry');
    const status = error.status ?? 0;
    const retry = should === 'true' || (should !== 'false' && (status === 408 || status === 409 || status === 429 || status >= 500));
    if (!retry) return { retry: false };
    const askedMs = retryAfterMs(error.headers);
    return { retry: true, unreachable: false, ...(askedMs !== undefined && { askedMs }) };
  }
  if (error instanceof StreamBrokenError || error instanceof ProtocolError) return { retry: true, unreachable: false };
  return { retry: false };
}

/** `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date, as the SDK reads them. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers?.get('retry-after');
  if (!after) return undefined;
  const seconds = Number.parseFloat(after);
  const fromDate = Date.parse(after) - Date.now();
  const value = Number.isNaN(seconds) ? fromDate : seconds * 1000;
  return Number.isFinite(value) ? Math.max(0, value) : undefined;
}

/** The reason fetch gives two causes deep (ECONNREFUSED), or among an AggregateError's errors. */
export function connectionCode(error: APIConnectionError): string | undefined {
  type Cause = { code?: string; cause?: Cause; errors?: Cause[] };
  const cause = (error as { cause?: Cause }).cause;
  const inner = cause?.cause;
  return inner?.code ?? inner?.errors?.[0]?.code ?? cause?.code;
}

/** Resolves true after `ms`, or false as soon as `signal` aborts; leaves no timer behind. */
export function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (finished: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve(finished);
    };
    const stop = () => done(false);
    // setTimeout wraps past 2^31 - 1 ms into an immediate timer.
    const timer = setTimeout(() => done(true), Math.min(ms, 2_147_483_647));
    signal.addEventListener('abort', stop, { once: true });
  });
}
