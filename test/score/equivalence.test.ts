import { describe, expect, test } from 'vitest';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

// Equivalent answers must give one vote key, or votes split between "2,048" and "2048".
describe('equivalent answers give identical canonical strings', () => {
  const powerOfTwo = scorerFor(makeCase({ scorer: 'number', expected: 2048 }));
  test.each([
    ['2,048'],
    ['Answer: 2048'],
    ['$2^{11} = \\boxed{2{,}048}$'],
    ['The final answer is two thousand forty-eight.'],
    ['**Answer:** 2 048'],
    ['Answer: 2048.0'],
    ['So $2^{11} = 2\\,048$.'],
  ])('number: %s → 2048', (reply) => {
    expect(answerOf(powerOfTwo, reply)).toBe('2048');
  });

  const threeQuarters = scorerFor(makeCase({ scorer: 'number', expected: 0.75 }));
  test.each([['Answer: 0.75'], ['\\boxed{\\frac{3}{4}}'], ['Answer: 3/4'], ['The answer is $\\dfrac{3}{4}$.'], ['Answer: .750']])(
    'number: %s → 0.75',
    (reply) => {
      expect(answerOf(threeQuarters, reply)).toBe('0.75');
    },
  );

  const cipher = scorerFor(makeCase({ scorer: 'text', expected: 'THERE ARE THREE RS IN STRAWBERRY' }));
  test.each([
    ['Answer: THERE ARE THREE R’S IN STRAWBERRY.'],
    ['Answer: there are three rs in strawberry'],
    ['The decoded message is: "There are three R\'s in strawberry."'],
    ['**THERE ARE THREE RS IN STRAWBERRY**'],
  ])('text: %s', (reply) => {
    expect(answerOf(cipher, reply)).toBe('there are three rs in strawberry');
  });

  const decimals = scorerFor(makeCase({ scorer: 'choice', choices: ['9.11', '9.8'], expected: '9.8' }, 'Which is bigger, 9.11 or 9.8?'));
  test.each([['9.8'], ['**9.80**'], ['9.8 is bigger than 9.11.'], ['9.11 < 9.8'], ['The answer is 9.8, not 9.11.']])('choice: %s → 9.8', (reply) => {
    expect(answerOf(decimals, reply)).toBe('9.8');
  });
});

describe('scorerFor', () => {
  test('a judge case reads the final answer text and leaves its verdict to the grading stage', () => {
    const judge = scorerFor(makeCase({ scorer: 'judge', expected: 'a rubric-graded answer' }));
    expect(judge.read('Some thoughts.\n\nAnswer: Paris, France')).toEqual({ answer: 'Paris, France', rule: 'marker', span: 'Paris, France' });
    expect(judge.isCorrect).toBeUndefined();
  });

  test('a custom case needs its module loaded first', () => {
    expect(() => scorerFor(makeCase({ scorer: 'custom', expected: 'x', module: './my-scorer.js' }))).toThrow(/not loaded/);
  });
});
