// The closing block of a reply (all lines of a multi-line final answer), for scorers that match patterns.
import { EXPLANATION_CUE } from './answer-first.js';
import { answerTagsAsMarkers } from './answer-tags.js';
import { INLINE_FINAL_MARKER, MARKER_LINE, TRAILING_NOISE } from './locate/markers.js';
import { stripAnswerDecoration } from './markup.js';
import { revisedAnswer } from './revision.js';
import { DELIMITER_LINE } from './unfinished.js';

// "### Solution", "**Result**": a heading line above the closing block.
const HEADING = /^\s*(?:#{1,6}\s+\S.*|\*\*[^*]{1,40}\*\*:?)\s*$/;
// A line that continues the one before it: "(k = 1, 2, 3, ...)", "where k is any positive integer".
const CONTINUATION = /^\s*(?:\(|where\b|for (?:any|all|every|each|some)\b|with\b|i\.e\.|e\.g\.|and\b|or\b)/i;
// A line of a list of labelled values: "- Width: 8k", "Height = 6k".
// An emoji or symbol may open the label: "📏 Width: 8k".
const LIST_LINE = /^\s*(?:[-+•*]\s+|\d+[.)]\s+)|^\s*(?:(?:[\p{So}\p{Sk}]|\u200D|\uFE0F)+\s*)?[*_]*[\p{L}'’ ]{1,30}[*_]*\s*(?:[:=]|\s[-–—]\s)/u;

/** The index of the brace closing the one at `open`, escaped braces skipped; -1 when unbalanced. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `text` with every `\boxed{x}` replaced by `x`. */
export function unwrapBoxes(text: string): string {
  let result = text;
  for (;;) {
    const at = result.search(/\\(?:boxed|fbox)\s*\{/);
    if (at < 0) return result;
    const open = result.indexOf('{', at);
    const close = closingBrace(result, open);
    if (close < 0) return result; // unbalanced: leave the rest as written
    result = result.slice(0, at) + result.slice(open + 1, close) + result.slice(close + 1);
  }
}

/** Where the closing block starts: the last answer marker, else the last heading that is not an explanation's. */
function blockStart(lines: string[]): number {
  let heading = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (MARKER_LINE.test(line) || INLINE_FINAL_MARKER.test(line)) return i;
    if (heading < 0 && HEADING.test(line) && !EXPLANATION_CUE.test(line.trim())) heading = i;
  }
  if (heading >= 0) return heading;
  // No marker or heading: the last line, with the lines it continues and the list it closes.
  let start = lines.length - 1;
  while (start > 0 && CONTINUATION.test(lines[start] ?? '')) start--;
  while (start > 0 && LIST_LINE.test(lines[start] ?? '') && LIST_LINE.test(lines[start - 1] ?? '')) start--;
  return start;
}

/**
 * The closing block of a reply, one undecorated line per line: from the last answer marker or
 * heading to the end, or else the last line with the lines it continues ("(k = 1, 2, ...)") and
 * the list it ends; delimiter lines (`\[`, `$$`, fences) are skipped. Boxed values are unwrapped in place, so "the width is \boxed{8k}" keeps its
 * words. An answer restated after a retraction below the marker is the whole block. Null for an empty reply.
 */
export function finalAnswerBlock(text: string): string | null {
  const lines = answerTagsAsMarkers(text)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !DELIMITER_LINE.test(line));
  while (lines.length > 1 && TRAILING_NOISE.test(lines[lines.length - 1]?.trim() ?? '')) lines.pop();
  if (lines.length === 0) return null;
  const start = blockStart(lines);
  const first = lines[start] ?? '';
  const marked = MARKER_LINE.exec(first) ?? INLINE_FINAL_MARKER.exec(first);
  // "Answer: x ... Wait, I mixed up ... Final: y": the block is the answer restated after the retraction.
  const revised = marked === null ? null : revisedAnswer(lines.slice(start + 1).join('\n'));
  if (revised !== null) return stripAnswerDecoration(unwrapBoxes(revised)) || null;
  // An explanation after the answer ("### Check", "Explanation: ...") is not part of it.
  const after = lines.slice(start + 1);
  const explained = after.findIndex((line) => EXPLANATION_CUE.test(line.trim()));
  const block = [marked?.[1] ?? first, ...(explained < 0 ? after : after.slice(0, explained))]
    .map((line) => stripAnswerDecoration(unwrapBoxes(line)))
    .filter((line) => line !== '');
  return block.length === 0 ? null : block.join('\n');
}
