import { describe, expect, test } from 'vitest';
import { minCasesFor, signFlipTest } from '../../src/compare/sign-flip.js';
import { pairedProportionInterval } from '../../src/compare/paired-proportion.js';
import { mulberry32 } from '../../src/random.js';

/** Brute force: the share of all 2^n sign vectors whose |sum| reaches the observed |sum| of d - theta. */
function oracleP(d: readonly number[], theta = 0): number {
  const x = d.map((v) => v - theta);
  const observed = Math.abs(x.reduce((a, b) => a + b, 0));
  let hits = 0;
  for (let v = 0; v < 2 ** x.length; v++) {
    const sum = x.reduce((acc, value, i) => acc + ((v >> i) & 1 ? -value : value), 0);
    if (Math.abs(sum) >= observed - 1e-9) hits++;
  }
  return hits / 2 ** x.length;
}

const random = mulberry32(42);
/** Differences of pass1 over 5 samples: multiples of 0.2 in [-1, 1]. */
const draw = (n: number, shift: number) => Array.from({ length: n }, () => Math.round(Math.max(-5, Math.min(5, (random() - 0.5 + shift) * 8))) / 5);

describe('signFlipTest', () => {
  test.each([
    [[1, 1, 1, 1, 1, 1], 2 / 64],
    [[-1, -1, -1, -1, -1], 2 / 32],
    [[0, 0, 0], 1],
    [[1, -1], 1],
    [[0.2, 0.4, -0.2, 0.6, 0.2, 0, 0.4], oracleP([0.2, 0.4, -0.2, 0.6, 0.2, 0, 0.4])],
  ])('exact p for %j is %f', (d, p) => {
    const result = signFlipTest(d, { alpha: 0.05 });
    expect(result.exact).toBe(true);
    expect(result.draws).toBe(2 ** d.length);
    expect(result.pValue).toBeCloseTo(p, 12);
  });

  test.each(Array.from({ length: 12 }, (_, i) => [i, draw(6 + (i % 8), i % 3 === 0 ? 0 : i % 3 === 1 ? 0.25 : -0.3)] as const))(
    'random differences #%i: p matches brute force, and p < alpha exactly when the interval excludes 0',
    (_i, d) => {
      const result = signFlipTest(d, { alpha: 0.05 });
      expect(result.pValue).toBeCloseTo(oracleP(d), 12);
      const [lo, hi] = result.interval!;
      expect(lo).toBeLessThanOrEqual(result.meanDelta + 1e-9);
      expect(hi).toBeGreaterThanOrEqual(result.meanDelta - 1e-9);
      expect(result.pValue < 0.05).toBe(lo > 0 || hi < 0);
      // Both ends are shifts the test does not reject (or the edge of the possible range).
      for (const end of [lo, hi]) if (Math.abs(end) < 1) expect(oracleP(d, end)).toBeGreaterThanOrEqual(0.05 - 1e-6);
    },
  );

  test('Monte Carlo beyond exactUpTo: seeded, close to the exact p, never 0', () => {
    const d = draw(14, 0.15);
    const exact = signFlipTest(d, { alpha: 0.05 });
    const sampled = signFlipTest(d, { alpha: 0.05, exactUpTo: 0, draws: 20_000, seed: 7 });
    expect(sampled).toMatchObject({ exact: false, draws: 20_000 });
    expect(sampled.pValue).toBeGreaterThan(0);
    expect(Math.abs(sampled.pValue - exact.pValue)).toBeLessThan(0.01);
    expect(signFlipTest(d, { alpha: 0.05, exactUpTo: 0, draws: 20_000, seed: 7 })).toEqual(sampled);
  });

  test('fewer cases than alpha allows: no interval; none at all: p = 1', () => {
    expect(signFlipTest([-1, -1, -1, -1], { alpha: 0.05 })).toMatchObject({ interval: null, minCases: 6, pValue: 0.125 });
    expect(signFlipTest([], { alpha: 0.05 })).toMatchObject({ cases: 0, pValue: 1, interval: null });
  });

  test.each([
    [0.05, 6],
    [0.1, 5],
    [0.01, 8],
    [0.2, 4],
  ])('minCasesFor(%f) = %i', (alpha, n) => {
    expect(minCasesFor(alpha)).toBe(n);
    expect(2 ** (1 - n)).toBeLessThan(alpha);
    expect(2 ** (2 - n)).toBeGreaterThanOrEqual(alpha);
  });
});

describe('pairedProportionInterval', () => {
  test.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0], -0.231, 0.231],
    [[-1, -1, 0, 0, 0, 0, 0, 0, 0, 0], -0.479, 0.146],
    [Array(10).fill(-1), -1, -0.52],
    [[0.5, -0.5, 1, 0, 0, 0], -0.357, 0.607],
  ])('%j -> about [%f, %f]', (d, lo, hi) => {
    const [a, b] = pairedProportionInterval(d)!;
    expect(a).toBeCloseTo(lo, 2);
    expect(b).toBeCloseTo(hi, 2);
  });

  test('never a point, never outside [-1, 1], none with no cases', () => {
    for (const d of [[1], [-1], [0], Array(50).fill(1)]) {
      const [a, b] = pairedProportionInterval(d)!;
      expect(b).toBeGreaterThan(a);
      expect(a).toBeGreaterThanOrEqual(-1);
      expect(b).toBeLessThanOrEqual(1);
    }
    expect(pairedProportionInterval([])).toBeNull();
  });
});
