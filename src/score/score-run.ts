// The one scoring pass: collected samples and grades in, a scored Result out. Pure: run, resume and rescore all call it.
import { SCHEMA_VERSION, type RawSample, type Result } from '../schema/result.js';
import type { Suite } from '../schema/suite.js';
import { readSample } from './read-sample.js';
import { scoreCase } from './score-case.js';
import { NO_GRADES, type Grades, type ScorerFactory } from './scorer.js';
import { caseCost, certificateFor, pricedSample, runFigures } from './run-figures.js';
import { summarize } from './summarize.js';

/** What a result says about its run, apart from the scores: who, where, how, when. */
export type RunRecord = Omit<Result, 'schemaVersion' | 'suite' | 'summary' | 'cases'>;

export interface ScoreRunInput {
  run: RunRecord;
  suite: Suite;
  scorerFor: ScorerFactory;
  /** Collected samples by case id; cases the suite does not have are left out. */
  samples: ReadonlyMap<string, readonly RawSample[]>;
  /** Verdicts and verifier scores from the grading stage (src/grade/); none when every scorer decides alone. */
  grades?: Grades;
}

/** Reads every sample, votes every case and summarises the run, in the suite's case order. */
export function scoreRun({ run, suite, scorerFor, samples, grades = NO_GRADES }: ScoreRunInput): Result {
  const { tool, ...rest } = run;
  const price = run.pricing?.price ?? null;
  const cases = suite.cases.map((c) => {
    const scorer = scorerFor(c);
    const verdicts = grades.verdicts.get(c.id);
    const scores = grades.scores.get(c.id);
    const read = (samples.get(c.id) ?? []).map((raw) => readSample(scorer, raw, (answer) => verdicts?.get(answer), scores?.get(raw.index)));
    const priced = run.pricing === undefined ? read : read.map((s) => pricedSample(s, price, run.batch?.priceFactor));
    const scored = { ...scoreCase(c, priced, run.selection), messages: c.messages };
    if (run.pricing !== undefined) scored.costUsd = caseCost(priced);
    if (run.adaptive) scored.adaptive = certificateFor(scored, run.adaptive, run.samples);
    return scored;
  });
  const summary = { ...summarize(cases, run.selection), ...runFigures(cases, run) };
  // Optional stopping makes k-subsets of a case's samples unlike fresh draws: the curves would mislead.
  if (run.adaptive) {
    delete summary.majAtK;
    delete summary.passAtK;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool,
    suite: { name: suite.name, path: suite.path, sha256: suite.sha256 },
    ...rest,
    summary,
    cases,
  };
}
