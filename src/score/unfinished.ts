// Recognises a reply that stops mid-work: cut off mid-sentence, inside a list or table, or on a working step.

/** A line that is only a math or code delimiter (`\[`, `\]`, `$$`, a ``` fence); never an answer line. */
export const DELIMITER_LINE = /^\s*(?:\\\[|\\\]|\\\(|\\\)|\$\$|`{3,}[\w-]*|\\(?:begin|end)\{[\w*]+\})\s*$/;

// Ends on an operator, arrow or colon: "- 'ai' →", "347 × 29 =", "Counting:".
const OPEN_END = /(?:[=→⇒:：,+×÷(]|->|\\to|\\Rightarrow|[−–]\s*)\s*$/;
// Ends on a word that cannot close a clause: "let me recheck the", "when the train was".
const DANGLING_WORD =
  /(?<!\bso )\b(?:the|a|an|of|to|in|on|at|by|for|with|from|into|onto|and|or|but|because|when|if|that|which|while|than|as|is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|its|their|his|her|my|our|your|this|these|those|whose|where|plus|minus|gives|equals)$/;
// Closing punctuation, a closing bracket, quote, emphasis or math delimiter.
const CLOSED = /[.!?)\]}"'”’*_`$…]\s*$/;
// A numbered-list position with nothing after it: "9.", "4)".
const BARE_LIST_NUMBER = /^\s*(\d+)[.)]\s*$/;
const LIST_NUMBER = /^\s*(\d+)[.)]\s/;
// A row of a markdown table: "| 7 | r |", "|---|---|".
const TABLE_ROW = /^\s*\|.*\|\s*$/;
// A step of a column sum labelled by place value: "- Hundreds: 6 + 0 + 1 = 7".
const PLACE_VALUE_STEP =
  /^\s*(?:[-*•+]\s+|\d+[.)]\s+)?[*_]*(?:units|ones|tens|hundreds|thousands|ten[- ]thousands|hundred[- ]thousands|millions)(?:\s+(?:place|column|digit))?[*_]*\s*(?:[:：]|[-–—]\s)/i;

/**
 * Whether the last line of a reply (given with the line before it) shows the reply stopped before
 * stating an answer: it ends on an operator, arrow or colon; on a word no clause ends with, without
 * closing punctuation; on a bare list number after the item before it; on a table row; or on a
 * place-value step of a column sum.
 */
export function isUnfinishedLine(last: string, previous = ''): boolean {
  const line = last.trim();
  if (OPEN_END.test(line) || TABLE_ROW.test(line) || PLACE_VALUE_STEP.test(line)) return true;
  if (!CLOSED.test(line) && DANGLING_WORD.test(line)) return true;
  const bare = BARE_LIST_NUMBER.exec(line)?.[1];
  const before = LIST_NUMBER.exec(previous)?.[1];
  return bare !== undefined && before !== undefined && Number(bare) === Number(before) + 1;
}
