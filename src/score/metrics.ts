// Run-level metrics with honest estimators: maj@k and pass@k curves, a clustered bootstrap CI, per-tag figures.
import { detached } from '../detached-string.js';
import type { CaseView, TagSummary } from '../schema/result.js';
import { correctCount, groupAnswers, type CaseSamples } from './metrics/groups.js';
import { majCurve } from './metrics/maj-at-k.js';
import { passAtK } from './metrics/pass-at-k.js';
import { tallyVotes, voteCredit } from './vote.js';

export type { CaseSamples } from './metrics/groups.js';
export { passAtK } from './metrics/pass-at-k.js';
export { majAtK, MAJ_EXACT_MAX_STEPS, MAJ_SAMPLED_SUBSETS } from './metrics/maj-at-k.js';
export { bootstrapCi95, type BootstrapOptions } from './metrics/bootstrap.js';

/** Metric input from a case in a result: every sample in index order (failed ones as no answer). */
export function toCaseSamples(result: CaseView, credit?: number): CaseSamples {
  const ordered = [...result.samples].sort((a, b) => a.index - b.index);
  // Each distinct answer kept once and copied free of the reply it was read from: a run's summary keeps these for every case.
  const kept = new Map<string, string>();
  const verdicts = new Map<string, boolean>();
  const answers = ordered.map((s) => {
    if (s.answer === null) return null;
    const answer = kept.get(s.answer) ?? detached(s.answer);
    kept.set(s.answer, answer);
    verdicts.set(answer, s.correct);
    return answer;
  });
  return {
    answers,
    isCorrect: (answer) => verdicts.get(answer) ?? false,
    tags: result.tags,
    ...(credit !== undefined && { credit }),
  };
}

/** Curve points for n samples: 1, 2, 4, 8, ... up to n, and n itself (n = 5 gives 1, 2, 4, 5). */
export function curveKs(n: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k <= n; k *= 2) ks.push(k);
  if (n >= 1 && ks[ks.length - 1] !== n) ks.push(n);
  return ks;
}

/** maj@k and pass@k averaged over cases, keyed by k as a string ("1", "2", "4", ...). */
export interface Curves {
  majAtK: Record<string, number>;
  passAtK: Record<string, number>;
}

/**
 * maj@k and pass@k, each the mean over cases of the per-case estimate, at `ks` (default curveKs(n)).
 * n is the smallest sample count among cases with any samples, so every point averages the same
 * cases; ks above n are dropped rather than extrapolated. Cases with no samples are left out.
 */
export function summaryCurves(cases: readonly CaseSamples[], ks?: readonly number[]): Curves {
  const sampled = cases.filter((c) => c.answers.length > 0);
  if (sampled.length === 0) return { majAtK: {}, passAtK: {} };
  const n = sampled.reduce((least, c) => Math.min(least, c.answers.length), Infinity);
  for (const k of ks ?? []) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`summaryCurves needs whole ks >= 1; got ${k}`);
  }
  const chosen = [...new Set(ks ?? curveKs(n))].filter((k) => k <= n).sort((a, b) => a - b);
  const kMax = chosen[chosen.length - 1] ?? 0;
  const maj = new Float64Array(chosen.length);
  const pass = new Float64Array(chosen.length);
  for (const c of sampled) {
    const groups = groupAnswers(c.answers, c.isCorrect);
    const curve = majCurve(groups, kMax);
    const right = correctCount(groups);
    chosen.forEach((k, i) => {
      maj[i] = maj[i]! + curve[k]!;
      pass[i] = pass[i]! + passAtK(groups.n, right, k);
    });
  }
  const keyed = (sums: Float64Array) => Object.fromEntries(chosen.map((k, i) => [String(k), sums[i]! / sampled.length]));
  return { majAtK: keyed(maj), passAtK: keyed(pass) };
}

/** Figures for the cases carrying one tag: `cases` counts them all, the rates cover those with samples. */
export type TagFigures = TagSummary;

/** Accuracy and pass1 per tag, computed as summarize does for the whole run. */
export function byTag(cases: readonly CaseSamples[]): Record<string, TagFigures> {
  const sums = new Map<string, { cases: number; sampled: number; credit: number; share: number }>();
  for (const c of cases) {
    const n = c.answers.length;
    const credit = !n ? 0 : (c.credit ?? voteCredit(tallyVotes(c.answers), c.isCorrect));
    const share = n ? c.answers.filter((a) => a !== null && c.isCorrect(a)).length / n : 0;
    for (const tag of new Set(c.tags)) {
      const sum = sums.get(tag) ?? { cases: 0, sampled: 0, credit: 0, share: 0 };
      sums.set(tag, {
        cases: sum.cases + 1,
        sampled: sum.sampled + (n ? 1 : 0),
        credit: sum.credit + credit,
        share: sum.share + share,
      });
    }
  }
  return Object.fromEntries(
    [...sums].map(([tag, s]) => [tag, { cases: s.cases, accuracy: s.sampled ? s.credit / s.sampled : 0, pass1: s.sampled ? s.share / s.sampled : 0 }]),
  );
}
