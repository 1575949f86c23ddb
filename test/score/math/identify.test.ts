// Closed forms of constants known to 50 digits: fractions, radicals, multiples of π, complex numbers.
import { describe, expect, test } from 'vitest';
import { big } from '../../../src/score/math/engine.js';
import { complexLatex, identifyReal, rationalLatex, toRational } from '../../../src/score/math/identify.js';

const SQRT2 = '1.41421356237309504880168872420969807856967187537694';
const PI = '3.14159265358979323846264338327950288419716939937510';

describe('toRational: the simplest fraction within 40 digits', () => {
  test.each([
    ['4.6666666666666666666666666666666666666666666666667', 14n, 3n],
    ['-0.33333333333333333333333333333333333333333333333333', -1n, 3n],
    ['0.15', 3n, 20n],
    ['0.0000672', 21n, 312500n],
    ['42', 42n, 1n],
    ['0', 0n, 1n],
    ['-2.5', -5n, 2n],
  ])('%s = %s/%s', (value, p, q) => {
    expect(toRational(big(value))).toEqual({ p, q });
  });

  test.each([[SQRT2], [PI], ['4.6700000000000000000000000001']])('%s is no fraction', (value) => {
    expect(toRational(big(value))).toBeNull();
  });

  test('a rounded decimal is its own fraction, not the one it rounds', () => {
    expect(toRational(big('4.67'))).toEqual({ p: 467n, q: 100n });
  });
});

describe('rationalLatex: integers, terminating decimals, fractions', () => {
  test.each([
    [5n, 1n, '5'],
    [-7n, 1n, '-7'],
    [3n, 2n, '1.5'],
    [-1n, 4n, '-0.25'],
    [189n, 10n, '18.9'],
    [21n, 312500n, '0.0000672'],
    [14n, 3n, '\\frac{14}{3}'],
    [-1n, 3n, '-\\frac{1}{3}'],
    [1n, 2n ** 50n, `\\frac{1}{${2n ** 50n}}`],
  ])('%s/%s -> %s', (p, q, latex) => {
    expect(rationalLatex({ p, q })).toBe(latex);
  });
});

describe('identifyReal: the vote key of a real constant', () => {
  const times = (a: string, b: string): string => big(a).times(big(b)).toString();
  const over = (a: string, b: string): string => big(a).div(big(b)).toString();
  test.each([
    ['3√13', times('3', '3.6055512754639892931192212674704959462512965738452'), '3\\sqrt{13}'],
    ['√117 (same value)', '10.816653826391967879357663802411487838753889721536', '3\\sqrt{13}'],
    ['√3/3', over('1.7320508075688772935274463415058723669428052538104', '3'), '\\frac{\\sqrt{3}}{3}'],
    ['-√2', `-${SQRT2}`, '-\\sqrt{2}'],
    ['π', PI, '\\pi'],
    ['π/2', over(PI, '2'), '\\frac{\\pi}{2}'],
    ['-π/6', `-${over(PI, '6')}`, '-\\frac{\\pi}{6}'],
    ['7π', times(PI, '7'), '7\\pi'],
    ['20000/π', over('20000', PI), '\\frac{20000}{\\pi}'],
    ['5π²/4', over(times(times(PI, PI), '5'), '4'), '\\frac{5\\pi^2}{4}'],
    ['14/3', over('14', '3'), '\\frac{14}{3}'],
  ])('%s', (_label, value, key) => {
    expect(identifyReal(big(value))).toBe(key);
  });

  test.each([
    ['1+√19', '5.3588989435406735522369819838596156591370039252324'],
    ['e', '2.7182818284590452353602874713526624977572470937'],
  ])('%s has no closed form here (the caller uses the engine)', (_label, value) => {
    expect(identifyReal(big(value))).toBeNull();
  });
});

describe('complexLatex', () => {
  test.each([
    [6, -5, '6-5i'],
    [-2, 7, '-2+7i'],
    [0, 1, 'i'],
    [0, -1, '-i'],
    [1, 274, '1+274i'],
    [0.5, 1.5, '0.5+1.5i'],
    [1 / 3, -2, '\\frac{1}{3}-2i'],
  ])('%s + %si -> %s', (re, im, key) => {
    expect(complexLatex(re, im)).toBe(key);
  });
});
