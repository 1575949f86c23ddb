// Leaderboard cells for the terminal and markdown renderers: one row per result file, best marked.
import { MIN_INTERVAL_CASES, type LeaderboardRow } from '../compare/leaderboard.js';
import { count, formatDuration, pct, TOO_FEW } from './compare-format.js';
import { cell } from './sanitize.js';

/** Column headers of the leaderboard. */
export const LEADERBOARD_HEADER = ['#', 'file', 'model', 'accuracy', '95% CI', 'pass1', 'maj@k', 'tokens/correct', 'latency p50'];

/** Columns holding numbers (aligned right in the terminal). */
export const LEADERBOARD_NUMERIC = new Set([0, 3, 4, 5, 6, 7, 8]);

/**
 * One row of cells per file; `escapeText` makes a sanitised string safe for the target format, and
 * `bestMark` is appended to the rank of the best file(s).
 */
export function leaderboardCells(rows: readonly LeaderboardRow[], escapeText: (text: string) => string, bestMark: string): string[][] {
  return rows.map((row) => [
    `${row.rank}${row.best ? bestMark : ''}`,
    escapeText(cell(row.file, 48)),
    escapeText(cell(row.model, 32)),
    pct(row.accuracy),
    row.ci95 ? `${pct(row.ci95[0])}–${pct(row.ci95[1])}` : row.casesRun < MIN_INTERVAL_CASES ? TOO_FEW : '',
    pct(row.pass1),
    row.majAtK ? `${pct(row.majAtK.value)} @${row.majAtK.k}` : '',
    row.tokensPerCorrect === null ? 'n/a' : count(row.tokensPerCorrect),
    formatDuration(row.latencyP50Ms),
  ]);
}
