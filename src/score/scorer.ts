// The contract every scorer meets: read a canonical answer from a reply, and say when it is right.
import type { SampleError } from '../schema/result.js';
import type { Case } from '../schema/suite.js';

/** A canonical answer read from a reply, with the rule that found it and the text it read. */
export interface Reading {
  /** The canonical answer: the vote key (`2,048`, `2048` and `\boxed{2048}` all read `2048`). */
  answer: string;
  /** The named extraction rule that found it (`marker`, `boxed`, `answer-is`, `last-line`, ...). */
  rule: string;
  /** The span of the reply's answer text the rule read, as written. */
  span: string;
}

/**
 * A scorer judges the final answer text of one reply (reasoning already removed), purely.
 * Scorers that need I/O to decide (judge, custom modules, code) have no `isCorrect`: their
 * verdicts come from the grading stage (src/grade/), keyed by case and canonical answer.
 */
export interface Scorer {
  /** The canonical answer stated by `text`, or null when it states none (refusal, empty, unreadable). */
  read(text: string): Reading | null;
  /** Whether a canonical answer (as returned by `read`) is right, when the scorer decides alone. */
  isCorrect?(answer: string): boolean;
}

export type ScorerFactory = (c: Case) => Scorer;

/**
 * A verdict from the grading stage: right or wrong (with what a judge said, or how a program fared),
 * or why grading failed. `group` replaces the answer as the vote key: programs vote by their behaviour.
 */
export type Verdict = { correct: boolean; judgement?: string; group?: string } | { error: SampleError };

/** What the grading stage found, by case id: verdicts by canonical answer, verifier scores by sample index. */
export interface Grades {
  verdicts: ReadonlyMap<string, ReadonlyMap<string, Verdict>>;
  scores: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

/** No grades: what a run whose scorers all decide alone needs. */
export const NO_GRADES: Grades = { verdicts: new Map(), scores: new Map() };

/**
 * Best-of-N: scores an answer without knowing the expected one (a verifier, as in OpenAI's
 * re-ranking of 1000 samples); the highest-scored sample of a case is selected.
 */
export interface Verifier {
  score(input: { question: string; answer: string; content: string; reasoning: string }): Promise<number>;
}
