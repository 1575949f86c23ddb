// MATH-500 expected answers with structure (tuples, intervals, lists, matrices, equations, expressions, words).
import { describe, expect, test } from 'vitest';
import { verdict } from './verdict.js';

type Row = [expected: string, answer: string, right: boolean];

const POLAR = '\\left( 3, \\frac{\\pi}{2} \\right)';
const TUPLES: Row[] = [
  [POLAR, '(3, \\frac{\\pi}{2})', true], [POLAR, '(3,\\pi/2)', true], [POLAR, '\\left(3, 90^\\circ\\right)', false], [POLAR, '(\\frac{\\pi}{2}, 3)', false],
  [POLAR, '(3, \\frac{\\pi}{3})', false], [POLAR, '(-3, \\frac{\\pi}{2})', false], ['(6,31,-1)', '(6, 31, -1)', true], ['(6,31,-1)', '(6,31,1)', false],
  ['(6,31,-1)', '(31,6,-1)', false], ['(6,31,-1)', '6, 31, -1', true], ['(-2,1)', '(-2, 1)', true], ['(-2,1)', '(1,-2)', false], ['(15,-29)', '(15, -29)', true],
  ['(8,-2)', '(-8,2)', false], ['\\left( \\frac{3}{2}, -13 \\right)', '(1.5, -13)', true], ['\\left( \\frac{3}{2}, -13 \\right)', '(\\frac32,13)', false],
  ['(1,-16,-4,43)', '(1, -16, -4, 43)', true], ['(1,-16,-4,43)', '(1,-16,4,43)', false], ['(1,-16,-4,43)', '(1,-16,-4)', false], ['(2,4)', '(2, 4)', true],
  ['(-1,6)', '\\left(-1, 6\\right)', true], ['(-1,6)', '(-1,-6)', false],
];

const INTERVALS: Row[] = [
  ['(3,4]', '(3, 4]', true], ['(3,4]', '[3,4]', false], ['(3,4]', '(3,4)', false], ['(3,4]', '3 < x \\le 4', true], ['(3,4]', '3 < x \\leq 4', true],
  ['(2,\\infty)', '(2, \\infty)', true], ['(2,\\infty)', 'x > 2', true], ['(2,\\infty)', '[2,\\infty)', false], ['(2,\\infty)', '(2, ∞)', true], ['(2,\\infty)', 'x \\ge 2', false], ['(2,\\infty)', '(2, infinity)', true], ['(2,\\infty)', 'x \\in (2, \\infty)', true],
  ['(-\\infty, 0]', 'x \\le 0', true], ['(-\\infty, 0]', '(-\\infty,0)', false], ['(-\\infty, 0]', '\\left(-\\infty, 0\\right]', true], ['(-\\infty, 0]', '(0, \\infty)', false],
  ['(5,\\infty)', 'x>5', true], ['(5,\\infty)', '(-\\infty, 5)', false], ['(-\\sqrt{3}, \\sqrt{3})', '(-\\sqrt3,\\sqrt3)', true], ['(-\\sqrt{3}, \\sqrt{3})', '[-\\sqrt3,\\sqrt3]', false],
  ['\\left(\\frac{3}{5},\\frac{8}{3}\\right]', '(0.6, \\frac{8}{3}]', true], ['\\left(\\frac{3}{5},\\frac{8}{3}\\right]', '(\\frac35, \\frac83)', false],
  ['(0,9) \\cup (9,36)', '(9,36) \\cup (0,9)', true], ['(0,9) \\cup (9,36)', '(0,36)', false], ['(0,9) \\cup (9,36)', '(0, 9) ∪ (9, 36)', true],
  ['(-\\infty, 2) \\cup (3, \\infty)', '(-\\infty,2)\\cup(3,\\infty)', true], ['(-\\infty, 2) \\cup (3, \\infty)', '(2,3)', false],
  ['(-\\infty, 2) \\cup (3, \\infty)', '(-\\infty, 2] \\cup [3, \\infty)', false], ['(2,12) \\cup (12,102)', '(2,12)\\cup(12,102)', true], ['(2,12) \\cup (12,102)', '(2,102)', false],
  ['x \\in [-2,7]', '[-2,7]', true], ['x \\in [-2,7]', '-2 \\le x \\le 7', true], ['x \\in [-2,7]', '(-2,7)', false], ['x \\in [-2,7]', '[-7,2]', false],
  ['\\left[ \\frac{\\pi^2}{8}, \\frac{5 \\pi^2}{4} \\right]', '[\\pi^2/8, 5\\pi^2/4]', true], ['\\left[ \\frac{\\pi^2}{8}, \\frac{5 \\pi^2}{4} \\right]', '[\\frac{\\pi^2}{8}, \\frac{5\\pi^2}{4})', false],
];

const LISTS: Row[] = [
  ['3, 5, 7', '7, 5, 3', true], ['3, 5, 7', '3,5,7', true], ['3, 5, 7', '3, 5', false], ['3, 5, 7', '3, 5, 8', false], ['3, 5, 7', '\\{3, 5, 7\\}', true],
  ['3, 5, 7', '3, 5, 7, 7', false], ['1,-2', '-2, 1', true], ['1,-2', 'x=1 \\text{ or } x=-2', true], ['1,-2', '1, 2', false], ['1,-2', 'x = -2, 1', true],
  ['-2,1', '1,-2', true], ['-2,1', 'x=-2 \\text{ and } x=1', true], ['-2,1', '-2', false], ['1 \\pm \\sqrt{19}', '1+\\sqrt{19}, 1-\\sqrt{19}', true],
  ['1 \\pm \\sqrt{19}', '1-\\sqrt{19}, 1+\\sqrt{19}', true], ['1 \\pm \\sqrt{19}', '1+\\sqrt{19}', false], ['1 \\pm \\sqrt{19}', '-1 \\pm \\sqrt{19}', false],
  ['3 \\pm 2 \\sqrt{2}', '3+2\\sqrt2, 3-2\\sqrt2', true], ['3 \\pm 2 \\sqrt{2}', '3 \\pm \\sqrt{8}', true], ['3 \\pm 2 \\sqrt{2}', '3 \\pm \\sqrt{2}', false],
  ['\\{1\\pm\\sqrt{5},-2\\}', '-2, 1+\\sqrt5, 1-\\sqrt5', true], ['\\{1\\pm\\sqrt{5},-2\\}', '1 \\pm \\sqrt{5}', false], ['\\{1\\pm\\sqrt{5},-2\\}', '-2, 1 \\pm \\sqrt{5}', true],
];

const V3 = '\\begin{pmatrix} -1/3 \\\\ 2/3 \\\\ 5/3 \\end{pmatrix}';
const M2 = '\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix}';
const MATRICES: Row[] = [
  [V3, '\\begin{pmatrix} -\\frac13 \\\\ \\frac23 \\\\ \\frac53 \\end{pmatrix}', true], [V3, '\\begin{pmatrix} 1/3 \\\\ 2/3 \\\\ 5/3 \\end{pmatrix}', false], [V3, '(-1/3, 2/3, 5/3)', true],
  ['\\begin{pmatrix} -2 \\\\ -14 \\\\ -7 \\end{pmatrix}', '\\begin{bmatrix} -2 \\\\ -14 \\\\ -7 \\end{bmatrix}', true],
  ['\\begin{pmatrix} -2 \\\\ -14 \\\\ -7 \\end{pmatrix}', '\\begin{pmatrix} -2 \\\\ -7 \\\\ -14 \\end{pmatrix}', false],
  [M2, '\\begin{bmatrix}-1&0\\\\0&-1\\end{bmatrix}', true], [M2, '\\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}', false], [M2, '\\begin{pmatrix} -1 & 0 & 0 & -1 \\end{pmatrix}', false],
  ['\\begin{pmatrix} 16/49 \\\\ 48/49 \\\\ 24/49 \\end{pmatrix}', '\\begin{pmatrix} \\frac{16}{49} \\\\ \\frac{48}{49} \\\\ \\frac{24}{49} \\end{pmatrix}', true],
  ['\\begin{pmatrix} 1/5 \\\\ -18/5 \\end{pmatrix}', '\\begin{pmatrix} 0.2 \\\\ -3.6 \\end{pmatrix}', true], ['\\begin{pmatrix} 1/5 \\\\ -18/5 \\end{pmatrix}', '\\begin{pmatrix} 0.2 \\\\ 3.6 \\end{pmatrix}', false],
  // A constant times a vector or matrix is its entrywise product.
  ['\\begin{pmatrix} 3/7 \\\\ -6/7 \\end{pmatrix}', '\\frac{3}{7}\\begin{pmatrix}1\\\\-2\\end{pmatrix}', true], ['\\begin{pmatrix} 3/7 \\\\ -6/7 \\end{pmatrix}', '\\frac{3}{7}\\begin{pmatrix}1\\\\2\\end{pmatrix}', false],
  ['\\begin{pmatrix} 4 & -2 \\\\ 0 & 6 \\end{pmatrix}', '2\\begin{pmatrix} 2 & -1 \\\\ 0 & 3 \\end{pmatrix}', true], ['\\begin{pmatrix} 4 & -2 \\\\ 0 & 6 \\end{pmatrix}', '-2 \\cdot \\begin{pmatrix} 2 & -1 \\\\ 0 & 3 \\end{pmatrix}', false],
  ['(\\sqrt{2}, 2\\sqrt{2})', '\\sqrt{2}\\begin{pmatrix}1\\\\2\\end{pmatrix}', true], ['\\begin{pmatrix} 2 \\\\ 4 \\end{pmatrix}', 'x\\begin{pmatrix}1\\\\2\\end{pmatrix}', false],
];

const EQUATIONS: Row[] = [
  ['x=5', '5', true], ['x=5', 'x = 5', true], ['x=5', 'x=-5', false], ['y = 2x + 3', '2x+3', true], ['y = 2x + 3', 'y=3+2x', true], ['y = 2x + 3', 'y = 2x - 3', false],
  ['y = 2x + 3', '2x - y + 3 = 0', true], ['y = 2x + 3', 'y = 3x + 2', false], ['y = -2x', 'y=-2x', true], ['y = -2x', '2x + y = 0', true], ['y = -2x', 'y = 2x', false],
  ['5x - 7y + 11z + 4 = 0', '-5x + 7y - 11z - 4 = 0', true], ['5x - 7y + 11z + 4 = 0', '10x - 14y + 22z + 8 = 0', true], ['5x - 7y + 11z + 4 = 0', '5x - 7y + 11z - 4 = 0', false],
  ['5x - 7y + 11z + 4 = 0', '5x-7y+11z=-4', true], ['5x - 7y + 11z + 4 = 0', '5x+7y+11z+4=0', false],
  // A chain of equalities is a computation: its last side is the answer; a left-hand side that only names it stays a label.
  ['77', 'm+n = 73+4 = 77', true], ['77', 'm+n = 73+4 = 78', false], ['\\frac{14}{3}', 'a+b = \\frac{28}{6} = 4.67', true], ['x^2+2x', 'f = (x+1)^2 - 1 = x^2+2x', true],
  ['x^2+2x', 'x+y = (x+1)^2 - 1 = x^2+2x', true], ['5', 'x = 2+3 = 5', true], ['m+n-77=0', 'm+n = 77', true], ['77', 'm+n = 77', false],
  // A left-hand side that names a quantity (a trig value, an angle) is a label: the value is its right side.
  ['\\frac{3}{4}', '\\tan B = \\frac{3}{4}', true], ['\\frac{3}{4}', '\\cos\\theta = \\frac{4}{3}', false], ['60^\\circ', '\\angle ABC = 60^\\circ', true],
  ['45^\\circ', '∠PQR = 45°', true], ['45^\\circ', 'm\\angle Q = 30', false], ['\\frac{1}{2}', '\\sin\\alpha = \\frac12', true],
];

const EXPRESSIONS: Row[] = [
  ['p - q', 'p-q', true], ['p - q', '-q+p', true], ['p - q', 'q - p', false], ['p - q', 'p+q', false], ['2k+2', '2(k+1)', true], ['2k+2', '2k-2', false],
  ['2k', 'k+k', true], ['2k', 'k^2', false], ['x^5 - x^4 + x^3 - x^2 + x - 1', '(x-1)(x^4+x^2+1)', true], ['x^5 - x^4 + x^3 - x^2 + x - 1', 'x^5 - x^4 + x^3 - x^2 + x + 1', false],
  ['x^3+3x-6', '3x + x^3 - 6', true], ['x^3+3x-6', 'x^3-3x-6', false], ['\\cot x', '\\frac{\\cos x}{\\sin x}', true], ['\\cot x', '\\frac{1}{\\tan x}', true], ['\\cot x', '\\tan x', false], ['\\cot x', 'cot x', true], ['\\cot x', 'cot(x)', true],
  ['(a+5)(b+2)', 'ab+2a+5b+10', true], ['(a+5)(b+2)', '(a+2)(b+5)', false], ['(a+5)(b+2)', '(b+2)(a+5)', true], ['-13x+3', '3-13x', true], ['-13x+3', '13x+3', false],
  ['15x - 80', '5(3x-16)', true], ['15x - 80', '15x+80', false], ['\\frac{11+9a}{20}', '\\frac{9a+11}{20}', true], ['\\frac{11+9a}{20}', '\\frac{11}{20}+\\frac{9a}{20}', true],
  ['\\frac{11+9a}{20}', '\\frac{11-9a}{20}', false], ['6r^2-4r-24', '2(3r^2-2r-12)', true], ['6r^2-4r-24', '6r^2+4r-24', false], ['8n^2 + 4n + 1', '1+4n+8n^2', true],
  ['8n^2 + 4n + 1', '8n^2+4n-1', false], ['5r^5', '5 r^5', true], ['5r^5', '5r^4', false], ['3R^2', '3 R^2', true], ['3R^2', '3r^2', false],
  ['x^8 + x^7 + x^6 + x^5 + x^4 + x^3 + x^2 + x + 1', '\\frac{x^9-1}{x-1}', true], ['x^8 + x^7 + x^6 + x^5 + x^4 + x^3 + x^2 + x + 1', 'x^8+x^7+x^6+x^5+x^4+x^3+x^2+x', false],
  ['x^3+3x-6', 'y^3+3y-6', false], ['2k+2', 'n+1', false],
];

const WORDS: Row[] = [
  ['\\text{Evelyn}', 'Evelyn', true], ['\\text{Evelyn}', '\\text{evelyn}', true], ['\\text{Evelyn}', 'Evelyn.', true], ['\\text{Evelyn}', 'Emily', false],
  ['\\text{Navin}', 'Navin', true], ['\\text{Navin}', 'Luka', false], ['\\text{east}', 'East', true], ['\\text{east}', 'west', false], ['\\text{even}', 'even', true],
  ['\\text{even}', 'odd', false], ['\\text{ellipse}', 'ellipse', true], ['\\text{ellipse}', 'hyperbola', false], ['\\text{(C)}', 'C', true], ['\\text{(C)}', '(C)', true],
  ['\\text{(C)}', '\\textbf{(C)}', true], ['\\text{(C)}', '(B)', false], ['\\text{(C)}', '(C) 12', true], ['\\text{(E)}', 'E', true], ['\\text{(B)}', 'D', false],
  ['\\text{yes}', 'Yes', true], ['\\text{no}', 'yes', false], ['\\text{Evelyn}', '5', false], ['9', 'nine', false],
];

describe.each([
  ['tuples and points (ordered)', TUPLES],
  ['intervals, open and closed, and unions', INTERVALS],
  ['lists of several values (any order)', LISTS],
  ['matrices and vectors', MATRICES],
  ['equations and left-hand sides', EQUATIONS],
  ['expressions in variables', EXPRESSIONS],
  ['words and choice letters', WORDS],
])('MATH-500 structures: %s', (_group, rows) => {
  test.each(rows)('expected %j, answer %j: %s', (expected, answer, right) => {
    expect(verdict(expected, answer)).toBe(right);
  });
});
