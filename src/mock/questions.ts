// Recognises which question family a prompt belongs to and hands it to that family's solver.

import { solveAgePuzzle } from './solve-age-puzzle.js';
import { solveArithmetic } from './solve-arithmetic.js';
import { solveBenchmark } from './solve-benchmark.js';
import { solveCipher } from './solve-cipher.js';
import { solveDecimalCompare } from './solve-decimal-compare.js';
import { solveGrading } from './solve-grading.js';
import { solveLetterCount } from './solve-letter-count.js';
import type { Rng } from '../random.js';

/** The question families the simulated model can solve, plus the fallback. */
export type Family = 'letter-count' | 'decimal-compare' | 'cipher' | 'age-puzzle' | 'arithmetic' | 'grading' | 'benchmark' | 'unknown';

/** How an answer is phrased: numbers may be spelled out; math answers take equivalent forms; code goes in a fenced block; an abstention is never rephrased. */
export type AnswerKind = 'number' | 'text' | 'math' | 'code' | 'abstain' | 'verbatim';

/** One worked attempt: the chain of thought and the final answer it ends on. */
export interface Attempt {
  answer: string;
  kind: AnswerKind;
  reasoning: string;
}

/** A recognised question: the right attempt, and a maker of plausible wrong ones. */
export interface Question {
  family: Family;
  right: Attempt;
  wrong(rng: Rng): Attempt;
}

// Most specific first: a benchmark problem, a cipher line or the age puzzle can contain words the others look for.
const SOLVERS: ReadonlyArray<(text: string) => Question | null> = [
  (text) => solveBenchmark(text),
  solveCipher,
  solveAgePuzzle,
  solveLetterCount,
  solveDecimalCompare,
  solveArithmetic,
];

const UNKNOWN_ATTEMPT: Attempt = {
  answer: "I don't know",
  kind: 'abstain',
  reasoning:
    'I looked for something I can work out reliably: counting letters in a word, comparing two decimals, ' +
    'decoding the pair-averaging cipher, the prince and princess age puzzle, an arithmetic expression, ' +
    'or a problem from the benchmarks shipped with thinkbench. ' +
    'This question is none of those, so rather than guess I will say that I do not know.',
};

/** Solves the text of the last user message; anything unrecognised gets an honest "I don't know". */
export function solveQuestion(text: string): Question {
  // A grading prompt quotes a question of its own: recognise it first.
  const grading = solveGrading(text, solveQuestion);
  if (grading) return grading;
  for (const solve of SOLVERS) {
    const question = solve(text);
    if (question) return question;
  }
  return { family: 'unknown', right: UNKNOWN_ATTEMPT, wrong: () => UNKNOWN_ATTEMPT };
}
