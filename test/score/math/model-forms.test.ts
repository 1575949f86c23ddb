// How models actually write final answers (MATH-500, AIME and GSM8K expected answers), right and wrong.
import { describe, expect, test } from 'vitest';
import { verdict } from './verdict.js';

type Row = [expected: string, answer: string, right: boolean];

const HABITS: Row[] = [
  ['3, 5, 7', '3, 5, and 7', true], ['3, 5, 7', '3, 5, or 7', true], ['(-2,1)', '(x, y) = (-2, 1)', true], ['(-2,1)', '(x, y) = (1, -2)', false],
  ['\\begin{pmatrix} -2 \\\\ -14 \\\\ -7 \\end{pmatrix}', '\\mathbf{v} = \\begin{pmatrix} -2 \\\\ -14 \\\\ -7 \\end{pmatrix}', true],
  ['(-\\infty, 2) \\cup (3, \\infty)', 'x < 2 \\text{ or } x > 3', true], ['(-\\infty, 2) \\cup (3, \\infty)', 'x \\le 2 \\text{ or } x \\ge 3', false],
  ['\\frac{14}{3}', '\\frac{14}{3}\\text{ cm}', true], ['\\left( 3, \\frac{\\pi}{2} \\right)', '\\left(3,\\frac{\\pi}{2}\\right)', true], ['1,-2', 'x=1, x=-2', true],
  ['\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix}', '\\left(\\begin{matrix} -1 & 0 \\\\ 0 & -1 \\end{matrix}\\right)', true],
  ['\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix}', '\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\\\ \\end{pmatrix}', true], ['6 - 5i', '6-5\\,i', true],
  ['-\\frac{\\pi}{6}', '-\\dfrac{\\pi}{6} \\text{ radians}', true], ['x \\in [-2,7]', 'x\\in[-2,7]', true], ['\\text{(C)}', '\\text{C}', true], ['3', 'x = 3 \\text{ (double root)}', true],
  ['-\\frac{\\pi}{6}', '-\\dfrac{\\pi}{6}', true], ['\\frac{1}{2}', '\\frac{1}{2}.', true], ['\\frac{1}{2}', '\\displaystyle \\frac12', true], ['\\frac{1}{2}', '\\tfrac{1}{2}', true],
  // A percent sign never makes an answer wrong: 50% matches both 50 (the percent asked) and 0.5 (its value).
  ['\\frac{1}{2}', '50\\%', true], ['\\frac{1}{2}', '\\frac{1}{2}\\%', true], ['\\frac{1}{2}', '5\\%', false], ['\\frac{9}{256}', '9/256', true], ['\\frac{9}{256}', '0.03515625', true], ['\\frac{9}{256}', '0.0352', false],
  ['\\sqrt{5}', '√5', true], ['\\sqrt{5}', '5^{\\frac{1}{2}}', true], ['\\sqrt{5}', '2.236', false], ['2\\sqrt{5}', '2√5', true], ['\\frac{\\sqrt{3}}{3}', '\\frac{\\sqrt{3}}{3} \\approx 0.577', true],
  ['90^\\circ', '90^\\circ.', true], ['90^\\circ', '\\angle = 90^\\circ', false], ['1', '1.0', true], ['1', '\\boxed{1}', true], ['1', 'one', false],
  ['-1', '−1', true], ['-1', '- 1', true], ['-1', '1', false], ['-4', '-4.', true], ['\\frac{16}{27}', '\\dfrac{16}{27}', true], ['\\frac{16}{27}', '\\frac{27}{16}', false],
  ['2k+2', '2(k + 1)', true], ['2k+2', '2k + 2.', true], ['p - q', 'p − q', true], ['p - q', 'p + -q', true], ['p - q', '-(p - q)', false],
  ['\\cot x', 'cot x', true], ['\\cot x', '\\cot(x)', true], ['\\cot x', '-\\cot x', false], ['x^3+3x-6', 'x^3 + 3x - 6', true], ['x^3+3x-6', 'x^{3}+3x-6', true],
];

const SIGNS_AND_OPERATORS: Row[] = [
  ['\\frac{1}{3}', '-\\frac{1}{3}', false], ['-\\frac{3}{8}', '\\frac{3}{8}', false], ['-\\frac{3}{8}', '\\frac{-3}{8}', true], ['-\\frac{3}{8}', '\\frac{3}{-8}', true],
  ['-128', '128', false], ['-41', '-14', false], ['-9', '9', false], ['-5', '(-5)', true], ['-120', '-(120)', true], ['-13x+3', '-13x-3', false], ['-13x+3', '13x-3', false],
  ['6r^2-4r-24', '6r^2-4r+24', false], ['2k', '-2k', false], ['1 - 12i', '1 - 12i', true], ['1 - 12i', '12i - 1', false], ['x^5 - x^4 + x^3 - x^2 + x - 1', 'x^5 + x^4 + x^3 + x^2 + x + 1', false],
  ['\\frac{11+9a}{20}', '\\frac{11+9a}{2}', false], ['(6,31,-1)', '(6,-31,-1)', false], ['(3,4]', '(-3,4]', false], ['(-\\infty, 0]', '(-\\infty, -0]', true],
];

const AIME_AND_GSM8K: Row[] = [
  ['33', '033', true], ['33', '33.', true], ['33', '\\boxed{033}', true], ['33', '330', false], ['80', '080', true], ['70', '7', false], ['204', '204.0', true],
  ['18', '\\$18', true], ['18', '18 dollars', true], ['18', '\\$18.00', true], ['18', '18.5', false], ['18', '-18', false], ['1600', '1,600', true], ['1600', '1 600', true],
  ['540', '540 minutes', true], ['540', '9 hours', false], ['26000', '26,000', true], ['26000', '\\$26{,}000', true], ['4005', '4,005', true], ['1736', '1763', false],
];

describe.each([
  ['writing habits', HABITS],
  ['signs and operators are never lost', SIGNS_AND_OPERATORS],
  ['AIME and GSM8K integers', AIME_AND_GSM8K],
])('model answers: %s', (_group, rows) => {
  test.each(rows)('expected %j, answer %j: %s', (expected, answer, right) => {
    expect(verdict(expected, answer)).toBe(right);
  });
});
