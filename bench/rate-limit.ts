// Rate-limit benchmark: a simulated endpoint enforcing RPM and TPM; thinkbench's adaptive controller beside the bare SDK at a fixed concurrency.
// Run: npx tsx bench/rate-limit.ts [requests] [sdkConcurrency]   (prints figures, asserts nothing)
import OpenAI from 'openai';
import pLimit from 'p-limit';
import { startMockServer, type MockServer } from '../src/mock/server.js';
import { tokenCost, type RateLimitOptions } from '../src/mock/rate-limit.js';
import { createModelClient } from '../src/model/openai.js';
import { createRateController } from '../src/run/rate-limit.js';
import { runQueued } from '../src/run/schedule.js';
import { MAX_RETRIES, MODEL, TIMEOUT_MS, workload, type PlainRequest } from './workload.js';

const REQUESTS = Number(process.argv[2] ?? 2400);
const SDK_CONCURRENCY = Number(process.argv[3] ?? 16);
const CEILING = 64;
/** 600 RPM and 60,000 TPM, on a minute sped up tenfold, so a run takes about half a minute. */
const LIMITS: Required<Pick<RateLimitOptions, 'requestsPerMinute' | 'tokensPerMinute' | 'minuteMs'>> = {
  requestsPerMinute: 600,
  tokensPerMinute: 60_000,
  minuteMs: 6_000,
};
const LATENCY_MS = 60;
const MAX_COMPLETION_TOKENS = 120;

interface Figures {
  name: string;
  wallMs: number;
  replies: number;
  failed: number;
  sent: number;
  refused429: number;
  /** Replies the limits allowed in the run's wall time: the full buckets plus their refill. */
  allowed: number;
}

const requests: PlainRequest[] = workload(REQUESTS, 1).requests.map((r) => ({
  messages: r.messages,
  params: { ...r.params, max_completion_tokens: MAX_COMPLETION_TOKENS },
}));
const meanCost = requests.reduce((sum, r) => sum + tokenCost({ messages: r.messages, max_completion_tokens: MAX_COMPLETION_TOKENS }), 0) / requests.length;

/** Replies the limits allow in `wallMs`: the full bucket (`burst`) plus its refill, in requests, the tighter of the two limits. */
function allowedIn(wallMs: number, burst = 1): number {
  const byRequests = LIMITS.requestsPerMinute * (burst + wallMs / LIMITS.minuteMs);
  const byTokens = (LIMITS.tokensPerMinute * (burst + wallMs / LIMITS.minuteMs)) / meanCost;
  return Math.min(byRequests, byTokens);
}

async function measured(name: string, run: (server: MockServer) => Promise<{ replies: number; failed: number }>, sendHeaders = true): Promise<Figures> {
  const server = await startMockServer({ latencyMs: LATENCY_MS, rateLimit: { ...LIMITS, sendHeaders } });
  try {
    const started = performance.now();
    const { replies, failed } = await run(server);
    const wallMs = performance.now() - started;
    const refused429 = server.stats.byStatus['429'] ?? 0;
    return { name, wallMs, replies, failed, sent: server.stats.requests, refused429, allowed: allowedIn(wallMs) };
  } finally {
    await server.close();
  }
}

async function thinkbench(server: MockServer): Promise<{ replies: number; failed: number }> {
  const controller = createRateController({ ceiling: CEILING });
  const client = createModelClient({
    baseUrl: server.url,
    timeoutMs: TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
    onRateHeaders: controller.observe,
    beforeRetry: controller.ready,
  });
  let replies = 0;
  let failed = 0;
  const run = new AbortController();
  await runQueued(requests, controller, run.signal, async ({ messages, params }) => {
    try {
      // Each request its own signal, as runSample gives them: one shared signal gathers thousands of listeners.
      await client.chat({ model: MODEL, messages, params, stream: false, signal: new AbortController().signal });
      replies++;
    } catch {
      failed++;
    }
  });
  console.log(
    `  thinkbench controller: limit ${controller.limit()}, ${controller.stats.decreases} decreases, paced ${(controller.stats.pacedMs / 1000).toFixed(1)} s`,
  );
  return { replies, failed };
}

async function bareSdk(server: MockServer): Promise<{ replies: number; failed: number }> {
  const sdk = new OpenAI({ baseURL: server.url, apiKey: 'no-key', timeout: TIMEOUT_MS, maxRetries: MAX_RETRIES });
  const limit = pLimit(SDK_CONCURRENCY);
  let replies = 0;
  let failed = 0;
  await Promise.all(
    requests.map(({ messages, params }) =>
      limit(async () => {
        try {
          await sdk.chat.completions.create({ ...params, model: MODEL, messages, stream: false } as OpenAI.ChatCompletionCreateParamsNonStreaming);
          replies++;
        } catch {
          failed++;
        }
      }),
    ),
  );
  return { replies, failed };
}

function line(f: Figures): string {
  const share = (100 * f.replies) / f.allowed;
  // Past the first full bucket: what the refill alone allowed.
  const steady = (100 * (f.replies - allowedIn(0))) / allowedIn(f.wallMs, 0);
  const rate429 = (100 * f.refused429) / f.sent;
  return [
    f.name.padEnd(30),
    `${(f.wallMs / 1000).toFixed(1)} s`.padStart(8),
    `${f.replies} ok / ${f.failed} failed`.padStart(20),
    `${(f.replies / (f.wallMs / 1000)).toFixed(1)} req/s`.padStart(13),
    `${share.toFixed(1)}% of limit`.padStart(17),
    `(${steady.toFixed(1)}% of refill)`.padStart(19),
    `${f.refused429}/${f.sent} = ${rate429.toFixed(2)}% 429s`.padStart(24),
  ].join('  ');
}

const steadyRps = Math.min(LIMITS.requestsPerMinute, LIMITS.tokensPerMinute / meanCost) / (LIMITS.minuteMs / 1000);
console.log(
  `rate-limit bench: ${requests.length} requests of ~${meanCost.toFixed(0)} tokens; limits ${LIMITS.requestsPerMinute} RPM, ${LIMITS.tokensPerMinute} TPM ` +
    `on a ${LIMITS.minuteMs / 1000} s minute (steady ${steadyRps.toFixed(1)} req/s after a full bucket); latency ${LATENCY_MS} ms`,
);
console.log(
  '  "of limit": replies / (full bucket + its refill over the wall time); "of refill": replies past the first full bucket / the refill; the tighter of requests and tokens',
);
const results = [
  await measured(`thinkbench adaptive (<= ${CEILING})`, thinkbench),
  await measured(`bare openai SDK, concurrency ${SDK_CONCURRENCY}`, bareSdk),
  // The same limits with no x-ratelimit-* headers: only 429s and Retry-After to go by (AIMD).
  await measured('thinkbench, 429s only (no headers)', thinkbench, false),
];
for (const f of results) console.log(line(f));
