// The benchmark's shared pieces: the workload (a suite, and the same requests as plain SDK calls) and child-process plumbing.
import { readFileSync } from 'node:fs';
import type { ChatMessage, Params, Suite } from '../src/schema/suite.js';
import { planRequests } from '../src/run/plan.js';
import { arithmeticSuite } from '../test/helpers/suites.js';

/** The simulated model, and the settings both clients share (thinkbench's CLI defaults). */
export const MODEL = 'thinkbench-sim';
export const MAX_RETRIES = 6;
export const TIMEOUT_MS = 600_000;
/** A child prints its result as one line starting with this, so stray output cannot break parsing. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** One request as the bare SDK sends it: exactly what thinkbench plans for the same sample. */
export interface PlainRequest {
  messages: ChatMessage[];
  params: Params;
}

/** `cases` arithmetic questions, `samples` samples each, and the plan thinkbench would send for them. */
export function workload(cases: number, samples: number): { suite: Suite; requests: PlainRequest[] } {
  const suite = arithmeticSuite(cases, samples);
  const requests = [...planRequests(suite.cases, { samples, params: {} })].map(({ messages, params }) => ({ messages, params }));
  return { suite, requests };
}

/** Samples this process's RSS every `everyMs`; `stop()` returns the peak in bytes. */
export function sampleRss(everyMs = 20): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** CPU time (user + system, ms) a process has used so far, from /proc; null where there is no /proc. */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the ")" that ends the command name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()!.trim().split(' ');
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** maxRSS of this process so far, in bytes (Node reports kilobytes). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * thinkbench's `evaluate()` on `suite` against the simulated endpoint at `url`, as both bench children
 * run it; `from` is where thinkbench's modules come from (src under tsx, or dist).
 */
export async function evaluateOn(from: string, url: string, suite: Suite, options: { concurrency: number; stream: boolean }) {
  const { evaluate } = (await import(`../${from}/run/evaluate.js`)) as typeof import('../src/run/evaluate.js');
  const { createModelClient } = (await import(`../${from}/model/openai.js`)) as typeof import('../src/model/openai.js');
  const client = createModelClient({ baseUrl: url, timeoutMs: TIMEOUT_MS, maxRetries: MAX_RETRIES });
  return evaluate({ suite, client, model: MODEL, baseUrl: url, simulated: true, timeoutMs: TIMEOUT_MS, ...options });
}
