import { describe, expect, test } from 'vitest';
import { runGates } from '../../src/run/run-gates.js';
import type { Result } from '../../src/schema/result.js';

const sample = (index: number, failed: boolean, correct = !failed) => ({
  index,
  content: '',
  reasoning: '',
  reasoningSource: 'none' as const,
  finishReason: failed ? null : 'stop',
  latencyMs: 1,
  usage: null,
  error: failed ? { code: 'http_500', message: 'boom' } : null,
  outcome: failed ? ('error' as const) : ('answered' as const),
  answer: failed ? null : '1',
  correct,
});
const result = (cases: Array<Array<ReturnType<typeof sample>>>, complete = true) =>
  ({
    suite: { name: 's' },
    samples: 2,
    complete,
    cases: cases.map((samples, i) => ({ id: `c${i}`, samples, answer: null, credit: samples.some((x) => x.correct) ? 1 : 0 })),
  }) as unknown as Result;

describe('the run gates', () => {
  test('every sample failed: aborted, whatever the other gates say', () => {
    expect(runGates(result([[sample(0, true), sample(1, true)]]), { maxErrorRate: 1 })).toEqual([
      { kind: 'aborted', message: expect.stringMatching(/every one of its 2 samples failed \(http_500\)/) },
    ]);
  });

  test.each([
    [0.5, 0], // 1 of 4 failed: within 0.5
    [0.2, 1], // over 0.2
  ])('--max-error-rate %d with a quarter failed gives %d failures', (maxErrorRate, count) => {
    expect(
      runGates(
        result([
          [sample(0, true), sample(1, false)],
          [sample(0, false), sample(1, false)],
        ]),
        { maxErrorRate },
      ),
    ).toHaveLength(count);
  });

  test('--fail-under computes from the cases and says what a partial run covered', () => {
    const [failure] = runGates(result([[sample(0, false, false)], []], false), { maxErrorRate: 1, failUnder: 0.5 });
    expect(failure?.message).toMatch(/scored 0\.000 \(over the 1 of 4 planned samples that finished, in 1 of 2 cases\), under --fail-under 0\.5/);
    expect(runGates(result([[sample(0, false)]]), { maxErrorRate: 1, failUnder: 0.5 })).toEqual([]);
  });
});
