// Re-scoring: a saved result's raw samples go through the same grading and scoring pass as a run, without new samples.
import { loadCustomModules } from '../grade/custom.js';
import { buildGraders, type JudgeDefaults } from '../grade/graders.js';
import { type GradeTables, gradeRun, gradesFromSamples } from '../grade/grade-run.js';
import type { ResultBrief } from '../schema/case-brief.js';
import { type CaseResult, RawSample, type Result } from '../schema/result.js';
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
): Promise<{ result: ResultBrief; changes: RescoreChanges }> {
  const known = new Set(suite.cases.map((c) => c.id));
  const missingCases = saved.head.cases.filter((c) => !known.has(c.id)).map((c) => c.id);
  // One pass over the saved samples: their answers and verdicts (to count what changed) and their stored grades.
  const stored: GradeTables = { verdicts: new Map(), scores: new Map() };
  const before = new Map<string, Map<number, Pick<CaseResult['samples'][number], 'answer' | 'correct'>>>();
  for (const c of saved.head.cases) {
    const samples = saved.samples(c.id);
    gradesFromSamples([{ ...c, samples }], stored);
    before.set(c.id, new Map(samples.map((s) => [s.index, { answer: s.answer, correct: s.correct }])));
  }
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
  const changes = { answers: 0, verdicts: 0, missingCases };
  const rescored = (c: CaseResult) => {
    const was = before.get(c.id);
    before.delete(c.id);
    for (const s of c.samples) {
      const old = was?.get(s.index);
      if (!old) continue;
      if (old.answer !== s.answer) changes.answers++;
      if (old.correct !== s.correct) changes.verdicts++;
    }
    onCase(c);
  };
  const result = scoreRunInto({ run: { ...run, tool: TOOL, rescoredAt: new Date().toISOString() }, suite, scorerFor, samples, grades }, rescored);
  return { result, changes };
}
