// The one scoring pass: collected samples and grades in, a scored Result out. Pure: run, resume and rescore all call it.
import { briefOf, type ResultBrief } from '../schema/case-brief.js';
import { type CaseResult, type RawSample, type Result, SCHEMA_VERSION } from '../schema/result.js';
import type { Suite } from '../schema/suite.js';
import { readSample } from './read-sample.js';
import { scoreCase } from './score-case.js';
import { NO_GRADES, type Grades, type ScorerFactory } from './scorer.js';
import { caseCost, certificateFor, pricedSample } from './run-figures.js';
import { SummaryBuilder } from './summarize.js';

/** A case's samples by its id, in index order: a Map, a run's sample store, a result's sidecar. */
export interface SampleLookup<S = RawSample> {
  get(caseId: string): readonly S[] | undefined;
}

/** What a result says about its run, apart from the scores: who, where, how, when. */
export type RunRecord = Omit<Result, 'schemaVersion' | 'suite' | 'summary' | 'cases'>;

export interface ScoreRunInput {
  run: RunRecord;
  suite: Suite;
  scorerFor: ScorerFactory;
  /** Collected samples by case id (a Map, a store, a result's sidecar); cases the suite does not have are left out. */
  samples: SampleLookup<RawSample>;
  /** Verdicts and verifier scores from the grading stage (src/grade/); none when every scorer decides alone. */
  grades?: Grades;
}

/**
 * Reads every sample, votes every case and summarises the run, in the suite's case order; each
 * case goes to `onCase` the moment it is scored, whatever keeps it, and `keep` turns it into what
 * the result holds (the case itself, or its brief for a run of any size).
 */
function scoreCases<C>(input: ScoreRunInput, onCase: (c: CaseResult) => void, keep: (c: CaseResult) => C): Omit<Result, 'cases'> & { cases: C[] } {
  const { run, suite, scorerFor, samples, grades = NO_GRADES } = input;
  const { tool, ...rest } = run;
  const price = run.pricing?.price ?? null;
  const cases: C[] = [];
  const summary = new SummaryBuilder(run);
  for (const c of suite.cases) {
    const scorer = scorerFor(c);
    const verdicts = grades.verdicts.get(c.id);
    const scores = grades.scores.get(c.id);
    const read = (samples.get(c.id) ?? []).map((raw) => readSample(scorer, raw, (answer) => verdicts?.get(answer), scores?.get(raw.index)));
    const priced = run.pricing === undefined ? read : read.map((s) => pricedSample(s, price, run.batch?.priceFactor));
    const scored: CaseResult = { ...scoreCase(c, priced, run.selection), messages: c.messages };
    if (run.pricing !== undefined) scored.costUsd = caseCost(priced);
    if (run.adaptive) scored.adaptive = certificateFor(scored, run.adaptive, run.samples);
    summary.add(scored);
    onCase(scored);
    cases.push(keep(scored));
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool,
    suite: { name: suite.name, path: suite.path, sha256: suite.sha256 },
    ...rest,
    summary: summary.summary(),
    cases,
  };
}

/** The scoring pass for a run of any size: each case to `onCase` (a result writer), and the result back with each case's brief, not its samples. */
export function scoreRunInto(input: ScoreRunInput, onCase: (c: CaseResult) => void): ResultBrief {
  return scoreCases(input, onCase, briefOf);
}

/** The one scoring pass, whole: every case with its samples, texts included. */
export function scoreRun(input: ScoreRunInput): Result {
  return scoreCases(
    input,
    () => {},
    (c) => c,
  );
}
