// Each non-answer rule of the locator: which one says a reply states no answer.
import { describe, expect, test } from 'vitest';
import { locateAnswer } from '../../../src/score/locate/locate.js';
import { NON_ANSWER_RULES } from '../../../src/score/locate/non-answers.js';

test('the non-answer rules and their order', () => {
  expect(NON_ANSWER_RULES.map((r) => r.name)).toEqual([
    'empty',
    'refusal',
    'plan',
    'hedge',
    'hedge-aside',
    'conditional-hedge',
    'restated-question',
    'cut-off',
  ]);
});

describe('a reply that states no answer names the rule that says so', () => {
  test.each([
    ['an empty box', 'The answer is $\\boxed{}$', 'empty'],
    ['an answer line with only punctuation: no rule finds a span', 'Answer: ...', 'none'],
    ['a refusal', "I'm sorry, but I can't help with that.", 'refusal'],
    ['cannot be determined', 'Answer: cannot be determined from the information given', 'refusal'],
    ['a plan', 'Let me work through 8642 + 1357 digit by digit.', 'plan'],
    ['a question back', 'Happy to help! Which word do you want me to count the letters of?', 'plan'],
    ['a hedge', 'It is either 1,472 or 1,462; I could not settle the carry.', 'hedge'],
    ['another value in an aside', 'So Bill is on floor **18** (or 15, depending on interpretation).', 'hedge-aside'],
    ['another value in an aside after an answer line', 'Answer: 1,472 (or possibly 1,462)', 'hedge-aside'],
    ['a value under each of two readings', 'If the trip is one way, it takes 40 minutes; if it is a round trip, it takes 80.', 'conditional-hedge'],
    ['two readings in two sentences', 'If ties count, there are 6 ways. If they do not, there are 4 ways.', 'conditional-hedge'],
    ['cut off on an operator', 'Adding the columns: 6 + 6 = 12, carry 1; 7 + 7 =', 'cut-off'],
    ['cut off on an article', 'The first pair gives G. Now I need to check the', 'cut-off'],
    ['a table row', 'Letter by letter:\n\n| 1 | m |\n| 2 | i |', 'cut-off'],
    ['nothing at all', '   ', 'none'],
  ])('%s', (_name, reply, rule) => {
    expect(locateAnswer(reply)).toEqual({ found: false, rule });
  });
});

describe('an aside that restates the value is no hedge', () => {
  test.each([
    ['the same value', 'So the total is 3 (or 3.0 to one decimal).'],
    ['the value in words', 'There are 3 (or three) of them.'],
    ['an aside without "or"', 'She pays 12 (15 minus the 3 refunded).'],
    ['one "if" clause is a condition, not a choice', 'If she buys 3 more, she has 12 apples.'],
    ['two readings that agree', 'If we count from 0, the total is 10; if we count from 1, it is still 10.'],
  ])('%s', (_name, reply) => {
    expect(locateAnswer(reply)).toEqual(expect.objectContaining({ found: true, rule: 'last-line' }));
  });
});

describe('a restated question is only a reply that is wholly the question', () => {
  const question = 'Find the value of x: 2x + 3 = 13.\nGive x as an integer.';
  test.each([
    ['the question copied back', 'Find the value of x: 2x + 3 = 13.', false],
    ['one of its lines copied back', 'Give x as an integer.', false],
    ['an answer that also appears in the question', 'Answer: 13', true],
    ['an answer line quoting the question', 'Answer: 2x + 3 = 13 gives x = 5', true],
  ])('%s', (_name, reply, found) => {
    const location = locateAnswer(reply, { question });
    expect(location.found).toBe(found);
    if (!found) expect(location.rule).toBe('restated-question');
  });
});
