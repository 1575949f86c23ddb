// Varies how the simulated model states its final answer, the way real samples do.

import type { Rng } from '../random.js';
import type { Attempt } from './questions.js';

const WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** The English word for a whole number from 0 to 20, else undefined. */
export function numberWord(value: string): string | undefined {
  return /^\d{1,2}$/.test(value) ? WORDS[Number(value)] : undefined;
}

const TEMPLATES: ReadonlyArray<(answer: string) => string> = [
  (answer) => `Answer: ${answer}`,
  (answer) => `**${answer}**`,
  (answer) => `\\boxed{${answer}}`,
  (answer) => `The answer is ${answer}.`,
  (answer) => `Final answer: ${answer}`,
];

/** The reply content for an attempt: only the answer, in one of several phrasings chosen by `rng`. */
export function phraseAnswer(attempt: Attempt, rng: Rng): string {
  if (attempt.kind === 'verbatim') return attempt.answer;
  if (attempt.kind === 'abstain') return `I can't work this out with confidence.\nAnswer: ${attempt.answer}`;
  const draw = rng();
  const word = attempt.kind === 'number' ? numberWord(attempt.answer) : undefined;
  // One draw in six spells a small number out ("The answer is three."), when it has a word.
  if (word && draw >= 5 / 6) return `The answer is ${word}.`;
  const template = TEMPLATES[Math.floor(draw * (word ? 6 : 5))];
  return template ? template(attempt.answer) : `Answer: ${attempt.answer}`;
}
