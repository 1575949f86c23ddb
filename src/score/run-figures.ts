// What a run's settings add to its scores: dollars from its price, adaptive certificates, the best-of-k curve.
import { replayCase } from '../adaptive/replay.js';
import { addCosts, costPerCorrect, costOf } from '../cost/cost.js';
import type { Price } from '../cost/price.js';
import type { CaseResult, CaseView, Result, Sample, Summary } from '../schema/result.js';
import { bestOfKCurve } from './metrics/best-of-k.js';

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

/** The summary's figures that depend on the run's settings. */
export function runFigures(cases: readonly CaseView[], run: Pick<Result, 'selection' | 'adaptive' | 'pricing' | 'samples'>): Partial<Summary> {
  const sampled = cases.filter((c) => c.samples.length > 0);
  const figures: Partial<Summary> = {};
  if (run.selection === 'best-of-n') figures.bestOfK = bestOfKCurve(sampled.map((c) => c.samples));
  if (run.pricing !== undefined) {
    const total = addCosts(sampled.flatMap((c) => c.samples.map((s) => s.costUsd ?? null)));
    const dollars = total.known > 0 ? total.dollars : null;
    figures.cost = {
      totalUsd: dollars,
      unknownSamples: total.unknown,
      perCorrectUsd: costPerCorrect(
        dollars,
        sampled.reduce((n, c) => n + c.credit, 0),
      ),
    };
  }
  if (run.adaptive) {
    figures.adaptive = {
      samplesUsed: sampled.reduce((n, c) => n + c.samples.length, 0),
      samplesCap: cases.length * run.samples,
      decided: cases.filter((c) => c.adaptive?.decided).length,
    };
  }
  return figures;
}
