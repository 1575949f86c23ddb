// Bootstrap interval for the mean of per-case values, seeded so the same files give the same interval.
import { mulberry32 } from '../../random.js';

/** Resample count, PRNG seed and interval coverage; the defaults are 2000, 1 and 0.95. */
export interface MeanBootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Coverage of the interval, 0.95 for a 95% interval. */
  level?: number;
}

/** Resamples used unless told otherwise. */
export const DEFAULT_RESAMPLES = 2000;

/**
 * Percentile interval for the mean of per-case values, resampling cases. Given per-case
 * differences (candidate minus base) it is the paired bootstrap: each case's pair stays together.
 * Null when there are no cases.
 */
export function bootstrapMeanInterval(differences: readonly number[], options: MeanBootstrapOptions = {}): [number, number] | null {
  const n = differences.length;
  if (n === 0) return null;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? 0.95;
  const random = mulberry32(options.seed ?? 1);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += differences[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  const tail = (1 - level) / 2;
  const lo = means[Math.min(resamples - 1, Math.floor(tail * resamples))]!;
  const hi = means[Math.max(0, Math.ceil((1 - tail) * resamples) - 1)]!;
  return [round(lo), round(hi)];
}

// Rounding hides floating-point noise from summing in different orders; six places is plenty for a rate.
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
