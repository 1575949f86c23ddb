// best-of-k: the expected accuracy of best-of-N selection from k samples drawn without replacement, exact over all k-subsets.
import { checkK } from './groups.js';

/** What best-of-k reads from a sample: the fields best-of-N selection (select.ts) looks at, and the verdict. */
export interface ScoredSample {
  index: number;
  answer: string | null;
  score?: number | undefined;
  correct: boolean;
}

/** Whether selection can pick the sample: it has an answer and a numeric score, as bestOfN requires. */
const selectable = (s: ScoredSample): boolean => s.answer !== null && s.score !== undefined && !Number.isNaN(s.score);

/**
 * best-of-k for one case: the chance that the sample the verifier scores highest among k samples
 * drawn at random from the case's N (ties to the earliest index, as bestOfN picks) is correct,
 * averaged over all k-subsets exactly. A subset with no selectable sample earns 0. Rank the
 * selectable samples best first; the one at rank r is picked when it is drawn and the r better ones
 * are not: C(N - 1 - r, k - 1) / C(N, k), computed as a running product. best-of-N is the full
 * selection's credit; best-of-1 the share of samples that are selectable and correct.
 * Throws a RangeError unless 1 <= k <= N.
 */
export function bestOfK(samples: readonly ScoredSample[], k: number): number {
  const n = samples.length;
  checkK(n, k, 'bestOfK');
  // Comparisons, not subtraction, so infinite scores order too.
  const ranked = samples.filter(selectable).sort((a, b) => (a.score! > b.score! ? -1 : a.score! < b.score! ? 1 : a.index - b.index));
  let picked = k / n; // rank 0: the best sample is picked whenever it is drawn
  let credit = 0;
  for (let r = 0; r < ranked.length && picked > 0; r++) {
    if (ranked[r]!.correct) credit += picked;
    picked *= (n - k - r) / (n - 1 - r);
  }
  return credit;
}

/** Curve points 1, 2, 4, ... up to n, and n itself (as maj@k and pass@k use). */
function powersOfTwo(n: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k <= n; k *= 2) ks.push(k);
  if (n >= 1 && ks[ks.length - 1] !== n) ks.push(n);
  return ks;
}

/**
 * best-of-k averaged over cases at `ks` (default 1, 2, 4, ..., n), keyed by k as a string. n is the
 * smallest sample count among cases with samples, so every point averages the same cases; ks above
 * it are dropped. Cases with no samples are left out.
 */
export function bestOfKCurve(cases: readonly (readonly ScoredSample[])[], ks?: readonly number[]): Record<string, number> {
  const sampled = cases.filter((c) => c.length > 0);
  if (sampled.length === 0) return {};
  const n = sampled.reduce((least, c) => Math.min(least, c.length), Number.POSITIVE_INFINITY);
  for (const k of ks ?? []) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`bestOfKCurve needs whole ks >= 1; got ${k}`);
  }
  const chosen = [...new Set(ks ?? powersOfTwo(n))].filter((k) => k <= n).sort((a, b) => a - b);
  return Object.fromEntries(chosen.map((k) => [String(k), sampled.reduce((sum, c) => sum + bestOfK(c, k), 0) / sampled.length]));
}
