// Replays a fixed-N case's saved samples in index order under the stopping rule: where it would have stopped, and whether its vote would differ.
import { tallyVotes } from '../score/vote.js';
import { countVotes, type AdaptiveCertificate } from './certificate.js';
import { shouldStop, type StopOptions } from './stop-rule.js';

/** Where one case would have stopped, and its vote then against the vote of all its samples. */
export interface CaseReplay {
  samplesUsed: number;
  samplesTotal: number;
  certificate: AdaptiveCertificate;
  /** The majority answer of the first `samplesUsed` samples (same tie rule as the run's vote). */
  stoppedWinner: string | null;
  /** The majority answer of all samples. */
  fullWinner: string | null;
  /** Whether the two majority answers are the same. */
  agrees: boolean;
}

/**
 * Replays `answers` (canonical answers in sample-index order, null = no answer) under the rule: the
 * first n >= minSamples at which it says stop, capped at `maxSamples` and at the samples saved.
 */
export function replayCase(answers: readonly (string | null)[], options: Omit<StopOptions, 'samples'> = {}): CaseReplay {
  const cap = Math.min(options.maxSamples ?? answers.length, answers.length);
  const counts = new Map<string, number>();
  let used = 0;
  let confidence = 0;
  let decided = false;
  while (used < cap) {
    const answer = answers[used++] ?? null;
    if (answer !== null) counts.set(answer, (counts.get(answer) ?? 0) + 1);
    const decision = shouldStop([...counts.values()], { ...options, maxSamples: cap, samples: used });
    confidence = decision.confidence;
    if (decision.stop) {
      decided = decision.reason === 'decided';
      break;
    }
  }
  const prefix = answers.slice(0, used);
  const stoppedWinner = tallyVotes(prefix).winner;
  const fullWinner = tallyVotes(answers).winner;
  return {
    samplesUsed: used,
    samplesTotal: answers.length,
    certificate: { samplesUsed: used, counts: countVotes(prefix), confidence, decided },
    stoppedWinner,
    fullWinner,
    agrees: stoppedWinner === fullWinner,
  };
}

/** A run's replay in figures: samples the rule would have used against those drawn, and votes it would change. */
export interface ReplaySummary {
  cases: number;
  samplesUsed: number;
  samplesTotal: number;
  /** samplesTotal / samplesUsed: how many times fewer samples (1 when nothing was saved or drawn). */
  savingFactor: number;
  /** Mean over cases with samples of samplesUsed / samplesTotal. */
  meanRatio: number;
  /** Cases stopped by the rule before the cap. */
  decided: number;
  /** Cases whose stopped majority answer differs from the full vote's. */
  changedVotes: number;
}

/** Adds up case replays. */
export function summarizeReplay(replays: readonly CaseReplay[]): ReplaySummary {
  const samplesUsed = replays.reduce((sum, r) => sum + r.samplesUsed, 0);
  const samplesTotal = replays.reduce((sum, r) => sum + r.samplesTotal, 0);
  const sampled = replays.filter((r) => r.samplesTotal > 0);
  return {
    cases: replays.length,
    samplesUsed,
    samplesTotal,
    savingFactor: samplesUsed > 0 ? samplesTotal / samplesUsed : 1,
    meanRatio: sampled.length ? sampled.reduce((sum, r) => sum + r.samplesUsed / r.samplesTotal, 0) / sampled.length : 1,
    decided: replays.filter((r) => r.certificate.decided).length,
    changedVotes: replays.filter((r) => !r.agrees).length,
  };
}
