// openai/simple-evals MATH rule, ported from math_eval.py (commit 06379826668f9bcf3fcc826d463a2ef0c687af1f)
// and common.py (commit 01ac108d27478a71ead72e966d68810a18a776fb): the first match of
// ANSWER_PATTERN = r"(?i)Answer\s*:\s*([^\n]+)" (re.search), then check_equality. check_equality asks a
// model ("Look at the following two expressions ... Only perform trivial simplifications"); no model is
// called here. It is REPLACED by string equality after the two normalisers simple-evals publishes in
// common.py, normalize_response (markdown and LaTeX wrappers) then normalize_extracted_answer (strip), on
// both sides. A grading model would accept more (3/2 = 1.5, units): this is a floor for the rule.
import type { PeerRow, PeerRule, PeerVerdict } from './peer.js';

/** ANSWER_PATTERN from common.py. */
export const ANSWER_PATTERN = /Answer\s*:\s*([^\n]+)/i;

/** The text after the first `Answer:` (any case), as math_eval.py's re.search reads it; null when none. */
export function extractAnswer(reply: string): string | null {
  return ANSWER_PATTERN.exec(reply)?.[1] ?? null;
}

/** normalize_response from common.py, replacement for replacement. */
export function normalizeResponse(response: string): string {
  return response
    .replaceAll('**', '')
    .replaceAll('$\\boxed{', '')
    .replaceAll('}$', '')
    .replaceAll('\\$', '')
    .replaceAll('$\\text{', '')
    .replaceAll('$', '')
    .replaceAll('\\mathrm{', '')
    .replaceAll('\\{', '')
    .replaceAll('\\text', '')
    .replaceAll('\\(', '')
    .replaceAll('\\mathbf{', '')
    .replaceAll('{', '')
    .replaceAll('\\boxed', '');
}

// normalize_extracted_answer from common.py: maps Arabic, Bengali and full-width option letters, then strips.
const LETTERS: ReadonlyArray<readonly [string, string]> = [
  ['أ', ' A'],
  ['ب', ' B'],
  ['ج', ' C'],
  ['د', ' D'],
  ['অ', ' A'],
  ['ব', ' B'],
  ['ড', ' C'],
  ['ঢ', ' D'],
  ['Ａ', ' A'],
  ['Ｂ', ' B'],
  ['Ｃ', ' C'],
  ['Ｄ', ' D'],
];

/** normalize_extracted_answer from common.py. */
export function normalizeExtractedAnswer(answer: string): string {
  return LETTERS.reduce((s, [from, to]) => s.replaceAll(from, to), answer).trim();
}

/** The stand-in for check_equality: equal after both published normalisers. */
export function stringEqual(expected: string, extracted: string): boolean {
  const norm = (s: string): string => normalizeExtractedAnswer(normalizeResponse(s));
  return norm(expected) === norm(extracted);
}

/** simple-evals' `Answer:` rule with normalised string equality in place of the grading model. */
export const simpleEvalsMath: PeerRule = {
  name: 'simple-evals Answer: (string eq)',
  source: 'openai/simple-evals math_eval.py @ 06379826, common.py @ 01ac108d',
  grade(row: PeerRow): PeerVerdict {
    const read = extractAnswer(row.reply);
    return { read, correct: read !== null && stringEqual(row.expected, read) };
  },
};
