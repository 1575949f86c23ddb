// The string tools under the math reader: brace groups, command arguments, top-level splitting.
import { describe, expect, test } from 'vitest';
import { groupEnd, readArgument, replaceCommand, splitTopLevel, wrapsWhole } from '../../../src/score/math/latex-text.js';

describe('groupEnd', () => {
  test.each([
    ['{a}', 0, 3],
    ['{a{b}c}d', 0, 7],
    ['x{\\{}}', 1, 5],
    ['{a', 0, -1],
  ])('%j from %s -> %s', (text, open, end) => {
    expect(groupEnd(text, open)).toBe(end);
  });
});

describe('readArgument', () => {
  test.each([
    ['{14}{3}', 0, { arg: '14', end: 4 }],
    ['43', 0, { arg: '4', end: 1 }],
    [' 59', 0, { arg: '5', end: 2 }],
    ['\\pi2', 0, { arg: '\\pi', end: 3 }],
    ['', 0, null],
  ])('%j at %s', (text, at, read) => {
    expect(readArgument(text, at)).toEqual(read);
  });
});

describe('replaceCommand', () => {
  test.each([
    ['\\frac43+\\frac{1}{2}', ['frac'], 2, '[4/3]+[1/2]'],
    ['\\text{a}\\textbf{b}', ['text'], 1, '[a]\\textbf{b}'],
    ['\\frac{1}', ['frac'], 2, '\\frac{1}'],
  ])('%j', (text, names, arity, out) => {
    expect(replaceCommand(text, names, arity, (args) => `[${args.join('/')}]`)).toBe(out);
  });
});

describe('splitTopLevel', () => {
  test.each([
    ['3, 5, 7', /,/, ['3', '5', '7']],
    ['(1,2), (3,4)', /,/, ['(1,2)', '(3,4)']],
    ['[2, 5), 7', /,/, ['[2, 5)', '7']],
    ['\\{1, 2\\}, 3', /,/, ['\\{1, 2\\}', '3']],
    ['x = 1 or x = 2', /\s(?:or|and)\s/, ['x = 1', 'x = 2']],
    ['f(x, y) = 2', /=/, ['f(x, y)', '2']],
  ])('%j', (text, separator, parts) => {
    expect(splitTopLevel(text, separator)).toEqual(parts);
  });
});

describe('wrapsWhole', () => {
  test.each([
    ['(1,2)', true],
    ['(1)(2)', false],
    ['[2, 5)', true],
    ['\\{1, 2\\}', true],
    ['(1', false],
    ['1', false],
  ])('%j: %s', (text, whole) => {
    expect(wrapsWhole(text)).toBe(whole);
  });
});
