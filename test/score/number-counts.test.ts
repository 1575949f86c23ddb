// Number scorer rules for letter counts and answer-first arithmetic: the count asked about, count words, zero.
import { describe, expect, test } from 'vitest';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

const countE = scorerFor(makeCase({ scorer: 'number', expected: 3 }, 'How many e\'s are in the word "excellence"?'));
const countP = scorerFor(makeCase({ scorer: 'number', expected: 2 }, 'How many times does the letter "p" appear in "apple"?'));
const countZ = scorerFor(makeCase({ scorer: 'number', expected: 0 }, 'How many z\'s are in "banana"?'));
const product = scorerFor(makeCase({ scorer: 'number', expected: 1564 }, 'What is 68 * 23?'));
const timesQuestion = scorerFor(makeCase({ scorer: 'number', expected: 48 }, 'What is 12 times 4?'));

describe('number scorer: the count of the thing asked about', () => {
  test.each([
    ['word length first, then the count', '"Excellence" is 10 letters long and has 4 e\'s.', '4'],
    ['length and count joined by "and"', 'The word "excellence" has 10 letters and contains 4 e\'s.', '4'],
    ['"appears N times" after the length', 'It has 10 letters, and the letter "e" appears 4 times.', '4'],
    ['quoted letter with s', 'There are 4 "e"s in excellence, out of 10 letters.', '4'],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(countE, reply)).toBe(canonical);
  });

  test.each([
    ['twice', 'The letter "p" shows up twice in "apple".', '2'],
    ['bold once', 'In "apple", "p" appears **once** at the start... no, it appears **twice**.', '2'],
    ['thrice', 'It appears thrice.', '3'],
    ['"twice as" is not a count', 'Answer: 2, since "pp" holds the letter twice as a pair.', '2'],
  ])('count words: %s', (_name, reply, canonical) => {
    expect(answerOf(countP, reply)).toBe(canonical);
  });

  test.each([
    ["no z's", 'There are no z\'s in "banana".', '0'],
    ['quoted letter, none', 'The word "banana" has no "z" in it at all.', '0'],
    ["doesn't contain", "Banana doesn't contain the letter z at all - it is b-a-n-a-n-a.", '0'],
    ['does not appear', 'The letter z does not appear in "banana".', '0'],
    ['none', 'None - "banana" is spelled b-a-n-a-n-a.', '0'],
    ['a number still wins', "There are no z's, so the count is 0.", '0'],
  ])('zero: %s', async (_name, reply, canonical) => {
    const answer = answerOf(countZ, reply);
    expect(answer).toBe(canonical);
    expect(await countZ.isCorrect!(answer ?? '')).toBe(true);
  });
});

describe('number scorer: answer first, then the working', () => {
  test.each([
    ['equation, then a check with other numbers', '68 × 23 = 1,564\n\nCheck: 68 × 20 = 1,360, plus 68 × 3 = 204, total 1,564.', '1564'],
    ['bold result, then a parenthetical breakdown', '68 × 23 = **1,564**. (68 × 20 = 1,360; 68 × 3 = 204.)', '1564'],
    ['bold number opening the sentence', '**1,564**. That is 1,360 + 204, from splitting 23 into 20 and 3.', '1564'],
    ['verification heading', '1564\n\nVerification: 1564 / 23 = 68.', '1564'],
    ['working shown in content ends with the result', '68 × 20 = 1,360\n68 × 3 = 204\n1,360 + 204 = 1,564', '1564'],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(product, reply)).toBe(canonical);
  });

  test.each([
    ['restated question', 'What is 68 * 23?'],
    ['a plan only', 'Let me multiply 68 by 23 step by step.'],
    ['opener and plan', "Sure! Let's work out 68 × 23."],
  ])('no answer: %s', (_name, reply) => {
    expect(answerOf(product, reply)).toBeNull();
  });

  test('"N times" earns nothing when the question counts nothing', () => {
    expect(answerOf(timesQuestion, '12 times 4 is 48.')).toBe('48');
  });
});

describe('number scorer: the counted unit is whatever the question counts', () => {
  const apples = scorerFor(makeCase({ scorer: 'number', expected: 60 }, 'Sam buys 5 bags of 12 apples. How many apples does he have?'));
  const none = scorerFor(makeCase({ scorer: 'number', expected: 0 }, 'How many penguins live in the Arctic?'));
  test.each([
    ['the count of the asked noun is the answer', apples, 'He opened 5 bags, so he has 60 apples.', '60'],
    ['a singular noun still counts', none, 'There is no penguin in the Arctic.', '0'],
    ['"no" and the plural noun', none, 'There are no penguins in the Arctic; they live in the south.', '0'],
  ])('%s', (_name, scorer, reply, canonical) => {
    expect(answerOf(scorer, reply)).toBe(canonical);
  });
});
