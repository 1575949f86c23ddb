// Collects a run's raw samples: plan -> one p-limit queue -> runSample, under the time budget and Ctrl-C.
import { detached } from '../detached-string.js';
import { setMaxListeners } from 'node:events';
import { aborted } from '../errors.js';
import type { ModelClient, RequestFailure } from '../model/openai.js';
import type { Adaptation, RawSample } from '../schema/result.js';
import type { Case, Params } from '../schema/suite.js';
import type { SampleStore } from '../result/sample-store.js';
import type { ResponseCache } from './cache.js';
import { certifyStop } from '../adaptive/certificate.js';
import { inShard, type Shard } from './shard.js';
import type { RateController } from './rate-limit.js';
import type { BudgetForcing } from './thinking-budget.js';
import { fatalMessage } from './fatal.js';
import { planRequests, samplesFor } from './plan.js';
import { runSample, type SampleContext } from './run-sample.js';
import { runQueued } from './schedule.js';

export interface CollectOptions {
  cases: readonly Case[];
  client: ModelClient;
  model: string;
  baseUrl: string;
  plan: { samples: number; samplesOverride?: number | undefined };
  /** Requests in flight at once: a number, or a controller that adapts to the endpoint's rate limits. */
  concurrency: number | RateController;
  params: Params;
  timeoutMs: number;
  stream: boolean;
  onTimeout: 'error' | 'answer';
  cache?: ResponseCache | undefined;
  timeBudgetMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Where finished samples go, as they finish; the samples it already holds (a resume's) are not sent again, failed ones apart. */
  store: SampleStore;
  onSample?: ((caseIndex: number, sample: RawSample) => void) | undefined;
  /** --adaptive: a case whose first samples (in index order) decide its vote receives no more; `answerOf` reads a sample's canonical answer. */
  /** s1-style budget forcing: reasoning streamed past this many tokens is cut and the answer asked for. */
  thinkingBudget?: BudgetForcing | undefined;
  /** Only this shard's share of the (case, sample) pairs. */
  shard?: Shard | undefined;
  adaptive?: { confidence: number; minSamples: number; answerOf: (caseIndex: number, sample: RawSample) => string | null } | undefined;
  onAdapt?: ((adaptation: Adaptation) => void) | undefined;
}

export interface Collected {
  /** The store, now holding every finished sample. */
  samples: SampleStore;
  adaptations: Adaptation[];
  /** Every case has all the samples it asks for. */
  complete: boolean;
}

/** Sends every unfinished sample; throws `aborted` on a fatal endpoint error (bad key, unknown model, unreachable). */
export async function collectSamples(options: CollectOptions): Promise<Collected> {
  const { cases } = options;
  const stopping = options.adaptive && adaptiveStops(cases, options.adaptive, (c) => samplesFor(c, options.plan));
  // What the store already holds (a resume's samples): which are done, told by its index; their texts are read only for
  // the stopping rule's answers. Samples beyond what each case now asks for are left out; failed ones are sent again.
  const done = new Set<string>();
  const finished = cases.map((c, caseIndex) => {
    const wantedHere = (index: number) => index < samplesFor(c, options.plan);
    const indexes = options.store.finished(c.id).filter(wantedHere);
    for (const index of indexes) done.add(`${caseIndex}:${index}`);
    if (stopping && indexes.length) for (const s of options.store.get(c.id) ?? []) if (!s.error && wantedHere(s.index)) stopping.add(caseIndex, s);
    return indexes.length;
  });
  const { shard } = options;
  const mine = (c: Case, sampleIndex: number) => !shard || inShard(shard, c.id, sampleIndex);
  const include = shard && ((caseIndex: number, sampleIndex: number) => mine(cases[caseIndex]!, sampleIndex));
  const tasks = planRequests(cases, { ...options.plan, params: options.params, done, ...(include && { include }) });
  const wanted = (c: Case) => Array.from({ length: samplesFor(c, options.plan) }, (_, i) => i).filter((i) => mine(c, i)).length;

  const stop = new AbortController();
  // Each in-flight sample links its own controller to this one: at most `concurrency` listeners.
  setMaxListeners((typeof options.concurrency === 'number' ? options.concurrency : options.concurrency.ceiling) + 8, stop.signal);
  const onInterrupt = () => stop.abort('interrupted');
  if (options.signal?.aborted) onInterrupt();
  options.signal?.addEventListener('abort', onInterrupt, { once: true });
  const budget = options.timeBudgetMs ? setTimeout(() => stop.abort('budget'), options.timeBudgetMs) : undefined;
  let fatal: RequestFailure | undefined;
  let succeeded = false;
  const adaptations: Adaptation[] = [];
  const ctx: SampleContext = {
    client: options.client,
    baseUrl: options.baseUrl,
    model: options.model,
    stream: options.stream,
    timeoutMs: options.timeoutMs,
    onTimeout: options.onTimeout,
    ...(options.cache && { cache: options.cache }),
    runSignal: stop.signal,
    adaptations,
    onAdapt: (adaptation) => {
      adaptations.push(adaptation);
      options.onAdapt?.(adaptation);
    },
    onFatal: (failure) => {
      fatal ??= failure;
      stop.abort('fatal');
    },
    reachable: () => succeeded,
    ...(options.thinkingBudget && { thinkingBudget: options.thinkingBudget }),
  };
  try {
    await runQueued(tasks, options.concurrency, stop.signal, async (task) => {
      if (stopping?.decided(task.caseIndex)) return; // its vote is decided: this sample is never sent
      const sample = await runSample(task, ctx);
      if (!sample) return;
      if (!sample.error && !sample.cached) succeeded = true;
      options.store.add(cases[task.caseIndex]!.id, sample);
      finished[task.caseIndex]!++;
      stopping?.add(task.caseIndex, sample);
      options.onSample?.(task.caseIndex, sample);
    });
  } finally {
    clearTimeout(budget);
    options.signal?.removeEventListener('abort', onInterrupt);
  }
  if (fatal) throw aborted(fatalMessage(fatal, options.model, options.baseUrl));
  return {
    samples: options.store,
    adaptations,
    complete: cases.every((c, i) => finished[i]! >= wanted(c) || stopping?.decided(i)),
  };
}

/**
 * The stopping rule, live: each case's answers by sample index, and whether the longest run of
 * finished samples from index 0 already decides its vote. Deciding on that prefix (never on
 * whichever samples happened to finish first) is what `rescore --adaptive` replays exactly.
 */
function adaptiveStops(
  cases: readonly Case[],
  adaptive: NonNullable<CollectOptions['adaptive']>,
  cap: (c: Case) => number,
): { decided(caseIndex: number): boolean; add(caseIndex: number, sample: RawSample): void } {
  const answers = cases.map(() => new Map<number, string | null>());
  const decided = cases.map(() => false);
  const add = (caseIndex: number, sample: RawSample) => {
    const byIndex = answers[caseIndex]!;
    const answer = adaptive.answerOf(caseIndex, sample);
    // Kept for the whole run: copied free of the reply it was read from.
    byIndex.set(sample.index, answer === null ? null : detached(answer));
    const prefix: (string | null)[] = [];
    while (byIndex.has(prefix.length)) prefix.push(byIndex.get(prefix.length)!);
    if (prefix.length < adaptive.minSamples) return;
    const certificate = certifyStop(prefix, { confidence: adaptive.confidence, minSamples: adaptive.minSamples, maxSamples: cap(cases[caseIndex]!) });
    if (certificate?.decided) decided[caseIndex] = true;
  };
  return { decided: (i) => decided[i]!, add };
}
