// Concurrency that adapts to an endpoint's limits: paces to the budget its x-ratelimit-* headers report, halves on 429s.
import { hasBudget, type RateBudget, type RateHeaders } from '../model/rate-headers.js';
import { wait } from '../model/retry.js';

/** What runQueued reads: how many may be in flight now, and (optionally) a wait before each start. */
export interface Concurrency {
  limit(): number;
  /** Resolves true when the next item may start (and counts it as started), false once `signal` aborts. */
  ready?(signal: AbortSignal): Promise<boolean>;
}

export interface RateControllerOptions {
  /** Never more than this many in flight. */
  ceiling: number;
  /** Where the limit starts; it grows while nothing is refused. Default: min(ceiling, 4). */
  initial?: number;
  /** Share of each budget kept unspent, so the estimate's errors do not cost 429s. Default 0.02. */
  reserve?: number;
  /**
   * Starts this long before a reported request's `sentAt` are also charged against its report: a
   * start is counted when granted, a little before its fetch, so a burst of grants can reach the
   * server after the reported request. Default 50 ms.
   */
  sendLagMs?: number;
  /** Milliseconds on the clock that `sentAt` uses; performance.now() by default. */
  now?: () => number;
}

/** Counters for the result and the benchmark. */
export interface RateStats {
  responses: number;
  throttled: number;
  /** Times the limit was halved. */
  decreases: number;
  /** Milliseconds spent waiting for the budget before starts. */
  pacedMs: number;
  /** Tokens a request takes, as estimated from the headers; null until known. */
  tokensPerRequest: number | null;
}

/** The adaptive limit: feed it every response (`observe`), hand it to runQueued as its concurrency and to the client's retries (`ready`). */
export interface RateController extends Concurrency {
  /** Also the client's `beforeRetry`: a re-send is a start the budget must take, paced and counted like a fresh one. */
  ready(signal: AbortSignal): Promise<boolean>;
  /** Milliseconds the next start must wait now; 0 when it may go. */
  delayMs(): number;
  /** Records a start now (ready() calls it). */
  started(): void;
  /** One HTTP response: its status, rate headers and when its request was sent (same clock as `now`). */
  observe(rate: RateHeaders, status: number, sentAt: number): void;
  /** The most it will ever allow in flight. */
  readonly ceiling: number;
  readonly stats: RateStats;
}

/** The last word of one budget dimension, with the refill rate and per-request cost estimated from the headers. */
interface Mirror {
  sentAt: number;
  remaining: number;
  capacity: number;
  refillPerMs: number;
  /** Budget each request takes: 1 for requests, estimated for tokens. */
  cost: number | null;
}

const SMOOTHING = 0.05;
const IN_FLIGHT_MARGIN = 1.25;
const PRUNE_AFTER_MS = 120_000;

/**
 * A controller with two parts. Pacing: while the endpoint reports a budget, a local mirror of it
 * (the last reported remaining, plus the refill since that request was sent, less what was sent
 * after it) lets a start go only when the budget can take it, so the run spends the budget at the
 * rate it refills. AIMD: the in-flight limit starts small, grows by one per success (doubling each
 * round trip until the first 429, then one per round trip) and halves on a 429 that came without
 * a budget (once per round trip); a Retry-After pauses every start for that long.
 */
export function createRateController(options: RateControllerOptions): RateController {
  const now = options.now ?? (() => performance.now());
  const ceiling = Math.max(1, Math.floor(options.ceiling));
  const reserve = options.reserve ?? 0.02;
  const sendLagMs = options.sendLagMs ?? 50;
  let current = Math.min(ceiling, options.initial ?? 4);
  let slowStart = true;
  let lastDecreaseAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  const starts: number[] = [];
  let firstStart = 0; // index of the oldest kept start
  const mirrors: { requests?: Mirror; tokens?: Mirror } = {};
  let spent = 0; // decayed tokens spent between successive reports
  let counted = 0; // decayed requests started between them
  const stats: RateStats = { responses: 0, throttled: 0, decreases: 0, pacedMs: 0, tokensPerRequest: null };

  /** Starts after `t` (exclusive), up to `until` (inclusive). */
  const startsBetween = (t: number, until = Number.POSITIVE_INFINITY) => upperBound(starts, until, firstStart) - upperBound(starts, t, firstStart);

  const update = (dimension: 'requests' | 'tokens', budget: RateBudget, sentAt: number): void => {
    if (budget.remaining === null) return;
    const old = mirrors[dimension];
    if (old && sentAt < old.sentAt) return; // an older request's word is stale
    const capacity = budget.limit ?? Math.max(budget.remaining, old?.capacity ?? 0);
    const deficit = capacity - budget.remaining;
    const refillPerMs = deficit > 0 && budget.resetMs ? deficit / budget.resetMs : (old?.refillPerMs ?? capacity / 60_000);
    let cost = dimension === 'requests' ? 1 : (old?.cost ?? null);
    if (dimension === 'tokens') {
      const sent = old ? startsBetween(old.sentAt, sentAt) : upperBound(starts, sentAt, firstStart);
      const before = old ? Math.min(capacity, old.remaining + refillPerMs * (sentAt - old.sentAt)) : capacity;
      // Only a budget that was not refilled to the brim tells what the requests in between took:
      // their spend over their count, both decayed, so a pair with many requests weighs more.
      // A pair with no start between them still counts its spend: the grants of a burst all come before
      // their fetches, so skipping such pairs would drop real spending and read the cost low.
      if (old && before < capacity) {
        spent = spent * (1 - SMOOTHING) + Math.max(0, before - budget.remaining);
        counted = counted * (1 - SMOOTHING) + sent;
        if (counted > 0) cost = spent / counted;
      } else if (cost === null && sent > 0) {
        // The first report, from a full budget: what the requests so far took.
        spent = Math.max(0, deficit);
        counted = sent;
        cost = spent / counted;
      }
    }
    mirrors[dimension] = { sentAt, remaining: budget.remaining, capacity, refillPerMs, cost };
    if (dimension === 'tokens') stats.tokensPerRequest = cost;
  };

  const waitFor = (mirror: Mirror | undefined, at: number): number => {
    if (!mirror || mirror.cost === null || mirror.refillPerMs <= 0) return 0;
    const refilled = Math.min(mirror.capacity, mirror.remaining + mirror.refillPerMs * (at - mirror.sentAt));
    // What was sent since is charged with a margin: with many in flight, an estimate 20% low overspends.
    const available = refilled - mirror.cost * IN_FLIGHT_MARGIN * startsBetween(mirror.sentAt - sendLagMs);
    const needed = mirror.cost + reserve * mirror.capacity;
    return available >= needed ? 0 : (needed - available) / mirror.refillPerMs;
  };

  const delayMs = () => {
    const at = now();
    return Math.max(0, pausedUntil - at, waitFor(mirrors.requests, at), waitFor(mirrors.tokens, at));
  };

  const started = () => {
    const at = now();
    starts.push(at);
    while (firstStart < starts.length && starts[firstStart]! < at - PRUNE_AFTER_MS) firstStart++;
    if (firstStart > 4096) {
      starts.splice(0, firstStart);
      firstStart = 0;
    }
  };

  const observe = (rate: RateHeaders, status: number, sentAt: number) => {
    stats.responses++;
    update('requests', rate.requests, sentAt);
    update('tokens', rate.tokens, sentAt);
    if (status === 429) {
      stats.throttled++;
      if (rate.retryAfterMs !== null) pausedUntil = Math.max(pausedUntil, now() + rate.retryAfterMs);
      // With a reported budget the pacing corrects itself from these very headers: the limit stays.
      // Without one, halve; requests sent before the last decrease were sent at the old limit: not news.
      if (!hasBudget(rate) && sentAt >= lastDecreaseAt) {
        current = Math.max(1, current / 2);
        slowStart = false;
        lastDecreaseAt = now();
        stats.decreases++;
      }
    } else if (status < 400) {
      current = Math.min(ceiling, current + (slowStart ? 1 : 1 / current));
    }
  };

  const ready = async (signal: AbortSignal) => {
    for (;;) {
      if (signal.aborted) return false;
      const delay = delayMs();
      if (delay <= 0) {
        started();
        return true;
      }
      stats.pacedMs += delay;
      if (!(await wait(Math.max(1, delay), signal))) return false;
    }
  };

  return { limit: () => Math.max(1, Math.floor(current)), ready, delayMs, started, observe, ceiling, stats };
}

/** A fixed concurrency, as runQueued reads it. */
export function fixedConcurrency(n: number): Concurrency {
  return { limit: () => n };
}

/** Index of the first element greater than `value` in the sorted `values`, searching from `from`. */
function upperBound(values: readonly number[], value: number, from: number): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
