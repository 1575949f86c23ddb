// The locator's non-answer rules, as data: a found span that one of these matches states no answer.
import { isHedge, isOnlyPlan, isRefusal, restatesQuestion } from '../non-answer.js';
import { isUnfinishedLine } from '../unfinished.js';
import type { NonAnswerRule } from './rule.js';
import { closingLines } from './rules.js';

// A number, then an aside that opens with "or" and another number: "18 (or 15 if ...)".
const VALUE_THEN_OR = /(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*\(\s*or\s+(?:maybe\s+|perhaps\s+|possibly\s+)?(\d[\d,]*(?:\.\d+)?)(?![\d,]*\d)/g;

/** Whether a span offers a different value in an aside; "3 (or 3.0)" and "3 (or three)" restate one. */
function offersAnotherValue(span: string): boolean {
  const value = (n: string | undefined): number => Number(n?.replace(/,/g, ''));
  return [...span.matchAll(VALUE_THEN_OR)].some((m) => value(m[1]) !== value(m[2]));
}

// A clause that opens with "if" ("If it's 2 per outing, that's 12; if it's 3, it would be 18").
const IF_CLAUSE = /^(?:and|but|or|otherwise)?\s*if\b/i;
const LAST_NUMBER = /(\d[\d,]*(?:\.\d+)?)(?!.*\d)/s;

/** Whether a span gives different values under two "if" clauses, leaving the pick to the reader. */
function conditionalValues(span: string): boolean {
  const clauses = span.split(/[;.?!](?:\s+|$)|,\s*(?=(?:and\s+|but\s+|or\s+)?if\b)/i).map((c) => c.trim());
  const values = clauses.filter((c) => IF_CLAUSE.test(c)).map((c) => LAST_NUMBER.exec(c)?.[1]?.replace(/,/g, ''));
  return new Set(values.filter((v) => v !== undefined).map(Number)).size >= 2;
}

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
  // "floor 18 (or 15, depending on interpretation)": a second, different value offered in an aside.
  { name: 'hedge-aside', test: ({ span }) => offersAnotherValue(span) },
  // "If it's 2 per outing, that's 12 masks; if it's 3 per outing, it would be 18.": a value per reading.
  { name: 'conditional-hedge', test: ({ span }) => conditionalValues(span) },
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
