// Finds an answer restated after a retraction ("Answer: 5 ... Wait, ... Final: 4"): the last committed answer.
import { ANSWER_IS } from './locate/markers.js';

// A label opening a sentence that restates the answer after a correction: "Final: x", "Corrected answer: x".
const REVISED_LABEL =
  /(?<=^|[.!?;—–]\s*|\n\s*)[*_]{0,3}(?:(?:so|thus|therefore|hence),?\s+)?(?:(?:the|my)\s+)?(?:final|corrected|correct|revised|updated|fixed)(?:\s+answer)?[*_]{0,3}\s*[:：][*_]{0,3}[ \t]*/gi;
const SENTENCE_REST = /^\s*([\s\S]+?)(?:[.!?](?=\s|$)|\n|$)/;
// A word opening a sentence or clause that takes back what came before: "Hmm, actually ...", "Wait",
// "let me recompute"; not "many would actually say".
const RETRACTION =
  /(?<=^|[.!?:;,—–(]\s*|\n\s*)(?:actually|wait|hmm+|oops|correction|on second thought|scratch that|i made (?:a|an) (?:mistake|error)|i mixed up|let me (?:recompute|recalculate|recount|redo|re-?check|double[- ]check|check again|look again))\b/i;

/** The sentence after the last match of `pattern` in `text`; null when it never matches. */
function sentenceAfterLast(text: string, pattern: RegExp): { span: string; at: number } | null {
  let lastEnd = -1;
  for (const match of text.matchAll(pattern)) lastEnd = match.index + match[0].length;
  if (lastEnd < 0) return null;
  const span = SENTENCE_REST.exec(text.slice(lastEnd))?.[1];
  return span === undefined ? null : { span, at: lastEnd };
}

/** What follows the last "the answer is" in `text`, to the end of its sentence; null when there is none. */
export function answerIsSpan(text: string): string | null {
  return sentenceAfterLast(text, ANSWER_IS)?.span ?? null;
}

/**
 * The answer restated after a retraction that follows the marker line ("Answer: 3\n\nHmm,
 * actually ... The answer is 2.", "... Wait, I mixed up the roles. Final: x"): the later of the
 * last "the answer is x" and the last "Final: x" label. An explanation that merely repeats the
 * answer has no retraction; a retraction that restates nothing leaves the marker's answer.
 */
export function revisedAnswer(afterMarker: string): string | null {
  const retraction = RETRACTION.exec(afterMarker);
  if (retraction === null) return null;
  const rest = afterMarker.slice(retraction.index);
  const answerIs = sentenceAfterLast(rest, ANSWER_IS);
  const label = sentenceAfterLast(rest, REVISED_LABEL);
  const later = answerIs === null || (label !== null && label.at > answerIs.at) ? label : answerIs;
  return later?.span ?? null;
}
