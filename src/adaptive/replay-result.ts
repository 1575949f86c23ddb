// `rescore --adaptive` as a pure function: a fixed-N result's cases replayed under the stopping rule, with the verdicts and dollars that would change.
import { addCosts, costOf, type CostTotal, type TokenUsage } from '../cost/cost.js';
import type { Price } from '../cost/price.js';
import { replayCase, summarizeReplay, type CaseReplay, type ReplaySummary } from './replay.js';
import type { StopOptions } from './stop-rule.js';

/** The parts of a saved case a replay reads (a CaseResult has them). */
export interface ReplayableCase {
  id: string;
  samples: readonly { index: number; answer: string | null; correct: boolean; usage: TokenUsage | null }[];
}

/** One case replayed: where it would have stopped, and the verdicts of the stopped and the full vote. */
export interface CaseReplayRow extends CaseReplay {
  id: string;
  stoppedCorrect: boolean;
  fullCorrect: boolean;
}

/** A result replayed: its cases, and the run's figures. */
export interface ResultReplay {
  cases: CaseReplayRow[];
  summary: ReplaySummary & {
    /** Cases whose majority verdict (right or wrong) would differ from the full vote's. */
    changedVerdicts: number;
    /** The cost of the samples the rule would not have drawn (null without a price). */
    savedCost: CostTotal | null;
  };
}

/**
 * Replays each case's samples in index order (abstentions never vote), with `price` to count the
 * dollars the samples after each stop cost. A vote's verdict is its winner's (ties broken as the run's vote breaks them).
 */
export function replayResult(cases: readonly ReplayableCase[], options: Omit<StopOptions, 'samples'> & { price?: Price | null } = {}): ResultReplay {
  const { price, ...stop } = options;
  const saved: (number | null)[] = [];
  const rows = cases.map((c): CaseReplayRow => {
    const ordered = [...c.samples].sort((a, b) => a.index - b.index);
    const verdicts = new Map(ordered.flatMap((s) => (s.answer === null ? [] : [[s.answer, s.correct] as const])));
    const replay = replayCase(
      ordered.map((s) => s.answer),
      stop,
    );
    if (price) for (const s of ordered.slice(replay.samplesUsed)) saved.push(costOf(s.usage, price));
    const right = (winner: string | null) => winner !== null && (verdicts.get(winner) ?? false);
    return { id: c.id, ...replay, stoppedCorrect: right(replay.stoppedWinner), fullCorrect: right(replay.fullWinner) };
  });
  return {
    cases: rows,
    summary: {
      ...summarizeReplay(rows),
      changedVerdicts: rows.filter((r) => r.stoppedCorrect !== r.fullCorrect).length,
      savedCost: price ? addCosts(saved) : null,
    },
  };
}
