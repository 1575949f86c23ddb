// `thinkbench run`: parse flags, load suites, pick the endpoint, run each suite, apply the --fail-under gate.
import { z } from 'zod';
import { invalidInput, ThinkbenchError } from '../errors.js';
import { createModelClient } from '../model/openai.js';
import { renderSummary } from '../report/summary.js';
import { openCache } from '../run/cache.js';
import { runSuite } from '../run/run-suite.js';
import { SELECTIONS } from '../schema/result.js';
import { DEFAULT_API_KEY_ENV, DEFAULT_CACHE_DIR, DEFAULT_CONCURRENCY, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../settings.js';
import { filterCases } from '../suite/filter.js';
import { loadSuite } from '../suite/load.js';
import { resolveEndpoint } from './endpoint.js';
import { onInterrupt } from './interrupt.js';
import { flag, parseFlags } from './options.js';
import { startProgress } from './progress-display.js';

/** The flags commander passes, checked and converted: the one source of their types. */
export const RunFlags = z.object({
  baseUrl: z.string().optional(),
  model: z.string().optional(),
  apiKeyEnv: z.string().default(DEFAULT_API_KEY_ENV),
  samples: flag.count('--samples').optional(),
  concurrency: flag.count('--concurrency').default(DEFAULT_CONCURRENCY),
  timeout: flag.duration('--timeout').optional(),
  timeBudget: flag.duration('--time-budget').optional(),
  maxRetries: flag.count('--max-retries', 0).default(DEFAULT_MAX_RETRIES),
  param: flag.params(),
  filter: z.string().optional(),
  out: z.string().optional(),
  resume: z.string().optional(),
  failUnder: flag.fraction('--fail-under').optional(),
  onTimeout: z.enum(['error', 'answer']).default('error'),
  select: z.enum(SELECTIONS).default('majority'),
  verifier: z.string().default('judge'),
  judgeModel: z.string().optional(),
  cache: z.union([z.string(), z.boolean()]).optional(),
  junit: z.string().optional(),
  stream: z.boolean().default(true),
  quiet: z.boolean().optional(),
});
export type RunFlags = z.infer<typeof RunFlags>;

/** Runs each suite in turn; exit code 1 when a suite falls under --fail-under, 130 on Ctrl-C. */
export async function runCommand(suitePaths: string[], rawFlags: unknown): Promise<void> {
  const flags = parseFlags(RunFlags, rawFlags);
  if ((flags.out || flags.resume || flags.junit) && suitePaths.length > 1) throw invalidInput('--out, --resume and --junit name one file each, so they take one suite.');
  const timeoutMs = flags.timeout ?? DEFAULT_TIMEOUT_MS;
  const cache = flags.cache ? openCache(flags.cache === true ? DEFAULT_CACHE_DIR : flags.cache) : undefined;
  const onAdapt = (a: { param: string; reason: string; action: string }) => console.warn(`thinkbench: the endpoint refused "${a.param}": ${a.reason} It was ${a.action} for the rest of the run.`);
  const settings = { samplesOverride: flags.samples, concurrency: flags.concurrency, timeoutMs, params: flags.param, onTimeout: flags.onTimeout, selection: flags.select, stream: flags.stream, cache, onAdapt };
  const suites = [];
  for (const path of suitePaths) suites.push(await loadSuite(path)); // one by one: the first bad suite is the one reported
  for (const suite of suites) {
    suite.cases = filterCases(suite.cases, flags.filter);
    if (!suite.cases.length) throw invalidInput(`${suite.path}: no case id matches --filter "${flags.filter}".`);
    // --timeout beats the suite's own timeouts; a case without one gets the default.
    if (flags.timeout !== undefined) suite.cases = suite.cases.map((c) => ({ ...c, timeoutMs }));
  }
  // The SDK's per-attempt limit: the longest any sample may take, so it never cuts a sample short.
  const longestMs = Math.max(timeoutMs, ...suites.flatMap((s) => s.cases.map((c) => c.timeoutMs ?? 0)));
  const deadline = flags.timeBudget === undefined ? undefined : Date.now() + flags.timeBudget;

  const endpoint = await resolveEndpoint(flags);
  const interrupt = onInterrupt();
  const failed: string[] = [];
  try {
    if (endpoint.simulated) console.log(`No endpoint configured: running on the built-in simulated model (${endpoint.defaultModel}); set --base-url or OPENAI_API_KEY for a real one.`);
    const client = createModelClient({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey, timeoutMs: longestMs, maxRetries: flags.maxRetries });
    for (const suite of suites) {
      const model = flags.model ?? (endpoint.simulated ? endpoint.defaultModel : suite.model);
      if (!model) throw invalidInput(`${suite.path}: no model to run; pass --model or set "model" in the suite.`);
      // --time-budget covers the whole run: each suite gets what the ones before it left.
      const budget = deadline === undefined ? {} : { timeBudgetMs: Math.max(1, deadline - Date.now()) };
      let progress: ReturnType<typeof startProgress> | undefined;
      const run = await runSuite({
        suite, client, endpoint, model,
        settings: { ...settings, ...budget },
        out: flags.out, resume: flags.resume, junit: flags.junit, verifier: flags.verifier, judgeModel: flags.judgeModel,
        signal: interrupt.signal,
        onStart: ({ total, reused }) => {
          if (flags.resume) console.log(`Resuming ${flags.resume}: ${reused} finished samples reused.`);
          progress = startProgress(suite.name, total, () => client.stats.retries, !flags.quiet);
        },
        onSample: (sample) => progress?.add(sample),
      }).finally(() => progress?.stop());
      const { result, out } = run;
      console.log(`${renderSummary(result)}\nResult written to ${out}${result.complete ? '' : ` (partial; continue with --resume ${out})`}`);
      if (interrupt.signal.aborted) break;
      if (flags.failUnder !== undefined && result.summary.accuracy < flags.failUnder) failed.push(`${suite.name} scored ${result.summary.accuracy.toFixed(3)}`);
    }
  } finally {
    interrupt.dispose();
    await endpoint.close();
  }
  if (interrupt.signal.aborted) throw new ThinkbenchError('interrupted', 'Interrupted: the partial result was written; continue it with --resume.');
  if (failed.length) throw new ThinkbenchError('gate_failed', `Under --fail-under ${flags.failUnder}: ${failed.join(', ')}.`);
}
