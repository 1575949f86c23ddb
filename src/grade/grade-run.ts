// The grading stage: every verdict that needs I/O (a judge, a custom module, a verifier), asked once per answer.
import pLimit from 'p-limit';
import type { Selection } from '../schema/result.js';
import type { ChatMessage, Suite } from '../schema/suite.js';
import type { SampleLookup } from '../score/score-run.js';
import { NO_GRADES, type Grades, type ScorerFactory, type Verdict, type Verifier } from '../score/scorer.js';
import type { GraderFactory } from './graders.js';

export interface GradeRunInput {
  suite: Suite;
  scorerFor: ScorerFactory;
  samples: SampleLookup;
  graderFor: GraderFactory;
  /** Verdicts already known (a resumed run's, a saved result's): not asked again. */
  known?: Grades;
  selection?: Selection;
  verifier?: Verifier;
  concurrency?: number;
}

/**
 * Reads each sample's answer with the case's scorer and asks the grader about each distinct answer
 * not yet known (one request per answer, however many samples gave it); with best-of-n, asks the
 * verifier to score each answered sample. A grader that fails leaves that answer `grading_failed`.
 */
export async function gradeRun(input: GradeRunInput): Promise<Grades> {
  const { suite, scorerFor, samples, graderFor, known = NO_GRADES } = input;
  const limit = pLimit(input.concurrency ?? 8);
  const verdicts = new Map<string, Map<string, Verdict>>();
  const scores = new Map<string, Map<number, number>>();
  const jobs: Promise<void>[] = [];
  for (const c of suite.cases) {
    const scorer = scorerFor(c);
    const grader = graderFor(c);
    const table = new Map(known.verdicts.get(c.id));
    verdicts.set(c.id, table);
    const byIndex = new Map(known.scores.get(c.id));
    scores.set(c.id, byIndex);
    const needsVerdicts = grader !== undefined && !scorer.isCorrect;
    const needsScores = input.selection === 'best-of-n' && input.verifier !== undefined;
    // Scorers that decide alone need nothing here: their samples are read once, by the scoring pass.
    if (!needsVerdicts && !needsScores) continue;
    const readable = (samples.get(c.id) ?? []).filter((s) => !s.error && s.reasoningSource !== 'unterminated');
    const readings = readable.map((s) => ({ sample: s, reading: safeRead(() => scorer.read(s.content)) }));
    if (needsVerdicts) {
      const asked = new Set<string>();
      for (const { reading } of readings) {
        if (!reading || table.has(reading.answer) || asked.has(reading.answer)) continue;
        asked.add(reading.answer);
        jobs.push(limit(async () => table.set(reading.answer, await grader(reading.answer).catch(failed))).then(() => {}));
      }
    }
    if (needsScores) {
      const verifier = input.verifier!;
      const question = questionOf(c.messages);
      for (const { sample, reading } of readings) {
        if (!reading || byIndex.has(sample.index)) continue;
        const request = { question, answer: sample.content, content: sample.content, reasoning: sample.reasoning };
        jobs.push(limit(async () => byIndex.set(sample.index, await verifier.score(request).catch(() => Number.NaN))).then(() => {}));
      }
    }
  }
  await Promise.all(jobs);
  return { verdicts, scores };
}

/** Grades being gathered, case by case. */
export interface GradeTables {
  verdicts: Map<string, Map<string, Verdict>>;
  scores: Map<string, Map<number, number>>;
}

export type SavedCase = {
  id: string;
  scorer?: string;
  samples: ReadonlyArray<{
    index: number;
    answer: string | null;
    span?: string | undefined;
    correct: boolean;
    judgement?: string | undefined;
    score?: number | undefined;
    error: { code: string } | null;
  }>;
};

/**
 * Verdicts and scores stored in saved samples: what a resume or a rescore without --regrade reuses.
 * A code sample's answer is its behaviour group; its verdict is keyed by the program it read (its span).
 * Cases may come one at a time, added `into` the grades so far: only the tables are kept.
 */
export function gradesFromSamples(cases: Iterable<SavedCase>, into: GradeTables = { verdicts: new Map(), scores: new Map() }): Grades {
  const { verdicts, scores } = into;
  for (const c of cases) {
    const table = new Map<string, Verdict>();
    const byIndex = new Map<number, number>();
    for (const s of c.samples) {
      const key = c.scorer === 'code' ? s.span : s.answer;
      const group = c.scorer === 'code' && s.answer !== null ? { group: s.answer } : {};
      if (key != null && s.answer !== null && !s.error)
        table.set(key, { correct: s.correct, ...group, ...(s.judgement !== undefined && { judgement: s.judgement }) });
      if (s.score !== undefined) byIndex.set(s.index, s.score);
    }
    verdicts.set(c.id, table);
    scores.set(c.id, byIndex);
  }
  return { verdicts, scores };
}

/** What a verifier sees: the question, never the expected answer. */
function questionOf(messages: readonly ChatMessage[]): string {
  return messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n\n');
}

function safeRead<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null; // the scoring pass records the scorer's failure on the sample
  }
}

function failed(error: unknown): Verdict {
  return { error: { code: 'grading_failed', message: error instanceof Error ? error.message : String(error) } };
}
