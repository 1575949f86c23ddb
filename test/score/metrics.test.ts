// Tests for the honest estimators: pass@k, exact maj@k, summary curves, the clustered bootstrap, per-tag figures.
import { describe, expect, test } from 'vitest';
import { mulberry32, type Rng } from '../../src/random.js';
import type { CaseResult } from '../../src/schema/result.js';
import { bootstrapCi95, byTag, curveKs, majAtK, passAtK, summaryCurves, toCaseSamples, type CaseSamples } from '../../src/score/metrics.js';
import { tallyVotes, voteCredit } from '../../src/score/vote.js';

type Answers = (string | null)[];
const isA = (answer: string) => answer === 'a';

/** maj@k by listing every k-subset (bitmask over the samples): the reference for small n. */
function bruteMaj(answers: Answers, isCorrect: (a: string) => boolean, k: number): number {
  let total = 0;
  let subsets = 0;
  for (let mask = 0; mask < 1 << answers.length; mask++) {
    const picked = answers.filter((_, i) => mask & (1 << i));
    if (picked.length !== k) continue;
    total += voteCredit(tallyVotes(picked), isCorrect);
    subsets++;
  }
  return total / subsets;
}

function randomAnswers(rng: Rng, n: number, alphabet: readonly (string | null)[]): Answers {
  return Array.from({ length: n }, () => alphabet[Math.floor(rng() * alphabet.length)] ?? null);
}

/** Small random cases: 1-10 samples over up to 4 answers plus no-answers, with 1 or 2 correct answers. */
function randomCases(count: number, seed: number): { answers: Answers; isCorrect: (a: string) => boolean }[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const alphabet = ['a', 'b', 'c', 'd', null].slice(0, 2 + Math.floor(rng() * 4));
    const twoRight = rng() < 0.3;
    return { answers: randomAnswers(rng, 1 + Math.floor(rng() * 10), alphabet), isCorrect: (a: string) => a === 'a' || (twoRight && a === 'b') };
  });
}

const sampleAccuracy = (answers: Answers, isCorrect: (a: string) => boolean) => answers.filter((a) => a !== null && isCorrect(a)).length / answers.length;

describe('passAtK', () => {
  test.each([
    [5, 0, 1, 0],
    [5, 0, 5, 0],
    [5, 4, 2, 1],
    [5, 5, 1, 1],
    [5, 2, 1, 0.4],
    [5, 2, 2, 0.7],
    [10, 3, 1, 0.3],
    [10, 3, 2, 1 - 21 / 45],
    [4, 1, 4, 1],
  ])('n=%i c=%i k=%i -> %d', (n, c, k, expected) => {
    expect(passAtK(n, c, k)).toBeCloseTo(expected, 12);
  });

  test('stays finite where the binomials overflow', () => {
    expect(passAtK(2000, 1, 1000)).toBeCloseTo(0.5, 12);
  });

  test.each([
    [5, 2, 6],
    [5, 2, 0],
    [5, 6, 1],
    [5, 2, 1.5],
  ])('n=%i c=%i k=%i is out of range and throws', (n, c, k) => {
    expect(() => passAtK(n, c, k)).toThrow(RangeError);
  });
});

describe('majAtK', () => {
  test('is exact: equals the brute-force mean over all k-subsets', () => {
    for (const { answers, isCorrect } of randomCases(60, 7)) {
      for (let k = 1; k <= answers.length; k++) {
        expect(majAtK(answers, isCorrect, k)).toBeCloseTo(bruteMaj(answers, isCorrect, k), 12);
      }
    }
  });

  test('maj@1 is the sample accuracy and maj@n the credit of the full vote', () => {
    for (const { answers, isCorrect } of randomCases(60, 11)) {
      expect(majAtK(answers, isCorrect, 1)).toBeCloseTo(sampleAccuracy(answers, isCorrect), 12);
      expect(majAtK(answers, isCorrect, answers.length)).toBeCloseTo(voteCredit(tallyVotes(answers), isCorrect), 12);
    }
  });

  test('maj@k never exceeds pass@k', () => {
    for (const { answers, isCorrect } of randomCases(60, 13)) {
      const c = answers.filter((a) => a !== null && isCorrect(a)).length;
      for (let k = 1; k <= answers.length; k++) {
        expect(majAtK(answers, isCorrect, k)).toBeLessThanOrEqual(passAtK(answers.length, c, k) + 1e-12);
      }
    }
  });

  test('without no-answers maj@2 equals maj@1: a split pair earns half', () => {
    for (const { answers, isCorrect } of randomCases(60, 17)) {
      const voting = answers.filter((a) => a !== null);
      if (voting.length < 2) continue;
      expect(majAtK(voting, isCorrect, 2)).toBeCloseTo(majAtK(voting, isCorrect, 1), 12);
    }
  });

  test('with no-answers maj@2 can exceed maj@1: a no-answer leaves its partner to win alone', () => {
    expect(majAtK(['a', null], isA, 1)).toBe(0.5);
    expect(majAtK(['a', null], isA, 2)).toBe(1);
  });

  test.each<[string, Answers]>([
    ['right answer is a bare plurality', ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'd']],
    ['right answer is a minority plurality with no-answers', ['x', 'a', 'b', 'a', null, 'c', 'a', 'b', null, 'd', 'e']],
    ['right answer is a clear majority', ['a', 'b', 'a', 'a', 'c', 'a', 'a', 'b']],
  ])('maj@k does not fall as k grows when the %s', (_, answers) => {
    let previous = 0;
    for (let k = 1; k <= answers.length; k++) {
      const maj = majAtK(answers, isA, k);
      expect(maj).toBeGreaterThanOrEqual(previous - 1e-12);
      previous = maj;
    }
  });

  test('when every answer differs, each k-subset is a k-way tie: maj@k = c/n for every k', () => {
    const answers = Array.from({ length: 300 }, (_, i) => String(i));
    const isCorrect = (a: string) => Number(a) % 3 === 0;
    for (const k of [1, 7, 64, 300]) expect(majAtK(answers, isCorrect, k)).toBeCloseTo(1 / 3, 10);
  });

  test('past the exact budget it samples: 300 distinct answers at k = 200 stays near c/n', () => {
    const answers = Array.from({ length: 300 }, (_, i) => String(i));
    expect(majAtK(answers, (a) => Number(a) % 3 === 0, 200)).toBeCloseTo(1 / 3, 2);
  });

  test('the sampled fallback (seeded random subsets) is deterministic and close to exact', () => {
    const answers = randomAnswers(mulberry32(3), 40, ['a', 'a', 'b', 'c', null]);
    for (const k of [1, 5, 12, 40]) {
      const sampled = majAtK(answers, isA, k, { maxExactSteps: 0 });
      expect(sampled).toBe(majAtK(answers, isA, k, { maxExactSteps: 0 }));
      expect(sampled).toBeCloseTo(majAtK(answers, isA, k), 1);
    }
  });

  test('k outside 1..n throws', () => {
    expect(() => majAtK(['a', 'b'], isA, 3)).toThrow(RangeError);
    expect(() => majAtK(['a', 'b'], isA, 0)).toThrow(RangeError);
  });
});

describe('summaryCurves', () => {
  test.each([
    [1, [1]],
    [5, [1, 2, 4, 5]],
    [8, [1, 2, 4, 8]],
    [16, [1, 2, 4, 8, 16]],
  ])('n=%i gives ks %j', (n, ks) => {
    expect(curveKs(n)).toEqual(ks);
  });

  test('curves run up to the smallest sample count; cases with no samples are left out', () => {
    const cases: CaseSamples[] = [
      { answers: ['a', 'b', 'a', 'a', 'b'], isCorrect: isA, tags: [] },
      { answers: ['b', 'b', 'a', 'c', 'c', 'a'], isCorrect: isA, tags: [] },
      { answers: [], isCorrect: isA, tags: [] },
    ];
    const curves = summaryCurves(cases);
    expect(Object.keys(curves.majAtK)).toEqual(['1', '2', '4', '5']);
    expect(curves.majAtK['1']).toBeCloseTo((3 / 5 + 2 / 6) / 2, 12);
    expect(curves.majAtK['5']).toBeCloseTo((1 + majAtK(cases[1]!.answers, isA, 5)) / 2, 12);
    expect(curves.passAtK['2']).toBeCloseTo((passAtK(5, 3, 2) + passAtK(6, 2, 2)) / 2, 12);
    expect(Object.keys(summaryCurves(cases, [3, 1, 9]).majAtK)).toEqual(['1', '3']);
    expect(summaryCurves([])).toEqual({ majAtK: {}, passAtK: {} });
  });

  test('simulation: 40 cases x 16 samples, right with p = 0.6, wrong answers spread over 3 values', () => {
    const rng = mulberry32(2024);
    const cases: CaseSamples[] = Array.from({ length: 40 }, () => ({
      answers: Array.from({ length: 16 }, () => (rng() < 0.6 ? 'a' : ['b', 'c', 'd'][Math.floor(rng() * 3)]!)),
      isCorrect: isA,
      tags: [],
    }));
    const { majAtK: maj, passAtK: pass } = summaryCurves(cases);
    const ks = ['1', '2', '4', '8', '16'];
    expect(Object.keys(maj)).toEqual(ks);
    const pass1 = cases.reduce((sum, c) => sum + sampleAccuracy([...c.answers], isA), 0) / cases.length;
    expect(maj['1']).toBeCloseTo(pass1, 12);
    expect(maj['2']).toBeCloseTo(pass1, 12);
    ks.slice(1).forEach((k, i) => {
      expect(maj[k]!).toBeGreaterThanOrEqual(maj[ks[i]!]! - 1e-12);
    });
    for (const k of ks) expect(pass[k]!).toBeGreaterThanOrEqual(maj[k]!);
    const accuracy = cases.reduce((sum, c) => sum + voteCredit(tallyVotes(c.answers), isA), 0) / cases.length;
    expect(maj['16']).toBeCloseTo(accuracy, 12);
    const [low, high] = bootstrapCi95(cases);
    expect(low).toBeLessThanOrEqual(accuracy);
    expect(high).toBeGreaterThanOrEqual(accuracy);
    expect(high - low).toBeGreaterThan(0);
  });
});

describe('bootstrapCi95', () => {
  const rng = mulberry32(5);
  const cases: CaseSamples[] = Array.from({ length: 30 }, () => ({
    answers: randomAnswers(rng, 8, ['a', 'a', 'b', null]),
    isCorrect: isA,
    tags: [],
  }));

  test('is deterministic for a seed, and the seed matters', () => {
    expect(bootstrapCi95(cases, { seed: 9 })).toEqual(bootstrapCi95(cases, { seed: 9 }));
    expect(bootstrapCi95(cases, { seed: 9 })).not.toEqual(bootstrapCi95(cases, { seed: 10 }));
  });

  test('is an ordered interval inside [0, 1]', () => {
    const [low, high] = bootstrapCi95(cases, { resamples: 500 });
    expect(0).toBeLessThanOrEqual(low);
    expect(low).toBeLessThan(high);
    expect(high).toBeLessThanOrEqual(1);
  });

  test('contains the observed accuracy even though re-voted resamples score lower (20 seeds)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const draw = mulberry32(seed);
      const lopsided: CaseSamples[] = Array.from({ length: 40 }, () => ({
        answers: Array.from({ length: 16 }, () => (draw() < 0.6 ? 'a' : ['b', 'c', 'd'][Math.floor(draw() * 3)]!)),
        isCorrect: isA,
        tags: [],
      }));
      const accuracy = lopsided.reduce((sum, c) => sum + voteCredit(tallyVotes(c.answers), isA), 0) / 40;
      const [low, high] = bootstrapCi95(lopsided, { resamples: 200, seed });
      expect(low).toBeLessThanOrEqual(accuracy);
      expect(high).toBeGreaterThanOrEqual(accuracy);
    }
  });

  test('degenerate inputs: no sampled cases gives [0, 0]; unanimous right answers give [1, 1]', () => {
    expect(bootstrapCi95([{ answers: [], isCorrect: isA, tags: [] }])).toEqual([0, 0]);
    expect(bootstrapCi95([{ answers: ['a', 'a'], isCorrect: isA, tags: [] }])).toEqual([1, 1]);
  });
});

describe('byTag', () => {
  test('accuracy is the mean vote credit and pass1 the mean share of correct samples, per tag', () => {
    const cases: CaseSamples[] = [
      { answers: ['a', 'a', 'b'], isCorrect: isA, tags: ['easy', 'math'] },
      { answers: ['a', 'b'], isCorrect: isA, tags: ['math', 'math'] },
      { answers: [null, 'b', 'b', 'a'], isCorrect: isA, tags: ['hard'] },
      { answers: [], isCorrect: isA, tags: ['hard'] },
    ];
    expect(byTag(cases)).toEqual({
      easy: { cases: 1, accuracy: 1, pass1: 2 / 3 },
      math: { cases: 2, accuracy: 0.75, pass1: (2 / 3 + 1 / 2) / 2 },
      hard: { cases: 2, accuracy: 0, pass1: 1 / 4 },
    });
  });
});

describe('toCaseSamples', () => {
  test('orders samples by index and takes verdicts from them; failed samples are no-answers', () => {
    const sample = (index: number, answer: string | null, correct: boolean) => ({ index, answer, correct });
    const result = {
      tags: ['t'],
      samples: [sample(2, 'a', true), sample(0, 'b', false), sample(1, null, false)],
    } as unknown as CaseResult;
    const c = toCaseSamples(result);
    expect(c.answers).toEqual(['b', null, 'a']);
    expect([c.isCorrect!('a'), c.isCorrect!('b'), c.isCorrect!('zzz')]).toEqual([true, false, false]);
    expect(c.tags).toEqual(['t']);
  });
});
