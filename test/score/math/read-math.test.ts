// readMath's contract: kinds and keys for the spans of the brief, null only when empty, text with a reason, never a throw.
import { describe, expect, test } from 'vitest';
import { checkExpectedMath, readMath } from '../../../src/score/math/index.js';

describe('readMath reads each kind of span', () => {
  test.each([
    ['\\dfrac{14}{3}', 'number', '\\frac{14}{3}'],
    ['x = 5', 'number', '5'],
    ['(3, \\frac{\\pi}{2})', 'tuple', '(3, \\frac{\\pi}{2})'],
    ['6-5i', 'number', '6-5i'],
    ['52_8', 'number', '52'],
    ['90^\\circ', 'number', '90'],
    ['\\text{Evelyn}', 'text', 'evelyn'],
    ['3, 5, 7', 'list', '3, 5, 7'],
    ['[2, 5)', 'interval', '[2, 5)'],
    ['$\\$1,000$', 'number', '1000'],
    ['y=2x+3', 'expression', '2x+3'],
    ['5x - 7y + 11z + 4 = 0', 'equation', '5x-7y+11z+4=0'],
    ['\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', 'matrix', '\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}'],
    ['x \\le 3', 'interval', '(-\\infty, 3]'],
    ['a = 2, b = 3', 'tuple', '(a=2, b=3)'],
    ['b = 3, a = 2', 'tuple', '(a=2, b=3)'],
    ['\\infty', 'number', '\\infty'],
    ['no', 'text', 'no'],
  ])('%j is a %s with key %j', (span, kind, canonical) => {
    expect(readMath(span)).toMatchObject({ kind, canonical });
  });

  test('the rules that changed the span are recorded in order', () => {
    expect(readMath('\\boxed{\\dfrac{14}{3}}')?.rules).toEqual(['boxed', 'frac-variants']);
    expect(readMath('4\\frac{2}{3}')?.rules).toEqual(['mixed-numbers']);
  });

  test('the same span gives the same (memoised) answer', () => {
    expect(readMath('\\frac{22}{7}')).toBe(readMath('\\frac{22}{7}'));
  });

  test('a symbol used as a list in one answer does not change how the next answer reads', () => {
    const before = readMath('\\frac{y}{y} + y')?.canonical;
    readMath('y_1 + y_2');
    readMath('y[3]');
    expect(readMath('y + \\frac{y}{y}')?.canonical).toBe(before);
    expect(before).toBe('y+1');
  });
});

describe('null only for a span empty of content', () => {
  test.each([[''], ['   '], ['$$'], ['\\boxed{}'], ['.'], ['$\\quad$']])('%j', (span) => {
    expect(readMath(span)).toBeNull();
  });
});

describe('what cannot be parsed is text, with the reason', () => {
  test.each([
    ['\\frac{1}{'],
    ['x = 5 if the root is real'],
    ['12 inches long and wide'],
    ['\\foo{3}'],
    ['3 +'],
    ['12:30'],
    ['1/0'],
    ['So x is 5'],
    ['x = 5 so'],
  ])('%j', (span) => {
    const answer = readMath(span);
    expect(answer?.kind).toBe('text');
    expect(answer?.why).toMatch(/\w/);
    expect(checkExpectedMath(span)).toMatch(/cannot be read as mathematics/);
  });
});

describe('never throws', () => {
  const junk = [
    '\\',
    '{{{',
    '}',
    '\\begin{pmatrix}',
    '(((',
    ')))',
    '\\frac00',
    '\\sqrt{-1}',
    '\\infty-\\infty',
    '[,]',
    '(,)',
    ',',
    '=',
    '==',
    '\\pm',
    'x \\in',
    '\\cup',
    `${'(1+'.repeat(50)}1${')'.repeat(50)}`,
    '9'.repeat(400),
    '\\left(',
    '_8',
    '2_',
    '\\text{',
    '<>',
  ];
  test.each(junk.map((span) => [span]))('%j', (span) => {
    expect(() => readMath(span)).not.toThrow();
  });
});

describe('checkExpectedMath', () => {
  test.each([['\\frac{14}{3}'], ['\\text{Evelyn}'], ['(2,\\infty)'], ['\\begin{pmatrix} -1 \\\\ 2 \\end{pmatrix}'], ['1 \\pm \\sqrt{19}']])(
    '%j is readable',
    (expected) => {
      expect(checkExpectedMath(expected)).toBeNull();
    },
  );
  test('an empty expected answer is refused with a reason', () => {
    expect(checkExpectedMath('  ')).toBe('the expected answer is empty');
  });
});
