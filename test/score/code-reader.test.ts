import { describe, expect, test } from 'vitest';
import { Case } from '../../src/schema/suite.js';
import { codeScorer } from '../../src/score/scorers/code.js';

const preamble = 'from typing import List\n\n\ndef first(xs: List[int]) -> int:\n    """The first item."""\n';
const c = Case.parse({
  id: 'x',
  scorer: 'code',
  messages: [{ role: 'user', content: 'q' }],
  tags: [],
  params: {},
  tests: 'def check(f):\n    assert f([1]) == 1\n',
  entryPoint: 'first',
  preamble,
}) as Extract<Case, { scorer: 'code' }>;
const read = (reply: string) => codeScorer(c).read(reply);

describe('the code reader', () => {
  test.each([
    [
      'a whole function gets the imports it dropped',
      'Here:\n```python\ndef first(xs):\n    return xs[0]\n```',
      'from typing import List\ndef first(xs):\n    return xs[0]',
      'fence-language',
    ],
    ['a body only is put after the whole preamble', '```python\n    return xs[0]\n```', `${preamble.trimEnd()}\n    return xs[0]`, 'fence-language'],
    [
      'the last block in the language wins',
      '```python\ndef first(xs):\n    return 0\n```\nFixed:\n```python\ndef first(xs):\n    return xs[0]\n```',
      'from typing import List\ndef first(xs):\n    return xs[0]',
      'fence-language',
    ],
  ])('%s', (_, reply, program, rule) => {
    expect(read(reply)).toMatchObject({ answer: program, rule });
  });

  test('a reply with no code has no answer', () => {
    expect(read('I cannot write this function.')).toBeNull();
  });
});
