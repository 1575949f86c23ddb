// The reader for graders that judge the answer text itself (judge, custom): the final answer, whitespace collapsed.
import { locateFinalAnswer, type Strictness } from '../extract.js';
import type { Reading } from '../scorer.js';
import { collapseAnswerText } from './regex.js';

/** The final-answer text of `text` as a vote key, with the rule that found it; null when it states none. */
export function readAnswerText(text: string, question = '', strictness: Strictness = 'lenient'): Reading | null {
  const located = locateFinalAnswer(text, question, strictness);
  const answer = located === null ? '' : collapseAnswerText(located.span);
  return located === null || answer === '' ? null : { answer, rule: located.source, span: located.written };
}
