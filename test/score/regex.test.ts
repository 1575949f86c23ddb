import { describe, expect, test } from 'vitest';
import { finalAnswerText } from '../../src/score/extract.js';
import { checkPattern, collapseAnswerText } from '../../src/score/scorers/regex.js';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

// The o1 launch age puzzle: the princess is 8k years old and the prince 6k (ages in ratio 4:3).
const pattern = '8\\s*k.*6\\s*k|4\\s*:\\s*3';
const ages = scorerFor(makeCase({ scorer: 'regex', expected: pattern }));
const ACCEPTED = `~/${pattern}/`;

describe('regex scorer: the prince and princess ages', () => {
  test.each([
    [
      'o1 full sentence',
      'Answer: The princess is 8k years old and the prince is 6k years old, for any positive integer k.',
      'The princess is 8k years old and the prince is 6k years old, for any positive integer k',
      true,
    ],
    [
      'bold marker',
      '**Final Answer:** The princess is $8k$ years old and the prince is $6k$ years old, where $k$ is a positive integer.',
      'The princess is 8k years old and the prince is 6k years old, where k is a positive integer',
      true,
    ],
    ['spaced k', 'Answer: princess = 8 k, prince = 6 k', 'princess = 8 k, prince = 6 k', true],
    [
      'bulleted block under a heading',
      'Setting up the equations gives P = 4/3 R.\n\n### Answer\n- Princess: 8k years\n- Prince: 6k years',
      'Princess: 8k years Prince: 6k years',
      true,
    ],
    ['ratio stated', 'Answer: Their ages are in the ratio 4:3 (princess to prince).', 'Their ages are in the ratio 4:3 (princess to prince)', true],
    ['ratio with spaces in LaTeX', 'So the ages are in the ratio $4 : 3$.', 'So the ages are in the ratio 4 : 3', true],
    ['boxed ratio', 'Hence $\\boxed{4:3}$', '4:3', true],
    ['concrete example only', 'Answer: The princess is 8 and the prince is 6.', 'The princess is 8 and the prince is 6', false],
    ['wrong ratio', 'Answer: The ratio is 3:2', 'The ratio is 3:2', false],
    ['ages in the reasoning only, the answer is a shrug', 'If the princess were 8k and the prince 6k... \n\nAnswer: it depends on k', 'it depends on k', false],
    [
      'last line sentence',
      'Let the prince be x.\n\nSo the princess is 8k years old and the prince is 6k years old.',
      'So the princess is 8k years old and the prince is 6k years old',
      true,
    ],
  ])('%s', async (_name, reply, finalText, verdict) => {
    expect(collapseAnswerText(finalAnswerText(reply)!)).toBe(finalText);
    const answer = answerOf(ages, reply);
    // Every answer the pattern accepts is one vote; the others vote by their text.
    expect(answer).toBe(verdict ? ACCEPTED : finalText);
    expect(await ages.isCorrect!(answer ?? '')).toBe(verdict);
  });

  // The closing block is read whole: lines under a marker or heading, a list with its note, all boxes.
  test.each([
    ['list then a note in parentheses', 'Ages:\nPrincess - 8k\nPrince - 6k\n\n(k any positive whole number)', true],
    ['heading, bold list, then a "where" line', '## Result\n\n- **Princess**: 8k\n- **Prince**: 6k\n\nwhere k = 1, 2, 3, ...', true],
    ['two boxes in one sentence', 'So the princess is $\\boxed{8k}$ and the prince is $\\boxed{6k}$, k a positive integer.', true],
    ['marker then a second line', 'Answer:\nprincess 8k\nprince 6k', true],
    ['a wrong pair under the heading', '### Solution\n\n- Princess: 8\n- Prince: 6', false],
    ['display math on its own lines', 'Solving the two equations:\n\\[\n\\text{princess} = 8k,\\quad \\text{prince} = 6k\n\\]', true],
    ['labelled lines opening with emoji, then a note', '👑 Princess - 8k\n🛡️ Prince - 6k\n\n(for any whole number k)', true],
    [
      'an explanation after the answer is not part of it',
      '### Answer\nThe princess is 8 and the prince is 6.\n\n### Explanation\nI first tried 8k and 6k, then chose k = 1.',
      false,
    ],
  ])('block: %s', async (_name, reply, verdict) => {
    expect(await ages.isCorrect!(answerOf(ages, reply) ?? '')).toBe(verdict);
  });

  // LaTeX is also read as plain text, so a pattern in words or slashes can match it.
  test.each([
    ['a fraction of words', 'Final answer: $\\frac{\\text{princess}}{\\text{prince}} = \\frac{4}{3}$', 'princess/prince = 4/3'],
    ['a fraction times a variable', '\\boxed{R = \\tfrac{4}{3}\\,S}', 'R = 4/3 S'],
    ['a compound numerator', 'Answer: $\\dfrac{x + y}{2}$', '(x + y)/2'],
  ])('plain LaTeX: %s', (_name, reply, plain) => {
    const slashes = scorerFor(makeCase({ scorer: 'regex', expected: plain.replace(/[()+/]/g, '\\$&') }));
    expect(answerOf(slashes, reply)).toBe(`~/${plain.replace(/[()+/]/g, '\\$&')}/`);
  });

  test.each([
    ['refusal', 'I cannot determine their ages from this information.'],
    ['too ambiguous', 'This puzzle is too ambiguous to have one answer.'],
    ['empty', '   '],
  ])('no answer: %s', (_name, reply) => {
    expect(answerOf(ages, reply)).toBeNull();
  });

  test('a reply that only copies the question back states no answer', () => {
    const question = 'Two friends are 8 and 6 years old. In how many years will their ages be in the ratio 5:4?';
    const asked = scorerFor(makeCase({ scorer: 'regex', expected: '\\b2\\s*years' }, question));
    expect(answerOf(asked, 'In how many years will their ages be in the ratio 5:4?')).toBeNull();
    expect(answerOf(asked, 'In 2 years (10 and 8).')).toBe('~/\\b2\\s*years/');
  });
});

describe('user patterns run in linear time (RE2)', () => {
  test.each([
    ['a plain pattern', String.raw`\b2\s*years`, null],
    ['nested quantifiers are fine: RE2 never backtracks', '^(a+)+$', null],
    ['Unicode classes', String.raw`\p{L}+`, null],
    ['a backreference', String.raw`(a)\1`, 'invalid escape sequence'],
    ['a lookahead', 'x(?=y)', 'unsupported Perl syntax'],
    ['a negative lookahead', '(?!prince)x', 'unsupported Perl syntax'],
    ['a lookbehind', '(?<=x)y', 'invalid named capture'],
    ['not a regex at all', '(', 'missing closing )'],
  ])('checkPattern: %s', (_name, pattern, problem) => {
    const message = checkPattern(pattern);
    if (problem === null) expect(message).toBeNull();
    else expect(message).toContain(problem);
  });

  test('^(a+)+$ on a 30-character answer returns at once', () => {
    const blowup = scorerFor(makeCase({ scorer: 'regex', expected: '^(a+)+$' }));
    const started = performance.now();
    expect(answerOf(blowup, `Answer: ${'a'.repeat(30)}b`)).toBe(`${'a'.repeat(30)}b`);
    expect(performance.now() - started).toBeLessThan(1000); // a backtracking engine takes tens of seconds here
  });

  test('a pattern RE2 cannot run is refused when the scorer is built, with the reason', () => {
    expect(() => scorerFor(makeCase({ scorer: 'regex', expected: 'x(?=y)' }))).toThrow(/linear time \(RE2\)/);
  });
});
