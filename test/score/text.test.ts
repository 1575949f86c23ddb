import { describe, expect, test } from 'vitest';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

const cipher = scorerFor(makeCase({ scorer: 'text', expected: 'THERE ARE THREE RS IN STRAWBERRY' }));

describe('text scorer', () => {
  test.each([
    ['o1 answer line', "Answer: THERE ARE THREE R'S IN STRAWBERRY", 'there are three rs in strawberry', true],
    ['curly apostrophe and full stop', 'Answer: THERE ARE THREE R’S IN STRAWBERRY.', 'there are three rs in strawberry', true],
    ['lowercase sentence', 'Final answer: there are three rs in strawberry', 'there are three rs in strawberry', true],
    ['curly quotes around the answer', 'Answer: “There are three r’s in strawberry”', 'there are three rs in strawberry', true],
    [
      'decoded-message lead-in',
      "Decoding each pair by averaging letter positions:\n\nThe decoded message is: THERE ARE THREE R'S IN STRAWBERRY",
      'there are three rs in strawberry',
      true,
    ],
    [
      'message reads, quoted',
      'Putting the letters together, the message reads: "There are three R\'s in strawberry."',
      'there are three rs in strawberry',
      true,
    ],
    ['bold plaintext after a colon', 'Plaintext: **THERE ARE THREE RS IN STRAWBERRY**', 'there are three rs in strawberry', true],
    ['boxed text', "$\\boxed{\\text{THERE ARE THREE R'S IN STRAWBERRY}}$", 'there are three rs in strawberry', true],
    ['extra whitespace and emphasis', 'Answer:   *THERE  ARE THREE   RS IN STRAWBERRY*', 'there are three rs in strawberry', true],
    ['digits are not the same words', 'Answer: THERE ARE 3 RS IN STRAWBERRY', 'there are 3 rs in strawberry', false],
    ['partial decode', 'Answer: THERE ARE THREE RS IN STRAWBERY', 'there are three rs in strawbery', false],
    ['wrong decode', 'Answer: THINK STEP BY STEP', 'think step by step', false],
    // lead-ins, emphasis and commentary around the decoded text
    ['"decodes to" with bold text', "Pair by pair, the ciphertext decodes to **There are three r's in strawberry!**", 'there are three rs in strawberry', true],
    ['bold label', '**Plaintext:** THERE ARE THREE RS IN STRAWBERRY', 'there are three rs in strawberry', true],
    ['"Decrypted:" label', 'Decrypted: there are three r’s in strawberry', 'there are three rs in strawberry', true],
    ['"It decodes to"', 'It decodes to: THERE ARE THREE RS IN STRAWBERRY', 'there are three rs in strawberry', true],
    [
      'quoted, then an aside',
      'The hidden message is "There are three R\'s in strawberry." (A fitting message for this puzzle!)',
      'there are three rs in strawberry',
      true,
    ],
    ['one bold span inside a sentence', 'I read it as **THERE ARE THREE RS IN STRAWBERRY**, which matches the hint.', 'there are three rs in strawberry', true],
    [
      'answer first, a comment paragraph after',
      'THERE ARE THREE RS IN STRAWBERRY\n\nThis is a nod to the famous strawberry question.',
      'there are three rs in strawberry',
      true,
    ],
    [
      'answer first, an aside paragraph quoting the example',
      'THERE ARE THREE RS IN STRAWBERRY\n\n(By the same rule, "oyfjdnisdr" gives "Think".)',
      'there are three rs in strawberry',
      true,
    ],
    ['a wrong word stays wrong', 'The message decodes to **THERE ARE TWO RS IN STRAWBERRY**', 'there are two rs in strawberry', false],
    // a bold opening statement, a lead-in after an opener, pleasantries after the answer
    [
      'bold statement first, then how the cipher works',
      "**THERE ARE THREE R'S IN STRAWBERRY**\n\nEvery two cipher letters average to one plain letter, e.g. (15 + 25) / 2 = 20, which is T.",
      'there are three rs in strawberry',
      true,
    ],
    [
      'bold sentence with a full stop first, then the method',
      '**There are three Rs in strawberry.**\n\nI paired the letters and took the midpoint of each pair in the alphabet.',
      'there are three rs in strawberry',
      true,
    ],
    [
      'a bold title first is not the answer',
      '**Decoding the pairs**\n\nEach pair averages to a letter.\n\nThe decoded message is: THERE ARE THREE RS IN STRAWBERRY',
      'there are three rs in strawberry',
      true,
    ],
    [
      'opener, then the quoted message, then an offer',
      'Got it! The plaintext reads: "There are three Rs in strawberry". Let me know if you would like the working.',
      'there are three rs in strawberry',
      true,
    ],
    ['opener, then an unquoted lead-in', 'That one took a while. The message is: THERE ARE THREE RS IN STRAWBERRY.', 'there are three rs in strawberry', true],
    ['a pleasantry is dropped from the answer line', 'Answer: THERE ARE THREE RS IN STRAWBERRY. Hope that helps!', 'there are three rs in strawberry', true],
  ])('%s', async (_name, reply, canonical, verdict) => {
    const answer = answerOf(cipher, reply);
    expect(answer).toBe(canonical);
    expect(await cipher.isCorrect!(answer ?? '')).toBe(verdict);
  });

  test.each([
    ['refusal', "I'm sorry, but I can't help with decoding that."],
    ['empty', ''],
    ['punctuation only', 'Answer: ...'],
    ['sorry, but no key', "I'm sorry, but I can't decode this without the key."],
    ['a plan only', 'This seems to be a simple cipher. Let me decode it pair by pair.'],
  ])('no answer: %s', (_name, reply) => {
    expect(answerOf(cipher, reply)).toBeNull();
  });

  const withQuestion = scorerFor(makeCase({ scorer: 'text', expected: 'THE CAT SAT' }, 'zfx qpt mbb -> THE DOG RAN\n\nDecode the same way:\n\nuif dbu tbu'));
  test.each([
    ['the ciphertext copied back', 'uif dbu tbu', null],
    ["the example's plaintext is a wrong answer, not a restatement", 'Answer: THE DOG RAN', 'the dog ran'],
    ['the decoded text', 'Answer: THE CAT SAT', 'the cat sat'],
  ])('with the question known: %s', (_name, reply, canonical) => {
    expect(answerOf(withQuestion, reply)).toBe(canonical);
  });
});
