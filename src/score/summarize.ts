// Run-level figures gathered case by case: majority accuracy, pass1, outcome counts, tokens, latency, curves, costs.
import { addCosts, costPerCorrect } from '../cost/cost.js';
import type { CaseResult, Result, Sample, Summary } from '../schema/result.js';
import { populationCi95 } from './metrics/bootstrap.js';
import { bestOfKCurve, type ScoredSample } from './metrics/best-of-k.js';
import { bootstrapMeanInterval } from './metrics/mean-bootstrap.js';
import { bootstrapCi95, byTag, type CaseSamples, curveKs, summaryCurves, toCaseSamples } from './metrics.js';
import { addUsage } from './usage-total.js';

/** What the summary needs to know of the run: how answers were chosen, and its settings that add figures. */
export type SummaryRun = Pick<Result, 'selection' | 'adaptive' | 'pricing' | 'samples'>;

/**
 * The summary, built one scored case at a time: of each sample only its answer (for the curves
 * and the bootstrap) and its latency are kept, so a run of a million samples is summarised in a
 * few tens of MB. Accuracy (cons@N) is the mean vote credit and pass1 the mean per-case share of
 * correct samples, both over the cases that have at least one finished sample; failed samples
 * count as not correct.
 */
export class SummaryBuilder {
  private readonly metric: CaseSamples[] = [];
  private readonly credits: number[] = [];
  private readonly latencies: number[] = [];
  private readonly collapsed: string[] = [];
  private readonly bestOfKInput: ScoredSample[][] = [];
  private usage = addUsage([]);
  private counts = { cases: 0, samples: 0, errors: 0, noAnswer: 0, truncated: 0, ties: 0, rightInReasoning: 0, decided: 0 };
  private pass1Sum = 0;
  private costs = { dollars: 0, known: 0, unknown: 0 };
  private code = false;

  constructor(private readonly run: SummaryRun) {}

  add(c: CaseResult): void {
    const counts = this.counts;
    counts.cases++;
    if (c.scorer === 'code') this.code = true;
    if (c.adaptive?.decided) counts.decided++;
    const samples = c.samples;
    if (!samples.length) return;
    counts.samples += samples.length;
    for (const s of samples) {
      if (s.outcome === 'error') counts.errors++;
      else this.latencies.push(s.latencyMs);
      if (s.outcome === 'no_answer') counts.noAnswer++;
      if (s.outcome === 'truncated') counts.truncated++;
      if (s.rightInReasoning) counts.rightInReasoning++;
    }
    if (c.tie) counts.ties++;
    this.usage = addUsage([this.usage, ...samples.map((s) => s.usage)]);
    this.pass1Sum += samples.filter((s) => s.correct).length / samples.length;
    this.credits.push(c.credit);
    this.metric.push(toCaseSamples(c, c.credit));
    if (isCollapsed(samples)) this.collapsed.push(c.id);
    if (this.run.selection === 'best-of-n')
      this.bestOfKInput.push(samples.map((s) => ({ index: s.index, answer: s.answer, correct: s.correct, score: s.score })));
    if (this.run.pricing !== undefined) {
      const total = addCosts(samples.map((s) => s.costUsd ?? null));
      this.costs = { dollars: this.costs.dollars + total.dollars, known: this.costs.known + total.known, unknown: this.costs.unknown + total.unknown };
    }
  }

  summary(): Summary {
    const { counts, credits, metric, run } = this;
    const latencies = Float64Array.from(this.latencies).sort();
    const population = populationCi95(credits);
    const summary: Summary = {
      cases: counts.cases,
      samples: counts.samples,
      accuracy: mean(credits),
      pass1: credits.length ? this.pass1Sum / credits.length : 0,
      errors: counts.errors,
      noAnswer: counts.noAnswer,
      truncated: counts.truncated,
      ties: counts.ties,
      usage: this.usage,
      latencyMs: { mean: Math.round(mean(latencies)), p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
      // Code cases add HumanEval's pass@10 and pass@100 where N allows.
      ...summaryCurves(metric, this.code ? codeKs(metric) : undefined),
      // For a new draw of cases (the question a benchmark answers); none from fewer than two cases.
      ...(population && { ci95: population }),
      // The same cases asked again: a best-of-N case is right or wrong by one chosen sample, so its verdicts are resampled.
      ...(credits.length >= 2 && {
        ci95SameCases: run.selection === 'best-of-n' ? (bootstrapMeanInterval(credits) ?? [0, 0]) : bootstrapCi95(metric),
      }),
      byTag: byTag(metric),
      rightInReasoning: counts.rightInReasoning,
      collapsed: this.collapsed,
    };
    if (run.selection === 'best-of-n') summary.bestOfK = bestOfKCurve(this.bestOfKInput);
    if (run.pricing !== undefined) {
      const dollars = this.costs.known > 0 ? this.costs.dollars : null;
      const correct = credits.reduce((n, credit) => n + credit, 0);
      summary.cost = { totalUsd: dollars, unknownSamples: this.costs.unknown, perCorrectUsd: costPerCorrect(dollars, correct) };
    }
    if (run.adaptive) {
      summary.adaptive = { samplesUsed: counts.samples, samplesCap: counts.cases * run.samples, decided: counts.decided };
      // Optional stopping makes k-subsets of a case's samples unlike fresh draws: the curves would mislead.
      delete summary.majAtK;
      delete summary.passAtK;
    }
    return summary;
  }
}

/** Two or more replies, every one byte-identical: N samples that are really one. */
export function isCollapsed(samples: readonly Sample[]): boolean {
  const replies = samples.filter((s) => s.outcome !== 'error');
  if (replies.length < 2) return false;
  const first = replies[0]!;
  return replies.every((s) => s.content === first.content && s.reasoning === first.reasoning);
}

/** The arithmetic mean, 0 for an empty list. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length ? sum / values.length : 0;
}

function percentile(sorted: ArrayLike<number>, q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The curve's ks for code: 1, 2, 4, ... and also 10 and 100, the HumanEval convention, up to the fewest samples of a case. */
function codeKs(cases: readonly CaseSamples[]): number[] {
  const n = Math.min(...cases.map((c) => c.answers.length));
  return [...new Set([...curveKs(n), 10, 100])].filter((k) => k <= n).sort((a, b) => a - b);
}
