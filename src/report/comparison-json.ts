// The comparison as JSON for scripts: a documented, versioned shape (a zod schema), rounded for stable diffs.
import { z } from 'zod';
import type { CaseChange, Comparison, PairwiseComparison } from '../compare/compare.js';

const Interval = z.tuple([z.number(), z.number()]);
const Side = z.object({
  answer: z.string().nullable(),
  correct: z.boolean(),
  votes: z.record(z.string(), z.number()),
  samples: z.number(),
  credit: z.number(),
  pass1: z.number(),
});
const Change = z.object({ id: z.string(), before: Side, after: Side });
const BaseVsCandidate = z.object({ base: z.number(), candidate: z.number() });

/** One candidate against the base. Fractions are 0-1; deltas are candidate minus base. */
export const CandidateJson = z.object({
  file: z.string(),
  model: z.string(),
  pairedCases: z.number(),
  accuracy: BaseVsCandidate,
  accuracyDelta: z.number(),
  pass1: BaseVsCandidate,
  pass1Delta: z.number(),
  /** The gate's test: sign-flip permutation on per-case pass1 differences; `interval` is its own, for the pass1 delta, at `level`. */
  test: z.object({
    statistic: z.literal('pass1'),
    method: z.literal('sign-flip permutation'),
    meanDelta: z.number(),
    pValue: z.number(),
    interval: Interval.nullable(),
    level: z.number(),
    exact: z.boolean(),
    draws: z.number(),
    minCases: z.number(),
  }),
  /** 95% interval for the accuracy delta for a new draw of cases (Bonett-Price adjusted Wald on credit falls and rises); null: too few cases. */
  ci95Delta: Interval.nullable(),
  /** McNemar's exact test on the cases whose credit fell (b) or rose (c). */
  mcnemar: z.object({ b: z.number(), c: z.number(), pValue: z.number() }),
  verdict: z.enum(['worse', 'better', 'no_significant_change', 'too_few_cases']),
  /** Fewer paired cases than the test needs to reach alpha: the gate counts newly failing cases instead. */
  smallSuite: z.boolean(),
  coverage: z.object({ baseSamples: z.number(), candidateSamples: z.number(), share: z.number() }),
  notices: z.object({
    verifierFailures: z.object({ base: z.number(), candidate: z.number() }),
    mixedSelection: z.object({ base: z.string(), candidate: z.string() }).nullable(),
    errorHeavy: z.object({ base: z.array(z.string()), candidate: z.array(z.string()) }),
  }),
  tokens: z.object({ totalDelta: z.number(), reasoningDelta: z.number(), total: BaseVsCandidate, reasoning: BaseVsCandidate }),
  latencyP50Ms: BaseVsCandidate.extend({ delta: z.number() }),
  /** Newly failing and newly passing: cases whose credit fell or rose, largest move first. */
  regressed: z.array(z.string()),
  improved: z.array(z.string()),
  /** Cases whose pass1 fell or rose (the test's own lists), largest move first. */
  pass1Fell: z.array(z.string()),
  pass1Rose: z.array(z.string()),
  changes: z.array(Change.extend({ change: z.enum(['regressed', 'improved']) })),
  warnings: z.array(z.string()),
  gateFailures: z.array(z.string()),
});

/** `thinkbench compare --format json`: fields are only ever added; a rename bumps formatVersion. */
export const ComparisonJson = z.object({
  formatVersion: z.literal(1),
  alpha: z.number(),
  passed: z.boolean(),
  base: z.object({
    file: z.string(),
    model: z.string(),
    suite: z.string(),
    simulated: z.boolean(),
    accuracy: z.number(),
    pass1: z.number(),
    cases: z.number(),
    totalTokens: z.number(),
    reasoningTokens: z.number(),
    latencyP50Ms: z.number(),
  }),
  candidates: z.array(CandidateJson),
  leaderboard: z
    .array(
      z.object({
        rank: z.number(),
        file: z.string(),
        model: z.string(),
        accuracy: z.number(),
        ci95: Interval.nullable(),
        casesRun: z.number(),
        pass1: z.number(),
        majAtK: z.object({ k: z.number(), value: z.number() }).nullable(),
        tokensPerCorrect: z.number().nullable(),
        latencyP50Ms: z.number(),
        best: z.boolean(),
      }),
    )
    .optional(),
});
export type ComparisonJson = z.infer<typeof ComparisonJson>;

/** The JSON value of a comparison (pretty-print it with JSON.stringify). */
export function toComparisonJson(comparison: Comparison): ComparisonJson {
  const { base } = comparison;
  return {
    formatVersion: 1,
    alpha: comparison.alpha,
    passed: comparison.candidates.every((c) => !c.gateFailures.length),
    base: {
      file: base.file,
      model: base.model,
      suite: base.suite,
      simulated: base.simulated,
      accuracy: round(base.summary.accuracy),
      pass1: round(base.summary.pass1),
      cases: base.summary.cases,
      totalTokens: base.summary.usage.totalTokens,
      reasoningTokens: base.summary.usage.reasoningTokens,
      latencyP50Ms: base.summary.latencyMs.p50,
    },
    candidates: comparison.candidates.map(candidateJson),
    ...(comparison.leaderboard
      ? { leaderboard: comparison.leaderboard.map((row) => ({ ...row, accuracy: round(row.accuracy), pass1: round(row.pass1) })) }
      : {}),
  };
}

/** The JSON text printed by `--format json`. */
export function renderComparisonJson(comparison: Comparison): string {
  return `${JSON.stringify(toComparisonJson(comparison), null, 2)}\n`;
}

function candidateJson(c: PairwiseComparison): z.infer<typeof CandidateJson> {
  const sideJson = (x: CaseChange['before']) => ({ ...x, credit: round(x.credit), pass1: round(x.pass1) });
  const changes = (list: readonly CaseChange[], change: 'regressed' | 'improved') =>
    list.map((ch) => ({ id: ch.id, before: sideJson(ch.before), after: sideJson(ch.after), change }));
  return {
    file: c.file,
    model: c.model,
    pairedCases: c.pairedCases,
    accuracy: { base: round(c.accuracy.base), candidate: round(c.accuracy.candidate) },
    accuracyDelta: round(c.accuracy.delta),
    pass1: { base: round(c.pass1.base), candidate: round(c.pass1.candidate) },
    pass1Delta: round(c.pass1.delta),
    test: { ...c.test, meanDelta: round(c.test.meanDelta), pValue: c.test.pValue },
    ci95Delta: c.ci95Delta,
    mcnemar: c.mcnemar,
    verdict: c.verdict,
    smallSuite: c.smallSuite,
    coverage: { ...c.coverage, share: round(c.coverage.share) },
    notices: c.notices,
    tokens: {
      totalDelta: c.totalTokens.delta,
      reasoningDelta: c.reasoningTokens.delta,
      total: { base: c.totalTokens.base, candidate: c.totalTokens.candidate },
      reasoning: { base: c.reasoningTokens.base, candidate: c.reasoningTokens.candidate },
    },
    latencyP50Ms: c.latencyP50Ms,
    regressed: c.regressed.map((r) => r.id),
    improved: c.improved.map((r) => r.id),
    pass1Fell: c.pass1Fell.map((r) => r.id),
    pass1Rose: c.pass1Rose.map((r) => r.id),
    changes: [...changes(c.regressed, 'regressed'), ...changes(c.improved, 'improved')],
    warnings: c.warnings,
    gateFailures: c.gateFailures,
  };
}

// Six decimals hide floating-point noise (0.30000000000000004) without losing anything a rate needs.
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
