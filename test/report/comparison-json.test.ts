import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare.js';
import { ComparisonJson, renderComparisonJson } from '../../src/report/comparison-json.js';
import { ids, makeResult, right, wrong } from '../compare/factory.js';

const all = ids(30);
const base = { file: 'base.json', result: makeResult(all.map((id) => right(id))) };
const cand = {
  file: 'cand.json',
  result: makeResult(all.map((id, i) => (i < 9 ? right(id) : i === 9 ? { id, answers: ['\u001b[1m', '41', '\u001b[1m'] } : wrong(id)))),
};

describe('renderComparisonJson', () => {
  test('has the documented shape for two files', () => {
    const json = JSON.parse(renderComparisonJson(compareResults(base, [cand], { alpha: 0.05, gates: { failOnRegression: true } })));
    const parsed = ComparisonJson.parse(json);
    expect(parsed.leaderboard).toBeUndefined();
    expect(parsed).toMatchObject({ formatVersion: 1, alpha: 0.05, passed: false, base: { file: 'base.json', accuracy: 1, cases: 30 } });
    const [c] = parsed.candidates;
    expect(c).toMatchObject({
      file: 'cand.json',
      accuracyDelta: -0.7,
      pass1Delta: expect.any(Number),
      mcnemar: { b: 21, c: 0, pValue: 2 ** -20 },
      verdict: 'worse',
      improved: [],
    });
    expect(c!.regressed).toEqual(all.slice(9));
    expect(c!.ci95Delta![0]).toBeLessThan(c!.ci95Delta![1]);
    expect(c!.gateFailures).toHaveLength(1);
    expect(c!.changes[0]).toEqual({
      id: 'c10',
      change: 'regressed',
      before: { answer: '42', correct: true, votes: { '42': 3 }, samples: 3, credit: 1, pass1: 1 },
      after: { answer: '\u001b[1m', correct: false, votes: { '\u001b[1m': 2, '41': 1 }, samples: 3, credit: 0, pass1: 0 },
    });
    expect(c).toMatchObject({
      test: { statistic: 'pass1', method: 'sign-flip permutation', meanDelta: -0.7, exact: false, draws: 10_000, minCases: 6, level: 0.95 },
      smallSuite: false,
      coverage: { baseSamples: 90, candidateSamples: 90, share: 1 },
      notices: { verifierFailures: { base: 0, candidate: 0 }, mixedSelection: null, errorHeavy: { base: [], candidate: [] } },
    });
    expect(c!.test.interval![1]).toBeLessThan(0);
    expect(c!.pass1Fell).toEqual(all.slice(9));
    expect(c!.pass1Rose).toEqual([]);
  });

  test('JSON text escapes control characters itself', () => {
    const text = renderComparisonJson(compareResults(base, [cand], { alpha: 0.05 }));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[1m');
  });

  test('has a leaderboard for three files and passes with no gate', () => {
    const parsed = ComparisonJson.parse(JSON.parse(renderComparisonJson(compareResults(base, [cand, base], { alpha: 0.05 }))));
    expect(parsed.passed).toBe(true);
    expect(parsed.candidates).toHaveLength(2);
    expect(parsed.leaderboard!.map((r) => [r.file, r.rank, r.best])).toEqual([
      ['base.json', 1, true],
      ['base.json', 2, true],
      ['cand.json', 3, false],
    ]);
  });
});
