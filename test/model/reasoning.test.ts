import { describe, expect, test } from 'vitest';
import { splitReasoning } from '../../src/model/reasoning.js';

describe('splitReasoning', () => {
  test.each([
    ['field reasoning', 'Answer: 3', 'count s,t,r... 3', 'Answer: 3', 'count s,t,r... 3', false, false],
    ['think span', '<think>r at 3, 8, 9: 3</think>\nAnswer: 3', null, 'Answer: 3', 'r at 3, 8, 9: 3', false, true],
    ['pre-filled opening tag', 'maybe 2? no, 3\n</think>\n\nThe answer is 3.', null, 'The answer is 3.', 'maybe 2? no, 3', false, true],
    ['unterminated think', '<think>still counting... 1, 2', null, '', 'still counting... 1, 2', true, true],
    ['thinking tags and field together', '<thinking>a</thinking>B', 'field', 'B', 'field\n\na', false, true],
    ['no reasoning at all', '**9.8**', undefined, '**9.8**', '', false, false],
    ['null content from a reasoning parser', null, 'the sum is 12', '', 'the sum is 12', false, false],
  ])('%s', (_, content, field, answerText, reasoning, unterminated, fromTags) => {
    expect(splitReasoning(content, field)).toEqual({ answerText, reasoning, unterminated, fromTags });
  });
});
