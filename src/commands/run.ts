// `thinkbench run`: load suites, pick the endpoint, evaluate, write results, print summaries, apply gates.
import { EXIT, invalidInput, ThinkbenchError } from '../errors.js';
import { createModelClient } from '../model/openai.js';
import { renderSummary } from '../report/summary.js';
import { writeResult } from '../result/store.js';
import { DEFAULT_SAMPLES, evaluate } from '../run/evaluate.js';
import { samplesFor } from '../run/plan.js';
import { filterCases } from '../suite/filter.js';
import { loadSuite } from '../suite/load.js';
import { resolveEndpoint } from './endpoint.js';
import { parseCount, parseDurationFlag, parseFraction, parseParams } from './options.js';
import { defaultOutPath } from './out-path.js';
import { startProgress } from './progress-display.js';
import { onInterrupt } from './interrupt.js';

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
  stream: boolean;
  quiet?: boolean;
}

/** Runs each suite in turn; exit code 1 when a suite falls under --fail-under, 130 on Ctrl-C. */
export async function runCommand(suitePaths: string[], flags: RunFlags): Promise<void> {
  if (flags.out && suitePaths.length > 1) throw invalidInput('--out names one result file, so it takes one suite.');
  const samplesOverride = flags.samples === undefined ? undefined : parseCount(flags.samples, '--samples');
  const concurrency = parseCount(flags.concurrency, '--concurrency');
  const timeoutMs = parseDurationFlag(flags.timeout, '--timeout');
  const timeBudgetMs = flags.timeBudget === undefined ? undefined : parseDurationFlag(flags.timeBudget, '--time-budget');
  const maxRetries = parseCount(flags.maxRetries, '--max-retries', 0);
  const failUnder = flags.failUnder === undefined ? undefined : parseFraction(flags.failUnder, '--fail-under');
  const params = parseParams(flags.param);
  const suites = await Promise.all(suitePaths.map(loadSuite));
  for (const suite of suites) {
    suite.cases = filterCases(suite.cases, flags.filter);
    if (!suite.cases.length) throw invalidInput(`${suite.path}: no case id matches --filter "${flags.filter}".`);
  }

  const endpoint = await resolveEndpoint(flags);
  const interrupt = onInterrupt();
  const failed: string[] = [];
  try {
    if (endpoint.simulated) console.log(`No endpoint configured: running on the built-in simulated model (${endpoint.defaultModel}); set --base-url or OPENAI_API_KEY for a real one.`);
    const client = createModelClient({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey, timeoutMs, maxRetries });
    for (const suite of suites) {
      const model = flags.model ?? (endpoint.simulated ? endpoint.defaultModel : suite.model);
      if (!model) throw invalidInput(`${suite.path}: no model to run; pass --model or set "model" in the suite.`);
      const out = flags.out ?? defaultOutPath(suite.name, model);
      const total = suite.cases.reduce((n, c) => n + samplesFor(c, { samples: DEFAULT_SAMPLES, samplesOverride }), 0);
      const progress = startProgress(suite.name, total, () => client.stats.attempts, !flags.quiet);
      const result = await evaluate({
        suite, client, model, baseUrl: endpoint.shownUrl, simulated: endpoint.simulated,
        samplesOverride, concurrency, params, timeoutMs, timeBudgetMs, stream: flags.stream,
        signal: interrupt.signal,
        onSample: ({ sample }) => progress.add(sample),
        onAdapt: (a) => console.warn(`thinkbench: the endpoint refused "${a.param}" (${a.reason}); ${a.action} for the rest of the run.`),
      }).finally(() => progress.stop());
      await writeResult(out, result);
      console.log(`${renderSummary(result)}\nResult written to ${out}`);
      if (interrupt.signal.aborted) break;
      if (failUnder !== undefined && result.summary.accuracy < failUnder) failed.push(`${suite.name} (${result.summary.accuracy.toFixed(3)})`);
    }
  } finally {
    interrupt.dispose();
    await endpoint.close();
  }
  if (interrupt.signal.aborted) throw new ThinkbenchError('interrupted', 'Interrupted: the partial result was written.');
  if (failed.length) throw new ThinkbenchError('gate_failed', `Accuracy under --fail-under ${failUnder}: ${failed.join(', ')}.`);
  process.exitCode = EXIT.ok;
}
