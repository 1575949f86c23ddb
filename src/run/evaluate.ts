// The programmatic API: collect raw samples, grade what needs I/O, then score once. The CLI, the tests and users call it.
import { invalidInput } from '../errors.js';
import { loadCustomModules } from '../grade/custom.js';
import type { CodeExecution } from '../grade/code.js';
import { buildGraders } from '../grade/graders.js';
import { gradeRun } from '../grade/grade-run.js';
import type { ModelClient } from '../model/openai.js';
import type { ResultBrief } from '../schema/case-brief.js';
import type { Adaptation, CaseResult, RawSample, Result, Sample, Selection } from '../schema/result.js';
import { memorySampleStore, type SampleStore } from '../result/sample-store.js';
import type { Case, Params, Suite } from '../schema/suite.js';
import { readSample } from '../score/read-sample.js';
import { type ScoreRunInput, scoreRun, scoreRunInto } from '../score/score-run.js';
import type { Grades, ScorerFactory, Verifier } from '../score/scorer.js';
import { scorerFactory } from '../score/scorers/index.js';
import { TOOL } from '../tool.js';
import type { ResponseCache } from './cache.js';
import type { BatchApi } from '../model/batch-api.js';
import type { BatchRecord } from '../batch/format.js';
import { type BatchProgress, collectBatch } from '../batch/run-batch.js';
import { type Collected, collectSamples } from './collect.js';
import { DEFAULT_SAMPLES, samplesFor } from './plan.js';
import type { RateController } from './rate-limit.js';
import type { Shard } from './shard.js';
import { planThinkingBudget } from './thinking-budget.js';

export interface EvaluateOptions {
  suite: Suite;
  client: ModelClient;
  model: string;
  /** Where the client points, without credentials; recorded in the result. */
  baseUrl: string;
  simulated: boolean;
  /** Samples per case unless the case sets its own; `samplesOverride` (--samples) beats both. */
  samples?: number;
  samplesOverride?: number | undefined;
  /** Requests in flight at once, or a controller that adapts to the endpoint's limits (--concurrency auto). */
  concurrency: number | RateController;
  params?: Params;
  timeoutMs: number;
  stream?: boolean;
  /** What a sample out of time does: record a timeout (default), or be asked for its answer now. */
  onTimeout?: 'error' | 'answer';
  cache?: ResponseCache | undefined;
  /** The whole run's limit: when it passes, in-flight samples are dropped and the result is partial. */
  timeBudgetMs?: number | undefined;
  /** Aborting it (Ctrl-C) stops the run the same way. */
  signal?: AbortSignal | undefined;
  /** Samples finished by an earlier run, by case id (resume): scored again with this code, not sent again. */
  prior?: ReadonlyMap<string, readonly RawSample[]> | undefined;
  /** Where samples wait to be scored (the CLI's: the run's journal on disk); in memory by default. Samples it already holds count as finished. */
  store?: SampleStore | undefined;
  /** Verdicts an earlier run's graders gave (resume): not asked again. */
  knownGrades?: Grades | undefined;
  /** Each sample as it finishes; `read()` scores it on its own (for a live tally; the result scores it again). */
  onSample?: (event: { caseId: string; sample: RawSample; read: () => Sample }) => void;
  onAdapt?: (adaptation: Adaptation) => void;
  scorerFor?: ScorerFactory;
  /** How a case's answer is chosen: the majority vote (default), or the sample `verifier` scores highest. */
  selection?: Selection;
  verifier?: Verifier | undefined;
  /** Stop sampling a case once its vote is decided (`samples` is then the cap). */
  adaptive?: { confidence: number; minSamples: number } | undefined;
  /** The price of the model's tokens, and where it came from; null records that it is unknown. */
  pricing?: Result['pricing'];
  /** Only this shard's share of the (case, sample) pairs; `thinkbench merge` joins the shards. */
  shard?: Shard | undefined;
  /** Whether code cases' programs run (--allow-code-execution), and how isolated; by default they do not. */
  codeExecution?: CodeExecution | undefined;
  /** Run a user suite's custom scorer modules (--allow-custom-scorers); thinkbench's shipped suites need no permission. */
  allowCustomScorers?: boolean | undefined;
  /** The variable whose key a suite's judge on another endpoint gets (--judge-api-key-env); none by default. */
  judgeApiKeyEnv?: string | undefined;
  /** Send the run as provider batches (OpenAI's Batch API) instead of one request per sample. */
  batch?: EvaluateBatch | undefined;
  /** --thinking-budget: cut each sample's streamed reasoning at this many tokens and ask for the answer (s1's budget forcing). */
  thinkingBudget?: number | undefined;
  /** Told once each of what the run could not do as asked (a budget that cannot be forced here, say). */
  onNote?: ((note: string) => void) | undefined;
  /** Per-endpoint figures when the client is a pool of replicas (several --base-url), read at the end. */
  endpointFigures?: (() => NonNullable<Result['endpoints']>) | undefined;
}

/** How a batch run reaches its provider, and what it tells the caller (journal the records). */
export interface EvaluateBatch {
  api: BatchApi;
  /** Batches an earlier run submitted (from its journal): picked up, never resubmitted. */
  known?: readonly BatchRecord[] | undefined;
  onBatch?: ((record: BatchRecord) => void) | undefined;
  onProgress?: ((batches: BatchProgress[]) => void) | undefined;
  poll?: { initialMs: number; maxMs: number } | undefined;
}

/** Runs a suite against a model and returns the scored result; throws `aborted` on a fatal endpoint error. */
export async function evaluate(options: EvaluateOptions): Promise<Result> {
  return scoreRun(await collectAndGrade(options));
}

/**
 * `evaluate` for a run of any size: each scored case goes to `onCase` (a result writer) as it is
 * scored, and the result comes back with each case's brief in place of its samples.
 */
export async function evaluateInto(options: EvaluateOptions, onCase: (c: CaseResult) => void): Promise<ResultBrief> {
  return scoreRunInto(await collectAndGrade(options), onCase);
}

/** Collects the samples and grades what needs I/O: everything the scoring pass takes. */
async function collectAndGrade(options: EvaluateOptions): Promise<ScoreRunInput> {
  const { suite, client } = options;
  const store = options.store ?? memorySampleStore();
  for (const [caseId, samples] of options.prior ?? []) for (const sample of samples) if (!sample.error) store.add(caseId, sample);
  const startedAt = new Date().toISOString();
  const selection = options.selection ?? 'majority';
  if (selection === 'best-of-n' && !options.verifier) throw invalidInput('best-of-n selection needs a verifier (--verifier).');
  const modules = await loadCustomModules(suite, { allow: options.allowCustomScorers });
  const scorerFor = options.scorerFor ?? scorerFactory({ modules });
  const plan = { samples: options.samples ?? DEFAULT_SAMPLES, samplesOverride: options.samplesOverride };
  const budget =
    options.thinkingBudget === undefined
      ? undefined
      : planThinkingBudget(options.thinkingBudget, {
          baseUrl: options.baseUrl,
          stream: options.stream ?? false,
          params: options.params ?? {},
          print: (note) => options.onNote?.(note),
        });
  if (budget?.note) options.onNote?.(budget.note);
  const params = budget?.params ?? options.params ?? {};
  // The most in flight: the number given, or the adaptive controller's ceiling.
  const inFlight = typeof options.concurrency === 'number' ? options.concurrency : options.concurrency.ceiling;
  const onSample = options.onSample;
  const onSampleRead =
    onSample &&
    ((caseIndex: number, sample: RawSample) => {
      const c = suite.cases[caseIndex]!;
      onSample({ caseId: c.id, sample, read: () => readSample(scorerFor(c), sample, () => undefined) });
    });
  // Batch outputs come back in whole files: each sample is stored as it is read, like a live one.
  const onBatchSample = (caseIndex: number, sample: RawSample) => {
    store.add(suite.cases[caseIndex]!.id, sample);
    onSampleRead?.(caseIndex, sample);
  };
  const collected: Collected & { batch?: Result['batch'] } = options.batch
    ? await collectAsBatches(options, plan, params, store, onBatchSample)
    : await collectSamples({
        cases: suite.cases,
        client,
        model: options.model,
        baseUrl: options.baseUrl,
        plan,
        concurrency: options.concurrency,
        params,
        timeoutMs: options.timeoutMs,
        stream: options.stream ?? false,
        onTimeout: options.onTimeout ?? 'error',
        cache: options.cache,
        timeBudgetMs: options.timeBudgetMs,
        signal: options.signal,
        store,
        onAdapt: options.onAdapt,
        shard: options.shard,
        thinkingBudget: budget?.forcing,
        adaptive: options.adaptive && {
          ...options.adaptive,
          answerOf: (caseIndex, sample) => readSample(scorerFor(suite.cases[caseIndex]!), sample, () => undefined).answer,
        },
        onSample: onSampleRead,
      });
  const judge = {
    client,
    baseUrl: options.baseUrl,
    model: options.model,
    timeoutMs: options.timeoutMs,
    otherHostKeyEnv: options.judgeApiKeyEnv,
    ...(options.signal && { signal: options.signal }),
    ...(options.cache && { cache: options.cache }),
  };
  const grades = await gradeRun({
    suite,
    scorerFor,
    samples: collected.samples,
    graderFor: buildGraders(suite, {
      modules,
      judge,
      code: options.codeExecution && { ...options.codeExecution, ...(options.signal && { signal: options.signal }) },
    }),
    known: options.knownGrades,
    selection,
    verifier: options.verifier,
    concurrency: inFlight,
  });
  const run = {
    tool: TOOL,
    model: options.model,
    baseUrl: options.baseUrl,
    simulated: options.simulated,
    params,
    samples: suite.cases.reduce((most, c: Case) => Math.max(most, samplesFor(c, plan)), 0),
    concurrency: inFlight,
    timeoutMs: options.timeoutMs,
    startedAt,
    finishedAt: new Date().toISOString(),
    complete: collected.complete,
    selection,
    adaptations: collected.adaptations,
    ...(options.adaptive && { adaptive: options.adaptive }),
    ...(options.pricing !== undefined && { pricing: options.pricing }),
    ...(options.shard && { shard: options.shard }),
    ...(options.codeExecution?.allowed && { codeIsolation: options.codeExecution.isolation }),
    ...(collected.batch && { batch: collected.batch }),
    ...(options.endpointFigures && { endpoints: options.endpointFigures() }),
  };
  return { run, suite, scorerFor, samples: collected.samples, grades };
}

/** The run's samples through the provider's Batch API: the same raw samples, journaled batch records, half the price. */
async function collectAsBatches(
  options: EvaluateOptions,
  plan: { samples: number; samplesOverride?: number | undefined },
  params: Params,
  store: SampleStore,
  onSample: (caseIndex: number, sample: RawSample) => void,
): Promise<Collected & { batch: NonNullable<Result['batch']> }> {
  const batch = options.batch!;
  const collected = await collectBatch({
    cases: options.suite.cases,
    api: batch.api,
    model: options.model,
    plan,
    params,
    prior: store,
    known: batch.known,
    shard: options.shard,
    onBatch: batch.onBatch,
    onSample,
    onProgress: batch.onProgress,
    signal: options.timeBudgetMs
      ? AbortSignal.any([options.signal ?? new AbortController().signal, AbortSignal.timeout(options.timeBudgetMs)])
      : options.signal,
    poll: batch.poll,
  });
  return {
    samples: store,
    adaptations: [],
    complete: collected.complete,
    batch: { ids: collected.batches.map((b) => b.id), priceFactor: collected.batchFactor },
  };
}
