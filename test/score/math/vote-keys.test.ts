// Vote keys: equivalent forms of one answer share a canonical string; different answers never do.
import { describe, expect, test } from 'vitest';
import { mathEquivalent } from '../../../src/score/math/index.js';
import { read } from './verdict.js';

const SAME_KEY: [label: string, forms: string[]][] = [
  ['fourteen thirds', ['\\frac{14}{3}', '\\dfrac{14}{3}', '14/3', '4\\frac23', '4\\frac{2}{3}', '\\frac{28}{6}', 'x = \\frac{14}{3}', '$\\frac{14}{3}$']],
  ['3√13', ['3\\sqrt{13}', '\\sqrt{117}', '3 \\sqrt{13}', '\\sqrt{13}\\cdot3']],
  ['three halves', ['\\frac{3}{2}', '1.5', '1\\frac12', '\\frac{6}{4}', '3/2', '1.50']],
  ['a thousand', ['1000', '1,000', '1{,}000', '\\$1,000', '1000.0', '1\\,000', '$\\$1,000$']],
  ['ninety degrees', ['90^\\circ', '90', '90°', '90^{\\circ}']],
  ['6 - 5i', ['6-5i', '-5i+6', '6 - 5i']],
  ['digits in base 8', ['52_8', '52', '52_{8}']],
  ['unordered list', ['3, 5, 7', '7, 5, 3', '\\{5,3,7\\}', 'x = 3 \\text{ or } x = 5 \\text{ or } x = 7']],
  ['open ray', ['(2, \\infty)', 'x > 2', '\\left(2,\\infty\\right)', '2 < x']],
  ['a name', ['\\text{Evelyn}', 'Evelyn', 'evelyn', '\\textbf{Evelyn}']],
  ['a choice', ['(C)', '\\text{(C)}', 'C', '\\textbf{(C)}']],
  ['√3/3', ['\\frac{\\sqrt3}{3}', '\\frac{1}{\\sqrt3}', '\\sqrt{\\frac13}']],
  ['-π/6', ['-\\frac{\\pi}{6}', '-\\pi/6', '\\frac{-\\pi}{6}']],
  ['18 + 2π', ['18+2\\pi', '2\\pi+18', '2(9+\\pi)']],
  ['p - q', ['p-q', '-q+p', '-(q-p)']],
  ['column vector and tuple', ['\\begin{pmatrix}1\\\\2\\end{pmatrix}', '(1,2)', '\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}']],
  ['polynomial', ['x^3+3x-6', '3x+x^3-6', 'y = x^3 + 3x - 6']],
  ['plus or minus', ['1 \\pm \\sqrt{19}', '1+\\sqrt{19}, 1-\\sqrt{19}', '1-\\sqrt{19}, 1+\\sqrt{19}']],
];

const DIFFERENT_KEYS: [label: string, forms: string[]][] = [
  ['a sign', ['\\frac{1}{3}', '\\frac{-1}{3}']],
  ['an operator', ['n-1', 'n+1']],
  ['the ends of an interval', ['(2,5]', '[2,5]', '(2,5)', '[2,5)']],
  ['a rounding', ['4.67', '\\frac{14}{3}']],
  ['a conjugate', ['6-5i', '6+5i']],
  ['a power', ['x^2', 'x^3']],
  ['an approximation of a root', ['\\sqrt2', '1.414', '1.4142135623730951']],
  ['order in a tuple', ['(1,2)', '(2,1)']],
  ['a base and its value', ['52_8', '42']],
];

describe('equivalent forms share one vote key', () => {
  test.each(SAME_KEY)('%s', (_label, forms) => {
    const keys = forms.map((form) => read(form).canonical);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
  });
});

describe('different answers get different vote keys and are not equivalent', () => {
  test.each(DIFFERENT_KEYS)('%s', (_label, forms) => {
    const answers = forms.map(read);
    expect(new Set(answers.map((a) => a.canonical)).size).toBe(forms.length);
    for (const a of answers) for (const b of answers) if (a !== b) expect(mathEquivalent(a, b)).toBe(false);
  });
});

describe('mathEquivalent is true whenever the keys are equal', () => {
  test.each(SAME_KEY)('%s', (_label, forms) => {
    const answers = forms.map(read);
    for (const a of answers) for (const b of answers) expect(mathEquivalent(a, b)).toBe(true);
  });
});
