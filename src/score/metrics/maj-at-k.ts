// maj@k: the expected vote credit of k samples drawn without replacement, over all k-subsets.
import { mulberry32 } from '../../random.js';
import { checkK, groupAnswers, type AnswerGroups } from './groups.js';

/** Above this many inner-loop steps the exact method gives way to sampling (a few tens of ms). */
export const MAJ_EXACT_MAX_STEPS = 20_000_000;
/** Random k-subsets drawn when maj@k is not computed exactly. */
export const MAJ_SAMPLED_SUBSETS = 2000;

/** How majCurve computes: the step budget for the exact method, and the sampling used beyond it. */
export interface MajOptions {
  maxExactSteps?: number;
  subsets?: number;
  seed?: number;
}

/**
 * maj@k for one case: the vote credit (tie = share of tied answers that are correct, no-answers
 * abstain, a subset of only no-answers earns 0) averaged over all k-subsets of its n samples.
 * Exact unless the case is very large (see majCurve); maj@1 is the sample accuracy c/n, maj@n the credit of the full vote.
 * Without no-answers maj@2 equals maj@1 exactly (a split pair earns half); with them maj@2 can exceed
 * it, since a no-answer drawn beside an answer leaves that answer to win alone.
 * Throws a RangeError unless 1 <= k <= n.
 */
export function majAtK(answers: readonly (string | null)[], isCorrect: (answer: string) => boolean, k: number, options: MajOptions = {}): number {
  checkK(answers.length, k, 'majAtK');
  return majCurve(groupAnswers(answers, isCorrect), k, options)[k]!;
}

/**
 * maj@s for every s in 0..kMax at once (index s; index 0 is 0). Exact by a dynamic programme over the
 * distinct answers: for each top count M it sums prod C(n_i, x_i) / C(n, s) over count vectors with
 * every x_i <= M, tracking how many answers reach M and the correct ones among them. When that would
 * take more than `maxExactSteps` steps (many distinct answers and large n), it averages instead over
 * `subsets` seeded random permutations, whose first s samples are a uniform s-subset for every s.
 */
export function majCurve(groups: AnswerGroups, kMax: number, options: MajOptions = {}): Float64Array {
  const { maxExactSteps = MAJ_EXACT_MAX_STEPS, subsets = MAJ_SAMPLED_SUBSETS, seed = 1 } = options;
  return exactSteps(groups, kMax) <= maxExactSteps ? exactCurve(groups, kMax) : sampledCurve(groups, kMax, subsets, seed);
}

function topCounts(groups: AnswerGroups, kMax: number): number {
  return Math.min(
    kMax,
    groups.sizes.reduce((a, b) => Math.max(a, b), 0),
  );
}

function exactSteps(groups: AnswerGroups, kMax: number): number {
  let steps = 0;
  for (let top = 1; top <= topCounts(groups, kMax); top++) {
    const big = groups.sizes.filter((size) => size >= top);
    const width = Math.min(big.length, Math.floor(kMax / top)) + 1;
    steps += big.length * (kMax + 1) * (top + 1) * width;
  }
  return steps;
}

function exactCurve(groups: AnswerGroups, kMax: number): Float64Array {
  const logFact = new Float64Array(groups.n + 1);
  for (let i = 1; i <= groups.n; i++) logFact[i] = logFact[i - 1]! + Math.log(i);
  const logChoose = (a: number, b: number) => logFact[a]! - logFact[b]! - logFact[a - b]!;
  const maj = new Float64Array(kMax + 1);
  for (let top = 1; top <= topCounts(groups, kMax); top++) {
    // State (s drawn, t answers at the top count): weight w = P-mass / C(N, s) over the N samples
    // seen so far, and r = the same mass weighted by how many of the t answers are correct.
    // Answers with fewer than `top` samples can never reach it, so they join the no-answers as a
    // free pool that only dilutes the draw.
    const big = groups.sizes.map((size, g) => ({ size, right: groups.correct[g]! })).filter((b) => b.size >= top);
    const width = Math.min(big.length, Math.floor(kMax / top)) + 1;
    let w = new Float64Array((kMax + 1) * width);
    let r = new Float64Array((kMax + 1) * width);
    let seen = groups.n - big.reduce((sum, b) => sum + b.size, 0);
    for (let s = 0; s <= Math.min(seen, kMax); s++) w[s * width] = 1;
    big.forEach(({ size, right }, done) => {
      const w2 = new Float64Array(w.length);
      const r2 = new Float64Array(r.length);
      for (let s = 0; s <= Math.min(seen, kMax); s++) {
        const tMax = Math.min(done, Math.floor(s / top), width - 1);
        for (let x = 0; x <= Math.min(size, top, kMax - s); x++) {
          // Hypergeometric step: C(seen, s) C(size, x) / C(seen + size, s + x), always <= 1.
          const f = Math.exp(logChoose(seen, s) + logChoose(size, x) - logChoose(seen + size, s + x));
          const hit = x === top ? 1 : 0;
          for (let t = 0; t <= tMax && t + hit < width; t++) {
            const from = s * width + t;
            const wv = w[from]!;
            if (wv === 0) continue;
            const to = (s + x) * width + t + hit;
            w2[to] = w2[to]! + f * wv;
            r2[to] = r2[to]! + f * (r[from]! + hit * right * wv);
          }
        }
      }
      seen += size;
      w = w2;
      r = r2;
    });
    for (let s = 1; s <= kMax; s++) {
      for (let t = 1; t < width; t++) maj[s] = maj[s]! + r[s * width + t]! / t;
    }
  }
  return maj;
}

function sampledCurve(groups: AnswerGroups, kMax: number, subsets: number, seed: number): Float64Array {
  const rng = mulberry32(seed);
  const order = Int32Array.from(groups.groupOf);
  const counts = new Int32Array(groups.sizes.length);
  const sum = new Float64Array(kMax + 1);
  for (let d = 0; d < subsets; d++) {
    counts.fill(0);
    let top = 0;
    let tied = 0;
    let right = 0;
    for (let s = 0; s < kMax; s++) {
      // Partial Fisher-Yates: position s takes a uniform pick of the samples not yet drawn.
      const j = s + Math.floor(rng() * (groups.n - s));
      const g = order[j]!;
      order[j] = order[s]!;
      order[s] = g;
      if (g >= 0) {
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
      if (top > 0) sum[s + 1] = sum[s + 1]! + right / tied;
    }
  }
  return sum.map((v) => v / subsets);
}
