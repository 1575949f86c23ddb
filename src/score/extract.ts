// The final answer of a reply as scorers read it: the locator's span, the rule that found it, the text as written.
import { type LocateOptions, locateAnswer } from './locate/locate.js';
import type { Strictness } from './locate/rule.js';

export { EXPLANATION_CUE } from './answer-first.js';
export { isRefusal } from './non-answer.js';
export { INLINE_FINAL_MARKER, MARKER_LINE, TRAILING_NOISE } from './locate/markers.js';
export { ANSWER_RULES } from './locate/rules.js';
export { NON_ANSWER_RULES } from './locate/non-answers.js';
export type { Strictness } from './locate/rule.js';

/** The name of the answer rule that found a span (`marker`, `boxed`, `answer-is`, `last-line`, ...). */
export type AnswerSource = string;

/** The final-answer span of a reply and the rule that located it. */
export interface FinalAnswer {
  span: string;
  source: AnswerSource;
  /** The span as written, markdown emphasis and quotes kept. */
  written: string;
}

/**
 * How a case asks its replies to be read: `strict` only when the case (a suite's `extract` field)
 * says so. Lenient is the default because models phrase answers freely whatever the prompt asks
 * ("The answer is 3", a bold line), and a careful human grader reads those as answers.
 */
export function strictnessOf(c: unknown): Strictness {
  return (c as { extract?: unknown } | null)?.extract === 'strict' ? 'strict' : 'lenient';
}

/**
 * The final answer of a reply and how it was found (an `<answer>` tag counts as an answer line);
 * null for empty replies, refusals and replies saying the task could not be done, replies that
 * only announce a plan or ask back, replies cut off before an answer, hedges between two answers,
 * and replies that only repeat the `question`.
 */
export function locateFinalAnswer(text: string, question = '', strictness: LocateOptions['strictness'] = 'lenient'): FinalAnswer | null {
  const location = locateAnswer(text, { question, strictness });
  return location.found ? { span: location.span, source: location.rule, written: location.written } : null;
}

/** The span a careful human reads as the final answer of `text`, undecorated; null when there is none. */
export function finalAnswerText(text: string, question = ''): string | null {
  return locateFinalAnswer(text, question)?.span ?? null;
}
