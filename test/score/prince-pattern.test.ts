// The age puzzle's pattern in suites/o1-articles.yaml: every general solution, roles the right way round.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Scorer } from '../../src/score/scorer.js';
import { scorerFor } from '../../src/score/scorers/index.js';
import { loadSuite } from '../../src/suite/load.js';
import { answerOf } from './make-case.js';

const SUITE = fileURLToPath(new URL('../../suites/o1-articles.yaml', import.meta.url));
let ages: Scorer;

beforeAll(async () => {
  const suite = await loadSuite(SUITE);
  const c = suite.cases.find((candidate) => candidate.id === 'prince-princess');
  if (c === undefined) throw new Error('o1-articles.yaml has no prince-princess case');
  ages = scorerFor(c);
});

describe('prince-princess pattern', () => {
  test.each([
    // right: the general solution, princess : prince = 4 : 3
    ['multiples of k in a sentence', 'Answer: the princess is 8k and the prince 6k years old, k = 1, 2, 3, ...', true],
    ['smallest multiples, variable n', 'Answer: princess = 4n, prince = 3n for every positive n', true],
    ['prince stated first', 'Answer: If the prince is 3m years old, the princess is 4m.', true],
    ['two sentences', 'Answer: Say the prince is 6t. Then the princess is 8t.', true],
    ['tuple', 'Answer: (princess, prince) = (4k, 3k)', true],
    ['tuple, prince first', 'Answer: (prince, princess) = (6k, 8k) for k ≥ 1', true],
    ['fraction of the prince', "Answer: The princess is 4/3 of the prince's age.", true],
    ['LaTeX fraction', "Answer: $A_{princess} = \\frac{4}{3} A_{prince}$", true],
    ['fraction with a variable', 'Answer: with the prince at y years, the princess is 4y/3.', true],
    ['a third older', 'Answer: The princess is always one-third older than the prince.', true],
    ['a quotient of the roles', 'Answer: princess/prince = 4/3 (for example 20 and 15).', true],
    ['respectively', 'Answer: The prince and princess are 3k and 4k years old respectively, for any positive k.', true],
    ['respectively, swapped', 'Answer: The prince and princess are 4k and 3k years old respectively.', false],
    ['three quarters as a percentage', "Answer: The prince's age is 75% of the princess's age, e.g. 6 and 8.", true],
    ['a list of pairs', 'Answer: (princess, prince) = (8, 6), (16, 12), (24, 18), and so on.', true],
    ['any multiple pair: 12k and 9k', 'Answer: princess 12k, prince 9k, for any positive k.', true],
    ['a concrete pair said to hold for multiples', 'Answer: Prince: 6 years, Princess: 8 years. All multiples of these also work.', true],
    ['a concrete pair with multiples, in parentheses', 'Answer: princess 8, prince 6 (and any multiples thereof)', true],
    ['swapped roles are still wrong with multiples', 'Answer: princess 6, prince 8, and all multiples of those.', false],
    ['a concrete pair alone is still not every solution', 'Answer: The princess is 16 and the prince is 12.', false],
    ['a third older, as a percentage', 'Answer: Any ages where the princess is 33⅓% older than the prince, such as 8 and 6.', true],
    ['a third older, rounded', 'Answer: The princess is 33.3% older than the prince, whatever their ages.', true],
    ['the prince as three quarters', "Answer: The prince's age is 3/4 of the princess's.", true],
    ['ratio, princess first', "Answer: princess's age : prince's age = 4 : 3", true],
    ['ratio in words', 'Answer: Their ages stand in the ratio 4 to 3 (princess to prince).', true],
    ['ratio, prince first', 'Answer: prince to princess is 3:4', true],
    ['a pair, then the general rule', 'Answer: For example 40 and 30 - in general any ages in a 4:3 ratio, princess older.', true],
    ['bare ratio', 'Answer: 4:3', true],
    ['ratio with roles in display math', '\\[\n\\text{Princess} : \\text{Prince} = 4 : 3\n\\]', true],
    ['labelled lines with emoji, then a note in parentheses', '👸 Princess: 4n\n🤴 Prince: 3n\n\n(n a positive whole number)', true],
    // variables read by their definitions
    ['letters defined as the princess and prince', "Let a be the princess's age and b the prince's age. Then 3a = 4b.\n\nAnswer: a = 8m, b = 6m (m > 0)", true],
    ['boxed in defined letters', "Let $R$ be the princess's age and $S$ the prince's. Simplifying gives 3R = 4S, so\n\n\\boxed{R = \\tfrac{4}{3} S}", true],
    ['ages named first, then the letters', "Let the princess's present age be u and the prince's be v.\n\nAnswer: u = 4t, v = 3t", true],
    ['letters defined the other way round', "Let a be the prince's age and b the princess's age.\n\nAnswer: a = 8m, b = 6m", false],
    // wrong: swapped roles, a single pair, another ratio
    ['swapped multiples', 'Answer: the prince is 8k and the princess is 6k', false],
    ['swapped ratio label', 'Answer: 4:3 (prince to princess)', false],
    ['prince named first with 4:3', 'Answer: The prince and the princess are aged in the ratio 4:3.', false],
    ['swapped fraction', "Answer: The princess is 3/4 of the prince's age.", false],
    ['one pair only', 'Answer: The princess is 24 and the prince is 18.', false],
    ['another ratio', 'Answer: princess = 3k, prince = 2k', false],
    ['bare 3:4', 'Answer: 3:4', false],
  ])('%s', async (_name, reply, verdict) => {
    const answer = answerOf(ages, reply);
    expect(answer).not.toBeNull();
    expect(await ages.isCorrect!(answer ?? '')).toBe(verdict);
  });

  test('restating the puzzle is no answer', () => {
    const puzzle =
      "A princess is as old as the prince will be when the princess is twice as old as the prince was when the princess's age was half the sum of their present age.";
    expect(answerOf(ages, puzzle)).toBeNull();
  });
});
