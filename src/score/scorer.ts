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
}

export type ScorerFactory = (c: Case) => Scorer;
