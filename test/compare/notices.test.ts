import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare.js';
import { toComparisonJson } from '../../src/report/comparison-json.js';
import { renderComparison } from '../../src/report/comparison.js';
import type { Result } from '../../src/schema/result.js';
import { ids, makeResult, right, type CaseSpec } from './factory.js';

const all = ids(10);
const plain = makeResult(all.map((id) => right(id, 4)));
const compare = (base: Result, candidate: Result) =>
  compareResults({ file: 'base.json', result: base }, [{ file: 'cand.json', result: candidate }], { alpha: 0.05 });

/** Best-of-n: every answered sample scored by the verifier with `score` (undefined: no score, NaN: a failed verifier). */
const bestOfN = (score: number | undefined, cases: CaseSpec[] = all.map((id) => right(id, 4))) =>
  makeResult(
    cases.map((c) => ({ ...c, scores: c.answers.map(() => score) })),
    { selection: 'best-of-n' },
  );

describe('notices: one warning line and one JSON field each', () => {
  test.each([
    [
      'verifier returned no score',
      bestOfN(undefined),
      { verifierFailures: { base: 0, candidate: 10 }, mixedSelection: { base: 'majority', candidate: 'best-of-n' } },
      [/The verifier scored no answer in 10 cases of cand\.json/, /base\.json chose answers by majority and cand\.json by best-of-n/],
    ],
    [
      'verifier scored everything',
      bestOfN(7),
      { verifierFailures: { base: 0, candidate: 0 }, mixedSelection: { base: 'majority', candidate: 'best-of-n' } },
      [/chose answers by majority and cand\.json by best-of-n/],
    ],
    [
      'error-heavy cases',
      makeResult(all.map((id, i) => (i < 3 ? { id, answers: ['42'], failed: 3 } : right(id, 4)))),
      { errorHeavy: { base: [], candidate: ['c01', 'c02', 'c03'] } },
      [/Most samples failed in 3 cases of cand\.json \(c01, c02, c03\): failed samples abstain from the vote/],
    ],
    [
      'half failed is not error-heavy',
      makeResult(all.map((id, i) => (i < 3 ? { id, answers: ['42', '42'], failed: 2 } : right(id, 4)))),
      { errorHeavy: { base: [], candidate: [] } },
      [],
    ],
    ['nothing to say', plain, { verifierFailures: { base: 0, candidate: 0 }, mixedSelection: null, errorHeavy: { base: [], candidate: [] } }, []],
  ] as const)('%s', (_name, candidate, notices, patterns) => {
    const c = compare(plain, candidate).candidates[0]!;
    expect(c.notices).toMatchObject(notices);
    const noticeLines = c.warnings.filter((w) => /verifier|chose answers|Most samples failed/.test(w));
    expect(noticeLines).toHaveLength(patterns.length);
    for (const [i, pattern] of patterns.entries()) expect(noticeLines[i]).toMatch(pattern);
    expect(toComparisonJson(compare(plain, candidate)).candidates[0]!.notices).toMatchObject(notices);
    const text = renderComparison(compare(plain, candidate), { color: false });
    for (const pattern of patterns) expect(text.split('\n').filter((l) => l.startsWith('warning: ') && pattern.test(l))).toHaveLength(1);
  });

  test('a NaN score read back from a file counts as a verifier failure too', () => {
    const nan = bestOfN(7);
    for (const c of nan.cases) for (const s of c.samples) s.score = Number.NaN;
    expect(compare(nan, nan).candidates[0]!.notices.verifierFailures).toEqual({ base: 10, candidate: 10 });
  });

  test('errors lower pass1, so an error-heavy candidate fails the gate even when its majorities hold', () => {
    const flaky = makeResult(all.map((id) => ({ id, answers: ['42'], failed: 3 })));
    const c = compareResults({ file: 'base.json', result: plain }, [{ file: 'cand.json', result: flaky }], { alpha: 0.05, gates: { failOnRegression: true } })
      .candidates[0]!;
    expect(c.regressed).toEqual([]);
    expect(c.verdict).toBe('worse');
    expect(c.gateFailures.some((g) => g.includes('significantly worse'))).toBe(true);
  });

  test('when the majority accuracy points the other way than the pass1 test, one warning says which the gate reads', () => {
    const cases = ids(40);
    // 12 majorities lost by one sample (credit 1 -> 0), 28 wrong cases gaining a right sample (credit stays 0).
    const before = makeResult(cases.map((id, i) => ({ id, answers: i < 12 ? ['42', '42', '41'] : ['41', '41', '41'] })));
    const after = makeResult(cases.map((id, i) => ({ id, answers: i < 12 ? ['42', '41', '41'] : ['42', '41', '41'] })));
    const c = compare(before, after).candidates[0]!;
    expect(c.verdict).toBe('better');
    expect(c.ci95Delta![1]).toBeLessThan(0);
    expect(
      c.warnings.filter((w) => w.startsWith("The majority accuracy's 95% interval excludes 0 (worse) while the paired pass1 test says better")),
    ).toHaveLength(1);
    expect(compare(plain, plain).candidates[0]!.warnings).toEqual([]);
  });
});
