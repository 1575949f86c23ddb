// Test helper: the math verdict on a pair of spans, failing loudly when either cannot be read.
import { expect } from 'vitest';
import { type MathAnswer, mathEquivalent, readMath } from '../../../src/score/math/index.js';

/** Reads a span that must not be empty. */
export function read(span: string): MathAnswer {
  const answer = readMath(span);
  expect(answer, `readMath(${JSON.stringify(span)})`).not.toBeNull();
  return answer as MathAnswer;
}

/** Whether `answer` is right for `expected`, both read with readMath. */
export function verdict(expected: string, answer: string): boolean {
  return mathEquivalent(read(answer), read(expected));
}
