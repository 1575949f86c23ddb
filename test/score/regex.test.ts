import { describe, expect, test } from 'vitest';
import { finalAnswerText } from '../../src/score/extract.js';
import { collapseAnswerText } from '../../src/score/scorers/regex.js';
import { scorerFor } from '../../src/score/scorers/index.js';
import { makeCase } from './make-case.js';

// The o1 launch age puzzle: the princess is 8k years old and the prince 6k (ages in ratio 4:3).
const pattern = '8\\s*k.*6\\s*k|4\\s*:\\s*3';
const ages = scorerFor(makeCase({ scorer: 'regex', expected: pattern }));
const ACCEPTED = `~/${pattern}/`;

describe('regex scorer: the prince and princess ages', () => {
  test.each([
    ['o1 full sentence', 'Answer: The princess is 8k years old and the prince is 6k years old, for any positive integer k.', 'The princess is 8k years old and the prince is 6k years old, for any positive integer k', true],
    ['bold marker', '**Final Answer:** The princess is $8k$ years old and the prince is $6k$ years old, where $k$ is a positive integer.', 'The princess is 8k years old and the prince is 6k years old, where k is a positive integer', true],
    ['spaced k', 'Answer: princess = 8 k, prince = 6 k', 'princess = 8 k, prince = 6 k', true],
    ['bulleted block under a heading', 'Setting up the equations gives P = 4/3 R.\n\n### Answer\n- Princess: 8k years\n- Prince: 6k years', 'Princess: 8k years Prince: 6k years', true],
    ['ratio stated', 'Answer: Their ages are in the ratio 4:3 (princess to prince).', 'Their ages are in the ratio 4:3 (princess to prince)', true],
    ['ratio with spaces in LaTeX', 'So the ages are in the ratio $4 : 3$.', 'So the ages are in the ratio 4 : 3', true],
    ['boxed ratio', 'Hence $\\boxed{4:3}$', '4:3', true],
    ['concrete example only', 'Answer: The princess is 8 and the prince is 6.', 'The princess is 8 and the prince is 6', false],
    ['wrong ratio', 'Answer: The ratio is 3:2', 'The ratio is 3:2', false],
    ['ages in the reasoning only, the answer is a shrug', 'If the princess were 8k and the prince 6k... \n\nAnswer: it depends on k', 'it depends on k', false],
    ['last line sentence', 'Let the prince be x.\n\nSo the princess is 8k years old and the prince is 6k years old.', 'So the princess is 8k years old and the prince is 6k years old', true],
  ])('%s', async (_name, reply, finalText, verdict) => {
    expect(collapseAnswerText(finalAnswerText(reply)!)).toBe(finalText);
    const answer = ages.extract(reply);
    // Every answer the pattern accepts is one vote; the others vote by their text.
    expect(answer).toBe(verdict ? ACCEPTED : finalText);
    expect(await ages.isCorrect(answer ?? '')).toBe(verdict);
  });

  test.each([
    ['refusal', 'I cannot determine their ages from this information.'],
    ['empty', '   '],
  ])('no answer: %s', (_name, reply) => {
    expect(ages.extract(reply)).toBeNull();
  });
});
