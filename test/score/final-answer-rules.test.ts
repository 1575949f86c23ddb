// Final-answer rules for retracted answer lines, hedges, replies cut off mid-work, delimiters and pleasantries.
import { describe, expect, test } from 'vitest';
import { finalAnswerText } from '../../src/score/extract.js';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

const sum = scorerFor(makeCase({ scorer: 'number', expected: 1472 }, 'What is 736 + 736?'));
const countS = scorerFor(makeCase({ scorer: 'number', expected: 4 }, 'How many s\'s are in "mississippi"?'));
const decode = scorerFor(makeCase({ scorer: 'text', expected: 'GOOD MORNING' }, 'Decode: hpp e npsojoh'));
const bigger = scorerFor(makeCase({ scorer: 'choice', choices: ['7.3', '7.25'], expected: '7.3' }, 'Which is bigger, 7.3 or 7.25?'));

describe('an answer line taken back later', () => {
  test.each([
    ['"actually" then "the answer is"', 'Answer: 1462\n\nActually, I dropped a carry in the tens column. Redoing it, the answer is 1,472.', '1,472'],
    ['"wait" then "so the answer is"', 'Answer: 5\n\nWait, "mississippi" has s at places 3, 4, 6 and 7. So the answer is 4.', '4'],
    ['"let me recompute" then a final answer', 'Answer: 900\n\nLet me recompute: 36 × 25 = 36 × 100 / 4 = 900. The answer is 900.', '900'],
    [
      'an explanation that repeats the answer keeps it',
      'Answer: 1472\n\nExplanation: 736 doubled is 1472, so the answer is 1472 because 700 + 700 + 36 + 36 = 1472.',
      '1472',
    ],
    [
      'an explanation naming another number keeps the answer line',
      'Answer: 12\n\nWhy: some would say the answer is 10, but the two extra rows count too.',
      '12',
    ],
    ['"actually" inside a clause is no retraction', 'Answer: 7.3\n\nSome would actually say the answer is 7.25, since 25 > 3, but 7.30 > 7.25.', '7.3'],
    ['answer first, then a check with no retraction', '1472\n\nCheck: 1472 - 736 = 736.', '1472'],
  ])('%s', (_name, reply, span) => {
    expect(finalAnswerText(reply)).toBe(span);
  });

  test('the retracted value is the one scored', async () => {
    const answer = answerOf(sum, 'Answer: 1472\n\nHmm, actually 736 + 736 carries twice. Correcting that, the answer is 1462.');
    expect(answer).toBe('1462');
    expect(await sum.isCorrect!(answer ?? '')).toBe(false);
  });
});

describe('a hedge between two answers states none', () => {
  test.each([
    ['either ... or, not sure', sum, 'It is either 1,472 or 1,462; I could not settle the carry.'],
    ['either ... or, order swapped', sum, 'It is either 1,462 or 1,472; I could not settle the carry.'],
    ['two values side by side', sum, 'The answer is 1472 or 1482, please double-check with a calculator.'],
    ['letters, either ... or', countS, "I make it either three or four s's, but I may have skipped one."],
    ['text, either ... or', decode, 'It decodes to either "GOOD MORNING" or "GOOD EVENING" - the last word is unclear.'],
    ['choice, could be either', bigger, 'It might be 7.3 or 7.25, depending on the rounding used.'],
  ])('%s', (_name, scorer, reply) => {
    expect(answerOf(scorer, reply)).toBeNull();
  });

  test.each([
    ['"either way" commits', 'Counting by pairs or one at a time, either way the answer is 4.', '4'],
    ['a restatement in parentheses', "There are 4 (or four) s's in mississippi.", '4'],
    ['a hedge, then a pick', "It's either 3 or 4. Recounting: s-s at 3-4 and s-s at 6-7, so 4.", '4'],
    ['examples after "e.g." are not a second answer', "There are 4 s's, e.g. at positions 3 or 4 and 6 or 7 if you pair them.", '4'],
  ])('committed: %s', (_name, reply, canonical) => {
    expect(answerOf(countS, reply)).toBe(canonical);
  });
});

describe('a reply cut off before its answer states none', () => {
  test.each([
    ['ends on an arrow', 'Pair by pair:\n\n- hp → G\n- pe →'],
    ['ends on an equals sign', 'Adding the columns: 6 + 6 = 12, carry 1; 3 + 3 + 1 = 7; 7 + 7 ='],
    ['ends on a colon', 'Here is the count:'],
    ['ends on an article', 'The first pair gives G. Now I need to check the'],
    ['ends on a verb that needs more', 'Half their total age is 7, which the princess was when the prince was'],
    ['a bare list number after the item before it', 'Spelling it out:\n\n1. m\n2. i\n3. s\n4.'],
    ['a table row', 'Letter by letter:\n\n| # | letter |\n|---|---|\n| 1 | m |\n| 2 | i |\n| 3 | s |'],
    ['a place-value step of a column sum', 'Adding 736 + 736:\n\n- Ones: 6 + 6 = 12, write 2 carry 1\n- Tens: 3 + 3 + 1 = 7'],
    ['a question back', 'Before I count, do you mean the letter "s" or the sound "s"?'],
  ])('%s', (_name, reply) => {
    expect(finalAnswerText(reply)).toBeNull();
  });

  test.each([
    ['a position is not a count', 'Going through m-i-s-s-i-s-s-i-p-p-i. Found an s: position 3', null],
    ['positions beside a count', "There are 4 s's, at positions 3, 4, 6 and 7.", '4'],
    ['a finished list item stays', 'Counting:\n\n1. s\n2. s\n\nSo there are 4 in all', '4'],
  ])('number: %s', (_name, reply, canonical) => {
    expect(answerOf(countS, reply)).toBe(canonical);
  });

  test.each([
    ['an all-capitals decode ending in a short word', 'Reading each pair in turn:\n\nWHAT IS IT FOR', 'WHAT IS IT FOR'],
    ['a count without a full stop', 'Going letter by letter, the s appears 4 times', 'Going letter by letter, the s appears 4 times'],
    [
      'a list that ends "and so on"',
      'Each pair averages to one letter: hp gives G, pe gives O, and so on',
      'Each pair averages to one letter: hp gives G, pe gives O, and so on',
    ],
  ])('finished: %s', (_name, reply, span) => {
    expect(finalAnswerText(reply)).toBe(span);
  });
});

describe('delimiters, asides and pleasantries are never the answer line', () => {
  test.each([
    ['display math on its own lines', 'So the total is\n\\[\n1472\n\\]', '1472'],
    ['double-dollar block', 'Adding:\n$$\n736 + 736 = 1472\n$$', '736 + 736 = 1472'],
    ['a code fence', 'The sum:\n```\n1472\n```', '1472'],
    [
      'a trailing note in parentheses',
      'Each column adds up, so the total is 1472 apples\n\n(assuming none are bruised)',
      'Each column adds up, so the total is 1472 apples',
    ],
    ['a pleasantry after the answer', "There are 4 s's in mississippi. Hope that helps!", "There are 4 s's in mississippi"],
  ])('%s', (_name, reply, span) => {
    expect(finalAnswerText(reply)).toBe(span);
  });
});
