// The choice scorer: which listed option (a letter like B, or a literal like "9.8") the final answer names.
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { answerTagsAsMarkers } from '../answer-tags.js';
import { INLINE_FINAL_MARKER, locateFinalAnswer, MARKER_LINE, strictnessOf } from '../extract.js';
import { questionText } from '../question.js';
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
const LESSER_QUESTION = /\b(?:smaller|smallest|less|least|lower|lowest|fewer|fewest|lesser|minimum|shorter|shortest|cheaper|cheapest)\b/i;

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

// Words that retract, hedge or attribute a claim ("Many think 9.11 is bigger"), so it is not a second answer.
const NOT_A_CLAIM =
  /\b(?:wait|actually|correct(?:ion|ing|ed)?|sorry|mistake|oops|i mean|rather|second thought|re-?check|double[- ]check|hmm+|however|but|although|though|while|seems?|looks?|appears?|might|may|could|would|think|thought|tempting|intuiti\w*|naive\w*|people|common\w*|trap|trick|at first|initially|wrong|mislead\w*|if|not|isn(?:'|’)t|first glance)\b|^\s*no\b/i;
const COMPARATIVE = /\b(?:bigger|larger|greater|smaller|less|lesser|more|higher|lower)\b|[<>≤≥]/i;

/**
 * The option a short reply asserts before its answer line, when that is a plain claim: at most
 * two sentences, a comparison, and no retraction or hedge. "9.11 is bigger.\n\nAnswer: 9.8"
 * states two answers; "Many think 9.11 is bigger, but ...\n\nAnswer: 9.8" states one.
 */
function claimBeforeMarker(text: string, choices: readonly string[], direction: Direction): number | null {
  const lines = answerTagsAsMarkers(text).trim().split(/\r?\n/);
  let marker = -1;
  for (let i = lines.length - 1; i >= 0 && marker < 0; i--) {
    if (MARKER_LINE.test(lines[i] ?? '') || INLINE_FINAL_MARKER.test(lines[i] ?? '')) marker = i;
  }
  const body = lines.slice(0, Math.max(0, marker)).join(' ').trim();
  if (body === '' || body.length > 160 || body.split(/(?<=[.!?])\s+/).length > 2) return null;
  if (NOT_A_CLAIM.test(body) || !COMPARATIVE.test(body)) return null;
  return assertedLiteralChoice(body, choices, direction);
}

/** `text` with a decimal comma inside a number read as a point: "9,8" → "9.8"; "1,234,567" is left alone. */
export function withDecimalPoints(text: string): string {
  return text.replace(/(?<![\d.,])(\d+),(\d+)(?![\d]|[.,]\d)/g, '$1.$2');
}

/**
 * Whether a case asks for the lesser option or the greater: the case's `direction` setting
 * (`greater` or `lesser`, when the suite states it), else read from the question's comparative
 * ("which is smaller?" asks for the lesser), else the greater.
 */
export function questionDirection(c: Case): Direction {
  const stated = (c as { direction?: unknown }).direction;
  if (stated === 'greater' || stated === 'lesser') return stated === 'lesser' ? 'min' : 'max';
  const question = c.messages.filter((m) => m.role === 'user').pop()?.content ?? '';
  return LESSER_QUESTION.test(question) ? 'min' : 'max';
}

/**
 * A scorer for multiple choice: canonical form is the named option exactly as listed in `choices`.
 * A short reply whose plain claim before its answer line names another literal option states two
 * answers; its canonical form is both options joined by " | ", which is never correct.
 */
export function choiceScorer(c: ChoiceCase): Scorer {
  const choices = c.choices;
  const lettered = choices.every((choice) => /^[A-Za-z]$/.test(choice.trim()));
  const direction = questionDirection(c);
  const question = questionText(c);
  const strictness = strictnessOf(c);
  return {
    read(text) {
      const located = locateFinalAnswer(text, question, strictness);
      if (located === null) return null;
      const answer = optionOf(located.span, text);
      return answer === null ? null : { answer, rule: located.source, span: located.written };
    },
    isCorrect(answer) {
      return answer === String(c.expected);
    },
  };

  function optionOf(span: string, text: string): string | null {
    if (lettered) return statedLetter(span, choices);
    // "9,8 es mayor que 9,11": when no option matches as written, read decimal commas as points.
    const asWritten = assertedLiteralChoice(span, choices, direction);
    const reading = asWritten === null ? withDecimalPoints : (body: string): string => body;
    const index = asWritten ?? assertedLiteralChoice(reading(span), choices, direction);
    if (index === null) return null;
    const claimed = claimBeforeMarker(reading(text), choices, direction);
    const both = claimed === null || claimed === index ? [index] : [claimed, index].sort((a, b) => a - b);
    return both.map((i) => choices[i] ?? '').join(' | ');
  }
}
