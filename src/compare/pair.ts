// One candidate against the base: paired figures, the sign-flip test on pass1, flips by credit, coverage and notices.
import { invalidInput } from '../errors.js';
import type { CaseView, ResultView } from '../schema/result.js';
import type { CaseChange, CaseSide, Delta, LoadedResult, PairwiseComparison } from './compare.js';
import { caseCredit, casePass1, isSampled, matchCases } from './match.js';
import { mcnemarExact } from './mcnemar.js';
import { comparisonNotices, noticeWarnings, sampleCoverage } from './notices.js';
import { pairedProportionInterval } from './paired-proportion.js';
import { signFlipTest } from './sign-flip.js';
import { comparisonWarnings } from './warnings.js';

/** Settings for one pair: the level, refusing unpaired files, and the Monte Carlo draws and seed. */
export interface PairOptions {
  alpha: number;
  force?: boolean;
  draws: number;
  seed?: number;
}

// Credits and pass1 are fractions of small integers; a difference below this is rounding, not a change.
const MOVED = 1e-9;

/** Compares `candidate` with `base` case by case; the gate failures are left empty for the caller. */
export function comparePair(base: LoadedResult<ResultView>, candidate: LoadedResult<ResultView>, options: PairOptions): PairwiseComparison {
  const match = matchCases(base.result.cases, candidate.result.cases);
  if (!match.shared.length && !options.force) {
    throw invalidInput(
      `${base.file} and ${candidate.file} share no case ids, so there are no pairs to compare (are they runs of different suites?); pass --force to compare their summaries anyway.`,
    );
  }
  const paired = match.shared.filter((p) => isSampled(p.base) && isSampled(p.candidate));
  const sides = paired.map((p) => ({ id: p.id, before: side(p.base), after: side(p.candidate) }));
  const random = { seed: options.seed ?? 1, draws: options.draws };
  const test = signFlipTest(
    sides.map((s) => s.after.pass1 - s.before.pass1),
    { alpha: options.alpha, ...random },
  );
  const regressed = moved(sides, 'credit', -1);
  const improved = moved(sides, 'credit', 1);
  const notices = comparisonNotices(base.result, candidate.result, paired);
  const ci95Delta = paired.length < test.minCases ? null : pairedProportionInterval(sides.map((s) => s.after.credit - s.before.credit));
  const verdict =
    paired.length < test.minCases ? 'too_few_cases' : test.pValue >= options.alpha ? 'no_significant_change' : test.meanDelta < 0 ? 'worse' : 'better';
  const b = base.result.summary;
  const c = candidate.result.summary;
  return {
    file: candidate.file,
    model: candidate.result.model,
    pairedCases: paired.length,
    accuracy: delta(mean(sides.map((s) => s.before.credit)), mean(sides.map((s) => s.after.credit))),
    pass1: delta(mean(sides.map((s) => s.before.pass1)), mean(sides.map((s) => s.after.pass1))),
    test: { ...test, statistic: 'pass1', method: 'sign-flip permutation' },
    // Too few cases for the test means too few for this interval too: "too few cases", not a point or a guess.
    ci95Delta,
    mcnemar: { b: regressed.length, c: improved.length, pValue: mcnemarExact(regressed.length, improved.length) },
    verdict,
    smallSuite: paired.length < test.minCases,
    coverage: sampleCoverage(base.result.cases, match),
    notices,
    summaryAccuracy: delta(b.accuracy, c.accuracy),
    totalTokens: delta(b.usage.totalTokens, c.usage.totalTokens),
    reasoningTokens: delta(b.usage.reasoningTokens, c.usage.reasoningTokens),
    latencyP50Ms: delta(b.latencyMs.p50, c.latencyMs.p50),
    costUsd: { base: b.cost?.totalUsd ?? null, candidate: c.cost?.totalUsd ?? null },
    regressed,
    improved,
    pass1Fell: moved(sides, 'pass1', -1),
    pass1Rose: moved(sides, 'pass1', 1),
    warnings: [
      ...comparisonWarnings(base.file, base.result, candidate.file, candidate.result, match),
      ...noticeWarnings(notices, base.file, candidate.file),
      ...disagreement(verdict, ci95Delta),
    ],
    gateFailures: [],
  };
}

// The gate reads pass1; when the majority accuracy's interval points elsewhere, say so rather than leave two figures to contradict.
function disagreement(verdict: PairwiseComparison['verdict'], accuracy: [number, number] | null): string[] {
  if (!accuracy || verdict === 'too_few_cases') return [];
  const side = accuracy[1] < 0 ? 'worse' : accuracy[0] > 0 ? 'better' : null;
  if (!side || side === verdict) return [];
  return [
    `The majority accuracy's 95% interval excludes 0 (${side}) while the paired pass1 test says ${verdict.replaceAll('_', ' ')}: the gate reads pass1, which uses every sample; a larger suite would settle it.`,
  ];
}

/** Cases whose `key` moved in `direction` (-1 fell, 1 rose), the largest move first, then the other figure's move, then base order. */
function moved(sides: readonly CaseChange[], key: 'credit' | 'pass1', direction: -1 | 1): CaseChange[] {
  const other = key === 'credit' ? 'pass1' : 'credit';
  const change = (s: CaseChange, k: 'credit' | 'pass1') => direction * (s.after[k] - s.before[k]);
  // Array.prototype.sort is stable, so equal moves keep the base's order.
  return sides.filter((s) => change(s, key) > MOVED).sort((x, y) => change(y, key) - change(x, key) || change(y, other) - change(x, other));
}

function side(c: CaseView): CaseSide {
  return { answer: c.answer, correct: c.correct, votes: c.votes, samples: c.samples.length, credit: caseCredit(c), pass1: casePass1(c) };
}

function delta(base: number, candidate: number): Delta {
  return { base, candidate, delta: candidate - base };
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
