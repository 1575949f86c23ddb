// The paired sign-flip permutation test on per-case differences, and the interval it inverts to.
import { mulberry32 } from '../random.js';

/** Significance level, PRNG seed, Monte Carlo draws, and the case count up to which every sign vector is enumerated. */
export interface SignFlipOptions {
  alpha: number;
  seed?: number;
  /** Random sign vectors when the test is not exact; default 10,000. */
  draws?: number;
  /** Enumerate all 2^n sign vectors up to this many cases; default 16. */
  exactUpTo?: number;
}

/** The test's answer: the mean difference, its two-sided p-value, and the interval of shifts it does not reject. */
export interface SignFlipResult {
  cases: number;
  meanDelta: number;
  pValue: number;
  /** Shifts θ the test does not reject at alpha, clipped to [-1, 1]; null when fewer than `minCases` cases. */
  interval: [number, number] | null;
  /** Coverage of the interval: 1 - alpha. */
  level: number;
  exact: boolean;
  /** Sign vectors behind the p-value: 2^n when exact, else the Monte Carlo draws. */
  draws: number;
  /** Fewest cases with which p can fall below alpha at all (2^(1-n) < alpha). */
  minCases: number;
}

const BISECTIONS = 40;
// Sums of multiples of 1/n computed in different orders differ by a few ulps; equal statistics must count as equal.
const EPS = 1e-9;

/** Fewest paired cases for which the smallest two-sided p-value, 2^(1-n), is below `alpha`. */
export function minCasesFor(alpha: number): number {
  let n = 1;
  while (2 ** (1 - n) >= alpha && n < 64) n++;
  return n;
}

/**
 * Two-sided sign-flip test of "the per-case differences are symmetric about 0" with the mean as
 * statistic: exact over all 2^n sign vectors up to `exactUpTo` cases, Monte Carlo (seeded,
 * p = (1 + hits) / (1 + draws)) beyond. The interval is the test inverted: every shift θ for which
 * the same test on d - θ gives p >= alpha. It is found by bisection on the side of 0 that the
 * p-value at 0 decides, so p < alpha exactly when the interval excludes 0.
 */
export function signFlipTest(differences: readonly number[], options: SignFlipOptions): SignFlipResult {
  const n = differences.length;
  const { alpha } = options;
  const minCases = minCasesFor(alpha);
  const level = 1 - alpha;
  if (n === 0) return { cases: 0, meanDelta: 0, pValue: 1, interval: null, level, exact: true, draws: 0, minCases };
  const exact = n <= (options.exactUpTo ?? 16);
  const { sums, signs } = exact ? enumerate(differences) : drawSigns(differences, options.draws ?? 10_000, options.seed ?? 1);
  const total = differences.reduce((a, b) => a + b, 0);
  const mean = total / n;
  const pAt = (theta: number): number => {
    const observed = Math.abs(total - n * theta) - EPS;
    let hits = 0;
    for (let b = 0; b < sums.length; b++) if (Math.abs(sums[b]! - theta * signs[b]!) >= observed) hits++;
    return exact ? hits / sums.length : (1 + hits) / (1 + sums.length);
  };
  const pValue = Math.min(1, pAt(0));
  const interval = n < minCases ? null : invert(pAt, pValue, mean, alpha);
  return { cases: n, meanDelta: mean, pValue, interval, level, exact, draws: sums.length, minCases };
}

type Bounds = { sums: Float64Array; signs: Float64Array };

// For each sign vector s: sum(s_i d_i) and sum(s_i), so the statistic for d - θ is sums - θ * signs.
function enumerate(d: readonly number[]): Bounds {
  const n = d.length;
  const size = 2 ** n;
  const sums = new Float64Array(size);
  const signs = new Float64Array(size);
  for (let v = 0; v < size; v++) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      const sign = (v >>> i) & 1 ? -1 : 1;
      s += sign * d[i]!;
      t += sign;
    }
    sums[v] = s;
    signs[v] = t;
  }
  return { sums, signs };
}

function drawSigns(d: readonly number[], draws: number, seed: number): Bounds {
  const random = mulberry32(seed);
  const sums = new Float64Array(draws);
  const signs = new Float64Array(draws);
  for (let b = 0; b < draws; b++) {
    let s = 0;
    let t = 0;
    for (const x of d) {
      const sign = random() < 0.5 ? -1 : 1;
      s += sign * x;
      t += sign;
    }
    sums[b] = s;
    signs[b] = t;
  }
  return { sums, signs };
}

// Each bound is searched between a rejected and an accepted shift; which pair is decided by p at 0,
// so the interval excludes 0 exactly when the test rejects (p need not be monotone in θ). Bounds are
// rounded inward to six decimals, which keeps them accepted; they sit at breakpoints of p(θ),
// rationals of the differences, never within 1e-6 of 0 unless at 0.
function invert(pAt: (theta: number) => number, p0: number, mean: number, alpha: number): [number, number] {
  const accepted = (theta: number) => pAt(theta) >= alpha;
  const rejects0 = p0 < alpha;
  const lower = rejects0 && mean > 0 ? boundary(accepted, 0, mean) : accepted(-1) ? -1 : boundary(accepted, -1, Math.min(0, mean));
  const upper = rejects0 && mean < 0 ? boundary(accepted, 0, mean) : accepted(1) ? 1 : boundary(accepted, 1, Math.max(0, mean));
  return [Math.ceil(lower * 1e6) / 1e6 || 0, Math.floor(upper * 1e6) / 1e6 || 0];
}

// Bisection between a rejected shift and an accepted one; returns the accepted end.
function boundary(accepted: (theta: number) => boolean, rejected: number, inside: number): number {
  let out = rejected;
  let inn = inside;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (out + inn) / 2;
    if (accepted(mid)) inn = mid;
    else out = mid;
  }
  return inn;
}
