// Recognises replies that state their answer first and explain after ("42\n\nCheck: ...", "**5**. The word ...").
import { blankParentheticals } from './markup.js';

/** A line opening an explanation after the answer: "Explanation:", "Check:", "This is because". */
export const EXPLANATION_CUE =
  /^[#>*_\s-]*(?:explanation|reasoning|rationale|justification|here(?:'|’)?s (?:why|how)|here is (?:why|how)|why\b|to see why|this is because|because|reason|check|verif|to verify|sanity check|double[- ]check|breakdown|spelling it out|spelled out|working|proof|derivation)/i;
// A comment on a stated answer: "This is the first half of a famous line." Not after "17 × 20 = 340",
// where "This is the first partial product" continues the working.
const COMMENT_CUE = /^[#>*_\s-]*(?:this (?:is|was|phrase|sentence|message|line)\b|that(?:'|’)s (?:the|a|an)\b|note\b|(?:fun|interesting) fact)/i;
const PREAMBLE = /(?::\s*$)|^(?:let(?:'|’)?s|let me|to |we |i(?:'|’)ll|first|okay|ok\b|sure\b)/i;
// A reply that opens with its answer in bold: "**5**. The word is ...", "**2**\n\nSpelling it out: ...".
const LEADING_BOLD_VALUE = /^\*\*\s*([-−]?\$?\d(?:[\d.,\s]*\d)?%?)\s*\*\*(?=\s*$|[.!;:,—–]\s)/;
// A first line that is only a value: "3", "**10,063**".
const BARE_VALUE_LINE = /^[*_\s]*[-−]?\$?\d(?:[\d.,\s]*\d)?%?[*_]*[.!]?$/;
// A numbered step: "**1**. Spell the word", "2) Count".
const NUMBERED_STEP = /^\s*(?:\*\*)?\d+(?:\*\*)?[.)]/;

/** Whether a line is only an aside in parentheses: "(279 × 70 = 19,530.)". */
export function isParenthetical(line: string): boolean {
  return line.trim().startsWith('(') && blankParentheticals(line).replace(/[\s.!]/g, '') === '';
}

/**
 * The first line when the reply states its answer first: the next line opens an explanation
 * ("Check:", "Explanation:", "This is ...") or is an aside in parentheses, or the first line is
 * a bare value with more text after it ("3\n\nThe word is s-t-r-a-w-...").
 */
export function answerFirstLine(lines: string[]): string | null {
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
export function leadingBoldSentence(lines: string[]): string | null {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  const only = nonEmpty.length === 1 ? nonEmpty[0]?.trim() : undefined;
  return only === undefined ? null : (LEADING_BOLD_VALUE.exec(only)?.[1] ?? null);
}
