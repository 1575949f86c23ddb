import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare.js';
import { caseCredit, casePass1, matchCases } from '../../src/compare/match.js';
import { comparisonWarnings, stableJson } from '../../src/compare/warnings.js';
import { ThinkbenchError } from '../../src/errors.js';
import { makeResult, right, wrong } from './factory.js';

describe('matchCases', () => {
  test('pairs by id in base order and lists the ids found on one side only', () => {
    const base = makeResult([right('a'), right('b'), right('c')]).cases;
    const candidate = makeResult([wrong('c'), right('d'), right('a')]).cases;
    const match = matchCases(base, candidate);
    expect(match.shared.map((p) => p.id)).toEqual(['a', 'c']);
    expect(match.shared[1]!.candidate.correct).toBe(false);
    expect(match.onlyBase).toEqual(['b']);
    expect(match.onlyCandidate).toEqual(['d']);
    expect(match.duplicates).toEqual([]);
  });

  test('a duplicated id is reported and its first occurrence used', () => {
    const match = matchCases(makeResult([right('a'), wrong('a')]).cases, makeResult([right('a')]).cases);
    expect(match.duplicates).toEqual(['a']);
    expect(match.shared[0]!.base.correct).toBe(true);
  });
});

describe('case figures', () => {
  test.each([
    [['42', '42', '41'], 1, 2 / 3],
    [['41', '41', '42'], 0, 1 / 3],
    [['42', '41'], 0.5, 0.5],
    [['41', '40'], 0, 0],
    [[null, null], 0, 0],
  ])('answers %j -> credit %f, pass1 %f', (answers, credit, pass1) => {
    const c = makeResult([{ id: 'x', answers }]).cases[0]!;
    expect(caseCredit(c)).toBe(credit);
    expect(casePass1(c)).toBeCloseTo(pass1);
  });

  test('recomputed credit reproduces the run summary accuracy', () => {
    const result = makeResult([right('a'), { id: 'b', answers: ['42', '41'] }, wrong('c'), { id: 'd', answers: ['41', '42', '42'] }]);
    const credits = result.cases.map(caseCredit);
    expect(credits.reduce((a, b) => a + b, 0) / credits.length).toBeCloseTo(result.summary.accuracy);
  });
});

describe('comparisonWarnings', () => {
  const cases = [right('a'), right('b')];
  const warn = (base = makeResult(cases), candidate = makeResult(cases)) =>
    comparisonWarnings('base.json', base, 'cand.json', candidate, matchCases(base.cases, candidate.cases));

  test('none for the same settings', () => {
    expect(warn()).toEqual([]);
  });

  test.each([
    ['suite hash', makeResult(cases, { suite: { name: 'unit', path: 'x', sha256: 'b'.repeat(64) } }), /suite hashes differ/],
    ['params', makeResult(cases, { params: { reasoning_effort: 'high' } }), /Request params differ.*"high"/],
    ['samples', makeResult(cases, { samples: 5 }), /Samples per case differ: 3 in base\.json, 5 in cand\.json/],
    ['timeout', makeResult(cases, { timeoutMs: 1000 }), /Timeouts/],
    ['simulated', makeResult(cases, { simulated: false }), /Only base\.json comes from the built-in simulated model/],
    ['incomplete', makeResult(cases, { complete: false }), /cand\.json is incomplete/],
    ['coverage', makeResult([right('a'), right('z')]), /only in base\.json: b/],
  ])('warns when the %s differs', (_what, candidate, pattern) => {
    expect(warn(makeResult(cases), candidate).join('\n')).toMatch(pattern);
  });

  test('param key order is not a difference', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
    const base = makeResult(cases, { params: { a: 1, b: 2 } });
    expect(warn(base, makeResult(cases, { params: { b: 2, a: 1 } }))).toEqual([]);
  });

  test('cases not run in one file are named and left out of the pairing', () => {
    const candidate = makeResult([right('a'), { id: 'b', answers: [] }], { complete: false });
    const text = warn(makeResult(cases), candidate).join('\n');
    expect(text).toMatch(/Left out of the paired test, as not run in both files: b\./);
    const comparison = compareResults({ file: 'base.json', result: makeResult(cases) }, [{ file: 'cand.json', result: candidate }], { alpha: 0.05 });
    expect(comparison.candidates[0]!.pairedCases).toBe(1);
  });
});

describe('refusing files with no shared case', () => {
  const base = { file: 'base.json', result: makeResult([right('a'), right('b')]) };
  const other = { file: 'other.json', result: makeResult([right('x'), wrong('y')]) };

  test('is an invalid_input error naming both files and --force', () => {
    let error: unknown;
    try {
      compareResults(base, [other], { alpha: 0.05 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ThinkbenchError);
    expect((error as ThinkbenchError).kind).toBe('invalid_input');
    expect((error as ThinkbenchError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(/base\.json and other\.json share no case ids.*--force/);
  });

  test('--force compares the summaries with an empty pairing', () => {
    const comparison = compareResults(base, [other], { alpha: 0.05, force: true });
    const c = comparison.candidates[0]!;
    expect(c.pairedCases).toBe(0);
    expect(c.mcnemar).toEqual({ b: 0, c: 0, pValue: 1 });
    expect(c.ci95Delta).toBeNull();
    expect(c.summaryAccuracy).toEqual({ base: 1, candidate: 0.5, delta: -0.5 });
    expect(c.warnings.join('\n')).toMatch(/2 cases are only in base\.json: a, b/);
  });
});
