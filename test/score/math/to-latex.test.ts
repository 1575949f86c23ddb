// Vote keys are written from MathJSON with the brackets the structure needs (compute-engine's serialiser drops some).
import { describe, expect, test } from 'vitest';
import { toLatex } from '../../../src/score/math/to-latex.js';
import { readMath } from '../../../src/score/math/index.js';

describe('toLatex on MathJSON', () => {
  test.each([
    [['Negate', ['Add', ['Negate', 'p'], 'q']], '-(-p+q)'],
    [['Negate', ['Add', 'p', 'q']], '-(p+q)'],
    [['Add', 'x', ['Negate', ['Add', 'y', 'z']]], 'x-(y+z)'],
    [['Add', ['Multiply', -13, 'x'], 3], '-13x+3'],
    [['Add', ['Power', 'x', 3], ['Multiply', 3, 'x'], -6], 'x^3+3x-6'],
    [['Multiply', ['Add', 'a', 5], ['Add', 'b', 2]], '(a+5)(b+2)'],
    [['Multiply', 2, ['Power', 3, 'x']], '2\\cdot 3^x'],
    [['Power', ['Add', 'x', 1], 2], '(x+1)^2'],
    [['Power', -2, 2], '(-2)^2'],
    [['Negate', ['Power', 'x', 2]], '-x^2'],
    [['Power', 'x', 10], 'x^{10}'],
    [['Rational', -1, 3], '-\\frac{1}{3}'],
    [['Divide', 1, ['Add', 'x', 1]], '\\frac{1}{x+1}'],
    [['Multiply', -1, 'x'], '-x'],
    [['Sqrt', 13], '\\sqrt{13}'],
    [['Add', 'x', ['Divide', -1, 'y']], 'x-\\frac{1}{y}'],
    [['Root', 2, 3], '\\sqrt[3]{2}'],
    [['Cot', 'x'], '\\cot(x)'],
    [['Add', 'theta', 1], '\\theta+1'],
    [['Multiply', 2, 'Pi'], '2\\pi'],
    [{ num: '1.5' }, '1.5'],
    [['Factorial', 5], '5!'],
    [['Frobnicate', 'x'], '\\operatorname{Frobnicate}(x)'],
  ])('%j -> %s', (json, latex) => {
    expect(toLatex(json)).toBe(latex);
  });
});

describe('keys keep the signs of negated sums (compute-engine writes -(q+p) as "-p+q")', () => {
  test.each([
    ['-(q+p)', '-p-q'],
    ['-(q-p)', 'p-q'],
    ['-(x-1)', '-x+1'],
    ['a-(b-c)', 'a-b+c'],
  ])('%j has key %j', (span, key) => {
    expect(readMath(span)?.canonical).toBe(key);
  });
});
