// Plans a run: which (case, sample) requests to send, in a round-robin order that keeps a cut-short run fair.
import type { Case, ChatMessage, Params } from '../schema/suite.js';

/** One request to send: sample `sampleIndex` of case `caseIndex`. */
export interface SampleTask {
  caseIndex: number;
  sampleIndex: number;
  messages: ChatMessage[];
  params: Params;
  /** The case's own time limit per sample, when it sets one. */
  timeoutMs: number | undefined;
}

export interface PlanOptions {
  /** Samples per case when the case does not set its own (`--samples` overrides both). */
  samples: number;
  samplesOverride?: number;
  /** Parameters from the command line; they override the suite's. */
  params: Params;
  /** (case index, sample index) pairs already finished, as `${caseIndex}:${sampleIndex}`. */
  done?: ReadonlySet<string>;
  /** Only the pairs this accepts are planned (a shard's share); all when absent. */
  include?: (caseIndex: number, sampleIndex: number) => boolean;
}

/** Samples per case when neither the suite nor the command line says. */
export const DEFAULT_SAMPLES = 1;

/** Samples a case asks for under these options. */
export function samplesFor(c: Case, options: Pick<PlanOptions, 'samples' | 'samplesOverride'>): number {
  return options.samplesOverride ?? c.samples ?? options.samples;
}

/**
 * Every request of the run, round-robin over cases: sample 0 of every case before sample 1 of
 * any, so a run stopped early has sampled every case about equally. Made as they are taken, so a
 * plan of a million samples is never held.
 */
export function* planRequests(cases: readonly Case[], options: PlanOptions): Generator<SampleTask> {
  const counts = cases.map((c) => samplesFor(c, options));
  const rounds = counts.reduce((most, n) => Math.max(most, n), 0);
  for (let sampleIndex = 0; sampleIndex < rounds; sampleIndex++) {
    for (const [caseIndex, c] of cases.entries()) {
      if (sampleIndex >= counts[caseIndex]! || options.done?.has(`${caseIndex}:${sampleIndex}`)) continue;
      if (options.include && !options.include(caseIndex, sampleIndex)) continue;
      yield { caseIndex, sampleIndex, messages: c.messages, params: sampleParams(c.params, options.params, sampleIndex), timeoutMs: c.timeoutMs };
    }
  }
}

/**
 * Suite parameters overridden by the command line's. A numeric `seed` is offset by the sample
 * index: one fixed seed on every sample would make a seeded server return N copies of one reply.
 */
export function sampleParams(caseParams: Params, runParams: Params, sampleIndex: number): Params {
  const params = { ...caseParams, ...runParams };
  if (typeof params.seed === 'number') params.seed += sampleIndex;
  return params;
}
