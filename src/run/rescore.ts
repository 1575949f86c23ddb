// Re-scoring: a saved result's raw samples go through the same grading and scoring pass as a run, without new samples.
import { loadCustomModules } from '../grade/custom.js';
import { buildGraders, type JudgeDefaults } from '../grade/graders.js';
import { type GradeTables, gradeRun, gradesFromSamples } from '../grade/grade-run.js';
import { type CaseResult, type CaseView, RawSample, type Result, type ResultView, toSampleView } from '../schema/result.js';
import type { Suite } from '../schema/suite.js';
import { scoreRunInto } from '../score/score-run.js';
import { scorerFactory } from '../score/scorers/index.js';
import { TOOL } from '../tool.js';
import { type SavedResult, savedFromResult } from '../result/saved-result.js';

/** What a re-score changed, sample by sample. */
export interface RescoreChanges {
  answers: number;
  verdicts: number;
  /** Case ids of the result that the suite no longer has: left out of the new result. */
  missingCases: string[];
}

export interface RescoreOptions {
  /** Ask judge models again (`--regrade`), at this endpoint unless a case names its own; otherwise their saved verdicts stand. */
  regrade?: JudgeDefaults | undefined;
  /** Run a user suite's custom scorer modules. */
  allowCustomScorers?: boolean | undefined;
}

/**
 * The result re-scored with the suite's current cases and this code's scorers. Failed samples stay
 * failed; every other sample is read again from its saved answer text. Judge verdicts and verifier
 * scores are reused from the saved samples (an answer no judge has seen is `not_graded`) unless
 * `regrade` is given; custom modules decide again, since they are the suite's own code.
 */
export async function rescoreResult(saved: Result, suite: Suite, options: RescoreOptions = {}): Promise<{ result: Result; changes: RescoreChanges }> {
  const cases: CaseResult[] = [];
  const { result, changes } = await rescoreInto(savedFromResult(saved), suite, options, (c) => cases.push(c));
  return { result: { ...result, cases }, changes };
}

/** `rescoreResult` for a result of any size: the saved samples are read case by case, and each re-scored case goes to `onCase`. */
export async function rescoreInto(
  saved: SavedResult,
  suite: Suite,
  options: RescoreOptions,
  onCase: (c: CaseResult) => void,
): Promise<{ result: ResultView; changes: RescoreChanges }> {
  const known = new Set(suite.cases.map((c) => c.id));
  const missingCases = saved.head.cases.filter((c) => !known.has(c.id)).map((c) => c.id);
  // One pass over the saved samples: their views (to count what changed) and their stored verdicts.
  const stored: GradeTables = { verdicts: new Map(), scores: new Map() };
  const before = saved.head.cases.map((c): CaseView => {
    const samples = saved.samples(c.id);
    gradesFromSamples([{ ...c, samples }], stored);
    return { ...c, samples: samples.map(toSampleView) };
  });
  const samples = { get: (caseId: string) => saved.samples(caseId).map((s) => RawSample.parse(s)) };
  const modules = await loadCustomModules(suite, { allow: options.allowCustomScorers });
  const scorerFor = scorerFactory({ modules });
  const grades = await gradeRun({
    suite,
    scorerFor,
    samples,
    graderFor: buildGraders(suite, { modules, judge: options.regrade, askJudges: options.regrade !== undefined }),
    known: options.regrade ? undefined : stored,
  });
  const { schemaVersion: _version, suite: _suite, summary: _summary, cases: _cases, ...run } = saved.head;
  const result = scoreRunInto({ run: { ...run, tool: TOOL, rescoredAt: new Date().toISOString() }, suite, scorerFor, samples, grades }, onCase);
  return { result, changes: { ...countChanges(before, result.cases), missingCases } };
}

function countChanges(before: readonly CaseView[], after: readonly CaseView[]): Pick<RescoreChanges, 'answers' | 'verdicts'> {
  const old = new Map(before.flatMap((c) => c.samples.map((s) => [`${c.id}\u0000${s.index}`, s] as const)));
  let answers = 0;
  let verdicts = 0;
  for (const c of after) {
    for (const s of c.samples) {
      const was = old.get(`${c.id}\u0000${s.index}`);
      if (!was) continue;
      if (was.answer !== s.answer) answers++;
      if (was.correct !== s.correct) verdicts++;
    }
  }
  return { answers, verdicts };
}
