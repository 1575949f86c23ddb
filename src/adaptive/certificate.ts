// The certificate a case stopped early records: samples used, the vote counts then, and the leader's posterior.
import { z } from 'zod';
import { shouldStop, type StopOptions } from './stop-rule.js';

/** Why a case's sampling ended: its vote was decided, or it reached the cap. */
export const AdaptiveCertificate = z.object({
  /** Samples drawn when the case stopped, abstentions and failures included. */
  samplesUsed: z.number().int().min(0),
  /** Votes per canonical answer at that point (no-answers never vote). */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** P(leader's rate > runner-up's) under a uniform prior at that point. */
  confidence: z.number().min(0).max(1),
  /** True when the rule stopped the case; false when the cap did. */
  decided: z.boolean(),
});
/** A stopped case's certificate, as stored in the result file. */
export type AdaptiveCertificate = z.infer<typeof AdaptiveCertificate>;

/** Counts the canonical answers drawn so far (null = no answer, which never votes). */
export function countVotes(answers: readonly (string | null)[]): Record<string, number> {
  // A Map, then fromEntries: an answer such as "__proto__" stays an ordinary key.
  const counts = new Map<string, number>();
  for (const answer of answers) if (answer !== null) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  return Object.fromEntries(counts);
}

/**
 * The runner's check after a round: the case's canonical answers so far in, a certificate out when it
 * should receive no more samples, else null.
 */
export function certifyStop(answers: readonly (string | null)[], options: StopOptions = {}): AdaptiveCertificate | null {
  const counts = countVotes(answers);
  const decision = shouldStop(Object.values(counts), { ...options, samples: answers.length });
  if (!decision.stop) return null;
  return { samplesUsed: answers.length, counts, confidence: decision.confidence, decided: decision.reason === 'decided' };
}
