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
    expect(message).toMatch(/^right-9\.json is significantly worse than base\.json \(accuracy 30\.0% vs 100\.0% on 30 shared cases, McNemar p = .* < 0\.05\)/);
    expect(message).toContain(`regressed: ${all.slice(9).join(', ')}.`);
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
    expect(message).toBe('right-28.json regressed 2 cases, more than --max-regressions 1 allows; regressed: c29, c30.');
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
