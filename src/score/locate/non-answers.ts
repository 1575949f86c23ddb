// The locator's non-answer rules, as data: a found span that one of these matches states no answer.
import { isHedge, isOnlyPlan, isRefusal, restatesQuestion } from '../non-answer.js';
import { isUnfinishedLine } from '../unfinished.js';
import type { NonAnswerRule } from './rule.js';
import { closingLines } from './rules.js';

/** Why a reply states no answer, tried in this order on the span an answer rule found. */
export const NON_ANSWER_RULES: readonly NonAnswerRule[] = [
  // "Answer: ...", "$\boxed{}$": nothing left once decoration is stripped.
  { name: 'empty', test: ({ span }) => span === '' },
  // "I can't help with that", "cannot be determined", "I wasn't able to find a consistent key".
  { name: 'refusal', test: ({ span }) => isRefusal(span) },
  // "Sure! Let's add 19686 and 31080.", "Which word should I count?"
  { name: 'plan', test: ({ written }) => isOnlyPlan(written) },
  // "either 2 or 3", "It could be 9.11 or 9.8", with no later pick.
  { name: 'hedge', test: ({ span }) => isHedge(span) },
  // The whole reply is only the question (or one of its lines) copied back.
  { name: 'restated-question', test: (_found, { text, question }) => restatesQuestion(text, question) },
  // The closing line stops mid-work: "347 × 29 =", "Now I need to check the", a table row.
  {
    name: 'cut-off',
    appliesTo: ['bold', 'last-line'],
    test: (_found, { lines }) => {
      const closing = closingLines(lines);
      return closing === null || isUnfinishedLine(...closing);
    },
  },
];
