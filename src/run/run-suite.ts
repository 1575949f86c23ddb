// One suite run to a file: resume, journal, verifier, evaluate, then the result file and JUnit report.
import { resolve } from 'node:path';
import { invalidInput } from '../errors.js';
import { modelVerifier, moduleVerifier } from '../grade/verifiers.js';
import type { ModelClient } from '../model/openai.js';
import { type Journal, journalPathFor, openJournal, removeJournal } from '../result/journal.js';
import { replyOf, withOpenResult, writeFileAtomic } from '../result/store.js';
import { createResultWriter } from '../result/writer.js';
import type { ResultBrief } from '../schema/case-brief.js';
import type { Sample } from '../schema/result.js';
import type { Suite } from '../schema/suite.js';
import { type Grades, NO_GRADES, type Verifier } from '../score/scorer.js';
import { TOOL } from '../tool.js';
import { batchJournalLine, readBatchRecords } from '../batch/journal-records.js';
import { type EvaluateBatch, type EvaluateOptions, evaluateInto } from './evaluate.js';
import { defaultOutPath } from './out-path.js';
import { DEFAULT_SAMPLES, samplesFor } from './plan.js';
import { openPrior } from './resume.js';

/** Run settings shared by every suite of a command. */
export type RunSettings = Pick<
  EvaluateOptions,
  | 'samplesOverride'
  | 'concurrency'
  | 'timeoutMs'
  | 'timeBudgetMs'
  | 'params'
  | 'onTimeout'
  | 'stream'
  | 'cache'
  | 'selection'
  | 'onAdapt'
  | 'adaptive'
  | 'pricing'
  | 'shard'
  | 'codeExecution'
  | 'allowCustomScorers'
  | 'judgeApiKeyEnv'
  | 'thinkingBudget'
  | 'onNote'
  | 'endpointFigures'
>;

export interface SuiteRun {
  suite: Suite;
  client: ModelClient;
  /** The endpoint as recorded (no credentials), and whether it is the simulated model. */
  endpoint: { shownUrl: string; simulated: boolean };
  model: string;
  settings: RunSettings;
  out?: string | undefined;
  resume?: string | undefined;
  junit?: string | undefined;
  /** best-of-n: `judge` (a model: `judgeModel`, else the model under test) or a module path. */
  verifier?: string | undefined;
  judgeModel?: string | undefined;
  signal: AbortSignal;
  /** Told how many samples are left to send, before the first is sent, then of each as it finishes. */
  onStart?: (event: { total: number; reused: number; out: string }) => void;
  onSample?: (sample: Sample) => void;
  /** Send the run as provider batches: the API to use, and how often to look at them. */
  batch?: Pick<EvaluateBatch, 'api' | 'onProgress' | 'poll'> | undefined;
}

/**
 * Runs one suite: every finished sample goes to the journal (where it waits to be scored, on disk),
 * each case is scored from there and handed to the result writer, so memory holds no sample texts
 * whatever the run's size. Returns the result without its texts and where it went.
 */
export async function runSuite(run: SuiteRun): Promise<{ result: ResultBrief; out: string; journalPath: string }> {
  const { suite, model, settings } = run;
  const out = run.out ?? run.resume ?? defaultOutPath(suite.name, model);
  const identity = { suite: { name: suite.name, sha256: suite.sha256 }, model, params: settings.params ?? {} };
  const prior = run.resume ? await openPrior(run.resume, identity) : undefined;
  const journalPath = journalPathFor(out);
  let journal: Journal;
  let reused = { grades: NO_GRADES, reused: 0 };
  try {
    const verifier = settings.selection === 'best-of-n' ? await makeVerifier(run) : undefined;
    // Resuming into the same file appends to its journal; any other run starts one afresh.
    const appending = run.resume !== undefined && resolve(run.resume) === resolve(out);
    journal = await openJournal(journalPath, { ...identity, tool: TOOL }, appending);
    if (prior) reused = prior.copyInto(journal);
    return await runInto(run, { out, journalPath, journal, verifier, grades: reused.grades, reused: reused.reused });
  } finally {
    prior?.close();
  }
}

async function runInto(
  run: SuiteRun,
  ctx: { out: string; journalPath: string; journal: Journal; verifier: Verifier | undefined; grades: Grades; reused: number },
): Promise<{ result: ResultBrief; out: string; journalPath: string }> {
  const { suite, client, endpoint, model, settings } = run;
  const { out, journalPath, journal } = ctx;
  const total = suite.cases.reduce((n, c) => n + samplesFor(c, { samples: DEFAULT_SAMPLES, ...settings }), 0);
  run.onStart?.({ total: total - ctx.reused, reused: ctx.reused, out });
  const writer = createResultWriter(out);
  let result: ResultBrief;
  try {
    result = await evaluateInto(
      {
        ...settings,
        verifier: ctx.verifier,
        suite,
        client,
        model,
        signal: run.signal,
        baseUrl: endpoint.shownUrl,
        simulated: endpoint.simulated,
        store: journal,
        knownGrades: ctx.grades,
        ...(run.batch && {
          batch: {
            ...run.batch,
            // Batches a killed run submitted are picked up from its journal, never paid for twice.
            known: run.resume ? await readBatchRecords(journalPathFor(run.resume)) : [],
            onBatch: (record) => journal.appendLine(batchJournalLine(record)),
          },
        }),
        onSample: ({ read }) => run.onSample?.(read()),
      },
      (c) => writer.add(c),
    );
    const { cases: _cases, ...head } = result;
    await writer.finish(head).catch((error: NodeJS.ErrnoException) => {
      throw invalidInput(`cannot write the result to ${out} (${error.code ?? error.message}); the samples are kept in ${journalPath}.`);
    });
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    journal.close();
  }
  if (result.complete) removeJournal(journalPath);
  if (run.junit) {
    const { renderJunit } = await import('../report/junit.js');
    await writeFileAtomic(run.junit, await withOpenResult(out, (opened) => renderJunit(result, { replyOf: replyOf(opened) })));
  }
  return { result, out, journalPath };
}

/** The best-of-n verifier: a module, or a model on the run's endpoint (--judge-model, else the model under test). */
async function makeVerifier(run: SuiteRun): Promise<Verifier> {
  if (run.verifier && run.verifier !== 'judge') return moduleVerifier(run.verifier);
  const { client, endpoint, settings, signal } = run;
  return modelVerifier({
    client,
    baseUrl: endpoint.shownUrl,
    model: run.judgeModel ?? run.model,
    timeoutMs: settings.timeoutMs,
    signal,
    ...(settings.cache && { cache: settings.cache }),
  });
}
