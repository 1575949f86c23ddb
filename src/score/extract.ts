// Finds the span of a reply's answer text that a careful human reads as THE final answer.
import { blankParentheticals, lastBoxedContent, splitSentences, stripAnswerDecoration } from './markup.js';
import { isOnlyPlan, isRefusal, restatesQuestion } from './non-answer.js';

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

/** "Answer: x", "**Final Answer:** x", "### Answer", "Answer - x" at the start of a line; group 1 is x. */
export const MARKER_LINE =
  /^\s*(?:#{1,6}\s*)?(?:>\s*)?(?:[-+*]\s+)?[*_]{0,3}\s*(?:(?:the|my|our)\s+)?(?:(?:final|correct|short)\s+)?answer\s*[*_]{0,3}\s*(?:[:：]|[-–—](?=\s)|(?=$))[*_]{0,3}(.*)$/i;
/** "..., final answer: x" anywhere in a line; group 1 is x. */
export const INLINE_FINAL_MARKER = /\bfinal answer\s*[*_]{0,3}\s*[:：][*_]{0,3}(.*)$/i;
// "the answer is x", "the final answer is: x", "the correct answer would be x".
const ANSWER_IS =
  /\b(?:the\s+)?(?:(?:final|correct|right)\s+)?answer\s+(?:is|would be|should be|will be|=)\s*[:：]?[ \t]*/gi;
const SENTENCE_REST = /^\s*([\s\S]+?)(?:[.!?](?=\s|$)|\n|$)/;
/** A line opening an explanation after the answer: "Explanation:", "Check:", "This is because". */
export const EXPLANATION_CUE =
  /^[#>*_\s-]*(?:explanation|reasoning|rationale|justification|here(?:'|’)?s (?:why|how)|here is (?:why|how)|why\b|to see why|this is because|because|reason|check|verif|to verify|sanity check|double[- ]check|breakdown|spelling it out|spelled out|working|proof|derivation)/i;
// A comment on a stated answer: "This is the first half of a famous line." Not after "17 × 20 = 340",
// where "This is the first partial product" continues the working.
const COMMENT_CUE = /^[#>*_\s-]*(?:this (?:is|was|phrase|sentence|message|line)\b|that(?:'|’)s (?:the|a|an)\b|note\b|(?:fun|interesting) fact)/i;
const PREAMBLE = /(?::\s*$)|^(?:let(?:'|’)?s|let me|to |we |i(?:'|’)ll|first|okay|ok\b|sure\b)/i;
/** A closing pleasantry or rule that is not part of the answer: "Let me know if ...", "---". */
export const TRAILING_NOISE =
  /^(?:let me know|i hope|hope this|feel free|if you (?:have|need|want)|happy to help|good luck|cheers|note\b|p\.?s\b|-{3,}|\*{3,}|_{3,}|```)/i;
// A bold span ending a line, maybe followed by a parenthetical aside: "... decodes to **X** (fittingly!)".
const BOLD_AT_END = /^(.*?)\*\*([^*]+)\*\*[\s.!]*(?:\([^()]*\)[\s.!]*)?$/;
const BOLD_LEAD_IN = /(?:^|[:=→]|\b(?:is|are|was|be|equals|answer|to|reads|says|gives|yields))\s*$/i;
// A reply that opens with its answer in bold: "**5**. The word is ...", "**2**\n\nSpelling it out: ...".
const LEADING_BOLD_VALUE = /^\*\*\s*([-−]?\$?\d(?:[\d.,\s]*\d)?%?)\s*\*\*(?=\s*$|[.!;:,—–]\s)/;
// A first line that is only a value: "3", "**10,063**".
const BARE_VALUE_LINE = /^[*_\s]*[-−]?\$?\d(?:[\d.,\s]*\d)?%?[*_]*[.!]?$/;
// A numbered step: "**1**. Spell the word", "2) Count".
const NUMBERED_STEP = /^\s*(?:\*\*)?\d+(?:\*\*)?[.)]/;

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

/** Whether a line is only an aside in parentheses: "(279 × 70 = 19,530.)". */
function isParenthetical(line: string): boolean {
  return line.trim().startsWith('(') && blankParentheticals(line).replace(/[\s.!]/g, '') === '';
}

/**
 * The first line when the reply states its answer first: the next line opens an explanation
 * ("Check:", "Explanation:", "This is ...") or is an aside in parentheses, or the first line is
 * a bare value with more text after it ("3\n\nThe word is s-t-r-a-w-...").
 */
function answerFirstLine(lines: string[]): string | null {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  const [first, second] = nonEmpty;
  if (first === undefined || second === undefined || first.length > 120) return null;
  const leadingBold = LEADING_BOLD_VALUE.exec(first.trim())?.[1];
  if (leadingBold !== undefined && !NUMBERED_STEP.test(second)) return leadingBold;
  if (PREAMBLE.test(first.trim())) return null;
  if (EXPLANATION_CUE.test(second.trim()) || isParenthetical(second)) return first;
  if (COMMENT_CUE.test(second.trim()) && !/[=→]/.test(first)) return first;
  // "3" alone, then more about it; not "12" above "+ 30" in a column sum.
  return BARE_VALUE_LINE.test(first) && !/^\s*(?:[-+×*/=]\s*\d|[-=_]{3})/.test(second) && !NUMBERED_STEP.test(second) ? first : null;
}

/** A one-line reply that opens with a bold value sentence: "**5**. The word abracadabra has ...". */
function leadingBoldSentence(lines: string[]): string | null {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  const only = nonEmpty.length === 1 ? nonEmpty[0]?.trim() : undefined;
  return only === undefined ? null : (LEADING_BOLD_VALUE.exec(only)?.[1] ?? null);
}

function lastMeaningfulLine(lines: string[]): string | null {
  const nonEmpty = lines.map((line) => line.trim()).filter((line) => line !== '');
  while (nonEmpty.length > 1 && TRAILING_NOISE.test(nonEmpty[nonEmpty.length - 1] ?? '')) nonEmpty.pop();
  // A bare "Answer:" with nothing after it states no answer.
  if (MARKER_LINE.test(nonEmpty[nonEmpty.length - 1] ?? '')) return null;
  return nonEmpty[nonEmpty.length - 1] ?? null;
}

function locateRawAnswer(text: string): Omit<FinalAnswer, 'written'> | null {
  const lines = text.split(/\r?\n/);
  const marked = markedAnswer(lines);
  if (marked !== null) return { span: marked, source: 'marker' };
  const boxed = lastBoxedContent(text);
  if (boxed !== null) return { span: boxed, source: 'boxed' };
  const answerIs = answerIsSpan(text);
  if (answerIs !== null) return { span: answerIs, source: 'answer-is' };
  const first = answerFirstLine(lines) ?? leadingBoldSentence(lines);
  if (first !== null) return { span: first, source: 'answer-first' };
  const last = lastMeaningfulLine(lines);
  if (last === null) return null;
  const bold = BOLD_AT_END.exec(last);
  if (bold?.[2] !== undefined && BOLD_LEAD_IN.test(bold[1] ?? '')) return { span: bold[2], source: 'bold' };
  return { span: last, source: 'last-line' };
}

/** A closing line without trailing questions back to the user or plans ("Want me to check another word?"). */
function withoutTrailingNonAnswers(span: string): string {
  const sentences = splitSentences(span);
  while (sentences.length > 1 && isOnlyPlan(sentences[sentences.length - 1] ?? '')) sentences.pop();
  return sentences.length === splitSentences(span).length ? span : sentences.join(' ');
}

/**
 * The final answer of a reply and how it was found; null for empty replies, refusals, replies
 * that only announce a plan or ask back, and replies that only repeat the `question`.
 */
export function locateFinalAnswer(text: string, question = ''): FinalAnswer | null {
  const located = locateRawAnswer(text.trim());
  if (located === null) return null;
  const closing = located.source === 'last-line' ? withoutTrailingNonAnswers(located.span) : located.span;
  const span = stripAnswerDecoration(closing);
  if (span === '' || isRefusal(span) || isOnlyPlan(span) || restatesQuestion(span, question)) return null;
  return { span, source: located.source, written: closing.trim() };
}

/** The span a careful human reads as the final answer of `text`, undecorated; null when there is none. */
export function finalAnswerText(text: string, question = ''): string | null {
  return locateFinalAnswer(text, question)?.span ?? null;
}
