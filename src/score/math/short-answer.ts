// The value inside a short answer span ("Minimum: $50$.", "3 roses", "So $n = 104$."), as a table of named rules.
import { MATH_SEGMENT, WORD, outsideMath } from './prose.js';

/** One named way to find the value in a short span; rules are tried in table order. */
export interface ShortRule {
  name: string;
  find(span: string): string | null;
}

/** The value a short rule read, and the rules' names joined by `+` (`label+last-segment`). */
export interface ShortAnswer {
  rule: string;
  span: string;
}

// A closing label of one to three words before a colon: "Domain:", "Minimum value:", "**Sum:**".
const LABEL = /^\s*(?:\*\*)?([a-zA-Z]{2,}(?:[ \t]+[a-zA-Z]+){0,2})(?:\*\*)?\s*:(?:\*\*)?[ \t]*(\S[\s\S]*)$/;
// Words after a value that make it part of a larger statement, not a unit: "2 and 3", "5 times x", "3 less than".
const JOINING = /^(?:and|or|to|through|plus|minus|times|over|less|more|divided|by|with|but|than|squared|cubed|is|are|was|if)$/i;
// A word that concludes before the last math segment: "so $\tan A = \frac{8}{15}$".
const CONCLUDING = /\b(?:so|thus|hence|therefore|gives|giving|get|gets|is|are|equals)\s*$/i;
// At most this many words may follow the value (a unit or noun: "3 roses", "16 chocolate cookies").
const MAX_WORDS_AFTER = 2;

/** `text` with inline math and `\command{...}` arguments blanked, same length, for finding prose words. */
function blanked(text: string): string {
  return outsideMath(text).replace(/\\[a-zA-Z]+\{[^{}]*\}/g, (command) => ' '.repeat(command.length));
}

const wordsIn = (text: string): string[] => blanked(text).match(WORD) ?? [];
const unpunctuated = (text: string): string => text.replace(/[\s.,;!?]+$/, '').trim();

/** The rules in the order they are tried; `label` strips a label and the rest are tried on its value. */
export const SHORT_RULES: readonly ShortRule[] = [
  // "Domain: $(-\infty, 2)$", "Minimum value: 2": the value after the label.
  { name: 'label', find: (span) => unpunctuated(LABEL.exec(span)?.[2] ?? '') || null },
  // "He makes **$96**.": the one bold span of a short statement.
  {
    name: 'bold',
    find: (span) => {
      const bold = [...span.matchAll(/\*\*([^*]+)\*\*/g)];
      return bold.length === 1 && wordsIn(span.replace(/\*\*[^*]+\*\*/, '')).length > 0 ? unpunctuated(bold[0]?.[1] ?? '') || null : null;
    },
  },
  // "So $n = 104$.", "$700 - 500 = 200$ feet.": the only math segment, or the last after "so"/"thus",
  // when words are around it and at most a unit follows it.
  {
    name: 'last-segment',
    find: (span) => {
      const found = [...span.matchAll(MATH_SEGMENT)];
      const last = found[found.length - 1];
      if (last?.index === undefined || wordsIn(span).length === 0) return null;
      const after = span.slice(last.index + last[0].length);
      if (wordsIn(after).length > MAX_WORDS_AFTER || /\d/.test(outsideMath(after))) return null;
      return found.length === 1 || CONCLUDING.test(span.slice(0, last.index)) ? last[0] : null;
    },
  },
  // "3 roses", "41 students", "$\frac{6}{48}$ of 2 feet": the value before one or two words; not an
  // ordinal ("12th grade") nor a value joined to more ("2 and 3").
  {
    name: 'leading-value',
    find: (span) => {
      const prose = blanked(span);
      WORD.lastIndex = 0;
      const word = WORD.exec(prose);
      if (word === null || word.index === 0 || /\S/.test(span.charAt(word.index - 1))) return null;
      const head = unpunctuated(span.slice(0, word.index));
      const after = span.slice(word.index);
      const words = wordsIn(after);
      if (head === '' || span.includes('=') || words.length > MAX_WORDS_AFTER || JOINING.test(words[0] ?? '')) return null;
      return /[a-zA-Z]/.test(outsideMath(head).replace(/\\[a-zA-Z]+/g, '')) ? null : head;
    },
  },
];

/**
 * The value inside a short span a careful grader reads past: a leading label, then the first of the
 * other rules that finds something. Null when no rule applies (the span is read whole).
 */
export function answerInShort(span: string): ShortAnswer | null {
  const [label, ...rest] = SHORT_RULES;
  const value = label?.find(span) ?? null;
  const names = value === null ? [] : ['label'];
  const target = value ?? span;
  for (const rule of rest) {
    const found = rule.find(target);
    if (found !== null && found !== '') return { rule: [...names, rule.name].join('+'), span: found };
  }
  return value === null ? null : { rule: 'label', span: value };
}
