// The vote: samples' canonical answers are counted, no-answers abstain, ties are broken by a stated rule.

/** The outcome of a vote among one case's samples. */
export interface Tally {
  /** Votes per canonical answer. */
  votes: Record<string, number>;
  /** The winning answer, or null when no sample gave one. */
  winner: string | null;
  /** Answers sharing the top count (more than one means a tie). */
  tied: string[];
  /** Top count minus runner-up count, as a share of the voting samples. */
  margin: number;
  /** Share of voting samples that gave the winning answer. */
  agreement: number;
}

/**
 * Counts canonical answers in sample order; `null` (no answer) never votes and so can never win.
 * Tie rule: among the answers with the top count, the one first given in sample order wins, and
 * the tie is reported (`tied.length > 1`).
 */
export function tallyVotes(answers: readonly (string | null)[]): Tally {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    if (answer !== null) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  }
  // Map keeps first-appearance order, and sort is stable, so ties stay in sample order.
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const voters = answers.length - answers.filter((a) => a === null).length;
  const top = ranked[0]?.[1] ?? 0;
  const second = ranked[1]?.[1] ?? 0;
  return {
    votes: Object.fromEntries(ranked),
    winner: ranked[0]?.[0] ?? null,
    tied: ranked.filter(([, n]) => n === top).map(([answer]) => answer),
    margin: voters ? (top - second) / voters : 0,
    agreement: voters ? top / voters : 0,
  };
}

/**
 * The credit a vote earns: 1 or 0 for a clear winner; for a tie, the share of tied answers that
 * are correct, so that a tie between a right and a wrong answer is worth what a coin flip is.
 */
export function voteCredit(tally: Tally, isCorrect: (answer: string) => boolean): number {
  if (tally.tied.length === 0) return 0;
  return tally.tied.filter(isCorrect).length / tally.tied.length;
}
