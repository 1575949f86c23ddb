// The defensive readers of fields older or newer result files may lack: credit, rule, span, reasoning source, cost.
import { describe, expect, test } from 'vitest';
import { costUsdOf, creditOf, pairedTestOf, reasoningSourceOf, ruleOf, spanOf } from '../../../src/report/html/fields.js';
import type { CaseResult, Result, Sample } from '../../../src/schema/result.js';

const sample = (extra: Record<string, unknown> = {}): Sample =>
  ({
    index: 0,
    outcome: 'answered',
    answer: '3',
    correct: true,
    error: null,
    content: 'So x = 3.\nAnswer: 3',
    reasoning: '',
    finishReason: 'stop',
    latencyMs: 1,
    usage: null,
    ...extra,
  }) as unknown as Sample;

const caseOf = (extra: Record<string, unknown>): CaseResult =>
  ({
    id: 'c',
    scorer: 'number',
    expected: 3,
    tags: [],
    answer: '3',
    correct: true,
    tie: false,
    votes: { '3': 1 },
    margin: 1,
    agreement: 1,
    samples: [sample()],
    ...extra,
  }) as unknown as CaseResult;

describe('spanOf', () => {
  test.each([
    ['offsets', [18, 19], [18, 19]],
    ['text, found at its last occurrence', '3', [18, 19]],
    ['text not in the content', '42', null],
    ['offsets past the end', [18, 40], null],
    ['reversed offsets', [19, 18], null],
    ['absent', undefined, null],
    ['another type', { start: 1 }, null],
  ])('%s', (_, span, expected) => {
    expect(spanOf(sample(span === undefined ? {} : { span }))).toEqual(expected);
  });
});

describe('creditOf', () => {
  test.each([
    ['stored credit wins', { credit: 0.5, correct: true }, 0.5],
    ['no stored credit: a clear right vote', { correct: true }, 1],
    [
      'no stored credit: a tie of a right and a wrong answer',
      { tie: true, correct: true, votes: { '3': 1, '4': 1 }, samples: [sample(), sample({ index: 1, answer: '4', correct: false })] },
      0.5,
    ],
    ['out-of-range stored credit is ignored', { credit: 7, correct: false }, 0],
    ['no samples', { samples: [] }, null],
  ])('%s', (_, extra, expected) => {
    expect(creditOf(caseOf(extra))).toBe(expected);
  });
});

describe('small fields', () => {
  test.each([
    [{ rule: 'boxed' }, 'boxed'],
    [{ rule: '' }, null],
    [{}, null],
  ])('ruleOf(%j)', (extra, expected) => expect(ruleOf(sample(extra))).toBe(expected));

  test.each([
    [{ reasoningSource: 'think' }, 'think'],
    [{}, null],
  ])('reasoningSourceOf(%j)', (extra, expected) => expect(reasoningSourceOf(sample(extra))).toBe(expected));

  test.each([
    [0.25, 0.25],
    [{ usd: 1.5 }, 1.5],
    [{ totalUsd: 2 }, 2],
    [{ total: 3, currency: 'USD' }, 3],
    [{ total: 3, currency: 'EUR' }, null],
    [{ unknown: true }, null],
    [undefined, null],
  ])('costUsdOf(%j)', (cost, expected) => {
    const result = { summary: cost === undefined ? {} : { cost } } as unknown as Result;
    expect(costUsdOf(result)).toBe(expected);
  });

  test.each([
    [
      { test: { pValue: 0.01, statistic: 'pass1', method: 'sign-flip permutation', interval: [0.1, 0.3] } },
      { statistic: 'pass1', method: 'sign-flip permutation', pValue: 0.01, interval: [0.1, 0.3] },
    ],
    [{ test: { pValue: 0.2 } }, { statistic: 'accuracy', method: 'paired test', pValue: 0.2, interval: null }],
    [{ test: { statistic: 'pass1' } }, null],
    [{}, null],
  ])('pairedTestOf(%j)', (pair, expected) => expect(pairedTestOf(pair)).toEqual(expected));
});
