// Tests for the best-of-k curve: exact against a brute force over k-subsets that runs the selection itself.
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../src/random.js';
import { Sample } from '../../src/schema/result.js';
import { bestOfK, bestOfKCurve, type ScoredSample } from '../../src/score/metrics/best-of-k.js';
import { bestOfN } from '../../src/score/select.js';

/** [score, correct] per sample in index order; a null score is unscored, a null answer ('-') unanswered. */
type Row = [number | null, boolean] | '-';
const scored = (rows: readonly Row[]): ScoredSample[] =>
  rows.map((row, index) =>
    row === '-'
      ? { index, answer: null, correct: false }
      : { index, answer: row[1] ? 'right' : `wrong${index}`, correct: row[1], ...(row[0] !== null && { score: row[0] }) },
  );

/** The run's own selection (bestOfN on full Sample values) over every k-subset: the reference for small N. */
function bruteBestOfK(samples: readonly ScoredSample[], k: number): number {
  const full = samples.map((s) =>
    Sample.parse({
      index: s.index,
      content: '',
      reasoning: '',
      reasoningSource: 'none',
      finishReason: 'stop',
      error: null,
      latencyMs: 0,
      usage: null,
      outcome: s.answer === null ? 'no_answer' : 'answered',
      answer: s.answer,
      correct: s.correct,
      ...(s.score !== undefined && { score: s.score }),
    }),
  );
  let total = 0;
  let subsets = 0;
  for (let mask = 0; mask < 1 << full.length; mask++) {
    const subset = full.filter((_, i) => mask & (1 << i));
    if (subset.length !== k) continue;
    total += bestOfN(subset)?.correct ? 1 : 0;
    subsets++;
  }
  return total / subsets;
}

describe('bestOfK', () => {
  test.each<[string, Row[], number, number]>([
    [
      'the best is right: k = N picks it',
      [
        [0.2, false],
        [0.9, true],
        [0.5, false],
      ],
      3,
      1,
    ],
    [
      'k = 1 is the share of right, scored samples',
      [
        [0.2, false],
        [0.9, true],
        [0.5, false],
      ],
      1,
      1 / 3,
    ],
    [
      'k = 2 of 3: the right top sample is in 2 of 3 pairs',
      [
        [0.2, false],
        [0.9, true],
        [0.5, false],
      ],
      2,
      2 / 3,
    ],
    [
      'a tie goes to the earliest index',
      [
        [0.7, false],
        [0.7, true],
      ],
      2,
      0,
    ],
    [
      'a tie, earliest right',
      [
        [0.7, true],
        [0.7, false],
      ],
      2,
      1,
    ],
    ['unscored and unanswered samples are never picked', [[null, true], '-', [0.1, false]], 3, 0],
    ['a subset of only unpickable samples earns 0', [[null, true], '-', [0.1, true]], 1, 1 / 3],
    [
      'nothing scored',
      [
        [null, true],
        [null, true],
      ],
      2,
      0,
    ],
  ])('%s', (_label, rows, k, expected) => {
    expect(bestOfK(scored(rows), k)).toBeCloseTo(expected, 12);
    expect(bruteBestOfK(scored(rows), k)).toBeCloseTo(expected, 12);
  });

  test('is exact: equals the brute force on random cases with ties, unscored and unanswered samples', () => {
    const rng = mulberry32(42);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rng() * 10);
      const rows: Row[] = Array.from({ length: n }, (): Row => {
        const u = rng();
        if (u < 0.1) return '-';
        return [u < 0.2 ? null : Math.floor(rng() * 4) / 4, rng() < 0.5];
      });
      for (let k = 1; k <= n; k++) {
        expect(bestOfK(scored(rows), k)).toBeCloseTo(bruteBestOfK(scored(rows), k), 12);
      }
    }
  });

  test('stays finite for large N, and infinite scores rank', () => {
    const rows: Row[] = Array.from({ length: 2000 }, (_, i): Row => [i === 1999 ? Number.POSITIVE_INFINITY : i / 2000, i === 1999]);
    expect(bestOfK(scored(rows), 2000)).toBe(1);
    expect(bestOfK(scored(rows), 1000)).toBeCloseTo(0.5, 12);
  });

  test.each([[0], [4], [1.5]])('k = %d is out of range for N = 3 and throws', (k) => {
    expect(() =>
      bestOfK(
        scored([
          [1, true],
          [0, false],
          [0, false],
        ]),
        k,
      ),
    ).toThrow(RangeError);
  });
});

describe('bestOfKCurve', () => {
  const a = scored([
    [0.9, true],
    [0.1, false],
    [0.5, false],
    [0.3, true],
    [0.2, false],
  ]);
  const b = scored([
    [0.1, true],
    [0.9, false],
    [0.5, true],
    [0.3, true],
  ]);

  test('averages cases at 1, 2, 4, ... up to the smallest N', () => {
    const curve = bestOfKCurve([a, b, []]);
    expect(Object.keys(curve)).toEqual(['1', '2', '4']);
    for (const k of [1, 2, 4]) expect(curve[String(k)]).toBeCloseTo((bruteBestOfK(a, k) + bruteBestOfK(b, k)) / 2, 12);
  });

  test.each([
    [
      [3, 1, 9],
      ['1', '3'],
    ],
    [[5, 5], []],
  ])('ks %j give points %j', (ks, keys) => {
    expect(Object.keys(bestOfKCurve([a, b], ks))).toEqual(keys);
  });

  test('no cases, no points; bad ks throw', () => {
    expect(bestOfKCurve([])).toEqual({});
    expect(() => bestOfKCurve([a], [0])).toThrow(RangeError);
  });
});
