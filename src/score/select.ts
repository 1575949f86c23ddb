// Selection among a case's samples: the majority vote, or best-of-N by a verifier's scores.
import type { Sample } from '../schema/result.js';

/**
 * Best-of-N: the answered sample with the highest verifier score (the earliest one on a tie), or
 * undefined when no answered sample has a score.
 */
export function bestOfN(samples: readonly Sample[]): Sample | undefined {
  let best: Sample | undefined;
  for (const s of samples) {
    if (s.answer === null || s.score === undefined || Number.isNaN(s.score)) continue;
    if (!best || s.score > best.score! || (s.score === best.score && s.index < best.index)) best = s;
  }
  return best;
}
