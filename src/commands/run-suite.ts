// One suite of `thinkbench run`: resume, journal, progress, evaluate, then the result file and summary.
import { resolve } from 'node:path';
import { invalidInput } from '../errors.js';
import type { ModelClient } from '../model/openai.js';
import { renderSummary } from '../report/summary.js';
import { journalPathFor, openJournal, removeJournal } from '../result/journal.js';
import { writeFileAtomic, writeResult } from '../result/store.js';
import { evaluate, type EvaluateOptions } from '../run/evaluate.js';
import { DEFAULT_SAMPLES, samplesFor } from '../run/plan.js';
import { loadPriorSamples } from '../run/resume.js';
import type { Result } from '../schema/result.js';
import type { Verifier } from '../score/scorer.js';
import { modelVerifier, moduleVerifier } from '../run/verifiers.js';
import type { Suite } from '../schema/suite.js';
import type { Endpoint } from './endpoint.js';
import { defaultOutPath } from './out-path.js';
import { startProgress } from './progress-display.js';
import type { RunFlags } from './run.js';

type Settings = Pick<EvaluateOptions, 'samplesOverride' | 'concurrency' | 'timeoutMs' | 'timeBudgetMs' | 'params' | 'onTimeout' | 'stream' | 'cache' | 'selection'>;

export interface SuiteRun {
  suite: Suite;
  client: ModelClient;
  endpoint: Endpoint;
  model: string;
  settings: Settings;
  flags: Pick<RunFlags, 'out' | 'resume' | 'junit' | 'quiet' | 'verifier' | 'judgeModel'>;
  signal: AbortSignal;
}

/** Runs one suite, writing every finished sample to the journal and the result file at the end. */
export async function runSuite({ suite, client, endpoint, model, settings, flags, signal }: SuiteRun): Promise<Result> {
  const out = flags.out ?? flags.resume ?? defaultOutPath(suite.name, model);
  const identity = { suite: { name: suite.name, sha256: suite.sha256 }, model, params: settings.params ?? {} };
  const prior = flags.resume ? await loadPriorSamples(flags.resume, identity) : undefined;
  const verifier = settings.selection === 'best-of-n' ? await makeVerifier(flags, { client, endpoint, model, settings, signal }) : undefined;
  const journalPath = journalPathFor(out);
  // Resuming into the same file appends to its journal; any other run starts one afresh.
  const appending = flags.resume !== undefined && resolve(flags.resume) === resolve(out);
  const journal = openJournal(journalPath, identity, appending);
  if (!appending) for (const [caseId, samples] of prior ?? []) for (const sample of samples) journal.append(caseId, sample);
  const total = suite.cases.reduce((n, c) => n + samplesFor(c, { samples: DEFAULT_SAMPLES, ...settings }), 0);
  const reused = [...(prior?.values() ?? [])].reduce((n, samples) => n + samples.length, 0);
  if (prior) console.log(`Resuming ${flags.resume}: ${reused} finished samples reused.`);
  const progress = startProgress(suite.name, total - reused, () => client.stats.retries, !flags.quiet);
  let result: Result;
  try {
    result = await evaluate({
      ...settings,
      ...(verifier && { verifier }),
      suite, client, model, signal,
      baseUrl: endpoint.shownUrl,
      simulated: endpoint.simulated,
      ...(prior && { prior }),
      onSample: ({ caseId, sample }) => {
        journal.append(caseId, sample);
        progress.add(sample);
      },
      onAdapt: (a) => console.warn(`thinkbench: the endpoint refused "${a.param}": ${a.reason} It was ${a.action} for the rest of the run.`),
    });
  } finally {
    progress.stop();
    journal.close();
  }
  await writeResult(out, result).catch((error: NodeJS.ErrnoException) => {
    throw invalidInput(`cannot write the result to ${out} (${error.code ?? error.message}); the samples are kept in ${journalPath}.`);
  });
  if (result.complete) removeJournal(journalPath);
  if (flags.junit) {
    const { renderJunit } = await import('../report/junit.js');
    await writeFileAtomic(flags.junit, renderJunit(result));
  }
  console.log(`${renderSummary(result)}\nResult written to ${out}${result.complete ? '' : ` (partial; continue with --resume ${out})`}`);
  return result;
}

/** The best-of-n verifier: a module, or a model on the run's endpoint (--judge-model, else the model under test). */
async function makeVerifier(flags: SuiteRun['flags'], run: Pick<SuiteRun, 'client' | 'endpoint' | 'model' | 'settings' | 'signal'>): Promise<Verifier> {
  if (flags.verifier !== 'judge') return moduleVerifier(flags.verifier);
  const { client, endpoint, settings, signal } = run;
  return modelVerifier({ client, baseUrl: endpoint.shownUrl, model: flags.judgeModel ?? run.model, timeoutMs: settings.timeoutMs, signal, ...(settings.cache && { cache: settings.cache }) });
}
