// The programmatic API: plan -> run -> score -> summarize, returning a Result. The CLI and tests call it.
import { setMaxListeners } from 'node:events';
import { aborted, invalidInput } from '../errors.js';
import { splitReasoning } from '../model/reasoning.js';
import type { ModelClient, RequestFailure } from '../model/openai.js';
import { SCHEMA_VERSION, type Adaptation, type Result, type Sample, type Selection } from '../schema/result.js';
import type { ChatMessage, Params, Suite } from '../schema/suite.js';
import { scoreCase } from '../score/score-case.js';
import type { ScorerFactory, Verifier } from '../score/scorer.js';
import { summarize } from '../score/summarize.js';
import { TOOL } from '../tool.js';
import { fatalMessage } from './fatal.js';
import { makeScorers } from './make-scorers.js';
import { DEFAULT_SAMPLES, planRequests, samplesFor } from './plan.js';
import type { ResponseCache } from './cache.js';
import { runSample, type SampleContext } from './run-sample.js';
import { runQueued } from './schedule.js';

export interface EvaluateOptions {
  suite: Suite;
  client: ModelClient;
  model: string;
  /** Where the client points, without credentials; recorded in the result. */
  baseUrl: string;
  simulated: boolean;
  /** Samples per case unless the case sets its own; `samplesOverride` (--samples) beats both. */
  samples?: number;
  samplesOverride?: number;
  concurrency: number;
  params?: Params;
  timeoutMs: number;
  stream?: boolean;
  /** What a sample out of time does: record a timeout (default), or be asked for its answer now. */
  onTimeout?: 'error' | 'answer';
  cache?: ResponseCache;
  /** The whole run's limit: when it passes, in-flight samples are dropped and the result is partial. */
  timeBudgetMs?: number;
  /** Aborting it (Ctrl-C) stops the run the same way. */
  signal?: AbortSignal;
  /** Samples finished by an earlier run, by case id (resume). */
  prior?: ReadonlyMap<string, readonly Sample[]>;
  onSample?: (event: { caseId: string; sample: Sample }) => void;
  onAdapt?: (adaptation: Adaptation) => void;
  scorerFor?: ScorerFactory;
  /** How a case's answer is chosen: the majority vote (default), or the sample `verifier` scores highest. */
  selection?: Selection;
  verifier?: Verifier;
}

/** Runs a suite against a model and returns the scored result; throws `aborted` on a fatal endpoint error. */
export async function evaluate(options: EvaluateOptions): Promise<Result> {
  const { suite, client } = options;
  const startedAt = new Date().toISOString();

  const planOptions = { samples: options.samples ?? DEFAULT_SAMPLES, samplesOverride: options.samplesOverride };
  // Resumed samples beyond what each case now asks for are left out.
  const samplesByCase = suite.cases.map((c) => (options.prior?.get(c.id) ?? []).filter((s) => s.index < samplesFor(c, planOptions)));
  const done = new Set(samplesByCase.flatMap((samples, i) => samples.map((s) => `${i}:${s.index}`)));
  const tasks = planRequests(suite.cases, { ...planOptions, params: options.params ?? {}, done });

  const selection = options.selection ?? 'majority';
  if (selection === 'best-of-n' && !options.verifier) throw invalidInput('best-of-n selection needs a verifier (--verifier).');
  const stop = new AbortController();
  // Each in-flight sample links its own controller to this one: at most `concurrency` listeners.
  setMaxListeners(options.concurrency + 8, stop.signal);
  const judgeDefaults = { client, baseUrl: options.baseUrl, model: options.model, timeoutMs: options.timeoutMs, signal: stop.signal, ...(options.cache && { cache: options.cache }) };
  const scorers = suite.cases.map(options.scorerFor ?? (await makeScorers(suite, judgeDefaults)));
  const onInterrupt = () => stop.abort('interrupted');
  if (options.signal?.aborted) onInterrupt();
  options.signal?.addEventListener('abort', onInterrupt, { once: true });
  const budget = options.timeBudgetMs ? setTimeout(() => stop.abort('budget'), options.timeBudgetMs) : undefined;
  let fatal: RequestFailure | undefined;
  let succeeded = false;
  const adaptations: Adaptation[] = [];
  const ctx: SampleContext = {
    client,
    baseUrl: options.baseUrl,
    model: options.model,
    stream: options.stream ?? false,
    timeoutMs: options.timeoutMs,
    onTimeout: options.onTimeout ?? 'error',
    ...(options.cache && { cache: options.cache }),
    runSignal: stop.signal,
    adaptations,
    onAdapt: (adaptation: Adaptation) => {
      adaptations.push(adaptation);
      options.onAdapt?.(adaptation);
    },
    onFatal: (failure: RequestFailure) => {
      fatal ??= failure;
      stop.abort('fatal');
    },
    reachable: () => succeeded,
  };

  try {
    await runQueued(tasks, options.concurrency, stop.signal, async (task) => {
      const sample = await runSample(task, scorers[task.caseIndex]!, ctx);
      if (!sample) return;
      if (selection === 'best-of-n' && sample.answer !== null) {
        sample.score = await options.verifier!.score(verifierInput(task.messages, sample));
      }
      if (sample.outcome !== 'error' && !sample.cached) succeeded = true;
      samplesByCase[task.caseIndex]!.push(sample);
      options.onSample?.({ caseId: suite.cases[task.caseIndex]!.id, sample });
    });
  } finally {
    clearTimeout(budget);
    options.signal?.removeEventListener('abort', onInterrupt);
  }
  if (fatal) throw aborted(fatalMessage(fatal, options.model, options.baseUrl));

  const scored = suite.cases.map((c, i) => scoreCase(c, samplesByCase[i]!, selection));
  const complete = suite.cases.every((c, i) => samplesByCase[i]!.length >= samplesFor(c, planOptions));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    suite: { name: suite.name, path: suite.path, sha256: suite.sha256 },
    model: options.model,
    baseUrl: options.baseUrl,
    simulated: options.simulated,
    params: options.params ?? {},
    samples: suite.cases.reduce((most, c) => Math.max(most, samplesFor(c, planOptions)), 0),
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    startedAt,
    finishedAt: new Date().toISOString(),
    complete,
    selection,
    adaptations,
    summary: summarize(scored, selection),
    cases: scored.map((s) => s.result),
  };
}

/** What a verifier sees: the question and the reply's answer text, never the expected answer. */
function verifierInput(messages: readonly ChatMessage[], sample: Sample) {
  const question = messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n\n');
  return { question, answer: splitReasoning(sample.content).answerText, content: sample.content, reasoning: sample.reasoning };
}
