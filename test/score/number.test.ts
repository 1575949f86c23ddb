import { describe, expect, test } from 'vitest';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

const strawberry = scorerFor(makeCase({ scorer: 'number', expected: 3 }));

describe('number scorer: the number a reply states', () => {
  test.each([
    ['o1 answer line', 'Answer: 3', '3'],
    ['count sentence with a spelled-out word', 'There are 3 r\'s in the word "strawberry" (s-t-r-a-w-b-e-r-r-y).', '3'],
    ['count sentence with positions', "Strawberry has 3 r's, at positions 3, 8 and 9", '3'],
    ['GPT-4o bold count', 'The letter "r" appears **3** times in "strawberry."', '3'],
    ['number word', "There are three r's in strawberry.", '3'],
    ['hyphenated number word', 'Answer: twenty-one', '21'],
    ['hundred and', 'Final answer: one hundred and five', '105'],
    ['thousand', 'The total is two thousand forty-eight.', '2048'],
    ['thousands comma', 'Answer: 2,048', '2048'],
    ['LaTeX {,} separator', 'So $2^{11} = \\boxed{2{,}048}$.', '2048'],
    ['thin-space separator', 'The result is $1\\,000\\,000$.', '1000000'],
    ['space separator', 'Answer: 1 000', '1000'],
    ['decimal with trailing zero', 'Answer: 0.750', '0.75'],
    ['Unicode minus', 'The final answer is −3.', '-3'],
    ['LaTeX minus in boxed', '\\boxed{-3}', '-3'],
    ['frac', 'Therefore, the probability is $\\boxed{\\frac{3}{4}}$.', '0.75'],
    ['dfrac', 'The answer is $\\dfrac{1}{8}$', '0.125'],
    ['plain fraction', 'Answer: 3/4', '0.75'],
    ['percentage kept as stated', 'Answer: 75%', '75'],
    ['LaTeX percentage', '\\boxed{75\\%}', '75'],
    ['x equals', 'Solving for x:\n2x + 3 = 13\n2x = 10\nx = 5', '5'],
    ['arithmetic line keeps the result', 'Answer: 6 × 7 = 42', '42'],
    ['answer stated first then explained', 'Answer: 42\n\nExplanation: first 6*7=42, not 41 or 40, so we keep 42.', '42'],
    ['answer with a parenthetical', 'Answer: 42 (since 6 × 7 = 42)', '42'],
    ['Llama boxed sentence', 'Step 3: Add.\n\nThe final answer is: $\\boxed{144}$', '144'],
    ['R1 final answer block', 'Let me double check: 17 * 24 = 408.\n\n**Final Answer**\n\\[\n\\boxed{408}\n\\]', '408'],
    ['last line with several sentences', "The word has 10 letters. Counting r: there are 3 r's.", '3'],
    ['"is" names the value', "The number of r's in strawberry is 3, not 2.", '3'],
    ['negative word', 'Answer: minus four', '-4'],
    ['scientific notation', 'Answer: 1.5e3', '1500'],
    ['units after the number', 'Answer: 12 apples', '12'],
    ['currency', 'So she pays **$18**.', '18'],
    ['correction in the last sentence', "I counted 2 r's at first, but there are actually 3.", '3'],
    ['circumstance number first', 'After 2 hours, the tank holds 10 liters.', '10'],
    ['number words with a conclusion', 'One r in "str" and two in "berry", so three in total.', '3'],
    ['spelled letters, then the count', 'Let me spell it: s, t, r, a, w, b, e, r, r, y.\n\nSo the letter r appears 3 times.', '3'],
    ['answer heading then a sentence', '### Answer\nThere are 3 r\'s in "strawberry".', '3'],
    ['marker on its own line', 'Answer:\n\n3', '3'],
    ["it's", "It's 3.", '3'],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(strawberry, reply)).toBe(canonical);
  });

  test.each([
    ['refusal', "I'm sorry, but I can't help with that."],
    ['no number anywhere', 'The answer depends on how you count double letters.'],
    ['empty', ''],
  ])('no number: %s', (_name, reply) => {
    expect(answerOf(strawberry, reply)).toBeNull();
  });
});

describe('number scorer: verdicts', () => {
  test.each([
    ['exact match', { expected: 3 }, "There are 3 r's in strawberry.", true],
    ['off by one', { expected: 3 }, 'Answer: 2', false],
    ['string expected with separator', { expected: '2,048' }, 'Answer: 2048', true],
    ['string expected as fraction', { expected: '0.75' }, '\\boxed{\\frac{3}{4}}', true],
    ['within tolerance', { expected: 3.14159, tolerance: 0.01 }, 'Answer: 3.14', true],
    ['outside tolerance', { expected: 3.14159, tolerance: 0.001 }, 'Answer: 3.14', false],
    ['floating crumbs with zero tolerance', { expected: 0.3 }, 'Answer: 0.30000000000000004', true],
    ['negative', { expected: -3 }, 'The final answer is −3.', true],
  ])('%s', async (_name, fields, reply, verdict) => {
    const scorer = scorerFor(makeCase({ scorer: 'number', ...fields }));
    const answer = answerOf(scorer, reply);
    expect(answer).not.toBeNull();
    expect(await scorer.isCorrect!(answer ?? '')).toBe(verdict);
  });
});
