// Tests for replaying a saved result: verdicts that change, samples in index order, dollars saved.
import { describe, expect, expectTypeOf, test } from 'vitest';
import { replayResult, type ReplayableCase } from '../../src/adaptive/replay-result.js';
import type { CaseResult } from '../../src/schema/result.js';

const usage = { promptTokens: 1_000_000, completionTokens: 0, reasoningTokens: 0, totalTokens: 1_000_000 };
/** A case from a string of answers in index order ('-' = no answer); `right` is the correct answer. */
function makeCase(id: string, text: string, right: string, withUsage = true): ReplayableCase {
  return {
    id,
    samples: [...text].map((c, index) => ({ index, answer: c === '-' ? null : c, correct: c === right, usage: withUsage ? usage : null })),
  };
}

describe('replayResult', () => {
  test("takes a result file's cases as they are", () => {
    expectTypeOf<CaseResult>().toExtend<ReplayableCase>();
  });

  test.each([
    ['unanimous', 'aaaaaaaa', 'a', 4, true, true],
    ['a lucky early run of a wrong answer', 'bbbbaaaaaaaaaaaa', 'a', 4, false, true],
    ['both wrong: the answer changes, the verdict does not', 'bbbbcccccccc', 'a', 4, false, false],
  ])('%s', (_label, text, right, used, stoppedCorrect, fullCorrect) => {
    const [row] = replayResult([makeCase('c', text, right)]).cases;
    expect(row).toMatchObject({ id: 'c', samplesUsed: used, stoppedCorrect, fullCorrect });
  });

  test('samples are replayed in index order, whatever order the file keeps them in', () => {
    const c = makeCase('c', 'bbbbaaaaaaaaaaaa', 'a');
    const shuffled = { ...c, samples: [...c.samples].reverse() };
    expect(replayResult([shuffled]).cases[0]).toMatchObject({ samplesUsed: 4, stoppedWinner: 'b' });
  });

  test('the summary counts changed votes and verdicts apart, and prices the samples not drawn', () => {
    const cases = [makeCase('x', 'aaaaaaaa', 'a'), makeCase('y', 'bbbbaaaaaaaaaaaa', 'a'), makeCase('z', 'bbbbcccccccc', 'a')];
    const { summary } = replayResult(cases, { price: { inputPerMTok: 0.5, outputPerMTok: 2 } });
    expect(summary).toMatchObject({ cases: 3, samplesUsed: 12, samplesTotal: 36, changedVotes: 2, changedVerdicts: 1 });
    expect(summary.savedCost).toEqual({ dollars: 24 * 0.5, known: 24, unknown: 0 });
  });

  test('without usage the saving is unknown, without a price it is not counted', () => {
    expect(replayResult([makeCase('x', 'aaaaaa', 'a', false)], { price: { inputPerMTok: 1, outputPerMTok: 1 } }).summary.savedCost).toEqual({
      dollars: 0,
      known: 0,
      unknown: 2,
    });
    expect(replayResult([makeCase('x', 'aaaaaa', 'a')]).summary.savedCost).toBeNull();
  });

  test('the stopping options pass through', () => {
    expect(replayResult([makeCase('x', 'aaaaaaaaaa', 'a')], { confidence: 0.99 }).cases[0]?.samplesUsed).toBe(6);
    expect(replayResult([makeCase('x', 'aaaaaaaaaa', 'a')], { minSamples: 8 }).cases[0]?.samplesUsed).toBe(8);
  });
});
