// Complex constants are valued here, because compute-engine 0.27 divides complex numbers by |z| instead of |z|².
import { describe, expect, test } from 'vitest';
import { evaluateComplex } from '../../../src/score/math/complex.js';
import { verdict } from './verdict.js';

describe('evaluateComplex', () => {
  test.each([
    [['Divide', ['Complex', 2, 3], ['Complex', 1, 1]], 2.5, 0.5],
    [['Divide', 5, ['Complex', 2, -1]], 2, 1],
    [['Power', 'ImaginaryUnit', 3], 0, -1],
    [['Multiply', ['Complex', 1, 2], ['Complex', 3, -1]], 5, 5],
    [['Sqrt', -4], 0, 2],
    [['Add', 1, ['Multiply', 2, 'ImaginaryUnit']], 1, 2],
  ])('%j = %s + %si', (json, re, im) => {
    const [x, y] = evaluateComplex(json);
    expect(x).toBeCloseTo(re, 12);
    expect(y).toBeCloseTo(im, 12);
  });
});

describe('MATH-500 complex answers written as quotients and products', () => {
  test.each([
    ['1+2i', '\\frac{5}{1-2i}', true],
    ['1+2i', '\\frac{5}{1+2i}', false],
    ['6+9i', '3i(3-2i)', true],
    ['-2 + 7i', '\\frac{(-2+7i)(1+i)}{1+i}', true],
    ['6 - 5i', '\\frac{6-5i}{i} \\cdot i', true],
    ['1+274i', '(1+274i)^1', true],
    ['6 - 5i', '\\frac{61}{6+5i}', true],
    ['6 - 5i', '\\frac{61}{6-5i}', false],
  ])('expected %j, answer %j: %s', (expected, answer, right) => {
    expect(verdict(expected, answer)).toBe(right);
  });
});
