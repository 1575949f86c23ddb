// The choice scorer: which listed option (a letter like B, or a literal like "9.8") the final answer names.
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { finalAnswerText } from '../extract.js';
import { assertedLiteralChoice, type Direction } from './choice-literal.js';

type ChoiceCase = Extract<Case, { scorer: 'choice' }>;

const LETTER_PATTERNS: RegExp[] = [
  /^[([]?([A-Za-z])[)\]]?$/, // B, (B), [b]
  /^[([]?([A-Z])(?:[)\].:]|\s[-–—])(?:\s|$)/, // B) 42, (B) text, B. text, B: text, B - text
  /^\(([a-z])\)/, // (b) text
  /^([A-Z])(?=\s*[,;—–(]|\s+(?:because|since|as|is|was|would|should)\b)/, // B, because ... / A since ...
  /\b(?:[Oo]ption|[Cc]hoice|[Aa]nswer|[Ll]etter)\s*(?:is\s+|would be\s+|should be\s+)?[:：]?\s*(?:\(([A-Za-z])\)|([A-Z])(?![\w'’]))/,
  /\(([A-Z])\)/, // "... so (B)."
];
// A capital letter standing alone; "A" and "I" followed by a lowercase word are an article and a pronoun.
const LONE_CAPITAL = /(?<![\w'’])([A-Z])(?![\w'’])/g;
const ARTICLE_OR_PRONOUN = /^[AI]\s+[a-z]/;
const LESSER_QUESTION =
  /\b(?:smaller|smallest|less|least|lower|lowest|fewer|fewest|lesser|minimum|shorter|shortest|cheaper|cheapest)\b/i;

/** The letter option (as listed in `letters`) that an answer span names; null when none or unclear. */
export function statedLetter(span: string, letters: readonly string[]): string | null {
  const listed = (letter: string | undefined): string | null =>
    letter === undefined ? null : (letters.find((l) => l.toUpperCase() === letter.toUpperCase()) ?? null);
  const text = span.trim();
  for (const pattern of LETTER_PATTERNS) {
    const match = pattern.exec(text);
    const letter = listed(match?.[1] ?? match?.[2]);
    if (letter !== null) return letter;
  }
  const lone = new Set<string>();
  for (const match of text.matchAll(LONE_CAPITAL)) {
    if (ARTICLE_OR_PRONOUN.test(text.slice(match.index))) continue;
    const letter = listed(match[1]);
    if (letter !== null) lone.add(letter);
  }
  return lone.size === 1 ? ([...lone][0] ?? null) : null;
}

/** Whether a case's question asks for the lesser option ("which is smaller?") or, by default, the greater. */
export function questionDirection(c: Case): Direction {
  const question = c.messages.filter((m) => m.role === 'user').pop()?.content ?? '';
  return LESSER_QUESTION.test(question) ? 'min' : 'max';
}

/** A scorer for multiple choice: canonical form is the named option exactly as listed in `choices`. */
export function choiceScorer(c: ChoiceCase): Scorer {
  const choices = c.choices;
  const lettered = choices.every((choice) => /^[A-Za-z]$/.test(choice.trim()));
  const direction = questionDirection(c);
  return {
    extract(text) {
      const span = finalAnswerText(text);
      if (span === null) return null;
      if (lettered) return statedLetter(span, choices);
      const index = assertedLiteralChoice(span, choices, direction);
      return index === null ? null : (choices[index] ?? null);
    },
    isCorrect(answer) {
      return answer === String(c.expected);
    },
  };
}
