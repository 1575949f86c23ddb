// The locator's answer rules, as data: tried in this order, the first that finds a span wins.
import { answerFirstLine, isParenthetical, leadingBoldSentence } from '../answer-first.js';
import { lastBoxed, stripAnswerDecoration } from '../markup.js';
import { answerIsSpan, revisedAnswer } from '../revision.js';
import { isUnfinishedLine } from '../unfinished.js';
import { jsonAnswer } from './json-answer.js';
import { ANSWER_IS, INLINE_FINAL_MARKER, MARKER_LINE, TRAILING_NOISE } from './markers.js';
import type { AnswerRule, Found, RuleInput } from './rule.js';

// A bold span ending a line, maybe followed by a parenthetical aside: "... comes to **X** (fittingly!)".
const BOLD_AT_END = /^(.*?)\*\*([^*]+)\*\*[\s.!]*(?:\([^()]*\)[\s.!]*)?$/;
const BOLD_LEAD_IN = /(?:^|[:=→]|\b(?:is|are|was|be|equals|answer|to|reads|says|gives|yields))\s*$/i;
// What a restated answer opens with: a number, sign, currency, LaTeX, bracket, quote, or an option letter.
const STATES_VALUE = /^(?:[-−+$\\([\d"“'«]|[A-Z](?![a-z]))/;
// GSM8K's "#### 72": a number after four hashes, maybe with a unit in lower case and an aside
// ("#### 7500 cents ($75)"); never a markdown heading ("#### 1. Setup", "#### Solution", "#### 2 Setup").
const HASHES = /^\s*####\s*(\$?\s?[-−]?\$?\d[\d,]*(?:\.\d+)?%?)(?:\s+[a-z][a-z'-]*){0,3}\s*(?:\([^()]*\))?\s*\.?\s*$/;

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
  const boxed = lastBoxed(content)?.content;
  if (boxed !== undefined) return boxed;
  return /^\W*(?:the\s+)?(?:final\s+)?answer\s+is\s*:?\s*(.+)$/is.exec(content)?.[1] ?? content;
}

/** The content of the last answer marker with something after it, and the index of its line. */
function lastMarker(lines: string[]): { span: string; line: number } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = MARKER_LINE.exec(lines[i] ?? '') ?? INLINE_FINAL_MARKER.exec(lines[i] ?? '');
    if (!match) continue;
    const content = stripAnswerDecoration(match[1] ?? '');
    const span = content !== '' ? content : blockFrom(lines, i + 1);
    if (stripAnswerDecoration(span) !== '') return { span: refineMarkedContent(span), line: i };
  }
  return null;
}

/** The last line that is not a pleasantry, rule or trailing aside in parentheses, with the line before it. */
export function closingLines(lines: string[]): [string, string] | null {
  const nonEmpty = lines.map((line) => line.trim()).filter((line) => line !== '');
  while (nonEmpty.length > 1 && TRAILING_NOISE.test(nonEmpty[nonEmpty.length - 1] ?? '')) nonEmpty.pop();
  // "(k any positive integer)" qualifies the line above it; "The point is\n(3, 4)" completes it.
  const above = nonEmpty[nonEmpty.length - 2];
  if (above !== undefined && isParenthetical(nonEmpty[nonEmpty.length - 1] ?? '') && !isUnfinishedLine(above)) nonEmpty.pop();
  const last = nonEmpty[nonEmpty.length - 1];
  // A bare "Answer:" with nothing after it states no answer.
  if (last === undefined || MARKER_LINE.test(last)) return null;
  return [last, nonEmpty[nonEmpty.length - 2] ?? ''];
}

// A concluding closing line: "Therefore the minimum value ... is $4 + 5 = 9$".
const CONCLUDES = /^\W*(?:therefore|thus|hence|so)\b/i;
const OPERATOR_BEFORE = /(?:[-+×·*]|\\cdot|\\times)\s*$/;
const OPERATOR_AFTER = /^\s*(?:[-+×·*]|\\cdot(?![a-zA-Z])|\\times(?![a-zA-Z]))/;

/** Whether a concluding `closing` line computes on `value` ("... is $4 + 5 = 9$" after `\boxed{4}`). */
function buildsOn(closing: string, value: string): boolean {
  if (!CONCLUDES.test(closing) || value.trim() === '' || closing.includes('\\boxed')) return false;
  for (let at = closing.indexOf(value); at >= 0; at = closing.indexOf(value, at + 1)) {
    const [before, after] = [closing.slice(0, at), closing.slice(at + value.length)];
    const whole = !/[\w.]$/.test(before) && !/^[\w.]/.test(after);
    if (whole && (OPERATOR_BEFORE.test(before) || OPERATOR_AFTER.test(after)) && after.includes('=')) return true;
  }
  return false;
}

const same = (span: string | null | undefined): Found | null => (span == null ? null : { span, written: span });

/**
 * The answer rules in the order they are tried. Strict reading keeps only the formats a prompt
 * instructs (JSON, an answer line, `\boxed{}`); lenient reading, the default, tries them all.
 */
export const ANSWER_RULES: readonly AnswerRule[] = [
  // {"reasoning": "...", "answer": "24"}: the whole reply, or a closing ```json block.
  { name: 'json', strict: true, find: ({ text }) => same(jsonAnswer(text)) },
  // "Answer: 5 ... Wait, I mixed up ... Final: 4": the answer restated after a retraction below the marker.
  {
    name: 'revised',
    strict: false,
    find: ({ lines }) => {
      const marked = lastMarker(lines);
      return marked === null ? null : same(revisedAnswer(lines.slice(marked.line + 1).join('\n')));
    },
  },
  // "Answer: x", "**Final Answer:** x", "### Answer" over a block, "答案：x", "<answer>x</answer>".
  { name: 'marker', strict: true, find: ({ lines }) => same(lastMarker(lines)?.span) },
  // GSM8K's "#### 72".
  {
    name: 'hashes',
    strict: false,
    find: ({ lines }) =>
      same(
        lines
          .map((l) => HASHES.exec(l)?.[1])
          .filter(Boolean)
          .pop(),
      ),
  },
  // The last \boxed{x}, unless a later "the answer is: y" states the answer again.
  {
    name: 'boxed',
    strict: true,
    find: ({ text, lines }) => {
      const boxed = lastBoxed(text);
      if (boxed === null) return null;
      // Only a statement of a value: "The answer is: 2.", "the answer is 2"; not "the answer is right".
      const laterStatement = [...text.matchAll(ANSWER_IS)].some(
        (m) => m.index >= boxed.end && (/[:：]/.test(m[0]) || STATES_VALUE.test(text.slice(m.index + m[0].length))),
      );
      // "... is $\boxed{4}$ ...\n\nTherefore the minimum is $4 + 5 = 9$.": the box held a step, not the answer.
      const closing = closingLines(lines)?.[0] ?? '';
      return laterStatement || buildsOn(closing, boxed.content) ? null : same(boxed.content);
    },
  },
  // "... so the answer is 3."
  { name: 'answer-is', strict: false, find: ({ text }) => same(answerIsSpan(text)) },
  // "42\n\nExplanation: ...", "**5**. The word ...".
  { name: 'answer-first', strict: false, find: ({ lines }) => same(answerFirstLine(lines) ?? leadingBoldSentence(lines)) },
  // "... So the larger number is **9.8**."
  {
    name: 'bold',
    strict: false,
    find: ({ lines }) => {
      const bold = BOLD_AT_END.exec(closingLines(lines)?.[0] ?? '');
      return bold?.[2] !== undefined && BOLD_LEAD_IN.test(bold[1] ?? '') ? same(bold[2]) : null;
    },
  },
  // The last meaningful line.
  { name: 'last-line', strict: false, find: ({ lines }) => same(closingLines(lines)?.[0]) },
];

/** The rules a strictness setting keeps, in table order. */
export function rulesFor(strict: boolean): readonly AnswerRule[] {
  return strict ? ANSWER_RULES.filter((rule) => rule.strict) : ANSWER_RULES;
}

export type { RuleInput };
