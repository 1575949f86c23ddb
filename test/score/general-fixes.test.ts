// General misses fixed in the scorers: signs and operators, answers in parentheses, \frac43, \le, __init__, exact tolerance, JSON.
import { describe, expect, test } from 'vitest';
import { checkNumberExpected, withinTolerance } from '../../src/score/scorers/number.js';
import { readAnswerText } from '../../src/score/scorers/answer-text.js';
import { normaliseText } from '../../src/score/scorers/text.js';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

describe('text normalisation keeps signs and operators', () => {
  test.each([
    ['\\frac{1}{3}', '\\frac{-1}{3}', false],
    ['n-1', 'n+1', false],
    ['x \\le 3', 'x \\geq 3', false],
    ['x \\le 3', 'x ≤ 3', true],
    ['x \\leq 3', 'x ≤ 3', true],
    ['\\frac43', '\\frac{4}{3}', true],
    ['\\frac{4}{3}', '4/3', true],
    ['-5', '5', false],
    ['a*b', 'ab', false],
    ["There are three R's in strawberry!", 'THERE ARE THREE RS IN STRAWBERRY', true],
    ['well-known', 'well known', true],
    ['Paris, France', 'paris france', true],
    ['__init__', 'init', false],
    ['(3, 4)', '[3, 4]', false],
  ])('%s vs %s', (a, b, same) => {
    expect(normaliseText(a) === normaliseText(b)).toBe(same);
  });
});

describe('a final part in parentheses is the answer, not an aside', () => {
  const text = scorerFor(makeCase({ scorer: 'text', expected: 'I(0)' }));
  test.each([
    ['a function value', 'Answer: I(0)', 'i ( 0 )'],
    ['a function value after "the answer is"', 'So the answer is I(0).', 'i ( 0 )'],
    ['a coordinate pair alone', 'Answer: (3, 4)', '( 3 4 )'],
    ['a coordinate pair after words', 'The intersection point is (3, 4).', 'the intersection point is ( 3 4 )'],
    ['a half-open interval differs', 'Answer: (3, 4]', '( 3 4 ]'],
    ['a prose aside is still dropped', 'Answer: SEE YOU SOON (a friendly goodbye)', 'see you soon'],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(text, reply)).toBe(canonical);
  });
});

describe('an answer that also appears in the question is an answer', () => {
  test.each([
    ['a number from the question', 'number', 13, 'Solve 2x + 3 = 13 for 2x + 3.', 'Answer: 13', '13'],
    ['a word from the question', 'text', 'north', 'Which is colder, north or south of the equator in July?', 'Answer: north', 'north'],
  ])('%s', (_name, scorer, expected, question, reply, canonical) => {
    expect(answerOf(scorerFor(makeCase({ scorer, expected }, question)), reply)).toBe(canonical);
  });
});

describe('answers read as written', () => {
  test.each([
    ['\\frac43 as a number', 'number', 4 / 3, 'Answer: $\\frac43$', String(Number((4 / 3).toPrecision(12)))],
    ['boxed{} without its backslash, as text', 'text', 'no', 'Since 91 = 7 × 13, boxed{no}', 'no'],
    ['a JSON reply, as a number', 'number', 24, '{"reasoning": "4 * 6 = 24", "answer": "24"}', '24'],
    ['a JSON reply, as text', 'text', 'Paris', '{"answer": "Paris", "confidence": 0.9}', 'paris'],
    ['a later "The answer is: 2." after a box', 'number', 2, 'Trying $\\boxed{3}$ fails the check.\n\nThe answer is: 2.', '2'],
  ])('%s', (_name, scorer, expected, reply, canonical) => {
    expect(answerOf(scorerFor(makeCase({ scorer, expected })), reply)).toBe(canonical);
  });

  test('\\le names the lesser option', () => {
    const smaller = scorerFor(makeCase({ scorer: 'choice', choices: ['9.11', '9.8'], expected: '9.11' }, 'Which is smaller, 9.11 or 9.8?'));
    expect(answerOf(smaller, 'Since $9.11 \\le 9.8$, the smaller one is 9.11.\n\nAnswer: 9.11')).toBe('9.11');
  });

  test('Answer: __init__ stays __init__', () => {
    expect(readAnswerText('The method Python calls first.\n\nAnswer: __init__')).toEqual({ answer: '__init__', rule: 'marker', span: '__init__' });
  });
});

describe('tolerance 0 means exact at 12 significant digits', () => {
  test.each([
    [0.1 + 0.2, 0.3, 0, true],
    [1.0000000001, 1, 0, false], // a relative 1e-9 used to pass this
    [1e-13, 0, 0, false],
    [1.23456, 1.2346, 0, false],
    [1.23456, 1.2346, 0.0001, true],
    [10.5, 10, 0.5, true],
    [10.5000001, 10, 0.5, false],
  ])('%d vs %d within %d', (value, expected, tolerance, within) => {
    expect(withinTolerance(value, expected, tolerance)).toBe(within);
  });

  test('the scorer uses it', async () => {
    const scorer = scorerFor(makeCase({ scorer: 'number', expected: 1 }));
    expect(await scorer.isCorrect!(answerOf(scorer, 'Answer: 1.0000000001') ?? '')).toBe(false);
    expect(await scorer.isCorrect!(answerOf(scorer, 'Answer: 1.000') ?? '')).toBe(true);
  });
});

describe('strictness is a case setting, lenient by default', () => {
  test.each([
    ['an answer line', 'Working.\n\nAnswer: 42', '42', '42'],
    ['a box', 'So $\\boxed{42}$.', '42', '42'],
    ['"the answer is"', 'So the answer is 42.', '42', null],
    ['a closing line', 'There are 42 of them.', '42', null],
  ])('%s', (_name, reply, lenient, strict) => {
    const c = makeCase({ scorer: 'number', expected: 42 });
    expect(answerOf(scorerFor(c), reply)).toBe(lenient);
    expect(answerOf(scorerFor(Object.assign({}, c, { extract: 'strict' })), reply)).toBe(strict);
    expect(readAnswerText(reply, '', 'strict')?.answer ?? null).toBe(strict);
  });
});

describe('checkNumberExpected', () => {
  test.each([
    [42, null],
    ['3/4', null],
    ['2,048', null],
    ['x = 5', null],
    ['\\frac{3}{4}', null],
    ['twelve', null],
    ['1e400', 'is not a number'],
    ['none', null], // reads as 0, as an answer would
    ['the empty set', 'is not a number'],
  ])('%s', (expected, problem) => {
    const message = checkNumberExpected(expected);
    if (problem === null) expect(message).toBeNull();
    else expect(message).toContain(problem);
  });
});
