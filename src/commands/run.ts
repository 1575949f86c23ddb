// `thinkbench run`: parse flags, load suites, pick the endpoint, run each suite, apply the --fail-under gate.
import { z } from 'zod';
import { formatDuration } from '../duration.js';
import { invalidInput, ThinkbenchError } from '../errors.js';
import { renderSummary } from '../report/summary.js';
import { DEFAULT_STOP_CONFIDENCE } from '../adaptive/stop-rule.js';
import { openCache } from '../run/cache.js';
import { resolvePricing, unknownPriceNote } from '../run/pricing.js';
import { createRateController } from '../run/rate-limit.js';
import { runGates } from '../run/run-gates.js';
import { takeThinkingBudget } from '../run/thinking-budget.js';
import { runSuite } from '../run/run-suite.js';
import { pointOutPath, sweepPoints } from '../run/sweep.js';
import { renderSweep } from '../report/sweep.js';
import { SELECTIONS } from '../schema/result.js';
import { sanitize } from '../report/sanitize.js';
import { DEFAULT_API_KEY_ENV, DEFAULT_CACHE_DIR, DEFAULT_CONCURRENCY, DEFAULT_MAX_ERROR_RATE, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../settings.js';
import { filterCases } from '../suite/filter.js';
import { loadSuite } from '../suite/load.js';
import { codeExecutionFor } from './code-execution.js';
import { batchSettings } from './batch-settings.js';
import { connect } from './connect.js';
import { resolveEndpoint } from './endpoint.js';
import { writeReport } from './report.js';
import { onInterrupt } from './interrupt.js';
import { flag, parseFlags } from './options.js';
import { startProgress } from './progress-display.js';

/** The flags commander passes, checked and converted: the one source of their types. */
export const RunFlags = z.object({
  baseUrl: z.array(z.string()).default([]),
  model: z.string().optional(),
  apiKeyEnv: z.string().default(DEFAULT_API_KEY_ENV),
  samples: flag.count('--samples').optional(),
  concurrency: z.union([z.literal('auto'), flag.count('--concurrency')]).default(DEFAULT_CONCURRENCY),
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
  report: z.string().optional(),
  stream: z.boolean().default(true),
  quiet: z.boolean().optional(),
  verbose: z.boolean().optional(),
  adaptive: z.boolean().optional(),
  adaptiveConfidence: flag.fraction('--adaptive-confidence').default(DEFAULT_STOP_CONFIDENCE),
  minSamples: flag.count('--min-samples').default(1),
  price: z.string().optional(),
  sweep: z.string().optional(),
  allowCodeExecution: z.boolean().optional(),
  allowCustomScorers: z.boolean().optional(),
  judgeApiKeyEnv: z.string().optional(),
  batch: z.boolean().optional(),
  thinkingBudget: flag.count('--thinking-budget').optional(),
  maxReplyBytes: flag.count('--max-reply-bytes').optional(),
  maxErrorRate: flag.fraction('--max-error-rate').default(DEFAULT_MAX_ERROR_RATE),
  codeTimeout: flag.duration('--code-timeout').optional(),
  shard: flag.shard().optional(),
});
export type RunFlags = z.infer<typeof RunFlags>;

/** A point's request parameters and thinking budget: `--sweep thinking_budget=...` sets the budget, never a parameter sent. */
function pointBudget(params: Record<string, unknown>, thinkingBudget: number | undefined) {
  const taken = takeThinkingBudget(params);
  const tokens = taken.tokens ?? thinkingBudget;
  return { params: taken.params, ...(tokens !== undefined && { thinkingBudget: tokens }) };
}

/** A variable named by --api-key-env must be set: a forgotten key must not silently switch endpoints. */
function checkKeyVariable(name: string, flagName: string): void {
  if (name !== DEFAULT_API_KEY_ENV && !process.env[name])
    throw invalidInput(`${flagName} names ${name}, but ${name} is not set; export it (or drop ${flagName}).`);
}

/** The simulated model's names: thinkbench-sim, thinkbench-sim-<NN>. */
function isSimulatedModel(model: string): boolean {
  return /^thinkbench-sim(?:-\d{1,3})?$/.test(model);
}

/** With no endpoint configured, only the simulator's models run: a real model's name means a forgotten key or URL. */
function checkSimulatedModel(model: string, from: string): void {
  if (isSimulatedModel(model)) return;
  throw invalidInput(
    `${from} asks for model "${model}", but no endpoint is configured: set OPENAI_API_KEY (for OpenAI) or --base-url / OPENAI_BASE_URL (for another server). ` +
      'Without either, only the built-in simulated model (thinkbench-sim) runs.',
  );
}

/** --concurrency auto never has more than this many requests in flight. */
const AUTO_CONCURRENCY_CEILING = 64;

/** Runs each suite in turn; exit code 1 when a suite falls under --fail-under, 130 on Ctrl-C. */
export async function runCommand(suitePaths: string[], rawFlags: unknown): Promise<void> {
  const flags = parseFlags(RunFlags, rawFlags);
  if ((flags.out || flags.resume || flags.junit || flags.report) && suitePaths.length > 1)
    throw invalidInput('--out, --resume, --junit and --report name one file each, so they take one suite.');
  const timeoutMs = flags.timeout ?? DEFAULT_TIMEOUT_MS;
  const cache = flags.cache ? openCache(flags.cache === true ? DEFAULT_CACHE_DIR : flags.cache) : undefined;
  const onAdapt = (a: { param: string; reason: string; action: string }) =>
    console.warn(sanitize(`thinkbench: the endpoint refused "${a.param}": ${a.reason} It was ${a.action} for the rest of the run.`));
  if (flags.adaptive && flags.samples === 1) console.warn('thinkbench: --adaptive with --samples 1 has nothing to save: every case gets its one sample.');
  if (flags.batch && flags.adaptive) throw invalidInput('--adaptive decides after each round, and a batch has no rounds; run adaptive runs without --batch.');
  if (flags.shard && flags.adaptive)
    throw invalidInput('--adaptive decides a case from all its samples in order, which no shard holds; run adaptive runs unsharded.');
  const adaptive = flags.adaptive ? { confidence: flags.adaptiveConfidence, minSamples: flags.minSamples } : undefined;
  // --concurrency auto: one controller paced by the endpoint's rate-limit headers and 429s.
  const rate = flags.concurrency === 'auto' ? createRateController({ ceiling: AUTO_CONCURRENCY_CEILING }) : undefined;
  const settings = {
    samplesOverride: flags.samples,
    concurrency: rate ?? (flags.concurrency as number),
    timeoutMs,
    params: flags.param,
    onTimeout: flags.onTimeout,
    selection: flags.select,
    stream: flags.stream,
    cache,
    onAdapt,
    adaptive,
    shard: flags.shard,
    allowCustomScorers: flags.allowCustomScorers,
    judgeApiKeyEnv: flags.judgeApiKeyEnv,
    onNote: (note: string) => console.warn(sanitize(`thinkbench: ${note}`)),
  };
  if (flags.judgeApiKeyEnv) checkKeyVariable(flags.judgeApiKeyEnv, '--judge-api-key-env');
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

  checkKeyVariable(flags.apiKeyEnv, '--api-key-env');
  const endpoint = await resolveEndpoint({ baseUrl: flags.baseUrl[0], apiKeyEnv: flags.apiKeyEnv });
  const interrupt = onInterrupt();
  const failed: string[] = [];
  const aborts: string[] = [];
  if (flags.param.n !== undefined && flags.param.n !== 1) throw invalidInput('--param n: thinkbench draws each sample itself; use --samples instead.');
  const points = sweepPoints(flags.param, flags.sweep);
  const codeExecution = await codeExecutionFor(suites, flags);
  if (flags.sweep && flags.resume) throw invalidInput('--resume continues one run; resume each point of a sweep by its own result file.');
  try {
    if (endpoint.simulated)
      console.log(
        `No endpoint configured: running on the built-in simulated model (${endpoint.defaultModel}); set --base-url or OPENAI_API_KEY for a real one.`,
      );
    const { client, endpointFigures } = connect(endpoint, flags.baseUrl, {
      timeoutMs: longestMs,
      maxRetries: flags.maxRetries,
      maxReplyBytes: flags.maxReplyBytes,
      rate,
    });
    for (const suite of suites) {
      const swept = [];
      for (const point of points) {
        const model = flags.model ?? (endpoint.simulated ? (suite.model ?? endpoint.defaultModel) : suite.model);
        if (!model) throw invalidInput(`${suite.path}: no model to run; pass --model or set "model" in the suite.`);
        if (endpoint.simulated) checkSimulatedModel(model, flags.model ? '--model' : `${suite.path} (its "model")`);
        const simulated = endpoint.simulated || isSimulatedModel(model);
        // --time-budget covers the whole run: each suite gets what the ones before it left.
        const budget = deadline === undefined ? {} : { timeBudgetMs: Math.max(1, deadline - Date.now()) };
        const pricing = resolvePricing(model, endpoint.shownUrl, flags.price);
        let progress: ReturnType<typeof startProgress> | undefined;
        const run = await runSuite({
          suite,
          client,
          model,
          endpoint: { shownUrl: endpoint.shownUrl, simulated },
          settings: { ...settings, ...budget, pricing, codeExecution, endpointFigures, ...pointBudget(point.params, flags.thinkingBudget) },
          out: pointOutPath(flags.out, point),
          resume: flags.resume,
          junit: flags.junit,
          verifier: flags.verifier,
          judgeModel: flags.judgeModel,
          signal: interrupt.signal,
          onStart: ({ total, reused, out }) => {
            const samples = flags.samples ?? Math.max(...suite.cases.map((c) => c.samples ?? 1));
            const where = simulated ? `${model} (built-in simulated model, a test double)` : `${model} at ${endpoint.shownUrl}`;
            const budget = flags.timeBudget === undefined ? '' : `, time budget ${formatDuration(flags.timeBudget)}`;
            console.log(
              `${suite.name}: ${suite.cases.length} cases x ${samples} sample${samples === 1 ? '' : 's'}${flags.adaptive ? ' at most (adaptive)' : ''} on ${where}${budget}; ${total} requests to send; result -> ${out}`,
            );
            if (flags.resume) console.log(`Resuming ${flags.resume}: ${reused} finished samples reused.`);
            progress = startProgress(suite.name, total, () => client.stats.retries, !flags.quiet, pricing?.price ?? null);
          },
          onSample: (sample) => progress?.add(sample),
          ...(flags.batch && { batch: batchSettings(endpoint, flags.quiet) }),
        }).finally(() => progress?.stop());
        const { result, out } = run;
        console.log(renderSummary(result, { verbose: flags.verbose }));
        if (!pricing) console.log(unknownPriceNote(model, result.simulated));
        console.log(`Result written to ${out}${result.complete ? '' : ` (partial; continue with --resume ${out})`}`);
        swept.push({ label: point.label, result, out });
        if (interrupt.signal.aborted) break;
        for (const failure of runGates(result, flags))
          (failure.kind === 'aborted' ? aborts : failed).push(`${point.label ? `[${point.label}] ` : ''}${failure.message}`);
      }
      if (swept.length > 1) console.log(`\n${suite.name}: sweep of ${flags.sweep}\n${renderSweep(swept)}`);
      // One page for the run, or for the sweep's points as a family (accuracy against reasoning tokens).
      if (flags.report)
        await writeReport(
          swept.map(({ out }) => out),
          flags.report,
          { alpha: 0.05, maxReasoningChars: null },
          process.stdout,
        );
      if (interrupt.signal.aborted) break;
    }
  } finally {
    interrupt.dispose();
    await endpoint.close();
  }
  if (interrupt.signal.aborted) throw new ThinkbenchError('interrupted', 'Interrupted: the partial result was written; continue it with --resume.');
  if (aborts.length) throw new ThinkbenchError('aborted', aborts.join(' '));
  if (failed.length) throw new ThinkbenchError('gate_failed', failed.join(' '));
}
