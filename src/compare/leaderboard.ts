// The leaderboard of three or more result files: accuracy, interval, pass1, maj@k, tokens per correct answer, latency.
import type { ResultView } from '../schema/result.js';
import type { LoadedResult } from './compare.js';

/** Fewest cases run for a file's own interval to be shown. */
export const MIN_INTERVAL_CASES = 2;

/** One file's row, ranked by accuracy. */
export interface LeaderboardRow {
  rank: number;
  file: string;
  model: string;
  accuracy: number;
  /** The run's own 95% interval for accuracy, when the file has one from two or more cases run. */
  ci95: [number, number] | null;
  /** Cases with at least one finished sample. */
  casesRun: number;
  pass1: number;
  /** maj@k for the largest k the file reports, when it reports any. */
  majAtK: { k: number; value: number } | null;
  /** Total tokens over the number of correctly answered cases; null when none is correct. */
  tokensPerCorrect: number | null;
  latencyP50Ms: number;
  /** The top accuracy (every file sharing it is marked). */
  best: boolean;
}

/** Rows sorted by accuracy, then pass1, then the order the files were given. */
export function buildLeaderboard(results: readonly LoadedResult<ResultView>[]): LeaderboardRow[] {
  const rows = results.map(({ file, result }) => {
    const { summary } = result;
    // Accuracy covers the cases that got samples: a partial run's other cases earned nothing.
    const casesRun = result.cases.filter((c) => c.samples.length > 0).length;
    const correct = summary.accuracy * casesRun;
    return {
      rank: 0,
      file,
      model: result.model,
      accuracy: summary.accuracy,
      // One case or none gives a point, not an interval: the renderers say "too few cases".
      ci95: casesRun >= MIN_INTERVAL_CASES ? (summary.ci95 ?? null) : null,
      casesRun,
      pass1: summary.pass1,
      majAtK: largestK(summary.majAtK),
      tokensPerCorrect: correct > 0 ? Math.round(summary.usage.totalTokens / correct) : null,
      latencyP50Ms: summary.latencyMs.p50,
      best: false,
    };
  });
  // Array.prototype.sort is stable, so equal rows keep the command-line order.
  rows.sort((a, b) => b.accuracy - a.accuracy || b.pass1 - a.pass1);
  const top = rows[0]?.accuracy;
  return rows.map((row, i) => ({ ...row, rank: i + 1, best: row.accuracy === top }));
}

function largestK(byK: Record<string, number> | undefined): { k: number; value: number } | null {
  if (!byK) return null;
  const entries = Object.entries(byK)
    .map(([k, value]) => ({ k: Number(k), value }))
    .filter((e) => Number.isFinite(e.k));
  if (!entries.length) return null;
  return entries.reduce((a, b) => (b.k > a.k ? b : a));
}
