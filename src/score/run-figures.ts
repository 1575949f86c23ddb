// What a run's settings add to its cases: dollars from its price, adaptive certificates.
import { replayCase } from '../adaptive/replay.js';
import { addCosts, costOf } from '../cost/cost.js';
import type { Price } from '../cost/price.js';
import type { CaseResult, CaseView, Result, Sample } from '../schema/result.js';

/** A sample with its cost: null when unknown, 0 when it came from the local cache (nothing was billed). */
export function pricedSample(sample: Sample, price: Price | null, batchFactor = 1): Sample {
  return { ...sample, costUsd: sample.cached ? 0 : costOf(sample.usage, price, { batchFactor }) };
}

/** The case's certificate under the run's stopping rule, replayed from its samples in index order. */
export function certificateFor(c: CaseView, adaptive: NonNullable<Result['adaptive']>, cap: number): CaseResult['adaptive'] {
  const answers = [...c.samples].sort((a, b) => a.index - b.index).map((s) => s.answer);
  return replayCase(answers, { confidence: adaptive.confidence, minSamples: adaptive.minSamples, maxSamples: cap }).certificate;
}

/** The case's cost: the sum of its samples', null when any is unknown. */
export function caseCost(samples: readonly Pick<Sample, 'costUsd'>[]): number | null {
  const total = addCosts(samples.map((s) => s.costUsd ?? null));
  return total.unknown > 0 ? null : total.dollars;
}
