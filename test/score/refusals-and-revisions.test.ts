// Replies that say the task could not be done or ask back, and answers corrected after an answer line.
import { describe, expect, test } from 'vitest';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

const decode = scorerFor(makeCase({ scorer: 'text', expected: 'LOOK BEHIND YOU' }, 'Decode: mppl cfijoe zpv'));
const product = scorerFor(makeCase({ scorer: 'number', expected: 4972 }, 'What is 113 * 44?'));
// The sisters' puzzle: the elder is 5k and the younger 3k years old (in ratio 5:3).
const pattern = String.raw`elder\W+5k\b[^.]*younger\W+3k\b|younger\W+3k\b[^.]*elder\W+5k\b`;
const sisters = scorerFor(makeCase({ scorer: 'regex', expected: pattern }));
const ACCEPTED = `~/${pattern}/`;

describe('a reply that cannot do the task or asks back states no answer', () => {
  test.each([
    ['no mapping was found', "I couldn't find a consistent key for this substitution."],
    ['an apology that more is needed', 'Sorry, cracking this would need a longer sample of ciphertext.'],
    ['too little text', 'It looks like a shift cipher, but there is not enough ciphertext to decode it reliably.'],
    ['a cipher it cannot break', 'The text appears to use a cipher I cannot decipher without a key.'],
    ['unable to solve', 'I was unable to solve this one.'],
    ['a question back after a remark on the wording', 'The puzzle is rather ambiguous. Could you clarify which letters are swapped?'],
  ])('text: %s', (_name, reply) => {
    expect(answerOf(decode, reply)).toBeNull();
  });

  test.each([['no code to run', 'Simple enough, but I cannot run code right now. Any calculator will give you 113 × 44.']])('number: %s', (_name, reply) => {
    expect(answerOf(product, reply)).toBeNull();
  });

  test.each([
    ['an inability, then "but" and the working', product, "I can't run code, but by hand 113 × 44 = 4,972.", '4972'],
    ['an answer line wins over a later aside', decode, 'Answer: LOOK BEHIND YOU\n\nI could not find a rule for the spacing, though.', 'look behind you'],
    ['a plain answer after a remark on the wording', decode, 'The puzzle is rather ambiguous.\n\nThe message is: LOOK BEHIND YOU', 'look behind you'],
  ])('still an answer: %s', (_name, scorer, reply, canonical) => {
    expect(answerOf(scorer, reply)).toBe(canonical);
  });
});

describe('an answer corrected after its answer line: the last committed one counts', () => {
  test.each([
    ['swapped roles, then a "Final:" label', 'Answer: elder 3k, younger 5k.\n\nWait — I mixed up who is older. Final: elder 5k, younger 3k.', true],
    [
      'right roles, then swapped in the correction',
      'Answer: elder 5k, younger 3k.\n\nHmm, actually I misread the question. Corrected answer: younger 5k, elder 3k.',
      false,
    ],
    ['a correction restated with "the answer is"', 'Answer: elder 3k, younger 5k\n\nOops, reversed. The answer is elder 5k, younger 3k.', true],
    [
      'no retraction: the explanation keeps the answer',
      'Answer: elder 5k, younger 3k.\n\nExplanation: the younger is 3k, the elder 5k, as the ages differ by 2k.',
      true,
    ],
  ])('regex: %s', async (_name, reply, verdict) => {
    const answer = answerOf(sisters, reply);
    expect(answer === ACCEPTED).toBe(verdict);
    expect(await sisters.isCorrect!(answer ?? '')).toBe(verdict);
  });

  test.each([
    ['a number corrected under a "Final:" label', product, 'Answer: 4872\n\nWait, I dropped a hundred. Final: 4972', '4972'],
    [
      'a text corrected under a "Corrected:" label',
      decode,
      'Answer: LOOK BEHIND ME\n\nActually the last pair is zpv. Corrected: LOOK BEHIND YOU',
      'look behind you',
    ],
    ['a retraction that restates nothing keeps the answer line', product, 'Answer: 4972\n\nWait, let me double-check: 113 × 4 = 452, 452 × 11 = 4972.', '4972'],
  ])('%s', (_name, scorer, reply, canonical) => {
    expect(answerOf(scorer, reply)).toBe(canonical);
  });
});
