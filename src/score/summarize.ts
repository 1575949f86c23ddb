// Run-level figures from scored cases: majority accuracy, pass1, outcome counts, tokens, latency.
import { addUsage } from './usage-total.js';
import { populationCi95 } from './metrics/bootstrap.js';
import { bootstrapMeanInterval } from './metrics/mean-bootstrap.js';
import type { CaseView, Sample, Selection, Summary } from '../schema/result.js';
import { bootstrapCi95, byTag, curveKs, summaryCurves, toCaseSamples, type CaseSamples } from './metrics.js';

/**
 * Accuracy (cons@N) is the mean vote credit and pass1 the mean per-case share of correct samples,
 * both over the cases that have at least one finished sample. Failed samples count as not correct.
 */
export function summarize(cases: readonly CaseView[], selection: Selection = 'majority'): Omit<Summary, 'collapsed'> {
  const sampled = cases.filter((c) => c.samples.length > 0);
  const samples = sampled.flatMap((c) => c.samples);
  const count = (outcome: string) => samples.filter((s) => s.outcome === outcome).length;
  const metricInput = sampled.map((c) => toCaseSamples(c, c.credit));
  const credits = sampled.map((c) => c.credit);
  const population = populationCi95(credits);
  const latencies = samples
    .filter((s) => s.outcome !== 'error')
    .map((s) => s.latencyMs)
    .sort((a, b) => a - b);
  return {
    cases: cases.length,
    samples: samples.length,
    accuracy: mean(credits),
    pass1: mean(sampled.map((c) => mean(c.samples.map((x) => (x.correct ? 1 : 0))))),
    errors: count('error'),
    noAnswer: count('no_answer'),
    truncated: count('truncated'),
    ties: sampled.filter((c) => c.tie).length,
    usage: addUsage(samples.map((s) => s.usage)),
    latencyMs: { mean: Math.round(mean(latencies)), p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    // Code cases add HumanEval's pass@10 and pass@100 where N allows.
    ...summaryCurves(metricInput, cases.some((c) => c.scorer === 'code') ? codeKs(metricInput) : undefined),
    // A best-of-N case is right or wrong by one chosen sample: resample the cases' verdicts.
    // For a new draw of cases (the question a benchmark answers); none from fewer than two cases.
    ...(population && { ci95: population }),
    // The same cases asked again: a best-of-N case is right or wrong by one chosen sample, so its verdicts are resampled.
    ...(sampled.length >= 2 && { ci95SameCases: selection === 'best-of-n' ? (bootstrapMeanInterval(credits) ?? [0, 0]) : bootstrapCi95(metricInput) }),
    byTag: byTag(metricInput),
    rightInReasoning: samples.filter((s) => s.rightInReasoning).length,
  };
}

/** Two or more replies, every one byte-identical: N samples that are really one. */
export function isCollapsed(samples: readonly Sample[]): boolean {
  const replies = samples.filter((s) => s.outcome !== 'error');
  if (replies.length < 2) return false;
  const first = replies[0]!;
  return replies.every((s) => s.content === first.content && s.reasoning === first.reasoning);
}

/** The arithmetic mean, 0 for an empty list. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The curve's ks for code: 1, 2, 4, ... and also 10 and 100, the HumanEval convention, up to the fewest samples of a case. */
function codeKs(cases: readonly CaseSamples[]): number[] {
  const n = Math.min(...cases.map((c) => c.answers.length));
  return [...new Set([...curveKs(n), 10, 100])].filter((k) => k <= n).sort((a, b) => a - b);
}
