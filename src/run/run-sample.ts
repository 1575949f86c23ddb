// Sends one sample's request under its own deadline and turns whatever happens into a Sample or a stop.
import { formatDuration } from '../duration.js';
import { describeFailure, type ChatReply, type ModelClient, type RequestFailure } from '../model/openai.js';
import type { Adaptation, Sample } from '../schema/result.js';
import type { Scorer } from '../score/scorer.js';
import { failedSample, scoreReply } from '../score/score-sample.js';
import { adaptationFor, applyAdaptations } from './adapt.js';
import type { SampleTask } from './plan.js';

/** What every sample of a run shares. */
export interface SampleContext {
  client: ModelClient;
  model: string;
  stream: boolean;
  timeoutMs: number;
  /** Aborted when the run stops (budget, Ctrl-C, fatal error): in-flight samples are dropped. */
  runSignal: AbortSignal;
  adaptations: Adaptation[];
  onAdapt: (adaptation: Adaptation) => void;
  /** Called for a failure that ends the run; the sample is dropped. */
  onFatal: (failure: RequestFailure) => void;
  /** True once any request has succeeded: an unreachable endpoint is then a passing fault. */
  reachable: () => boolean;
}

const TIMEOUT = 'timeout';
/** A request is rewritten at most this many times (one per refused parameter). */
const MAX_ADAPTATIONS = 4;

/** Runs one sample; null when the run stopped while it was in flight (it stays unstarted). */
export async function runSample(task: SampleTask, scorer: Scorer, ctx: SampleContext): Promise<Sample | null> {
  // One controller per sample, linked to the run's: a shared signal would gather thousands of listeners.
  const controller = new AbortController();
  const stop = () => controller.abort();
  ctx.runSignal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => controller.abort(TIMEOUT), ctx.timeoutMs);
  const started = performance.now();
  const timing = () => ({ index: task.sampleIndex, latencyMs: performance.now() - started });
  let partial: ChatReply | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      const request = applyAdaptations(task, ctx.adaptations);
      try {
        const reply = await ctx.client.chat({
          model: ctx.model,
          ...request,
          stream: ctx.stream,
          signal: controller.signal,
          onPartial: (p) => (partial = p),
        });
        return await scoreReply(scorer, reply, timing());
      } catch (error) {
        if (controller.signal.reason === TIMEOUT) {
          const message = `no complete reply within ${formatDuration(ctx.timeoutMs)} (--timeout)`;
          return failedSample({ code: 'timeout', message }, timing(), partial);
        }
        if (ctx.runSignal.aborted) return null;
        const failure = describeFailure(error);
        const adaptation = attempt < MAX_ADAPTATIONS ? adaptationFor(failure, request.params) : null;
        if (adaptation) {
          // Another sample may have made the same adaptation while this one was in flight.
          if (!ctx.adaptations.some((a) => a.param === adaptation.param)) ctx.onAdapt(adaptation);
          continue;
        }
        if (failure.fatal || (failure.unreachable && !ctx.reachable())) {
          ctx.onFatal(failure);
          return null;
        }
        return failedSample(failure, timing(), partial);
      }
    }
  } finally {
    clearTimeout(timer);
    ctx.runSignal.removeEventListener('abort', stop);
  }
}
