// Varies how the simulated model states its final answer, the way real samples do.

import { pick, type Rng } from '../random.js';
import { answerForms } from './math-forms.js';
import type { Attempt } from './questions.js';

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
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
  if (attempt.kind === 'math') return phraseMathAnswer(attempt.answer, rng);
  if (attempt.kind === 'code') return phraseProgram(attempt.answer, rng);
  if (attempt.kind === 'abstain') return `I can't work this out with confidence.\nAnswer: ${attempt.answer}`;
  const draw = rng();
  const word = attempt.kind === 'number' ? numberWord(attempt.answer) : undefined;
  // One draw in six spells a small number out ("The answer is three."), when it has a word.
  if (word && draw >= 5 / 6) return `The answer is ${word}.`;
  const template = TEMPLATES[Math.floor(draw * (word ? 6 : 5))];
  return template ? template(attempt.answer) : `Answer: ${attempt.answer}`;
}

// A final message's lead-in: most replies say a word before the answer, some go straight to it.
const LEAD_INS = ['', '', 'Putting it together:\n\n', 'So we have our result.\n\n', 'This gives the value asked for.\n\n', 'Everything checks out.\n\n'];

const MATH_FINALS: ReadonlyArray<(form: string) => string> = [
  (form) => `\\boxed{${form}}`,
  (form) => `The final answer is $\\boxed{${form}}$.`,
  (form) => `Therefore, the answer is $\\boxed{${form}}$.`,
  (form) => `**Final Answer**\n\\[\n\\boxed{${form}}\n\\]`,
  (form) => `The answer is $${form}$.`,
];

/** A final message for a math answer: one of its equivalent forms, usually boxed as the prompt asks. */
export function phraseMathAnswer(answer: string, rng: Rng): string {
  const forms = answerForms(answer);
  // The dataset's own form half the time, another equivalent form otherwise.
  const form = rng() < 0.5 ? forms[0]! : pick(rng, forms);
  const lead = pick(rng, LEAD_INS);
  if (form.plain && rng() < 0.15) return `${lead}Answer: ${form.text}`;
  return lead + pick(rng, MATH_FINALS)(form.text);
}

const CODE_LEAD_INS = ['', 'Here is the complete function:\n\n', 'The implementation:\n\n', 'This handles the examples in the docstring:\n\n'];

/** A final message for a program: the code in a ```python block, with or without a line before it. */
export function phraseProgram(code: string, rng: Rng): string {
  return `${pick(rng, CODE_LEAD_INS)}\`\`\`python\n${code.endsWith('\n') ? code : `${code}\n`}\`\`\``;
}

const OPENERS = [
  'Let me think about this carefully.',
  'Okay, let me work through this step by step.',
  'Alright, first I restate what is being asked.',
  "Let's see what the question wants.",
  'I want to get this right, so I will go slowly.',
  'Let me start from what is given.',
  'Hmm, let me take this one piece at a time.',
  'First, what exactly is the question?',
  'Let me reason it out before answering.',
  'Okay. Let me read the question again and plan.',
  'I will work it through and then double-check.',
  'Let me break this down.',
];

/**
 * The reasoning with an opening line chosen by the sample's number, so the first twelve samples of one
 * question never share reasoning text (real samples are never byte-identical unless a seed is fixed).
 */
export function varyReasoning(reasoning: string, questionHash: number, sample: number): string {
  const opener = OPENERS[(questionHash + sample) % OPENERS.length]!;
  return reasoning === '' ? opener : `${opener}\n${reasoning}`;
}

const BARE: ReadonlyArray<(answer: string) => string> = [(answer) => answer, (answer) => `\\boxed{${answer}}`, (answer) => `**${answer}**`];

/** The answer alone, as a model writes it after a prefilled "Final answer:": bare, boxed or bold; code in its block. */
export function phraseContinuation(attempt: Attempt, rng: Rng): string {
  if (attempt.kind === 'verbatim' || attempt.kind === 'abstain') return attempt.answer;
  if (attempt.kind === 'code') return `\n\n${phraseProgram(attempt.answer, rng)}`;
  if (attempt.kind === 'math') return `$\\boxed{${(rng() < 0.5 ? answerForms(attempt.answer)[0]! : pick(rng, answerForms(attempt.answer))).text}}$`;
  return pick(rng, BARE)(attempt.answer);
}
