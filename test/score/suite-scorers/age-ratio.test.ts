// The age puzzle's custom scorer (suites/scorers/age-ratio.mjs): every general solution, roles the right way round.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Case } from '../../../src/schema/suite.js';
import type { CustomCase } from '../../../src/score/scorers/custom.js';
import { loadSuite } from '../../../src/suite/load.js';
import { extract, isCorrect } from '../../../suites/scorers/age-ratio.mjs';

const SUITE = fileURLToPath(new URL('../../../suites/o1-articles.yaml', import.meta.url));
let ages: CustomCase;

beforeAll(async () => {
  const suite = await loadSuite(SUITE);
  const c: Case | undefined = suite.cases.find((candidate) => candidate.id === 'prince-princess');
  if (c?.scorer !== 'custom') throw new Error('o1-articles.yaml has no prince-princess case with a custom scorer');
  expect(c.module).toBe('scorers/age-ratio.mjs');
  ages = c;
});

const answerOf = (reply: string): string | null => extract(reply, ages);

describe('age-ratio scorer', () => {
  test.each([
    // right: the general solution, princess : prince = 4 : 3
    ['multiples of k in a sentence', 'Answer: the princess is 8k and the prince 6k years old, k = 1, 2, 3, ...', true],
    ['smallest multiples, variable n', 'Answer: princess = 4n, prince = 3n for every positive n', true],
    ['prince stated first', 'Answer: If the prince is 3m years old, the princess is 4m.', true],
    ['two sentences', 'Answer: Say the prince is 6t. Then the princess is 8t.', true],
    ['tuple', 'Answer: (princess, prince) = (4k, 3k)', true],
    ['tuple, prince first', 'Answer: (prince, princess) = (6k, 8k) for k ≥ 1', true],
    ['fraction of the prince', "Answer: The princess is 4/3 of the prince's age.", true],
    ['LaTeX fraction', 'Answer: $A_{princess} = \\frac{4}{3} A_{prince}$', true],
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
    const answer = answerOf(reply);
    expect(answer).not.toBeNull();
    expect(await isCorrect(answer ?? '', ages)).toBe(verdict);
  });

  // The closing block is read whole: lines under a marker or heading, a list with its note, boxes, display math.
  test.each([
    ['list then a note in parentheses', 'Ages:\nPrincess - 8k\nPrince - 6k\n\n(k any positive whole number)', true],
    ['heading, bold list, then a "where" line', '## Result\n\n- **Princess**: 8k\n- **Prince**: 6k\n\nwhere k = 1, 2, 3, ...', true],
    ['two boxes in one sentence', 'So the princess is $\\boxed{8k}$ and the prince is $\\boxed{6k}$, k a positive integer.', true],
    ['marker then a second line', 'Answer:\nprincess 8k\nprince 6k', true],
    ['a wrong pair under the heading', '### Solution\n\n- Princess: 8\n- Prince: 6', false],
    ['display math on its own lines', 'Solving the two equations:\n\\[\n\\text{princess} = 8k,\\quad \\text{prince} = 6k\n\\]', true],
    [
      'an explanation after the answer is not part of it',
      '### Answer\nThe princess is 8 and the prince is 6.\n\n### Explanation\nI first tried 8k and 6k, then chose k = 1.',
      false,
    ],
    ['ages in the reasoning only, the answer is a shrug', 'If the princess were 8k and the prince 6k... \n\nAnswer: it depends on k', false],
    ['the simulated model, right', 'Answer: The princess is 8k years old and the prince is 6k years old, for any positive k (ages in the ratio 4:3)', true],
    ['the simulated model, one pair', 'The answer is The princess is 8 years old and the prince is 6 years old.', false],
    ['the simulated model, another ratio', '**Their ages are in the ratio 3:2, for example princess 30 and prince 20**', false],
  ])('block: %s', async (_name, reply, verdict) => {
    expect(await isCorrect(answerOf(reply) ?? '', ages)).toBe(verdict);
  });

  test.each([
    ['a concrete pair votes as that pair', 'Answer: The princess is 8 and the prince is 6.', 'only 8:6'],
    ['a general wrong ratio votes as its ratio', 'Answer: princess = 3k, prince = 2k', 'princess:prince = 1.5'],
    ['no ratio read: the answer text', 'Answer: it depends on k', 'it depends on k'],
  ])('vote key: %s', (_name, reply, key) => {
    expect(answerOf(reply)).toBe(key);
  });

  test('restating the puzzle is no answer', () => {
    const puzzle =
      "A princess is as old as the prince will be when the princess is twice as old as the prince was when the princess's age was half the sum of their present age.";
    expect(answerOf(puzzle)).toBeNull();
  });
});
