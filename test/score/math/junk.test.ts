// Random LaTeX-ish junk: readMath and mathEquivalent never throw and never write to the terminal.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mathEquivalent, readMath } from '../../../src/score/math/index.js';

const TOKENS = [
  '1',
  '2',
  '0',
  '-',
  '+',
  'x',
  'y',
  '\\frac{',
  '}',
  '{',
  '(',
  ')',
  '[',
  ']',
  ',',
  '=',
  '\\sqrt{',
  '^',
  '_',
  '\\pi',
  'i',
  '\\infty',
  '\\cup',
  '\\le',
  '<',
  '\\text{',
  'cm',
  'or',
  '\\pm',
  '.',
  '5',
  '\\begin{pmatrix}',
  '\\end{pmatrix}',
  '\\\\',
  '&',
  '!',
  '\\circ',
  '%',
  '\\$',
  '$',
  ' ',
  'a',
  '\\left(',
  '\\right)',
  'e',
  '\\ln',
  '\\sin',
  '|',
  '/',
  '\\cdot',
  '10',
  '3.5',
  '\\{',
  '\\}',
];

/** A fixed pseudo-random sequence of junk spans, the same on every run. */
function junk(count: number): string[] {
  let seed = 42;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 10) }, () => TOKENS[Math.floor(next() * TOKENS.length)]).join(''));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('junk spans', () => {
  test('400 junk spans are read and compared without a throw or a console message', () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const references = ['5', 'x+1', '(1,2)', '[0,1)', '1, 2', '\\text{yes}'].map((span) => readMath(span));
    for (const span of junk(400)) {
      const answer = readMath(span);
      for (const reference of references) {
        if (answer === null || reference === null) continue;
        expect(typeof mathEquivalent(answer, reference)).toBe('boolean');
        expect(typeof mathEquivalent(reference, answer)).toBe('boolean');
      }
    }
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  test('the span on which compute-engine prints a type error is read quietly', () => {
    const error = vi.spyOn(console, 'error');
    expect(readMath('0\\pm\\sin)or')?.kind).toBe('text');
    expect(error).not.toHaveBeenCalled();
  });
});
