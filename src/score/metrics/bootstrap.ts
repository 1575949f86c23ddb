// A 95% interval for majority-vote accuracy by a two-stage (clustered) bootstrap over cases and samples.
import { mulberry32, type Rng } from '../../random.js';
import { groupAnswers, type AnswerGroups, type CaseSamples } from './groups.js';

/** Bootstrap settings: how many resamples, and the seed that makes the interval reproducible. */
export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
}

/**
 * 95% interval for accuracy (mean vote credit) by a two-stage bootstrap: each resample draws cases
 * with replacement, then within each drawn case draws its n samples with replacement and re-votes
 * them, so a case's correlated samples stay together and the chance a vote goes the other way counts.
 * A re-vote of resampled samples is noisier than the real vote, so the resampled means sit below the
 * observed accuracy (in simulation the plain 2.5%/97.5% percentiles missed the true accuracy in
 * 67-100% of runs). The interval is therefore the percentile interval moved by (observed accuracy -
 * resampled mean), clipped to [0, 1]. Cases with no samples are left out; with none, [0, 0].
 * Deterministic for a given seed (mulberry32).
 */
export function bootstrapCi95(cases: readonly CaseSamples[], options: BootstrapOptions = {}): [number, number] {
  const { resamples = 1000, seed = 1 } = options;
  const groups = cases.filter((c) => c.answers.length > 0).map((c) => groupAnswers(c.answers, c.isCorrect));
  if (groups.length === 0 || resamples < 1) return [0, 0];
  const observed = groups.reduce((sum, g) => sum + observedCredit(g), 0) / groups.length;
  const rng = mulberry32(seed);
  const counts = new Int32Array(groups.reduce((most, g) => Math.max(most, g.sizes.length), 0));
  const stats = new Float64Array(resamples);
  let sum = 0;
  for (let b = 0; b < resamples; b++) {
    let total = 0;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[Math.floor(rng() * groups.length)]!;
      // Every sample gave the same answer: any resample of them votes the same way, no draws needed.
      total += g.nulls === 0 && g.sizes.length === 1 ? g.correct[0]! : resampledCredit(g, rng, counts);
    }
    stats[b] = total / groups.length;
    sum += stats[b]!;
  }
  stats.sort();
  const shift = observed - sum / resamples;
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return [clip(quantile(stats, 0.025) + shift), clip(quantile(stats, 0.975) + shift)];
}

/** The credit of the case's own vote (same tie rule as voteCredit). */
function observedCredit(groups: AnswerGroups): number {
  const top = groups.sizes.reduce((a, b) => Math.max(a, b), 0);
  let tied = 0;
  let right = 0;
  groups.sizes.forEach((size, g) => {
    if (size === top) {
      tied++;
      right += groups.correct[g]!;
    }
  });
  return top > 0 ? right / tied : 0;
}

/** Vote credit of n samples drawn with replacement from one case; `counts` is scratch space. */
function resampledCredit(groups: AnswerGroups, rng: Rng, counts: Int32Array): number {
  counts.fill(0, 0, groups.sizes.length);
  let top = 0;
  let tied = 0;
  let right = 0;
  for (let d = 0; d < groups.n; d++) {
    const g = groups.groupOf[Math.floor(rng() * groups.n)]!;
    if (g < 0) continue;
    const c = (counts[g] = counts[g]! + 1);
    const ok = groups.correct[g]!;
    if (c > top) {
      top = c;
      tied = 1;
      right = ok;
    } else if (c === top) {
      tied++;
      right += ok;
    }
  }
  return top > 0 ? right / tied : 0;
}

/** Linear interpolation between order statistics (type 7) of a sorted sample. */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const low = sorted[lo]!;
  return low + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? low) - low);
}

const Z95 = 1.959963984540054;

/**
 * 95% interval for accuracy over a new draw of cases from the same population: Wilson's score
 * interval on the sum of per-case credits. A case's credit lies in [0, 1], so its variance is at
 * most m(1 - m), the Bernoulli variance Wilson assumes: the interval errs wide, never collapses to a
 * point, and needs no resampling. Null with fewer than two cases (one case says nothing about a
 * population). The two-stage bootstrap above answers the other question, the same cases re-sampled.
 */
export function populationCi95(credits: readonly number[]): [number, number] | null {
  const n = credits.length;
  if (n < 2) return null;
  const m = credits.reduce((a, b) => a + b, 0) / n;
  const z2 = Z95 ** 2;
  const center = (m + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((m * (1 - m)) / n + z2 / (4 * n * n));
  const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1e6) / 1e6;
  return [round(center - half), round(center + half)];
}
