// `thinkbench run`: parse flags, load suites, pick the endpoint, run each suite, apply the --fail-under gate.
import { invalidInput, ThinkbenchError } from '../errors.js';
import type { Selection } from '../schema/result.js';
import { createModelClient } from '../model/openai.js';
import { openCache } from '../run/cache.js';
import { filterCases } from '../suite/filter.js';
import { loadSuite } from '../suite/load.js';
import { resolveEndpoint } from './endpoint.js';
import { onInterrupt } from './interrupt.js';
import { parseCount, parseDurationFlag, parseFraction, parseParams } from './options.js';
import { runSuite } from './run-suite.js';

export interface RunFlags {
  baseUrl?: string;
  model?: string;
  apiKeyEnv: string;
  samples?: string;
  concurrency: string;
  timeout?: string;
  timeBudget?: string;
  maxRetries: string;
  param: string[];
  filter?: string;
  out?: string;
  resume?: string;
  failUnder?: string;
  onTimeout: 'error' | 'answer';
  select: Selection;
  verifier: string;
  judgeModel?: string;
  cache?: string | boolean;
  junit?: string;
  stream: boolean;
  quiet?: boolean;
}

const DEFAULT_CACHE_DIR = '.thinkbench-cache';
/** A sample's time limit when neither --timeout nor the suite sets one: long enough for reasoning models. */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Runs each suite in turn; exit code 1 when a suite falls under --fail-under, 130 on Ctrl-C. */
export async function runCommand(suitePaths: string[], flags: RunFlags): Promise<void> {
  if ((flags.out || flags.resume || flags.junit) && suitePaths.length > 1) {
    throw invalidInput('--out, --resume and --junit name one file each, so they take one suite.');
  }
  const settings = {
    samplesOverride: flags.samples === undefined ? undefined : parseCount(flags.samples, '--samples'),
    concurrency: parseCount(flags.concurrency, '--concurrency'),
    timeoutMs: flags.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseDurationFlag(flags.timeout, '--timeout'),
    params: parseParams(flags.param),
    onTimeout: flags.onTimeout,
    selection: flags.select,
    stream: flags.stream,
    ...(flags.cache && { cache: openCache(flags.cache === true ? DEFAULT_CACHE_DIR : flags.cache) }),
  };
  const maxRetries = parseCount(flags.maxRetries, '--max-retries', 0);
  const failUnder = flags.failUnder === undefined ? undefined : parseFraction(flags.failUnder, '--fail-under');
  const timeBudgetMs = flags.timeBudget === undefined ? undefined : parseDurationFlag(flags.timeBudget, '--time-budget');
  const suites = [];
  for (const path of suitePaths) suites.push(await loadSuite(path)); // one by one: the first bad suite is the one reported
  for (const suite of suites) {
    suite.cases = filterCases(suite.cases, flags.filter);
    if (!suite.cases.length) throw invalidInput(`${suite.path}: no case id matches --filter "${flags.filter}".`);
    // --timeout beats the suite's own timeouts; a case without one gets the default.
    if (flags.timeout !== undefined) suite.cases = suite.cases.map((c) => ({ ...c, timeoutMs: settings.timeoutMs }));
  }
  // The SDK's per-attempt limit: the longest any sample may take, so it never cuts a sample short.
  const longestMs = Math.max(settings.timeoutMs, ...suites.flatMap((s) => s.cases.map((c) => c.timeoutMs ?? 0)));
  const deadline = timeBudgetMs === undefined ? undefined : Date.now() + timeBudgetMs;

  const endpoint = await resolveEndpoint(flags);
  const interrupt = onInterrupt();
  const failed: string[] = [];
  try {
    if (endpoint.simulated) {
      console.log(`No endpoint configured: running on the built-in simulated model (${endpoint.defaultModel}); set --base-url or OPENAI_API_KEY for a real one.`);
    }
    const client = createModelClient({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey, timeoutMs: longestMs, maxRetries });
    for (const suite of suites) {
      const model = flags.model ?? (endpoint.simulated ? endpoint.defaultModel : suite.model);
      if (!model) throw invalidInput(`${suite.path}: no model to run; pass --model or set "model" in the suite.`);
      // --time-budget covers the whole run: each suite gets what the ones before it left.
      const budget = deadline === undefined ? {} : { timeBudgetMs: Math.max(1, deadline - Date.now()) };
      const result = await runSuite({ suite, client, endpoint, model, settings: { ...settings, ...budget }, flags, signal: interrupt.signal });
      if (interrupt.signal.aborted) break;
      if (failUnder !== undefined && result.summary.accuracy < failUnder) failed.push(`${suite.name} scored ${result.summary.accuracy.toFixed(3)}`);
    }
  } finally {
    interrupt.dispose();
    await endpoint.close();
  }
  if (interrupt.signal.aborted) throw new ThinkbenchError('interrupted', 'Interrupted: the partial result was written; continue it with --resume.');
  if (failed.length) throw new ThinkbenchError('gate_failed', `Under --fail-under ${failUnder}: ${failed.join(', ')}.`);
}
