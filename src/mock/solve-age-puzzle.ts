// Solver for the prince and princess age puzzle from the o1 launch coverage.

import { pick, type Rng } from '../random.js';
import type { Attempt, Question } from './questions.js';

const SETUP =
  'Let the princess be x and the prince y years old now.\n' +
  'Half the sum of their present ages is (x + y)/2. The princess was that age (x - y)/2 years ago, ' +
  'when the prince was y - (x - y)/2 = (3y - x)/2.\n' +
  'Twice that is 3y - x. The princess will be 3y - x in (3y - x) - x = 3y - 2x years, ' +
  'when the prince will be y + 3y - 2x = 4y - 2x.\n';

/** The answer the puzzle wants: every solution, not one pair. */
export const AGE_PUZZLE_ANSWER = 'The princess is 8k years old and the prince is 6k years old, for any positive k (ages in the ratio 4:3)';

const RIGHT: Attempt = {
  answer: AGE_PUZZLE_ANSWER,
  kind: 'text',
  reasoning:
    SETUP +
    'The princess is that old now: x = 4y - 2x, so 3x = 4y and x : y = 4 : 3.\n' +
    'Write x = 4m and y = 3m. Half the sum of their ages, 7m/2, is a whole number of years only when m is even, ' +
    'so m = 2k: the princess is 8k and the prince 6k. Check with k = 1: princess 8, prince 6; half the sum is 7, ' +
    'the princess was 7 one year ago when the prince was 5; twice 5 is 10, which she reaches in 2 years, ' +
    'when the prince will be 8. That is her age now. It works for every k.',
};

const WRONG: readonly Attempt[] = [
  {
    answer: 'The princess is 6 years old and the prince is 4 years old',
    kind: 'text',
    reasoning:
      SETUP +
      'Try small ages: if the princess is 6 and the prince 4, half the sum is 5, she was 5 one year ago when he was 3; ' +
      'twice 3 is 6, which is her age now. That fits, so the princess is 6 and the prince 4.',
  },
  {
    answer: 'Their ages are in the ratio 3:2, for example princess 30 and prince 20',
    kind: 'text',
    reasoning:
      SETUP +
      'Setting x = 4y - 2x gives 3x = 4y... no wait, collecting terms again: 3x = 2y + y, so x : y = 3 : 2. ' +
      'For example the princess 30 and the prince 20.',
  },
  {
    answer: 'The princess is 8 years old and the prince is 6 years old',
    kind: 'text',
    reasoning:
      SETUP +
      'The princess is that old now: x = 4y - 2x, so 3x = 4y. Whole ages with a whole half-sum: the smallest is ' +
      'princess 8 and prince 6. So the princess is 8 and the prince is 6.',
  },
];

/** Recognises the age puzzle and returns its right and wrong attempts. */
export function solveAgePuzzle(text: string): Question | null {
  if (!/princess/i.test(text) || !/\bprince\b/i.test(text) || !/twice|half/i.test(text)) return null;
  return { family: 'age-puzzle', right: RIGHT, wrong: (rng: Rng) => pick(rng, WRONG) };
}
