// The contract every scorer meets: read a canonical answer from a reply, say when it is right.
import type { Case } from '../schema/suite.js';

/**
 * A scorer judges the final answer text of one reply (reasoning already removed).
 * Its canonical answers are the vote keys: two replies that give the same answer by the
 * scorer's own equivalence (`2,048`, `2048`, `\boxed{2048}`) give the same canonical string.
 */
export interface Scorer {
  /** The canonical answer stated by `text`, or null when it states none (refusal, empty, unreadable). */
  extract(text: string): string | null;
  /** Whether a canonical answer (as returned by `extract`) is right for this case. */
  isCorrect(answer: string): boolean | Promise<boolean>;
  /** What a grader (a judge model) said about `answer`, once `isCorrect` has settled; stored in the sample. */
  judgement?(answer: string): string | undefined;
}

export type ScorerFactory = (c: Case) => Scorer;

/**
 * Best-of-N: scores an answer without knowing the expected one (a verifier, as in OpenAI's
 * re-ranking of 1000 samples); the highest-scored sample of a case is selected.
 */
export interface Verifier {
  score(input: { question: string; answer: string; content: string; reasoning: string }): Promise<number>;
}
