// The paired comparison of a base result with one or more candidates: a pure function of the results.
import type { Result, ResultView } from '../schema/result.js';
import { gateFailures, type GateOptions } from './gate.js';
import { buildLeaderboard, type LeaderboardRow } from './leaderboard.js';
import type { McNemarResult } from './mcnemar.js';
import type { Coverage, Notices } from './notices.js';
import { comparePair } from './pair.js';
import type { SignFlipResult } from './sign-flip.js';

/** Monte Carlo sign vectors used unless told otherwise. */
export const DEFAULT_RESAMPLES = 10_000;

/** A result file as read, with the path it was read from. */
export interface LoadedResult<R extends ResultView = Result> {
  file: string;
  result: R;
}

/** A figure in the base and the candidate; delta is candidate minus base. */
export interface Delta {
  base: number;
  candidate: number;
  delta: number;
}

/** One side of a changed case: the majority answer, its vote, the case's credit and its pass1. */
export interface CaseSide {
  answer: string | null;
  correct: boolean;
  votes: Record<string, number>;
  samples: number;
  /** Credit toward accuracy (1, 0, or a tie's share of correct answers). */
  credit: number;
  /** Share of the case's samples that were right (failed samples count as not right). */
  pass1: number;
}

/** A case whose credit or pass1 moved between base and candidate. */
export interface CaseChange {
  id: string;
  before: CaseSide;
  after: CaseSide;
}

/**
 * The paired test's verdict: significantly worse or better (p < alpha, in the direction of the mean
 * pass1 difference), no significant change, or too few cases for any p below alpha.
 */
export type Verdict = 'worse' | 'better' | 'no_significant_change' | 'too_few_cases';

/** The gate's test: sign-flip permutation on per-case pass1 differences, with the interval it inverts to. */
export interface PairedTest extends SignFlipResult {
  statistic: 'pass1';
  method: 'sign-flip permutation';
}

/** The base against one candidate, paired on the cases both ran. */
export interface PairwiseComparison {
  file: string;
  model: string;
  /** Cases present and sampled in both files: the pairs behind the tests and the intervals. */
  pairedCases: number;
  /** Majority-vote accuracy (each case's credit) over the paired cases. */
  accuracy: Delta;
  /** Mean per-sample accuracy over the paired cases. */
  pass1: Delta;
  /** The test the verdict and the regression gate read; its interval is for the pass1 delta. */
  test: PairedTest;
  /** 95% interval for the accuracy delta for a new draw of cases (Bonett-Price adjusted Wald on credit falls and rises); null with too few cases. */
  ci95Delta: [number, number] | null;
  /** McNemar's exact test on the credit flips: b = regressed.length, c = improved.length. A labelled extra figure. */
  mcnemar: McNemarResult;
  verdict: Verdict;
  /** True when pairedCases < test.minCases: the gate falls back to counting newly failing cases. */
  smallSuite: boolean;
  coverage: Coverage;
  notices: Notices;
  /** Whole-file accuracy from each summary (what --fail-under reads). */
  summaryAccuracy: Delta;
  /** Each run's dollars, null where a run had no known price. */
  costUsd: { base: number | null; candidate: number | null };
  totalTokens: Delta;
  reasoningTokens: Delta;
  latencyP50Ms: Delta;
  /** Newly failing: cases whose credit fell, largest fall first. */
  regressed: CaseChange[];
  /** Newly passing: cases whose credit rose, largest rise first. */
  improved: CaseChange[];
  /** Cases whose pass1 fell (the test's own list), largest fall first. */
  pass1Fell: CaseChange[];
  pass1Rose: CaseChange[];
  warnings: string[];
  /** One sentence per gate this candidate failed; empty when it passed or no gate was asked for. */
  gateFailures: string[];
}

/** The whole comparison: the base, each candidate against it, and a leaderboard for three or more files. */
export interface Comparison {
  base: { file: string; model: string; suite: string; simulated: boolean; summary: Result['summary'] };
  alpha: number;
  /** Monte Carlo sign vectors for tests that are not exact. */
  resamples: number;
  candidates: PairwiseComparison[];
  leaderboard: LeaderboardRow[] | null;
}

/** How to compare: the significance level, whether to force unpaired files, and the gates to apply. */
export interface CompareOptions {
  /** Significance level for the verdict and the regression gate. */
  alpha: number;
  /** Compare files that share no case ids instead of refusing. */
  force?: boolean;
  gates?: Omit<GateOptions, 'alpha'>;
  /** Monte Carlo sign vectors when the test is not exact. */
  resamples?: number;
  seed?: number;
}

/** Compares `candidates` with `base`; files that share no case id are refused unless `force`. */
export function compareResults(base: LoadedResult<ResultView>, candidates: readonly LoadedResult<ResultView>[], options: CompareOptions): Comparison {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const pairwise = candidates.map((candidate) => {
    const comparison = comparePair(base, candidate, { alpha: options.alpha, force: options.force, seed: options.seed, draws: resamples });
    comparison.gateFailures = gateFailures(comparison, base.file, { ...options.gates, alpha: options.alpha });
    return comparison;
  });
  const all = [base, ...candidates];
  return {
    base: { file: base.file, model: base.result.model, suite: base.result.suite.name, simulated: base.result.simulated, summary: base.result.summary },
    alpha: options.alpha,
    resamples,
    candidates: pairwise,
    leaderboard: all.length > 2 ? buildLeaderboard(all) : null,
  };
}
