// Adaptive stopping: the Adaptive-Consistency Beta rule (Aggarwal et al. 2023) that says when a case's vote is decided.

/** The default posterior confidence at which a case stops: 0.95, as in Adaptive-Consistency. */
export const DEFAULT_STOP_CONFIDENCE = 0.95;

/** When to stop: the confidence the leader must reach, and bounds on the samples drawn. */
export interface StopOptions {
  /** Stop once P(leader's rate > runner-up's) reaches this; in (0, 1). Default 0.95. */
  confidence?: number;
  /** Never stop before this many samples have been drawn. Default 1. */
  minSamples?: number;
  /** Always stop at this many samples (the cap, `--samples`). Default: no cap. */
  maxSamples?: number;
  /** Samples drawn so far, abstentions and failures included; default: the sum of `counts`. */
  samples?: number;
}

/** Why shouldStop decided as it did. */
export type StopReason = 'decided' | 'cap' | 'continue';

/** The decision after one round, with the posterior it rests on. */
export interface StopDecision {
  stop: boolean;
  /** P(leader's rate > runner-up's) under a uniform prior; 0 when no sample has answered. */
  confidence: number;
  reason: StopReason;
}

/**
 * P(p1 > p2) for the leader's and runner-up's answer rates given their counts `a` and `b`, under a
 * uniform prior: P(X > 1/2) for X ~ Beta(a + 1, b + 1), the paper's Beta criterion. It is also the
 * exact Dirichlet(a + 1, b + 1, rest + 1) probability, since p1 / (p1 + p2) ~ Beta(a + 1, b + 1) there
 * whatever the rest. Computed exactly as P(Binomial(a + b + 1, 1/2) <= a), a sum of min(a, b) + 1
 * terms, so 10,000 votes cost microseconds. Symmetric: leaderConfidence(a, b) = 1 - leaderConfidence(b, a).
 */
export function leaderConfidence(a: number, b: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0) {
    throw new RangeError(`leaderConfidence needs whole counts >= 0, got ${a} and ${b}`);
  }
  if (a < b) return 1 - leaderConfidence(b, a);
  if (a === b) return 0.5;
  // The upper tail P(Bin(n, 1/2) > a) = sum_{j=a+1}^{n} C(n, j) / 2^n has b + 1 terms; the first is
  // the largest, so the rest are summed as ratios to it and the scale is kept in logs.
  const n = a + b + 1;
  let logFirst = -n * Math.LN2;
  for (let i = 1; i <= b; i++) logFirst += Math.log((a + 1 + i) / i); // C(n, a + 1) = C(n, b)
  let term = 1;
  let sum = 1;
  for (let j = a + 1; j < n; j++) {
    term *= (n - j) / (j + 1);
    sum += term;
  }
  return 1 - Math.exp(logFirst) * sum;
}

/** The two largest counts among `counts` (any order), 0 where missing. */
export function topTwo(counts: readonly number[]): [number, number] {
  let first = 0;
  let second = 0;
  for (const c of counts) {
    if (c > first) {
      second = first;
      first = c;
    } else if (c > second) second = c;
  }
  return [first, second];
}

/**
 * After a round: stop when at least `minSamples` have been drawn and the leader's posterior reaches
 * `confidence` ('decided', even on the last sample allowed), else when the cap is reached ('cap'). `counts` are the answers' vote counts in any order;
 * abstentions are not among them (they count toward `samples` only). Throws a RangeError on bad options.
 */
export function shouldStop(counts: readonly number[], options: StopOptions = {}): StopDecision {
  const { confidence: threshold = DEFAULT_STOP_CONFIDENCE, minSamples = 1, maxSamples = Number.POSITIVE_INFINITY } = options;
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`the stopping confidence must be in (0, 1), got ${threshold}`);
  if (!(minSamples >= 1) || !(maxSamples >= 1)) throw new RangeError('minSamples and maxSamples must be at least 1');
  const [a, b] = topTwo(counts);
  const samples = options.samples ?? counts.reduce((sum, c) => sum + c, 0);
  const confidence = a === 0 ? 0 : leaderConfidence(a, b);
  if (samples >= minSamples && a > 0 && confidence >= threshold) return { stop: true, confidence, reason: 'decided' };
  if (samples >= maxSamples) return { stop: true, confidence, reason: 'cap' };
  return { stop: false, confidence, reason: 'continue' };
}
