// Scores one case from its scored samples: the vote over canonical answers decides the case's answer and credit.
import type { CaseResult, Sample, Selection } from '../schema/result.js';
import type { Case } from '../schema/suite.js';
import { bestOfN } from './select.js';
import { tallyVotes, voteCredit, type Tally } from './vote.js';

/**
 * Votes the samples (in index order) and marks the case by its majority answer, or, with
 * `best-of-n`, by the answer of the sample the verifier scored highest (the vote is still recorded).
 * The case's credit is stored with it: every figure downstream (accuracy, compare, the bootstrap) reads it.
 */
export function scoreCase(c: Case, samples: readonly Sample[], selection: Selection = 'majority'): CaseResult {
  const ordered = [...samples].sort((a, b) => a.index - b.index);
  const tally = tallyVotes(ordered.map((s) => s.answer));
  if (selection === 'best-of-n') {
    const best = bestOfN(ordered);
    const correct = best?.correct ?? false;
    return caseResult(c, ordered, tally, { answer: best?.answer ?? null, correct, tie: false, credit: correct ? 1 : 0 });
  }
  const correctness = new Map(ordered.filter((s) => s.answer !== null).map((s) => [s.answer!, s.correct]));
  const isCorrect = (answer: string) => correctness.get(answer) ?? false;
  const winner = tally.winner;
  return caseResult(c, ordered, tally, {
    answer: winner,
    correct: winner !== null && isCorrect(winner),
    tie: tally.tied.length > 1,
    credit: voteCredit(tally, isCorrect),
  });
}

function caseResult(c: Case, samples: Sample[], tally: Tally, verdict: Pick<CaseResult, 'answer' | 'correct' | 'tie' | 'credit'>): CaseResult {
  return {
    id: c.id,
    scorer: c.scorer,
    expected: c.expected,
    tags: c.tags,
    answer: verdict.answer,
    correct: verdict.correct,
    tie: verdict.tie,
    votes: tally.votes,
    margin: round(tally.margin),
    agreement: round(tally.agreement),
    credit: verdict.credit,
    samples,
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
