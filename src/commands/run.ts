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
  timeout: string;
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

export const DEFAULT_CACHE_DIR = '.thinkbench-cache';

/** Runs each suite in turn; exit code 1 when a suite falls under --fail-under, 130 on Ctrl-C. */
export async function runCommand(suitePaths: string[], flags: RunFlags): Promise<void> {
  if ((flags.out || flags.resume || flags.junit) && suitePaths.length > 1) {
    throw invalidInput('--out, --resume and --junit name one file each, so they take one suite.');
  }
  const settings = {
    samplesOverride: flags.samples === undefined ? undefined : parseCount(flags.samples, '--samples'),
    concurrency: parseCount(flags.concurrency, '--concurrency'),
    timeoutMs: parseDurationFlag(flags.timeout, '--timeout'),
    timeBudgetMs: flags.timeBudget === undefined ? undefined : parseDurationFlag(flags.timeBudget, '--time-budget'),
    params: parseParams(flags.param),
    onTimeout: flags.onTimeout,
    selection: flags.select,
    stream: flags.stream,
    ...(flags.cache && { cache: openCache(flags.cache === true ? DEFAULT_CACHE_DIR : flags.cache) }),
  };
  const maxRetries = parseCount(flags.maxRetries, '--max-retries', 0);
  const failUnder = flags.failUnder === undefined ? undefined : parseFraction(flags.failUnder, '--fail-under');
  const suites = await Promise.all(suitePaths.map(loadSuite));
  for (const suite of suites) {
    suite.cases = filterCases(suite.cases, flags.filter);
    if (!suite.cases.length) throw invalidInput(`${suite.path}: no case id matches --filter "${flags.filter}".`);
  }

  const endpoint = await resolveEndpoint(flags);
  const interrupt = onInterrupt();
  const failed: string[] = [];
  try {
    if (endpoint.simulated) {
      console.log(`No endpoint configured: running on the built-in simulated model (${endpoint.defaultModel}); set --base-url or OPENAI_API_KEY for a real one.`);
    }
    const client = createModelClient({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey, timeoutMs: settings.timeoutMs, maxRetries });
    for (const suite of suites) {
      const model = flags.model ?? (endpoint.simulated ? endpoint.defaultModel : suite.model);
      if (!model) throw invalidInput(`${suite.path}: no model to run; pass --model or set "model" in the suite.`);
      const result = await runSuite({ suite, client, endpoint, model, settings, flags, signal: interrupt.signal });
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
