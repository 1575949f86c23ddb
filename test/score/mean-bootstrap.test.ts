import { describe, expect, test } from 'vitest';
import { populationCi95 } from '../../src/score/metrics/bootstrap.js';
import { bootstrapMeanInterval } from '../../src/score/metrics/mean-bootstrap.js';

describe('bootstrapMeanInterval', () => {
  const differences = [-1, 0, 0, 0, 1, 0, -1, -1, 0, 0, 0, -1, 0, 1, 0, 0, -1, 0, 0, 0];

  test('is deterministic for a seed', () => {
    expect(bootstrapMeanInterval(differences)).toEqual(bootstrapMeanInterval(differences));
    expect(bootstrapMeanInterval(differences, { seed: 3 })).toEqual(bootstrapMeanInterval(differences, { seed: 3 }));
  });

  test('brackets the observed mean and lies within the possible range', () => {
    const [lo, hi] = bootstrapMeanInterval(differences)!;
    const observed = differences.reduce((a, b) => a + b, 0) / differences.length;
    expect(lo).toBeLessThanOrEqual(observed);
    expect(hi).toBeGreaterThanOrEqual(observed);
    expect(lo).toBeGreaterThanOrEqual(-1);
    expect(hi).toBeLessThanOrEqual(1);
    expect(hi - lo).toBeGreaterThan(0.1);
  });

  test.each([
    [
      [0, 0, 0],
      [0, 0],
    ],
    [
      [-1, -1, -1, -1],
      [-1, -1],
    ],
    [[0.5], [0.5, 0.5]],
  ])('constant differences %j give a point interval', (values, expected) => {
    expect(bootstrapMeanInterval(values)).toEqual(expected);
  });

  test('no pairs, no interval', () => {
    expect(bootstrapMeanInterval([])).toBeNull();
  });

  test('other seeds and resample counts give roughly the same interval', () => {
    const a = bootstrapMeanInterval(differences, { resamples: 2000 })!;
    const b = bootstrapMeanInterval(differences, { resamples: 8000, seed: 99 })!;
    expect(Math.abs(a[0] - b[0])).toBeLessThan(0.06);
    expect(Math.abs(a[1] - b[1])).toBeLessThan(0.06);
  });
});

describe('populationCi95', () => {
  test.each([
    // Wilson's score interval for 10 of 10, 5 of 10 and 0 of 10, from its closed form.
    [Array(10).fill(1), 0.722467, 1],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0, 0], 0.236593, 0.763407],
    [Array(10).fill(0), 0, 0.277533],
    // A tie's half credit counts as half a success.
    [[0.5, 0.5, 0.5, 0.5], 0.150039, 0.849961],
  ])('%j -> [%f, %f]', (credits, lo, hi) => {
    const [a, b] = populationCi95(credits)!;
    expect(a).toBeCloseTo(lo, 5);
    expect(b).toBeCloseTo(hi, 5);
  });

  test('never a point from two or more cases; none from one case or none', () => {
    for (const credits of [[1, 1], [0, 0], Array(1000).fill(1)]) {
      const [a, b] = populationCi95(credits)!;
      expect(b).toBeGreaterThan(a);
    }
    expect(populationCi95([1])).toBeNull();
    expect(populationCi95([])).toBeNull();
  });
});
