// Finds the span of a reply's answer text that a careful human reads as THE final answer.
import { answerFirstLine, isParenthetical, leadingBoldSentence } from './answer-first.js';
import { answerTagsAsMarkers } from './answer-tags.js';
import { lastBoxedContent, splitSentences, stripAnswerDecoration } from './markup.js';
import { isHedge, isOnlyPlan, isRefusal, restatesQuestion } from './non-answer.js';
import { answerIsSpan, revisedAnswer } from './revision.js';
import { DELIMITER_LINE, isUnfinishedLine } from './unfinished.js';

export { EXPLANATION_CUE } from './answer-first.js';
export { isRefusal } from './non-answer.js';

/** Where in the reply the final answer was found, strongest signal first. */
export type AnswerSource = 'marker' | 'boxed' | 'answer-is' | 'answer-first' | 'bold' | 'last-line';

/** The final-answer span of a reply and the signal that located it. */
export interface FinalAnswer {
  span: string;
  source: AnswerSource;
  /** The span as written, markdown emphasis and quotes kept. */
  written: string;
}

/**
 * "Answer: x", "**Final Answer:** x", "### Answer", "Answer - x", or the label in another language
 * ("Respuesta:", "Réponse :", "Antwort:", "答案：", "Ответ:") at the start of a line; group 1 is x.
 */
export const MARKER_LINE =
  /^\s*(?:#{1,6}\s*)?(?:>\s*)?(?:[-+*]\s+)?[*_]{0,3}\s*(?:(?:the|my|our)\s+)?(?:(?:final|correct|short)\s+)?(?:answer|respuesta(?:\s+final)?|r[ée]ponse(?:\s+finale)?|antwort|risposta(?:\s+finale)?|resposta(?:\s+final)?|答案|回答|解答|ответ)\s*[*_]{0,3}\s*(?:[:：]|[-–—](?=\s)|(?=$))[*_]{0,3}(.*)$/i;
/** "..., final answer: x" anywhere in a line; group 1 is x. */
export const INLINE_FINAL_MARKER = /\bfinal answer\s*[*_]{0,3}\s*[:：][*_]{0,3}(.*)$/i;
/** A closing pleasantry or rule that is not part of the answer: "Let me know if ...", "---". */
export const TRAILING_NOISE =
  /^(?:let me know|i hope|hope (?:this|that|it)|feel free|if you (?:have|need|want)|happy to help|good luck|cheers|note\b|p\.?s\b|-{3,}|\*{3,}|_{3,}|```)/i;
// A closing pleasantry sentence: "Let me know if you want the steps!", "Hope that helps!"
const PLEASANTRY = /^(?:let me know|i hope|hope (?:this|that|it)|feel free|happy to help|good luck|cheers|enjoy)\b/i;
// A bold span ending a line, maybe followed by a parenthetical aside: "... decodes to **X** (fittingly!)".
const BOLD_AT_END = /^(.*?)\*\*([^*]+)\*\*[\s.!]*(?:\([^()]*\)[\s.!]*)?$/;
const BOLD_LEAD_IN = /(?:^|[:=→]|\b(?:is|are|was|be|equals|answer|to|reads|says|gives|yields))\s*$/i;

/** Lines from index `start` up to the next blank line (leading blank lines skipped), without list bullets. */
function blockFrom(lines: string[], start: number): string {
  const block: string[] = [];
  for (const line of lines.slice(start)) {
    if (line.trim() === '') {
      if (block.length > 0) break;
    } else {
      block.push(line.replace(/^\s*(?:[-+•*]|\d+[.)])\s+/, '')); // list bullets are layout, not answer
    }
  }
  return block.join('\n');
}

/** Inside a marker's content, prefer a boxed value or what follows "the answer is". */
function refineMarkedContent(content: string): string {
  const boxed = lastBoxedContent(content);
  if (boxed !== null) return boxed;
  const answerIs = /^\W*(?:the\s+)?(?:final\s+)?answer\s+is\s*:?\s*(.+)$/is.exec(content);
  return answerIs?.[1] ?? content;
}

/** The content of the last answer marker and the index of its line. */
function markedAnswer(lines: string[]): { span: string; line: number } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const match = MARKER_LINE.exec(line) ?? INLINE_FINAL_MARKER.exec(line);
    if (!match) continue;
    const content = stripAnswerDecoration(match[1] ?? '');
    const span = content !== '' ? content : blockFrom(lines, i + 1);
    if (stripAnswerDecoration(span) !== '') return { span: refineMarkedContent(span), line: i };
  }
  return null;
}

/** The last line that is not a pleasantry, rule or trailing aside in parentheses, with the line before it. */
function lastMeaningfulLines(lines: string[]): [string, string] | null {
  const nonEmpty = lines.map((line) => line.trim()).filter((line) => line !== '');
  while (nonEmpty.length > 1 && TRAILING_NOISE.test(nonEmpty[nonEmpty.length - 1] ?? '')) nonEmpty.pop();
  // "(k any positive integer)" qualifies the line above it, which holds the answer.
  if (nonEmpty.length > 1 && isParenthetical(nonEmpty[nonEmpty.length - 1] ?? '')) nonEmpty.pop();
  const last = nonEmpty[nonEmpty.length - 1];
  // A bare "Answer:" with nothing after it states no answer.
  if (last === undefined || MARKER_LINE.test(last)) return null;
  return [last, nonEmpty[nonEmpty.length - 2] ?? ''];
}

function locateRawAnswer(text: string): Omit<FinalAnswer, 'written'> | null {
  const lines = text.split(/\r?\n/).filter((line) => !DELIMITER_LINE.test(line)); // "\[", "$$", fences
  const marked = markedAnswer(lines);
  if (marked !== null) {
    const retracted = revisedAnswer(lines.slice(marked.line + 1).join('\n'));
    return retracted === null ? { span: marked.span, source: 'marker' } : { span: retracted, source: 'answer-is' };
  }
  const boxed = lastBoxedContent(text);
  if (boxed !== null) return { span: boxed, source: 'boxed' };
  const answerIs = answerIsSpan(text);
  if (answerIs !== null) return { span: answerIs, source: 'answer-is' };
  const first = answerFirstLine(lines) ?? leadingBoldSentence(lines);
  if (first !== null) return { span: first, source: 'answer-first' };
  const closing = lastMeaningfulLines(lines);
  if (closing === null || isUnfinishedLine(...closing)) return null; // cut off before an answer
  const [last] = closing;
  const bold = BOLD_AT_END.exec(last);
  if (bold?.[2] !== undefined && BOLD_LEAD_IN.test(bold[1] ?? '')) return { span: bold[2], source: 'bold' };
  return { span: last, source: 'last-line' };
}

/**
 * A span without closing pleasantries ("Let me know if ...") and, for a closing line, without
 * trailing questions back to the user or plans ("Want me to check another word?").
 */
function withoutTrailingNonAnswers(span: string, source: AnswerSource): string {
  const sentences = splitSentences(span);
  const dropped = (s: string): boolean => PLEASANTRY.test(s) || (source === 'last-line' && isOnlyPlan(s));
  while (sentences.length > 1 && dropped(sentences[sentences.length - 1] ?? '')) sentences.pop();
  return sentences.length === splitSentences(span).length ? span : sentences.join(' ');
}

/**
 * The final answer of a reply and how it was found (an `<answer>` tag counts as an answer line);
 * null for empty replies, refusals and replies saying the task could not be done, replies that
 * only announce a plan or ask back, replies cut off before an answer, hedges between two answers,
 * and replies that only repeat the `question`.
 */
export function locateFinalAnswer(text: string, question = ''): FinalAnswer | null {
  const located = locateRawAnswer(answerTagsAsMarkers(text).trim());
  if (located === null) return null;
  const closing = withoutTrailingNonAnswers(located.span, located.source);
  const span = stripAnswerDecoration(closing);
  if (span === '' || isRefusal(span) || isOnlyPlan(closing.trim()) || isHedge(span) || restatesQuestion(span, question)) return null;
  return { span, source: located.source, written: closing.trim() };
}

/** The span a careful human reads as the final answer of `text`, undecorated; null when there is none. */
export function finalAnswerText(text: string, question = ''): string | null {
  return locateFinalAnswer(text, question)?.span ?? null;
}
