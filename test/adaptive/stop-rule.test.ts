// Tests for the Adaptive-Consistency stopping rule: the figures, an integration oracle, the Dirichlet identity, options.
import { describe, expect, test } from 'vitest';
import { leaderConfidence, shouldStop, topTwo } from '../../src/adaptive/stop-rule.js';
import { mulberry32 } from '../../src/random.js';

/** P(X > 1/2) for X ~ Beta(a + 1, b + 1) by Simpson's rule on the density, as the paper's code integrates it. */
function integratedConfidence(a: number, b: number): number {
  const steps = 20_000;
  const f = (x: number) => x ** a * (1 - x) ** b;
  const simpson = (lo: number, hi: number) => {
    const h = (hi - lo) / steps;
    let s = f(lo) + f(hi);
    for (let i = 1; i < steps; i++) s += f(lo + i * h) * (i % 2 ? 4 : 2);
    return (s * h) / 3;
  };
  return simpson(0.5, 1) / simpson(0, 1);
}

/** The samples a case needs at the default 0.95 when `dissent` samples give another answer: the leader's votes grow until it stops. */
function samplesToStop(dissent: number): number {
  for (let a = dissent; a < 1000; a++) if (shouldStop([a, dissent]).stop) return a + dissent;
  throw new Error('never stopped');
}

describe('leaderConfidence', () => {
  test.each([
    [0, 0, 0.5],
    [1, 0, 0.75],
    [3, 0, 1 - 1 / 16],
    [4, 0, 1 - 1 / 32],
    [5, 1, 1 - 8 / 128],
    [6, 1, 1 - 9 / 256],
    [7, 2, 1 - 56 / 1024],
    [8, 2, 1 - 67 / 2048],
    [5, 5, 0.5],
  ])('a=%i b=%i -> %d (binomial tail in closed form)', (a, b, expected) => {
    expect(leaderConfidence(a, b)).toBeCloseTo(expected, 12);
  });

  test.each([
    [2, 1],
    [9, 3],
    [20, 14],
    [40, 10],
    [3, 7],
  ])('a=%i b=%i matches numerical integration of the Beta density', (a, b) => {
    expect(leaderConfidence(a, b)).toBeCloseTo(integratedConfidence(a, b), 8);
  });

  test.each([
    [3, 1, 2],
    [5, 2, 6],
    [4, 4, 1],
  ])('a=%i b=%i rest=%i equals P(p1 > p2) under Dirichlet(a+1, b+1, rest+1) (seeded Monte Carlo)', (a, b, rest) => {
    const rng = mulberry32(7);
    const gamma = (shape: number) => {
      let s = 0;
      for (let i = 0; i < shape; i++) s -= Math.log(1 - rng());
      return s;
    };
    const draws = 100_000;
    let wins = 0;
    for (let d = 0; d < draws; d++) {
      const p1 = gamma(a + 1);
      const p2 = gamma(b + 1);
      gamma(rest + 1); // the rest's share only rescales p1 and p2
      if (p1 > p2) wins++;
    }
    expect(Math.abs(wins / draws - leaderConfidence(a, b))).toBeLessThan(0.006);
  });

  test('is symmetric, rises with the lead, and stays exact and fast at 10,000 votes', () => {
    expect(leaderConfidence(3, 9)).toBeCloseTo(1 - leaderConfidence(9, 3), 14);
    expect(leaderConfidence(11, 3)).toBeGreaterThan(leaderConfidence(10, 3));
    // A generous bound (shared CPUs): a call is ~10,000 multiply-adds, well under a millisecond.
    const started = performance.now();
    for (let i = 0; i < 100; i++) leaderConfidence(10_000, 9_800);
    expect(performance.now() - started).toBeLessThan(1000);
    const close = leaderConfidence(10_000, 9_800);
    const far = leaderConfidence(10_000, 100);
    // Normal approximation: z = 200 / sqrt(19801) ~ 1.42 -> ~0.92.
    expect(close).toBeGreaterThan(0.9);
    expect(close).toBeLessThan(0.94);
    expect(far).toBe(1);
  });

  test.each([
    [-1, 0],
    [1.5, 0],
    [Number.NaN, 1],
  ])('a=%d b=%d throws', (a, b) => {
    expect(() => leaderConfidence(a, b)).toThrow(RangeError);
  });
});

describe('shouldStop at 0.95 reproduces the issue figures', () => {
  test.each([
    [0, 4],
    [1, 7],
    [2, 10],
    [3, 12],
  ])('with %i dissenting sample(s) a case stops after %i samples', (dissent, samples) => {
    expect(samplesToStop(dissent)).toBe(samples);
  });

  test.each([
    [[3], false],
    [[4], true],
    [[1, 5], false],
    [[1, 6], true],
    [[2, 7], false],
    [[8, 2], true],
    [[8, 2, 7], false],
  ])('counts %j -> stop %s', (counts, stop) => {
    expect(shouldStop(counts).stop).toBe(stop);
  });
});

describe('shouldStop options', () => {
  test.each([
    ['no answers yet', [], {}, { stop: false, reason: 'continue', confidence: 0 }],
    ['no answers at the cap', [], { samples: 8, maxSamples: 8 }, { stop: true, reason: 'cap', confidence: 0 }],
    ['decided but under the minimum', [4], { minSamples: 5 }, { stop: false, reason: 'continue' }],
    ['abstentions count toward the minimum', [4], { minSamples: 5, samples: 6 }, { stop: true, reason: 'decided' }],
    ['decided on the last sample allowed', [4], { maxSamples: 4 }, { stop: true, reason: 'decided' }],
    ['undecided at the cap', [3, 3], { maxSamples: 6 }, { stop: true, reason: 'cap', confidence: 0.5 }],
    ['a laxer confidence stops sooner', [3], { confidence: 0.9 }, { stop: true, reason: 'decided' }],
    ['a stricter one later', [4], { confidence: 0.99 }, { stop: false, reason: 'continue' }],
  ])('%s', (_label, counts, options, expected) => {
    expect(shouldStop(counts, options)).toMatchObject(expected);
  });

  test.each([[{ confidence: 1 }], [{ confidence: 0 }], [{ confidence: Number.NaN }], [{ minSamples: 0 }], [{ maxSamples: 0 }]])('%j throws', (options) => {
    expect(() => shouldStop([3], options)).toThrow(RangeError);
  });

  test.each([
    [[], [0, 0]],
    [[2], [2, 0]],
    [
      [1, 5, 3],
      [5, 3],
    ],
    [
      [4, 4, 1],
      [4, 4],
    ],
  ])('topTwo(%j) = %j', (counts, expected) => {
    expect(topTwo(counts)).toEqual(expected);
  });
});
