// Answers that would keep compute-engine busy without end are refused or kept unexpanded, never evaluated.
import { describe, expect, test } from 'vitest';
import { evaluationRisk, expansionSize } from '../../../src/score/math/cost-guard.js';
import { mathEquivalent, readMath } from '../../../src/score/math/index.js';

describe('evaluationRisk', () => {
  test.each([
    [['Factorial', ['Power', 10, 100]], 'it has a factorial too large to evaluate'],
    [['Add', 1, ['Factorial', 'x']], 'it has a factorial too large to evaluate'],
    [['Sin', ['Power', 10, 100]], 'it has a trigonometric function of a huge number'],
    [['Sum', 'n', ['Tuple', 'n', 1, 10]], 'it is an operation (Sum), not a value'],
    [['Factorial', 20], null],
    [['Sin', ['Divide', 'Pi', 6]], null],
    [['Add', 'x', 1], null],
  ])('%j: %s', (json, risk) => {
    expect(evaluationRisk(json)).toBe(risk);
  });
});

describe('expansionSize', () => {
  test.each([
    [['Add', 'x', 1], 2],
    [['Multiply', ['Add', 'a', 5], ['Add', 'b', 2]], 4],
    [['Power', ['Add', 'x', 1], 30], 2 ** 30],
    [['Power', 'x', 30], 1],
    [['Power', ['Add', 'x', 1], 'n'], Number.POSITIVE_INFINITY],
  ])('%j: %s', (json, size) => {
    expect(expansionSize(json)).toBe(size);
  });
});

describe('readMath on answers that are costly to evaluate', () => {
  test.each([['(10^{100})!'], ['\\sin(10^{100})'], ['\\sum_{n=1}^{10^9} n']])('%j is text with a reason', (span) => {
    const answer = readMath(span);
    expect(answer?.kind).toBe('text');
    expect(answer?.why).toMatch(/factorial|trigonometric|operation/);
  });

  test('(x+1)^{30} keeps its written form as key and still compares by value', () => {
    const power = readMath('(x+1)^{30}');
    expect(power?.canonical).toBe('(x+1)^{30}');
    const same = readMath('(1+x)^{30}');
    expect(power !== null && same !== null && mathEquivalent(same, power)).toBe(true);
  });

  test('2^{100000} is a finite number, not infinity', () => {
    const answer = readMath('2^{100000}');
    expect(answer?.kind).toBe('number');
    expect(answer?.canonical).not.toContain('infty');
  });

  test('a factorial of a small number is evaluated', () => {
    expect(readMath('20!')?.canonical).toBe('2432902008176640000');
  });
});
