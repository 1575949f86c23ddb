import { describe, expect, test } from 'vitest';
import { compareResults, type CompareOptions } from '../../src/compare/compare.js';
import { ids, makeResult, right, wrong } from './factory.js';

const all = ids(30);
const base = { file: 'base.json', result: makeResult(all.map((id) => right(id))) };
/** Right on the first `n` cases, wrong on the rest. */
const rightOn = (n: number, file = `right-${n}.json`) => ({ file, result: makeResult(all.map((id, i) => (i < n ? right(id) : wrong(id)))) });
const failures = (candidate: ReturnType<typeof rightOn>, gates: CompareOptions['gates'], alpha = 0.05) =>
  compareResults(base, [candidate], { alpha, gates }).candidates[0]!.gateFailures;

describe('gates', () => {
  test('no gate asked for, no failure, however bad', () => {
    expect(failures(rightOn(0), {})).toEqual([]);
  });

  test('--fail-on-regression fails a significantly worse candidate, naming the regressed ids', () => {
    const [message, ...rest] = failures(rightOn(9), { failOnRegression: true });
    expect(rest).toEqual([]);
    expect(message).toMatch(
      /^right-9\.json is significantly worse than base\.json: pass1 30\.0% vs 100\.0% \(-70\.0 pp, 95% CI \[-\d+\.\d, -\d+\.\d\] pp\) on 30 paired cases, sign-flip p = 1\.0e-4 < 0\.05; pass1 fell on 21 cases \(most: c10, c11, c12, c13, c14 and 16 more\)/,
    );
    expect(message).toContain(`newly failing: ${all.slice(9).join(', ')}.`);
  });

  test('a small drop is not significant, so it passes without a count limit', () => {
    expect(failures(rightOn(28), { failOnRegression: true })).toEqual([]);
  });

  test('--alpha sets the significance level', () => {
    // b = 5, c = 0: p = 0.0625.
    expect(failures(rightOn(25), { failOnRegression: true })).toEqual([]);
    expect(failures(rightOn(25), { failOnRegression: true }, 0.1)).toHaveLength(1);
  });

  test('--max-regressions limits the count even when the drop is not significant', () => {
    expect(failures(rightOn(28), { failOnRegression: true, maxRegressions: 2 })).toEqual([]);
    const [message] = failures(rightOn(28), { failOnRegression: true, maxRegressions: 1 });
    expect(message).toBe('right-28.json regressed 2 cases, more than --max-regressions 1 allows; newly failing: c29, c30.');
    expect(failures(rightOn(30), { failOnRegression: true, maxRegressions: 0 })).toEqual([]);
  });

  test('a better candidate never fails the regression gate', () => {
    const worseBase = rightOn(5, 'base.json');
    const better = { file: 'better.json', result: base.result };
    expect(compareResults(worseBase, [better], { alpha: 0.05, gates: { failOnRegression: true } }).candidates[0]!.gateFailures).toEqual([]);
  });

  test('--fail-under reads the candidate accuracy, regression gate or not', () => {
    expect(failures(rightOn(27), { failUnder: 0.9 })).toEqual([]);
    expect(failures(rightOn(26), { failUnder: 0.9 })).toEqual(['right-26.json has accuracy 86.7%, under --fail-under 0.9.']);
  });

  test('with several candidates each is gated against the base', () => {
    const comparison = compareResults(base, [rightOn(30, 'same.json'), rightOn(9, 'bad.json')], { alpha: 0.05, gates: { failOnRegression: true } });
    expect(comparison.candidates.map((c) => c.gateFailures.length)).toEqual([0, 1]);
  });

  test('case ids are sanitised in the message', () => {
    const evil = '\u001b[31mred';
    const b = { file: 'b.json', result: makeResult([right(evil)]) };
    const c = { file: 'c.json', result: makeResult([wrong(evil)]) };
    const [message] = compareResults(b, [c], { alpha: 0.05, gates: { failOnRegression: true, maxRegressions: 0 } }).candidates[0]!.gateFailures;
    expect(message).toContain('\\x1b[31mred');
    expect(message).not.toContain('\u001b');
  });
});

describe('small suites: the test cannot reach alpha, so any newly failing case fails', () => {
  const four = ids(4);
  const small = { file: 'o1.json', result: makeResult(four.map((id) => right(id, 5))) };
  const gate = (candidate: typeof small, more: CompareOptions['gates'] = {}) =>
    compareResults(small, [candidate], { alpha: 0.05, gates: { failOnRegression: true, ...more } }).candidates[0]!;

  test.each([
    ['all wrong', four.map((id) => wrong(id, 5)), 1],
    ['one case wrong', four.map((id, i) => (i === 0 ? wrong(id, 5) : right(id, 5))), 1],
    ['one case tied right/wrong', four.map((id, i) => (i === 0 ? { id, answers: ['42', '41', '42', '41', null] } : right(id, 5))), 1],
    ['unchanged', four.map((id) => right(id, 5)), 0],
    ['pass1 lower but every majority right', four.map((id) => ({ id, answers: ['42', '42', '42', '41', '41'] })), 0],
  ])('%s: %s failure(s)', (_name, cases, expected) => {
    const c = gate({ file: 'cand.json', result: makeResult(cases) });
    expect(c).toMatchObject({ smallSuite: true, verdict: 'too_few_cases' });
    expect(c.gateFailures).toHaveLength(expected);
    if (expected)
      expect(c.gateFailures[0]).toMatch(
        /newly failing \(c01.*\); with 4 paired cases no test can reach p < 0\.05 \(it needs 6\), so any newly failing case fails the gate/,
      );
  });

  test('--max-regressions replaces the any-case rule', () => {
    const allWrong = { file: 'cand.json', result: makeResult(four.map((id) => wrong(id, 5))) };
    expect(gate(allWrong, { maxRegressions: 4 }).gateFailures).toEqual([]);
    expect(gate(allWrong, { maxRegressions: 3 }).gateFailures).toHaveLength(1);
  });

  test.each([
    [0.05, 6],
    [0.1, 5],
    [0.01, 8],
  ])('alpha %f needs %i paired cases', (alpha, needed) => {
    const at = (n: number) => {
      const b = { file: 'b.json', result: makeResult(ids(n).map((id) => right(id))) };
      return compareResults(b, [{ file: 'c.json', result: makeResult(ids(n).map((id) => wrong(id))) }], { alpha }).candidates[0]!;
    };
    expect(at(needed - 1)).toMatchObject({ smallSuite: true, verdict: 'too_few_cases' });
    expect(at(needed - 1).test.interval).toBeNull();
    expect(at(needed)).toMatchObject({ smallSuite: false, verdict: 'worse' });
  });
});

describe('coverage: a candidate must have finished the samples the base did', () => {
  const base40 = { file: 'base.json', result: makeResult(ids(40).map((id) => right(id, 5))) };
  /** Right on every case, with only `finished` of each case's 5 samples for the first `cases` cases and none after. */
  const partial = (cases: number, finished = 5) => ({
    file: 'partial.json',
    result: makeResult(
      ids(40).map((id, i) => ({ id, answers: Array(i < cases ? finished : 0).fill('42') })),
      { complete: false },
    ),
  });
  const gates = (candidate: ReturnType<typeof partial>, more: CompareOptions['gates']) =>
    compareResults(base40, [candidate], { alpha: 0.05, gates: more }).candidates[0]!.gateFailures;

  test.each([
    ['nothing finished', 0, 5, { failOnRegression: true }, 2],
    ['1 sample of 200', 1, 1, { failOnRegression: true }, 1],
    ['half the cases', 20, 5, { failOnRegression: true }, 1],
    ['half the cases, --min-coverage 0.5', 20, 5, { failOnRegression: true, minCoverage: 0.5 }, 0],
    ['3 of 5 samples per case, --min-coverage 0.5', 40, 3, { failOnRegression: true, minCoverage: 0.5 }, 0],
    ['3 of 5 samples per case', 40, 3, { failUnder: 0.5 }, 1],
    ['everything', 40, 5, { failOnRegression: true }, 0],
    ['nothing finished, --min-coverage 0', 0, 5, { failOnRegression: true, minCoverage: 0 }, 1],
    ['nothing finished, no gate', 0, 5, {}, 0],
  ] as const)('%s: %s failure(s)', (_name, cases, finished, more, expected) => {
    expect(gates(partial(cases, finished), more)).toHaveLength(expected);
  });

  test('the sentences say what is missing and what was measured', () => {
    const one = partial(1, 1);
    const [coverage] = gates(one, { failOnRegression: true });
    expect(coverage).toBe(
      'partial.json has 1 of the 200 samples base.json finished (0.5%), under the 100.0% required (--min-coverage 1), so it does not pass: finish the run (--resume) or lower --min-coverage.',
    );
    expect(gates(partial(20, 5), { failUnder: 0.9, minCoverage: 0 })).toEqual([]);
    expect(gates(partial(20, 5), { failUnder: 1, minCoverage: 0 })).toEqual([]);
    const [floor] = gates(partial(20, 5), { failUnder: 1.1, minCoverage: 0 });
    expect(floor).toBe('partial.json has accuracy 100.0% over the 100 of 200 samples it finished, under --fail-under 1.1.');
    const [empty] = gates(partial(0), { failOnRegression: true, minCoverage: 0 });
    expect(empty).toBe('partial.json has no case run in both it and base.json, so nothing was compared and it does not pass.');
  });
});
