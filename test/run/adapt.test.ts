import { describe, expect, test } from 'vitest';
import type { RequestFailure } from '../../src/model/openai.js';
import { adaptationFor, applyAdaptations } from '../../src/run/adapt.js';

const refusal = (param: string | null, status = 400): RequestFailure => ({
  code: 'unsupported_parameter',
  message: `Unsupported parameter: '${param}'`,
  status,
  param,
  fatal: false,
  unreachable: false,
});

describe('adaptationFor', () => {
  test.each([
    ['max_tokens is renamed', refusal('max_tokens'), { max_tokens: 10 }, 'renamed to max_completion_tokens'],
    ['temperature is dropped', refusal('temperature'), { temperature: 0.7 }, 'dropped'],
    ['top_p is dropped', refusal('top_p'), { top_p: 0.9 }, 'dropped'],
    ['a refused system role is merged', refusal('messages[0].role'), {}, 'merged the system message into the first user message'],
    ["reasoning_effort is the user's intent: not adapted", refusal('reasoning_effort'), { reasoning_effort: 'high' }, null],
    ['a 500 is not a refusal', refusal('temperature', 500), { temperature: 0.7 }, null],
    ['no parameter named', refusal(null), {}, null],
  ])('%s', (_, failure, params, action) => {
    expect(adaptationFor(failure, params)?.action ?? null).toBe(action);
  });
});

describe('applyAdaptations', () => {
  test('renames, drops and merges', () => {
    const request = {
      messages: [
        { role: 'system' as const, content: 'Be brief.' },
        { role: 'user' as const, content: 'Q?' },
      ],
      params: { max_tokens: 50, temperature: 0.7, reasoning_effort: 'high' },
    };
    const adapted = applyAdaptations(request, [
      { param: 'max_tokens', action: '', reason: '' },
      { param: 'temperature', action: '', reason: '' },
      { param: 'system', action: '', reason: '' },
    ]);
    expect(adapted).toEqual({
      messages: [{ role: 'user', content: 'Be brief.\n\nQ?' }],
      params: { max_completion_tokens: 50, reasoning_effort: 'high' },
    });
    expect(request.params).toHaveProperty('max_tokens', 50);
  });
});
