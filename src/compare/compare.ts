// The paired comparison of a base result with one or more candidates: a pure function of the results.
import { invalidInput } from '../errors.js';
import type { CaseResult, Result } from '../schema/result.js';
import { DEFAULT_RESAMPLES, bootstrapMeanInterval } from '../score/metrics/mean-bootstrap.js';
import { mean } from '../score/summarize.js';
import { gateFailures, type GateOptions } from './gate.js';
import { buildLeaderboard, type LeaderboardRow } from './leaderboard.js';
import { caseCredit, casePass1, isSampled, matchCases } from './match.js';
import { mcnemar, type McNemarResult } from './mcnemar.js';
import { comparisonWarnings } from './warnings.js';

/** A result file as read, with the path it was read from. */
export interface LoadedResult {
  file: string;
  result: Result;
}

/** A figure in the base and the candidate; delta is candidate minus base. */
export interface Delta {
  base: number;
  candidate: number;
  delta: number;
}

/** One side of a changed case: the majority answer and its vote. */
export interface CaseSide {
  answer: string | null;
  correct: boolean;
  votes: Record<string, number>;
  samples: number;
}

/** A case whose majority verdict flipped between base and candidate. */
export interface CaseChange {
  id: string;
  before: CaseSide;
  after: CaseSide;
}

/** Whether the candidate differs significantly (McNemar p < alpha), and in which direction. */
export type Verdict = 'worse' | 'better' | 'no_significant_change';

/** The base against one candidate, paired on the cases both ran. */
export interface PairwiseComparison {
  file: string;
  model: string;
  /** Cases present and sampled in both files: the pairs behind the test and the interval. */
  pairedCases: number;
  /** Majority-vote accuracy (with the run's tie credit) over the paired cases. */
  accuracy: Delta;
  /** Mean per-sample accuracy over the paired cases. */
  pass1: Delta;
  /** Paired bootstrap 95% interval for the accuracy delta; null with no paired cases. */
  ci95Delta: [number, number] | null;
  mcnemar: McNemarResult;
  verdict: Verdict;
  /** Whole-file accuracy from each summary (what --fail-under reads). */
  summaryAccuracy: Delta;
  totalTokens: Delta;
  reasoningTokens: Delta;
  latencyP50Ms: Delta;
  regressed: CaseChange[];
  improved: CaseChange[];
  warnings: string[];
  /** One sentence per gate this candidate failed; empty when it passed or no gate was asked for. */
  gateFailures: string[];
}

/** The whole comparison: the base, each candidate against it, and a leaderboard for three or more files. */
export interface Comparison {
  base: { file: string; model: string; suite: string; simulated: boolean; summary: Result['summary'] };
  alpha: number;
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
  resamples?: number;
  seed?: number;
}

/** Compares `candidates` with `base`; files that share no case id are refused unless `force`. */
export function compareResults(base: LoadedResult, candidates: readonly LoadedResult[], options: CompareOptions): Comparison {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const pairwise = candidates.map((candidate) => {
    const comparison = comparePair(base, candidate, { ...options, resamples });
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

function comparePair(base: LoadedResult, candidate: LoadedResult, options: CompareOptions & { resamples: number }): PairwiseComparison {
  const match = matchCases(base.result.cases, candidate.result.cases);
  if (!match.shared.length && !options.force) {
    throw invalidInput(
      `${base.file} and ${candidate.file} share no case ids, so there are no pairs to compare (are they runs of different suites?); pass --force to compare their summaries anyway.`,
    );
  }
  const paired = match.shared.filter((p) => isSampled(p.base) && isSampled(p.candidate));
  const credits = paired.map((p) => ({ base: caseCredit(p.base), candidate: caseCredit(p.candidate) }));
  const accuracy = delta(mean(credits.map((x) => x.base)), mean(credits.map((x) => x.candidate)));
  const test = mcnemar(paired.map((p) => ({ base: p.base.correct, candidate: p.candidate.correct })));
  const ci95Delta = bootstrapMeanInterval(
    credits.map((x) => x.candidate - x.base),
    { resamples: options.resamples, seed: options.seed ?? 1 },
  );
  const b = base.result.summary;
  const c = candidate.result.summary;
  return {
    file: candidate.file,
    model: candidate.result.model,
    pairedCases: paired.length,
    accuracy,
    pass1: delta(mean(paired.map((p) => casePass1(p.base))), mean(paired.map((p) => casePass1(p.candidate)))),
    ci95Delta,
    mcnemar: test,
    verdict: test.pValue < options.alpha && accuracy.delta !== 0 ? (accuracy.delta < 0 ? 'worse' : 'better') : 'no_significant_change',
    summaryAccuracy: delta(b.accuracy, c.accuracy),
    totalTokens: delta(b.usage.totalTokens, c.usage.totalTokens),
    reasoningTokens: delta(b.usage.reasoningTokens, c.usage.reasoningTokens),
    latencyP50Ms: delta(b.latencyMs.p50, c.latencyMs.p50),
    regressed: paired.filter((p) => p.base.correct && !p.candidate.correct).map((p) => change(p.id, p.base, p.candidate)),
    improved: paired.filter((p) => !p.base.correct && p.candidate.correct).map((p) => change(p.id, p.base, p.candidate)),
    warnings: comparisonWarnings(base.file, base.result, candidate.file, candidate.result, match),
    gateFailures: [],
  };
}

function change(id: string, before: CaseResult, after: CaseResult): CaseChange {
  return { id, before: side(before), after: side(after) };
}

function side(c: CaseResult): CaseSide {
  return { answer: c.answer, correct: c.correct, votes: c.votes, samples: c.samples.length };
}

function delta(base: number, candidate: number): Delta {
  return { base, candidate, delta: candidate - base };
}

