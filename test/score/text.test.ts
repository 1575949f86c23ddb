import { describe, expect, test } from 'vitest';
import { scorerFor } from '../../src/score/scorers/index.js';
import { makeCase } from './make-case.js';

const cipher = scorerFor(makeCase({ scorer: 'text', expected: 'THERE ARE THREE RS IN STRAWBERRY' }));

describe('text scorer', () => {
  test.each([
    ['o1 answer line', 'Answer: THERE ARE THREE R\'S IN STRAWBERRY', 'there are three rs in strawberry', true],
    ['curly apostrophe and full stop', 'Answer: THERE ARE THREE R’S IN STRAWBERRY.', 'there are three rs in strawberry', true],
    ['lowercase sentence', 'Final answer: there are three rs in strawberry', 'there are three rs in strawberry', true],
    ['curly quotes around the answer', 'Answer: “There are three r’s in strawberry”', 'there are three rs in strawberry', true],
    ['decoded-message lead-in', 'Decoding each pair by averaging letter positions:\n\nThe decoded message is: THERE ARE THREE R\'S IN STRAWBERRY', 'there are three rs in strawberry', true],
    ['message reads, quoted', 'Putting the letters together, the message reads: "There are three R\'s in strawberry."', 'there are three rs in strawberry', true],
    ['bold plaintext after a colon', 'Plaintext: **THERE ARE THREE RS IN STRAWBERRY**', 'there are three rs in strawberry', true],
    ['boxed text', '$\\boxed{\\text{THERE ARE THREE R\'S IN STRAWBERRY}}$', 'there are three rs in strawberry', true],
    ['extra whitespace and emphasis', 'Answer:   *THERE  ARE THREE   RS IN STRAWBERRY*', 'there are three rs in strawberry', true],
    ['digits are not the same words', 'Answer: THERE ARE 3 RS IN STRAWBERRY', 'there are 3 rs in strawberry', false],
    ['partial decode', 'Answer: THERE ARE THREE RS IN STRAWBERY', 'there are three rs in strawbery', false],
    ['wrong decode', 'Answer: THINK STEP BY STEP', 'think step by step', false],
  ])('%s', async (_name, reply, canonical, verdict) => {
    const answer = cipher.extract(reply);
    expect(answer).toBe(canonical);
    expect(await cipher.isCorrect(answer ?? '')).toBe(verdict);
  });

  test.each([
    ['refusal', "I'm sorry, but I can't help with decoding that."],
    ['empty', ''],
    ['punctuation only', 'Answer: ...'],
  ])('no answer: %s', (_name, reply) => {
    expect(cipher.extract(reply)).toBeNull();
  });
});
