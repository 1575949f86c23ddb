import { describe, expect, test } from 'vitest';
import { readUsage } from '../../src/model/usage.js';
import { addUsage } from '../../src/score/usage-total.js';

describe('readUsage', () => {
  test.each([
    [
      'OpenAI: reasoning inside completion',
      { prompt_tokens: 10, completion_tokens: 100, total_tokens: 110, completion_tokens_details: { reasoning_tokens: 80 } },
      { promptTokens: 10, completionTokens: 100, reasoningTokens: 80, totalTokens: 110 },
    ],
    [
      'reported beside completion: folded in once',
      { prompt_tokens: 10, completion_tokens: 20, reasoning_tokens: 80, total_tokens: 110 },
      { promptTokens: 10, completionTokens: 100, reasoningTokens: 80, totalTokens: 110 },
    ],
    [
      'top-level reasoning already inside completion',
      { prompt_tokens: 10, completion_tokens: 100, reasoning_tokens: 80, total_tokens: 110 },
      { promptTokens: 10, completionTokens: 100, reasoningTokens: 80, totalTokens: 110 },
    ],
    [
      'no reasoning reported',
      { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
      { promptTokens: 5, completionTokens: 7, reasoningTokens: 0, totalTokens: 12 },
    ],
  ])('%s', (_, raw, expected) => {
    expect(readUsage(raw)).toEqual(expected);
  });

  test('missing usage is null and adds as zero', () => {
    expect(readUsage(undefined)).toBeNull();
    expect(addUsage([null, { promptTokens: 1, completionTokens: 2, reasoningTokens: 1, totalTokens: 3 }])).toEqual({
      promptTokens: 1,
      completionTokens: 2,
      reasoningTokens: 1,
      totalTokens: 3,
    });
  });

  test('counts sent as strings or negatives are dropped, never concatenated', () => {
    expect(readUsage({ prompt_tokens: '01', completion_tokens: 20, total_tokens: '21' })).toEqual({
      promptTokens: 0,
      completionTokens: 20,
      reasoningTokens: 0,
      totalTokens: 20,
    });
    expect(readUsage({ prompt_tokens: -5, completion_tokens: Number.NaN })).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      reasoningTokens: 0,
      totalTokens: 0,
    });
    expect(readUsage('lots')).toBeNull();
  });
});
