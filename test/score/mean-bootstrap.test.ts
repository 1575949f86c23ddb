import { describe, expect, test } from 'vitest';
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
    [[0, 0, 0], [0, 0]],
    [[-1, -1, -1, -1], [-1, -1]],
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
