// The text scorer: compares final answers after normalising case, whitespace, punctuation and quotes.
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { finalAnswerText } from '../extract.js';
import { unwrapLatexText } from '../markup.js';

type TextCase = Extract<Case, { scorer: 'text' }>;

// "The decoded message is: X", "Decrypted text: X", "It reads X": a lead-in before the text itself.
const LEAD_IN =
  /^(?:(?:so|thus|therefore|hence),?\s+)?(?:the\s+)?(?:decoded|decrypted|deciphered|hidden|plain|original|final)?\s*(?:message|text|plaintext|phrase|sentence|translation|output)(?:\s+(?:is|reads|says|would be)\s*[:：]?|\s*[:：])\s*|^(?:it|this)\s+(?:reads|says)\s*:?\s+/i;
const QUOTED_TAIL = /["“«]([^"“”«»]+)["”»]\W*$/;

/**
 * The normal form for text equality: lowercase words separated by single spaces, apostrophes
 * dropped (`R'S` → `rs`), other punctuation, quotes and markdown removed.
 */
export function normaliseText(text: string): string {
  return unwrapLatexText(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['‘’`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text a final-answer span states, without a lead-in like "The decoded message is:" or quotes around it. */
export function statedText(span: string): string {
  const quoted = QUOTED_TAIL.exec(span)?.[1];
  if (quoted !== undefined && quoted.trim() !== '') return quoted;
  const withoutLeadIn = span.replace(LEAD_IN, '');
  return withoutLeadIn.trim() === '' ? span : withoutLeadIn;
}

/** A scorer for free-text answers: canonical form is the normalised text. */
export function textScorer(c: TextCase): Scorer {
  const expected = normaliseText(String(c.expected));
  return {
    extract(text) {
      const span = finalAnswerText(text);
      const canonical = span === null ? '' : normaliseText(statedText(span));
      return canonical === '' ? null : canonical;
    },
    isCorrect(answer) {
      return answer === expected;
    },
  };
}
