// The report of `rescore --adaptive`: where each case would have stopped, the samples saved, the votes that change.
import type { ResultReplay } from '../adaptive/replay-result.js';
import { cell } from './sanitize.js';
import { renderTable } from './table.js';

/** The replay as terminal text: totals first, then the cases whose vote or verdict would change. */
export function renderAdaptiveReplay(replay: ResultReplay, confidence: number): string {
  const s = replay.summary;
  const changed = replay.cases.filter((c) => !c.agrees || c.stoppedCorrect !== c.fullCorrect);
  const saved =
    s.savedCost && s.savedCost.known > 0
      ? `; $${s.savedCost.dollars.toFixed(4)} of samples not drawn${s.savedCost.unknown ? ` (+${s.savedCost.unknown} unpriced)` : ''}`
      : '';
  const lines = [
    `Adaptive replay at confidence ${confidence}: ${s.samplesUsed} of ${s.samplesTotal} samples (${s.savingFactor.toFixed(1)}x fewer)${saved}.`,
    `${s.decided} of ${s.cases} cases decided before the cap; ${s.changedVotes} majority answers and ${s.changedVerdicts} verdicts differ from the full vote.`,
  ];
  if (changed.length) {
    const rows = changed.map((c) => [
      cell(c.id, 32),
      String(c.samplesUsed),
      cell(c.stoppedWinner ?? '(none)', 24),
      cell(c.fullWinner ?? '(none)', 24),
      c.fullCorrect === c.stoppedCorrect ? 'same' : c.stoppedCorrect ? 'now right' : 'now wrong',
    ]);
    lines.push('', renderTable(['case', 'stopped at', 'stopped vote', 'full vote', 'verdict'], rows));
  }
  return lines.join('\n');
}
