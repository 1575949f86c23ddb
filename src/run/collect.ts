// Collects a run's raw samples: plan -> one p-limit queue -> runSample, under the time budget and Ctrl-C.
import { setMaxListeners } from 'node:events';
import { aborted } from '../errors.js';
import type { ModelClient, RequestFailure } from '../model/openai.js';
import type { Adaptation, RawSample } from '../schema/result.js';
import type { Case, Params } from '../schema/suite.js';
import type { ResponseCache } from './cache.js';
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
  concurrency: number;
  params: Params;
  timeoutMs: number;
  stream: boolean;
  onTimeout: 'error' | 'answer';
  cache?: ResponseCache | undefined;
  timeBudgetMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Samples finished by an earlier run, by case id (resume): not sent again. */
  prior?: ReadonlyMap<string, readonly RawSample[]> | undefined;
  onSample?: ((caseIndex: number, sample: RawSample) => void) | undefined;
  onAdapt?: ((adaptation: Adaptation) => void) | undefined;
}

export interface Collected {
  samples: Map<string, RawSample[]>;
  adaptations: Adaptation[];
  /** Every case has all the samples it asks for. */
  complete: boolean;
}

/** Sends every unfinished sample; throws `aborted` on a fatal endpoint error (bad key, unknown model, unreachable). */
export async function collectSamples(options: CollectOptions): Promise<Collected> {
  const { cases } = options;
  // Resumed samples beyond what each case now asks for are left out.
  const byCase = cases.map((c) => (options.prior?.get(c.id) ?? []).filter((s) => s.index < samplesFor(c, options.plan)));
  const done = new Set(byCase.flatMap((samples, i) => samples.map((s) => `${i}:${s.index}`)));
  const tasks = planRequests(cases, { ...options.plan, params: options.params, done });

  const stop = new AbortController();
  // Each in-flight sample links its own controller to this one: at most `concurrency` listeners.
  setMaxListeners(options.concurrency + 8, stop.signal);
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
  };
  try {
    await runQueued(tasks, options.concurrency, stop.signal, async (task) => {
      const sample = await runSample(task, ctx);
      if (!sample) return;
      if (!sample.error && !sample.cached) succeeded = true;
      byCase[task.caseIndex]!.push(sample);
      options.onSample?.(task.caseIndex, sample);
    });
  } finally {
    clearTimeout(budget);
    options.signal?.removeEventListener('abort', onInterrupt);
  }
  if (fatal) throw aborted(fatalMessage(fatal, options.model, options.baseUrl));
  return {
    samples: new Map(cases.map((c, i) => [c.id, byCase[i]!])),
    adaptations,
    complete: cases.every((c, i) => byCase[i]!.length >= samplesFor(c, options.plan)),
  };
}
