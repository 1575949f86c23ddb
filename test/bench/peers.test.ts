// The ported peer rules behave as their published source defines (bench/peers/): extraction, normalisation, equality.
import { describe, expect, test } from 'vitest';
import { exactMatch, flexibleExtract, INVALID, strictMatch } from '../../bench/peers/lm-eval-gsm8k.js';
import { isEquiv, lastBoxedOnlyString, minervaMath, normalizeFinalAnswer, removeBoxed } from '../../bench/peers/minerva-math.js';
import { mathEqual, parseDigits, qwenMath } from '../../bench/peers/qwen-grader.js';
import { extractAnswer as qwenExtract, stripString } from '../../bench/peers/qwen-parser.js';
import { cell, tallies } from '../../bench/peers/tally.js';
import { extractAnswer as simpleExtract, normalizeResponse, simpleEvalsMath, stringEqual } from '../../bench/peers/simple-evals-math.js';

describe('lm-eval gsm8k', () => {
  test.each([
    ['So she makes 18.\n#### 18', '18'],
    ['#### -3.5', '-3.5'],
    ['#### 1,000\n#### 2', '1,000'],
    ['The answer is 72', INVALID],
    ['#### Solution\n72', INVALID],
  ])('strict-match reads %j as %j', (reply, read) => expect(strictMatch(reply)).toBe(read));

  test.each([
    ['I have 3 apples and 42 pears.', '42'],
    ['3 apples; in all 42.', '42.'],
    ['It costs $18.', '$18.'],
    ['the answer is 5', '5'],
    ['1,000 in all', '1,000'],
    ['no digits here', INVALID],
  ])('flexible-extract reads %j as %j', (reply, read) => expect(flexibleExtract(reply)).toBe(read));

  test.each([
    ['42.', '42', true],
    ['$18', '18', true],
    ['1,000', '1000', true],
    ['72', 'Janet sells 9 eggs.\n#### 72', true],
    ['18.00', '18', false],
    [INVALID, '18', false],
  ])('exact_match(%j, %j) is %s', (prediction, reference, same) => expect(exactMatch(prediction, reference)).toBe(same));
});

describe('lm-eval minerva_math', () => {
  test.each([
    ['so $\\boxed{\\frac{1}{2}}$.', '\\boxed{\\frac{1}{2}}'],
    ['\\boxed{1} then \\boxed{\\sqrt{2}}', '\\boxed{\\sqrt{2}}'],
    ['the answer is $\\boxed 5$', '\\boxed 5'],
    ['\\fbox{3}', '\\fbox{3}'],
    ['\\boxed{unclosed', null],
    ['no box', null],
  ])('last_boxed_only_string(%j) is %j', (text, boxed) => expect(lastBoxedOnlyString(text)).toBe(boxed));

  test('remove_boxed asserts a \\boxed{} prefix, as the source does', () => {
    expect(removeBoxed('\\boxed{x+1}')).toBe('x+1');
    expect(() => removeBoxed('\\fbox{3}')).toThrow();
  });

  test.each([
    ['x = 5', '5'],
    ['10 \\text{ dollars}', '10'],
    ['\\frac12', '\\frac{1}{2}'],
    ['\\sqrt3', '\\sqrt{3}'],
    ['100,000', '100000'],
    ['90^\\circ', '90'],
    ['$\\frac{1}{2}$', '\\frac{1}{2}'],
    ['\\text{Evelyn}', 'Evelyn'],
  ])('normalize_final_answer(%j) is %j', (answer, normal) => expect(normalizeFinalAnswer(answer)).toBe(normal));

  test.each([
    ['\\frac{1}{2}', '\\frac{1}{2}', true],
    ['0.5', '\\frac{1}{2}', true],
    ['2\\sqrt{3}', '\\sqrt{12}', true],
    ['-\\dfrac{\\pi}{6}', '-\\frac{\\pi}{6}', true],
    ['\\frac{1}{2}', '\\frac{1}{3}', false],
  ])('is_equiv(%j, %j) is %s', (a, b, same) => expect(isEquiv(a, b)).toBe(same));

  test('a reply with no \\boxed{} is wrong, whatever it says', () => {
    expect(minervaMath.grade({ dataset: 'math-500', expected: '5', reply: 'The answer is 5.' })).toEqual({ read: null, correct: false });
  });
});

describe('simple-evals math', () => {
  test.each([
    ['Work...\nAnswer: 42', '42'],
    ['Answer: 1\nANSWER: 2', '1'],
    ['**Answer:** $\\frac{1}{2}$', '** $\\frac{1}{2}$'],
    ['The final answer is 5', null],
  ])('ANSWER_PATTERN reads %j as %j', (reply, read) => expect(simpleExtract(reply)).toBe(read));

  test.each([
    ['**12**', '12'],
    ['$\\boxed{5}$', '5'],
    ['\\$3.50', '3.50'],
  ])('normalize_response(%j) is %j', (text, normal) => expect(normalizeResponse(text)).toBe(normal));

  test.each([
    ['12', '** 12 ', true],
    ['\\frac{1}{2}', ' \\frac{1}{2}', true],
    // normalize_response deletes "}$" and every "{", so a closing brace before "$" is lost on one side only.
    ['\\frac{1}{2}', '$\\frac{1}{2}$', false],
    ['\\frac{1}{2}', '1/2', false],
  ])('the string stand-in for check_equality(%j, %j) is %s', (expected, read, same) => expect(stringEqual(expected, read)).toBe(same));

  test('a reply without an Answer: line is wrong', () => {
    expect(simpleEvalsMath.grade({ dataset: 'math-500', expected: '5', reply: '\\boxed{5}' }).correct).toBe(false);
  });
});

describe('Qwen2.5-Math', () => {
  test.each([
    ['\\dfrac{1}{2}', '\\frac{1}{2}'],
    ['\\left( 3, \\frac{\\pi}{2} \\right)', '(3,\\frac{\\pi}{2})'],
    ['x = 5', '5'],
    ['10\\%', '10'],
    ['1/2', '\\frac{1}{2}'],
    ['\\frac12', '\\frac{1}{2}'],
    ['5.000', '5'],
    ['90^\\circ', '90'],
    ['five', '5'],
    ['12 \\text{ inches}', '12'],
    ['\\sqrt3', '\\sqrt{3}'],
  ])('strip_string(%j) is %j', (input, stripped) => expect(stripString(input)).toBe(stripped));

  test.each([
    ['so $\\boxed{\\frac{1}{2}}$.', '\\frac{1}{2}'],
    ['Thus the answer is 42.', '42'],
    ['we get 3 and then 17', '17'],
    ['1,234 apples, then 5,678', '5678'],
  ])('extract_answer(%j) is %j', (reply, read) => expect(qwenExtract(reply, 'math')).toBe(read));

  test.each([
    ['10%', 0.1],
    ['1,000', 1000],
    ['abc', null],
  ])('parse_digits(%j) is %j', (num, value) => expect(parseDigits(num)).toBe(value));

  // The first rows are grader.py's own unittest cases (TestMathEquality).
  test.each([
    ['10', '10', true],
    ['10%', '0.1', true],
    ['[1, 2, 3]', '[1, 2, 3]', true],
    ['\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', true],
    ['x = y', 'x = y', true],
    ['10', '20', false],
    ['x = y', 'x = z', false],
    ['x = 10', '10', true],
    ['0.5', '\\frac{1}{2}', true],
    ['13536', '13535', true],
    ['[3,4]', '(3,4]', true],
    ['(1,2)', '(1,3)', false],
  ])('math_equal(%j, %j) is %s', (prediction, reference, same) => expect(mathEqual(prediction, reference)).toBe(same));

  test('the rule reads the last box and compares with the stripped expected answer', () => {
    expect(qwenMath.grade({ dataset: 'math-500', expected: '\\frac{14}{3}', reply: 'So $\\boxed{\\dfrac{14}{3}}$' })).toEqual({
      read: '\\frac{14}{3}',
      correct: true,
    });
    expect(qwenMath.grade({ dataset: 'gsm8k', expected: '18', reply: 'She makes $18 a day.' }).correct).toBe(true);
  });
});

describe('agreement tallies', () => {
  const rows = [
    { dataset: 'gsm8k', human: true, rule: true },
    { dataset: 'gsm8k', human: false, rule: true },
    { dataset: 'math-500', human: true, rule: false },
    { dataset: 'math-500', human: false, rule: false },
  ];
  test.each([
    ['overall', '0.500 (2/4)'],
    ['gsm8k', '0.500 (1/2)'],
    ['math-500', '0.500 (1/2)'],
    ['aime-2024', '-'],
  ])('%s agreement is %s', (group, shown) => {
    const { overall, byDataset } = tallies(rows);
    expect(cell(group === 'overall' ? overall : byDataset.get(group))).toBe(shown);
  });
  test('a rule saying right where the human said wrong is a false pass, the reverse a false fail', () => {
    expect(tallies(rows).overall).toMatchObject({ falsePass: 1, falseFail: 1 });
  });
});
