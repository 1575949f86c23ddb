import { describe, expect, test } from 'vitest';
import { mcnemar, mcnemarExact } from '../../src/compare/mcnemar.js';

describe('mcnemarExact', () => {
  test.each([
    [0, 6, 0.03125],
    [6, 0, 0.03125],
    [1, 9, 0.021484375],
    [9, 1, 0.021484375],
    [2, 8, 0.109375],
    [0, 5, 0.0625],
    [3, 10, 0.09228515625],
    [0, 1, 1],
    [0, 0, 1],
    [4, 4, 1],
    [7, 8, 1],
  ])('b=%i c=%i -> p=%f', (b, c, p) => {
    expect(mcnemarExact(b, c)).toBe(p);
  });

  test('large counts use log space and stay continuous across the switch', () => {
    const small = mcnemarExact(450, 550);
    const large = mcnemarExact(451, 551);
    expect(small).toBeGreaterThan(0.001);
    expect(small).toBeLessThan(0.003);
    expect(large).toBeGreaterThan(0.001);
    expect(large).toBeLessThan(0.003);
    expect(mcnemarExact(5000, 5000)).toBe(1);
    expect(mcnemarExact(0, 3000)).toBe(0);
  });
});

describe('mcnemar on paired verdicts', () => {
  test('counts discordant pairs: b = right before only, c = right after only', () => {
    const pairs = [
      { base: true, candidate: false },
      { base: true, candidate: true },
      { base: false, candidate: true },
      { base: true, candidate: false },
      { base: false, candidate: false },
    ];
    expect(mcnemar(pairs)).toEqual({ b: 2, c: 1, pValue: 1 });
  });
});
