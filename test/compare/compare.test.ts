import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare.js';
import { Result } from '../../src/schema/result.js';
import { ids, makeResult, right, wrong } from './factory.js';

const file = (name: string, result: Result) => ({ file: name, result });

describe('compareResults: two files', () => {
  const base = makeResult([right('a'), right('b'), wrong('c'), { id: 'd', answers: ['42', '42', '41'] }]);
  const candidate = makeResult([right('a'), { id: 'b', answers: ['41', '41', '42'] }, right('c'), wrong('d')]);
  const [c] = compareResults(file('base.json', base), [file('cand.json', candidate)], { alpha: 0.05 }).candidates;

  test('lists newly failing and newly passing cases with answers and votes before and after', () => {
    expect(c!.regressed.map((r) => r.id)).toEqual(['b', 'd']);
    expect(c!.improved.map((r) => r.id)).toEqual(['c']);
    expect(c!.regressed[0]).toEqual({
      id: 'b',
      before: { answer: '42', correct: true, votes: { '42': 3 }, samples: 3, credit: 1, pass1: 1 },
      after: { answer: '41', correct: false, votes: { '41': 2, '42': 1 }, samples: 3, credit: 0, pass1: 1 / 3 },
    });
    expect(c!.pass1Fell.map((r) => r.id)).toEqual(['b', 'd']);
    expect(c!.pass1Rose.map((r) => r.id)).toEqual(['c']);
  });

  test('accuracy and pass1 deltas are over the paired cases', () => {
    expect(c!.pairedCases).toBe(4);
    expect(c!.accuracy.base).toBeCloseTo(0.75);
    expect(c!.accuracy.candidate).toBeCloseTo(0.5);
    expect(c!.accuracy.delta).toBeCloseTo(-0.25);
    expect(c!.pass1.delta).toBeCloseTo((1 + 1 / 3 + 1 + 0) / 4 - (1 + 1 + 0 + 2 / 3) / 4);
    expect(c!.mcnemar).toEqual({ b: 2, c: 1, pValue: 1 });
  });

  test('four cases are too few for any p below 0.05: no verdict, no interval, a small suite', () => {
    expect(c!).toMatchObject({ verdict: 'too_few_cases', smallSuite: true, ci95Delta: null });
    expect(c!.test).toMatchObject({ cases: 4, exact: true, draws: 16, minCases: 6, interval: null });
  });

  test('the intervals contain the observed deltas and are the same on every run', () => {
    const ten = ids(10);
    const b = makeResult(ten.map((id) => right(id)));
    const k = makeResult(ten.map((id, i) => (i < 3 ? wrong(id) : i === 3 ? { id, answers: ['42', '41', '41'] } : right(id))));
    const run = () => compareResults(file('b.json', b), [file('k.json', k)], { alpha: 0.05 }).candidates[0]!;
    const first = run();
    expect(run()).toEqual(first);
    const [lo, hi] = first.ci95Delta!;
    expect(lo).toBeLessThanOrEqual(first.accuracy.delta);
    expect(hi).toBeGreaterThanOrEqual(first.accuracy.delta);
    expect(first.test.interval![0]).toBeLessThanOrEqual(first.pass1.delta);
    expect(first.test.interval![1]).toBeGreaterThanOrEqual(first.pass1.delta);
  });

  test('token and latency deltas come from the summaries', () => {
    expect(c!.totalTokens).toEqual({ base: 1200, candidate: 1200, delta: 0 });
    expect(c!.reasoningTokens.base).toBe(720);
    expect(c!.latencyP50Ms.delta).toBe(0);
  });
});

describe('compareResults: verdicts', () => {
  const all = ids(30);
  const base = makeResult(all.map((id) => right(id)));
  const worse = makeResult(all.map((id, i) => (i < 9 ? right(id) : wrong(id))));

  test('a candidate right on 9 of 30 cases the base got right is significantly worse', () => {
    const c = compareResults(file('base.json', base), [file('worse.json', worse)], { alpha: 0.05 }).candidates[0]!;
    expect(c.mcnemar.b).toBe(21);
    expect(c.mcnemar.c).toBe(0);
    expect(c.mcnemar.pValue).toBeCloseTo(2 ** -20, 12);
    expect(c.verdict).toBe('worse');
    // 30 cases: Monte Carlo over 10,000 seeded sign vectors, so p is at least 1 / 10,001.
    expect(c.test).toMatchObject({ exact: false, draws: 10_000, pValue: 1 / 10_001 });
    expect(c.test.interval![1]).toBeLessThan(0);
    expect(c.ci95Delta![1]).toBeLessThan(0);
  });

  test('the samples count: every case one sample worse is significantly worse with no majority flipped', () => {
    const slipped = makeResult(all.map((id) => ({ id, answers: ['42', '42', '41'] })));
    const c = compareResults(file('base.json', base), [file('slipped.json', slipped)], { alpha: 0.05 }).candidates[0]!;
    expect(c).toMatchObject({ verdict: 'worse', regressed: [], improved: [], mcnemar: { b: 0, c: 0, pValue: 1 } });
    expect(c.pass1Fell).toHaveLength(30);
    expect(c.test.interval![1]).toBeLessThan(0);
    expect(c.accuracy.delta).toBe(0);
  });

  test('the reverse is significantly better', () => {
    expect(compareResults(file('worse.json', worse), [file('base.json', base)], { alpha: 0.05 }).candidates[0]!.verdict).toBe('better');
  });

  test('a file against itself: nothing changed, p = 1, no warnings; the accuracy interval still allows a small change in a new draw', () => {
    const c = compareResults(file('base.json', base), [file('base.json', base)], { alpha: 0.05 }).candidates[0]!;
    expect(c).toMatchObject({ verdict: 'no_significant_change', regressed: [], improved: [], pass1Fell: [], warnings: [], ci95Delta: [-0.086619, 0.086619] });
    expect(c.mcnemar.pValue).toBe(1);
    expect(c.test).toMatchObject({ pValue: 1, interval: [0, 0] });
    expect(c.coverage).toEqual({ baseSamples: 90, candidateSamples: 90, share: 1 });
  });
});

describe('compareResults: leaderboard', () => {
  test('only for three or more files, sorted by accuracy, best marked, optional figures passed through', () => {
    const a = makeResult([right('x'), wrong('y'), wrong('z'), wrong('w')], { model: 'weak' });
    const strong = makeResult([right('x'), right('y'), right('z'), wrong('w')], { model: 'strong' });
    const ciResult = Result.parse({ ...strong, summary: { ...strong.summary, ci95: [0.5, 0.9], majAtK: { '1': 0.6, '3': 0.75 } } });
    const mid = makeResult([right('x'), right('y'), wrong('z'), wrong('w')], { model: 'mid' });
    expect(compareResults(file('a', a), [file('b', mid)], { alpha: 0.05 }).leaderboard).toBeNull();
    const board = compareResults(file('a.json', a), [file('mid.json', mid), file('strong.json', ciResult)], { alpha: 0.05 }).leaderboard!;
    expect(board.map((r) => [r.rank, r.model, r.best])).toEqual([
      [1, 'strong', true],
      [2, 'mid', false],
      [3, 'weak', false],
    ]);
    expect(board[0]).toMatchObject({ ci95: [0.5, 0.9], majAtK: { k: 3, value: 0.75 }, accuracy: 0.75 });
    expect(board[1]).toMatchObject({ ci95: null, majAtK: null, casesRun: 4 });
    // 4 cases x 3 samples x 100 tokens = 1200 tokens; 3 correct -> 400, 1 correct -> 1200.
    expect(board[0]!.tokensPerCorrect).toBe(400);
    expect(board[2]!.tokensPerCorrect).toBe(1200);
  });

  test('a file with one case run has no interval of its own, whatever its summary says', () => {
    const one = makeResult([right('x')]);
    const withCi = Result.parse({ ...one, summary: { ...one.summary, ci95: [1, 1] } });
    const board = compareResults(file('a', withCi), [file('b', withCi), file('c', withCi)], { alpha: 0.05 }).leaderboard!;
    expect(board.map((r) => [r.ci95, r.casesRun])).toEqual([
      [null, 1],
      [null, 1],
      [null, 1],
    ]);
  });

  test('a file with no correct answer has no tokens-per-correct figure', () => {
    const none = makeResult([wrong('x')]);
    const board = compareResults(file('a', none), [file('b', none), file('c', none)], { alpha: 0.05 }).leaderboard!;
    expect(board.every((r) => r.tokensPerCorrect === null && r.best)).toBe(true);
  });
});
