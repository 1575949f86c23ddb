// Scores one case from its samples: the vote over canonical answers decides the case's answer.
import type { CaseResult, Sample, Selection } from '../schema/result.js';
import type { Case } from '../schema/suite.js';
import { bestOfN } from './select.js';
import { tallyVotes, voteCredit, type Tally } from './vote.js';

/** A scored case plus the credit it earns toward accuracy (fractional for a tie). */
export interface ScoredCase {
  result: CaseResult;
  credit: number;
}

/**
 * Votes the samples (in index order) and marks the case by its majority answer, or, with
 * `best-of-n`, by the answer of the sample the verifier scored highest (the vote is still recorded).
 */
export function scoreCase(c: Case, samples: readonly Sample[], selection: Selection = 'majority'): ScoredCase {
  const ordered = [...samples].sort((a, b) => a.index - b.index);
  const tally = tallyVotes(ordered.map((s) => s.answer));
  const correctness = new Map(ordered.filter((s) => s.answer !== null).map((s) => [s.answer!, s.correct]));
  const isCorrect = (answer: string) => correctness.get(answer) ?? false;
  if (selection === 'best-of-n') {
    const best = bestOfN(ordered);
    const correct = best?.correct ?? false;
    return { result: caseResult(c, ordered, tally, { answer: best?.answer ?? null, correct, tie: false }), credit: correct ? 1 : 0 };
  }
  const verdict = { answer: tally.winner, correct: tally.winner !== null && isCorrect(tally.winner), tie: tally.tied.length > 1 };
  return { result: caseResult(c, ordered, tally, verdict), credit: voteCredit(tally, isCorrect) };
}

function caseResult(c: Case, samples: Sample[], tally: Tally, verdict: Pick<CaseResult, 'answer' | 'correct' | 'tie'>): CaseResult {
  return {
    id: c.id,
    scorer: c.scorer,
    expected: c.expected,
    tags: c.tags,
    ...verdict,
    votes: tally.votes,
    margin: round(tally.margin),
    agreement: round(tally.agreement),
    samples,
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
