// Finds the span of a reply's answer text that a careful human reads as THE final answer.
import { lastBoxedContent, stripAnswerDecoration } from './markup.js';

/** Where in the reply the final answer was found, strongest signal first. */
export type AnswerSource = 'marker' | 'boxed' | 'answer-is' | 'answer-first' | 'bold' | 'last-line';

/** The final-answer span of a reply and the signal that located it. */
export interface FinalAnswer {
  span: string;
  source: AnswerSource;
}

// "Answer: x", "**Final Answer:** x", "### Answer", "Answer - x" at the start of a line.
const MARKER_LINE =
  /^\s*(?:#{1,6}\s*)?(?:>\s*)?(?:[-+*]\s+)?[*_]{0,3}\s*(?:(?:the|my|our)\s+)?(?:(?:final|correct|short)\s+)?answer\s*[*_]{0,3}\s*(?:[:：]|[-–—](?=\s)|(?=$))[*_]{0,3}(.*)$/i;
// "..., final answer: x" anywhere in a line.
const INLINE_FINAL_MARKER = /\bfinal answer\s*[*_]{0,3}\s*[:：][*_]{0,3}(.*)$/i;
// "the answer is x", "the final answer is: x", "the correct answer would be x".
const ANSWER_IS =
  /\b(?:the\s+)?(?:(?:final|correct|right)\s+)?answer\s+(?:is|would be|should be|will be|=)\s*[:：]?[ \t]*/gi;
const SENTENCE_REST = /^\s*([\s\S]+?)(?:[.!?](?=\s|$)|\n|$)/;
const EXPLANATION_CUE =
  /^[#>*_\s-]*(?:explanation|reasoning|rationale|justification|here(?:'|’)?s why|here is why|why\b|to see why|this is because|because|reason)/i;
const PREAMBLE = /(?::\s*$)|^(?:let(?:'|’)?s|let me|to |we |i(?:'|’)ll|first|okay|ok\b|sure\b)/i;
const TRAILING_NOISE =
  /^(?:let me know|i hope|hope this|feel free|if you (?:have|need|want)|happy to help|good luck|cheers|note\b|p\.?s\b|-{3,}|\*{3,}|_{3,}|```)/i;
const BOLD_AT_END = /^(.*?)\*\*([^*]+)\*\*[\s.!]*$/;
const BOLD_LEAD_IN = /(?:^|[:=→]|\b(?:is|are|was|be|equals|answer))\s*$/i;

const LEADING_REFUSAL =
  /^(?:sorry,?\s*)?(?:i(?:'|’)m (?:not sure|unsure|unable|sorry|afraid)|i am (?:not sure|unsure|unable|sorry|afraid)|i (?:can(?:'|’)?t|cannot|can not|won(?:'|’)t|don(?:'|’)t know|do not know|have no idea)|unfortunately|no idea|unknown|not sure|n\/a\b|unable to)/i;
const REFUSAL_ANYWHERE =
  /(?:cannot|can(?:'|’)t|could not|couldn(?:'|’)t) (?:be )?determined?|(?:impossible|not possible) to (?:determine|say|tell|know)|not enough information|insufficient information|can(?:'|’)t help with|cannot help with|can(?:'|’)t assist|cannot assist/i;

/** Whether an answer span declines to answer ("I can't help with that", "I don't know", "cannot be determined"). */
export function isRefusal(span: string): boolean {
  if (REFUSAL_ANYWHERE.test(span)) return true;
  // "I'm not sure, but I think it's 42" still commits to an answer.
  return LEADING_REFUSAL.test(span) && !/\bbut\b/i.test(span);
}

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

function markedAnswer(lines: string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const match = MARKER_LINE.exec(line) ?? INLINE_FINAL_MARKER.exec(line);
    if (!match) continue;
    const content = stripAnswerDecoration(match[1] ?? '');
    const span = content !== '' ? content : blockFrom(lines, i + 1);
    if (stripAnswerDecoration(span) !== '') return refineMarkedContent(span);
  }
  return null;
}

function answerIsSpan(text: string): string | null {
  let lastEnd = -1;
  for (const match of text.matchAll(ANSWER_IS)) lastEnd = match.index + match[0].length;
  if (lastEnd < 0) return null;
  return SENTENCE_REST.exec(text.slice(lastEnd))?.[1] ?? null;
}

function answerFirstLine(lines: string[]): string | null {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  const [first, second] = nonEmpty;
  if (first === undefined || second === undefined || first.length > 120) return null;
  if (PREAMBLE.test(first.trim()) || !EXPLANATION_CUE.test(second.trim())) return null;
  return first;
}

function lastMeaningfulLine(lines: string[]): string | null {
  const nonEmpty = lines.map((line) => line.trim()).filter((line) => line !== '');
  while (nonEmpty.length > 1 && TRAILING_NOISE.test(nonEmpty[nonEmpty.length - 1] ?? '')) nonEmpty.pop();
  // A bare "Answer:" with nothing after it states no answer.
  if (MARKER_LINE.test(nonEmpty[nonEmpty.length - 1] ?? '')) return null;
  return nonEmpty[nonEmpty.length - 1] ?? null;
}

function locateRawAnswer(text: string): FinalAnswer | null {
  const lines = text.split(/\r?\n/);
  const marked = markedAnswer(lines);
  if (marked !== null) return { span: marked, source: 'marker' };
  const boxed = lastBoxedContent(text);
  if (boxed !== null) return { span: boxed, source: 'boxed' };
  const answerIs = answerIsSpan(text);
  if (answerIs !== null) return { span: answerIs, source: 'answer-is' };
  const first = answerFirstLine(lines);
  if (first !== null) return { span: first, source: 'answer-first' };
  const last = lastMeaningfulLine(lines);
  if (last === null) return null;
  const bold = BOLD_AT_END.exec(last);
  if (bold?.[2] !== undefined && BOLD_LEAD_IN.test(bold[1] ?? '')) return { span: bold[2], source: 'bold' };
  return { span: last, source: 'last-line' };
}

/** The final answer of a reply and how it was found; null for empty replies and refusals. */
export function locateFinalAnswer(text: string): FinalAnswer | null {
  const located = locateRawAnswer(text.trim());
  if (located === null) return null;
  const span = stripAnswerDecoration(located.span);
  if (span === '' || isRefusal(span)) return null;
  return { span, source: located.source };
}

/** The span a careful human reads as the final answer of `text`, undecorated; null when there is none. */
export function finalAnswerText(text: string): string | null {
  return locateFinalAnswer(text)?.span ?? null;
}
