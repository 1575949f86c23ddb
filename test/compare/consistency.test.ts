// No verdict contradicts its own interval or lists: every combination of tie or not, right or wrong, before and after.
import { describe, expect, test } from 'vitest';
import { compareResults, type PairwiseComparison } from '../../src/compare/compare.js';
import { caseCredit } from '../../src/compare/match.js';
import { renderComparison } from '../../src/report/comparison.js';
import type { CaseResult, Result } from '../../src/schema/result.js';
import { makeResult, type CaseSpec } from './factory.js';

/** Four-sample cases: clear right or wrong, ties with the right or a wrong answer first, ties of two wrongs, abstentions. */
const STATES: Record<string, (string | null)[]> = {
  right: ['42', '42', '42', '42'],
  'right, one slip': ['42', '42', '42', '41'],
  'tie, right first': ['42', '41', '42', '41'],
  'tie, wrong first': ['41', '42', '41', '42'],
  'tie of two wrongs': ['41', '43', '41', '43'],
  'tie, half abstain': ['42', '41', null, null],
  'right, three abstain': ['42', null, null, null],
  'wrong, one right': ['41', '41', '41', '42'],
  wrong: ['41', '41', '41', '41'],
  'no answer': [null, null, null, null],
};
const NAMES = Object.keys(STATES);
const caseOf = (id: string, state: string): CaseResult => makeResult([{ id, answers: STATES[state]! }]).cases[0]!;
const CASES = new Map(NAMES.flatMap((s) => ['x', 'y'].map((id) => [`${id}:${s}`, caseOf(id, s)] as const)));

/** Six filler cases that set the overall direction; the two enumerated cases x and y ride on them. */
const FILLERS: Record<string, [string, string][]> = {
  unchanged: Array(6).fill(['right', 'right']),
  'all drop': Array(6).fill(['right', 'wrong']),
  'all rise': Array(6).fill(['wrong', 'right']),
  mixed: [...Array(3).fill(['right', 'wrong']), ...Array(3).fill(['wrong', 'right'])],
};

const template = makeResult([{ id: 't', answers: STATES.right! } satisfies CaseSpec]);
const withCases = (cases: CaseResult[]): Result => ({ ...template, cases });

/** Every way the comparison could contradict itself, as sentences (empty when consistent). */
function contradictions(c: PairwiseComparison, alpha: number): string[] {
  const problems: string[] = [];
  const { test: t, verdict } = c;
  const [lo, hi] = t.interval ?? [Number.NaN, Number.NaN];
  if (t.interval === null) problems.push('no interval with enough cases');
  if ((verdict === 'worse' || verdict === 'better') !== t.pValue < alpha) problems.push('verdict and p disagree');
  if (t.pValue < alpha !== (lo > 0 || hi < 0)) problems.push('p and interval disagree');
  if (!(lo <= c.pass1.delta + 1e-9 && c.pass1.delta - 1e-9 <= hi)) problems.push('interval misses the observed delta');
  if (verdict === 'worse' && !(hi < 0 && c.pass1.delta < 0 && c.pass1Fell.length > 0)) problems.push('worse without a fall');
  if (verdict === 'better' && !(lo > 0 && c.pass1.delta > 0 && c.pass1Rose.length > 0)) problems.push('better without a rise');
  if (c.mcnemar.b !== c.regressed.length || c.mcnemar.c !== c.improved.length) problems.push('McNemar counts are not the flip lists');
  if (c.accuracy.delta < -1e-9 && !c.regressed.length) problems.push('accuracy fell with no case newly failing');
  if (c.accuracy.delta > 1e-9 && !c.improved.length) problems.push('accuracy rose with no case newly passing');
  const moved = [...c.regressed, ...c.improved].reduce((sum, ch) => sum + ch.after.credit - ch.before.credit, 0);
  if (Math.abs(moved - c.accuracy.delta * c.pairedCases) > 1e-9) problems.push('flips do not add up to the accuracy delta');
  const gateSaysWorse = c.gateFailures.some((g) => g.includes('significantly worse'));
  if (gateSaysWorse !== (verdict === 'worse')) problems.push('the gate and the verdict disagree');
  const sorted = (list: typeof c.regressed, key: 'credit' | 'pass1', sign: number) =>
    list.every((ch, i) => i === 0 || sign * (list[i - 1]!.after[key] - list[i - 1]!.before[key]) >= sign * (ch.after[key] - ch.before[key]) - 1e-9);
  if (!sorted(c.regressed, 'credit', -1) || !sorted(c.pass1Fell, 'pass1', -1)) problems.push('lists not ordered by the size of the fall');
  return problems;
}

describe('no verdict contradicts its interval or its lists', () => {
  test.each(Object.keys(FILLERS))('filler %s: every combination of two enumerated cases', (filler) => {
    const fill = FILLERS[filler]!.map(([before, after], i) => [caseOf(`f${i}`, before), caseOf(`f${i}`, after)] as const);
    const found: string[] = [];
    let rendered = 0;
    for (const xb of NAMES)
      for (const xa of NAMES)
        for (const yb of NAMES)
          for (const ya of NAMES) {
            const base = withCases([...fill.map(([b]) => b), CASES.get(`x:${xb}`)!, CASES.get(`y:${yb}`)!]);
            const candidate = withCases([...fill.map(([, a]) => a), CASES.get(`x:${xa}`)!, CASES.get(`y:${ya}`)!]);
            const comparison = compareResults({ file: 'b', result: base }, [{ file: 'c', result: candidate }], {
              alpha: 0.05,
              gates: { failOnRegression: true },
            });
            const c = comparison.candidates[0]!;
            for (const problem of contradictions(c, 0.05)) found.push(`${xb} -> ${xa}, ${yb} -> ${ya}: ${problem}`);
            // The rendered verdict names the same direction (checked on a spread of combinations, rendering is slow).
            if (rendered++ % 97 === 0) {
              const text = renderComparison(comparison, { color: false });
              if (text.includes('Verdict: significantly worse') !== (c.verdict === 'worse')) found.push(`${xb} -> ${xa}, ${yb} -> ${ya}: rendered verdict`);
            }
          }
    expect(found.slice(0, 10)).toEqual([]);
  });

  test.each([
    ['tie, right first', 'tie, wrong first', false, false],
    ['tie, wrong first', 'tie, right first', false, false],
    ['right', 'tie, wrong first', true, false],
    ['tie, right first', 'wrong', true, false],
    ['tie of two wrongs', 'tie, wrong first', false, true],
    ['right, three abstain', 'tie, half abstain', true, false],
    ['no answer', 'tie, half abstain', false, true],
  ])('%s -> %s: newly failing %s, newly passing %s (by the stored credit, not the first tied answer)', (before, after, regressed, improved) => {
    const c = compareResults({ file: 'b', result: withCases([caseOf('x', before)]) }, [{ file: 'c', result: withCases([caseOf('x', after)]) }], { alpha: 0.05 })
      .candidates[0]!;
    expect(c.regressed.length > 0).toBe(regressed);
    expect(c.improved.length > 0).toBe(improved);
    expect(c.mcnemar).toMatchObject({ b: Number(regressed), c: Number(improved) });
  });

  test('the stored credit wins over the votes when a result carries it', () => {
    const stored = { ...caseOf('x', 'tie, wrong first'), credit: 0.25 } as CaseResult;
    expect(caseCredit(stored)).toBe(0.25);
    expect(caseCredit({ ...stored, credit: undefined } as unknown as CaseResult)).toBe(0.5);
  });
});
