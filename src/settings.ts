// Defaults named once: what the commands and the core share.

/** The variable holding the API key unless --api-key-env names another. */
export const DEFAULT_API_KEY_ENV = 'OPENAI_API_KEY';
/** A judge or verifier request's time limit when the run sets none. */
export const JUDGE_TIMEOUT_MS = 120_000;
/** Retries of a judge or verifier request. */
export const JUDGE_MAX_RETRIES = 4;
/** A sample's time limit when neither --timeout nor the suite sets one: long enough for reasoning models. */
export const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/** Retries per request (408/409/429/5xx, dropped connections, malformed replies) unless --max-retries says. */
export const DEFAULT_MAX_RETRIES = 6;
/** Requests in flight at once unless --concurrency says. */
export const DEFAULT_CONCURRENCY = 8;
/** A run with a larger share of failed samples fails (exit 1); one where every sample failed is aborted (exit 3). */
export const DEFAULT_MAX_ERROR_RATE = 0.5;
/** Where --cache keeps replies when it names no folder. */
export const DEFAULT_CACHE_DIR = '.thinkbench-cache';
/**
 * A result whose JSON would pass this many bytes is written split: a small JSON head and its samples
 * in a JSONL sidecar (src/result/writer.ts). THINKBENCH_INLINE_LIMIT_BYTES overrides it (tests, tools).
 */
export const INLINE_LIMIT_BYTES = Number(process.env.THINKBENCH_INLINE_LIMIT_BYTES) || 64 * 1024 * 1024;
