// Scores one case from its samples: the vote over canonical answers decides the case's answer.
import type { CaseResult, Sample } from '../schema/result.js';
import type { Case } from '../schema/suite.js';
import { tallyVotes, voteCredit } from './vote.js';

/** A scored case plus the credit it earns toward accuracy (fractional for a tie). */
export interface ScoredCase {
  result: CaseResult;
  credit: number;
}

/** Votes the samples (in index order) and marks the case by its majority answer. */
export function scoreCase(c: Case, samples: readonly Sample[]): ScoredCase {
  const ordered = [...samples].sort((a, b) => a.index - b.index);
  const tally = tallyVotes(ordered.map((s) => s.answer));
  const correctness = new Map(ordered.filter((s) => s.answer !== null).map((s) => [s.answer!, s.correct]));
  const isCorrect = (answer: string) => correctness.get(answer) ?? false;
  return {
    result: {
      id: c.id,
      scorer: c.scorer,
      expected: c.expected,
      tags: c.tags,
      answer: tally.winner,
      correct: tally.winner !== null && isCorrect(tally.winner),
      tie: tally.tied.length > 1,
      votes: tally.votes,
      margin: round(tally.margin),
      agreement: round(tally.agreement),
      samples: ordered,
    },
    credit: voteCredit(tally, isCorrect),
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
