// Reads an endpoint's rate-limit headers (`x-ratelimit-*`, as OpenAI, Azure, Groq and vLLM gateways send them) into numbers.

/** One dimension of a rate limit: the budget, what is left of it, and how long until it is full again. */
export interface RateBudget {
  limit: number | null;
  remaining: number | null;
  /** Milliseconds until the budget is back to `limit`. */
  resetMs: number | null;
}

/** What one response said about the endpoint's limits; null dimensions were not sent. */
export interface RateHeaders {
  requests: RateBudget;
  tokens: RateBudget;
  /** `retry-after-ms` or `Retry-After`, when sent. */
  retryAfterMs: number | null;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;

/** `6m0s`, `1.5s`, `250ms`, `1h2m` (OpenAI's form) or a bare number of seconds, in milliseconds; null otherwise. */
export function parseResetMs(text: string | null | undefined): number | null {
  const value = text?.trim();
  if (!value) return null;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value) * 1000;
  let total = 0;
  let read = 0;
  DURATION_PART.lastIndex = 0;
  for (let match = DURATION_PART.exec(value); match; match = DURATION_PART.exec(value)) {
    total += Number(match[1]) * UNITS[match[2]!]!;
    read = DURATION_PART.lastIndex;
  }
  return read === value.length ? total : null;
}

/** A duration in OpenAI's header form: `1m30s`, `2.5s`, `120ms`. */
export function formatResetMs(ms: number): string {
  const rounded = Math.max(0, Math.ceil(ms));
  if (rounded < 1000) return `${rounded}ms`;
  const minutes = Math.floor(rounded / 60_000);
  const seconds = (rounded % 60_000) / 1000;
  const secondsText = `${Number(seconds.toFixed(3))}s`;
  return minutes > 0 ? `${minutes}m${secondsText}` : secondsText;
}

function count(text: string | null): number | null {
  if (text === null || !/^\s*\d+(?:\.\d+)?\s*$/.test(text)) return null;
  return Number(text);
}

function budget(headers: Headers, dimension: 'requests' | 'tokens'): RateBudget {
  return {
    limit: count(headers.get(`x-ratelimit-limit-${dimension}`)),
    remaining: count(headers.get(`x-ratelimit-remaining-${dimension}`)),
    resetMs: parseResetMs(headers.get(`x-ratelimit-reset-${dimension}`)),
  };
}

/** `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date (as the SDK reads them). */
function retryAfter(headers: Headers): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers.get('retry-after');
  if (!after) return null;
  const seconds = Number.parseFloat(after);
  const value = Number.isNaN(seconds) ? Date.parse(after) - Date.now() : seconds * 1000;
  return Number.isFinite(value) ? Math.max(0, value) : null;
}

/** The rate-limit headers of a response; every field null when the endpoint sends none. */
export function readRateHeaders(headers: Headers): RateHeaders {
  return { requests: budget(headers, 'requests'), tokens: budget(headers, 'tokens'), retryAfterMs: retryAfter(headers) };
}

/** True when the response carried any remaining-budget header. */
export function hasBudget(rate: RateHeaders): boolean {
  return rate.requests.remaining !== null || rate.tokens.remaining !== null;
}
