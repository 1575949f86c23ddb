// The answer inside a closing sentence ("...so she has 400 - 80 = 320 left."), as a table of named rules.
import { splitSentences } from '../markup.js';

/** One named way to find the answer in a sentence of prose; rules are tried in table order. */
export interface ProseRule {
  name: string;
  find(sentence: string): string | null;
}

/** The answer a prose rule read, and the rule's name. */
export interface ProseAnswer {
  rule: string;
  span: string;
}

/** Inline math segments, `$...$` and `\(...\)`. */
// Inline math: `$...$`, `\(...\)`; a `$` before a digit opens an amount, never closes math ("$400-$80").
export const MATH_SEGMENT = /\$(?=\S)(?:\\\$|[^$])+?(?<=\S)\$(?!\d)|\\\([\s\S]*?\\\)/g;
// A word of prose: two or more letters, not a LaTeX command's name.
/** A word of prose (global regex). */
export const WORD = /(?<![\\a-zA-Z])[a-zA-Z]{2,}/g;
// A number in prose: signs, currency, thousands separators, decimals, a fraction or a percent; not "3rd" or "2x".
const NUMBER = /(?<![\w.])[-−]?\$?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\/\d+)?%?(?![\w])/g;
// A closing clause that justifies or conditions the answer: "... because 40+60=100", "... when n = 4",
// "..., attained at x = 1".
const CONDITION = /(?<=\S)[\s,]+(?:because|since|when|whenever|where|if|given that|assuming|attained|achieved|reached|occurring)\b.*$/i;
// A bound, not a value: "less than 100", "at most 7", "between 3 and 7".
const BOUND = /\b(?:(?:less|more|fewer|greater|smaller|larger|bigger|higher|lower)\s+than|at\s+(?:least|most)|up\s+to|between|under|below|above|exceeds?)\s*$/i;
// Words after the last number of a closing statement: a unit or a short noun phrase ("193 newspapers", "20 years old").
const MAX_WORDS_AFTER = 3;
// Between two math segments of a list: "and", "or", commas.
const LIST_GLUE = /^\s*(?:,\s*(?:and|or)?|and|or)\s*$/i;

/** `text` with inline math blanked out, for counting and finding words of prose. */
export function outsideMath(text: string): string {
  return text.replace(MATH_SEGMENT, (segment) => ' '.repeat(segment.length));
}

/** The mathematics at the start of `text`, up to its first word of prose: "60 Junebugs per day" → "60". */
export function leadingMath(text: string): string {
  const prose = outsideMath(text);
  WORD.lastIndex = 0;
  const word = WORD.exec(prose);
  return text
    .slice(0, word?.index ?? text.length)
    .replace(/[\s.,;:!?]+$/, '')
    .trim();
}

const segments = (sentence: string): RegExpMatchArray[] => [...sentence.matchAll(MATH_SEGMENT)];

/** The rules in the order they are tried on each sentence, the last sentence first. */
export const PROSE_RULES: readonly ProseRule[] = [
  // "The real roots are $x = 1 + \sqrt{19}$ and $x = 1 - \sqrt{19}$.": the values, as a list.
  {
    name: 'math-list',
    find: (sentence) => {
      const found = segments(sentence);
      if (found.length < 2) return null;
      const glued = found.slice(1).every((m, i) => {
        const before = found[i];
        return before?.index !== undefined && LIST_GLUE.test(sentence.slice(before.index + before[0].length, m.index));
      });
      return glued ? found.map((m) => m[0]).join(', ') : null;
    },
  },
  // "He delivers 600 in total so District B gets 600-407 = 193 newspapers": the right-hand side of the last `=`.
  {
    name: 'last-equals',
    find: (sentence) => {
      const at = sentence.lastIndexOf('=');
      if (at < 0) return null;
      const rest = sentence.slice(at + 1);
      const head = leadingMath(rest);
      // What follows the value is at most a unit or noun ("193 newspapers", "60 bugs per day").
      const after = outsideMath(rest.slice(rest.indexOf(head) + head.length)).match(WORD) ?? [];
      return head === '' || after.length > MAX_WORDS_AFTER ? null : head;
    },
  },
  // "Colin is **20** years old.", "So **Navin** earns the most.": the one bold span.
  {
    name: 'single-bold',
    find: (sentence) => {
      // Not a label: "**Note:** ...", "**Check**: ...".
      const bold = [...sentence.matchAll(/\*\*([^*]+)\*\*(?!\s*:)/g)].filter((m) => !m[1]?.trim().endsWith(':'));
      return bold.length === 1 ? (bold[0]?.[1]?.trim() ?? null) || null : null;
    },
  },
  // "He delivers 193 newspapers.", "The area is $12\pi$ square units.": the last number or math segment,
  // near the end of the sentence and not a bound ("less than 100").
  {
    name: 'last-number',
    find: (sentence) => {
      const numbers = [...outsideMath(sentence).matchAll(NUMBER)];
      const candidates = [...segments(sentence), ...numbers].filter((m) => m.index !== undefined);
      const last = candidates.sort((a, b) => (a.index ?? 0) + a[0].length - ((b.index ?? 0) + b[0].length)).pop();
      if (last?.index === undefined) return null;
      const before = sentence.slice(0, last.index);
      const after = outsideMath(sentence.slice(last.index + last[0].length)).match(WORD) ?? [];
      return BOUND.test(before) || /\bbetween\b/i.test(before) || after.length > MAX_WORDS_AFTER ? null : last[0];
    },
  },
];

// Two words side by side, as in a sentence ("So it", "He delivers"); `ab + bc + ca` has none.
const WORD_PAIR = /(?<![\\a-zA-Z])[a-zA-Z]{2,}[ \t]+[a-zA-Z]{2,}(?![a-zA-Z])/;

/**
 * Whether a span is prose: three or more words outside its mathematics, two of them side by side
 * ("He delivers 193 newspapers", "So it is 5"); not `ab + bc + ca` or `\text{no real solutions}`.
 */
export function isProse(span: string): boolean {
  const words = outsideMath(span).replace(/\\[a-zA-Z]+\{[^{}]*\}/g, ' ');
  return (words.match(WORD) ?? []).length >= 3 && WORD_PAIR.test(words);
}

/**
 * The answer inside a located span that is prose (see `isProse`): its closing sentence, tried
 * with `PROSE_RULES` in order, a closing "because ..."/"when ..." clause set aside. Only the
 * closing sentence: an earlier one is work, and a reply cut off mid-sentence states no value.
 * `written` keeps its emphasis (`**20**`) and math delimiters. Null for a short answer span.
 */
export function answerInProse(written: string): ProseAnswer | null {
  if (!isProse(written)) return null;
  const claim = (splitSentences(written).pop() ?? '').replace(CONDITION, '');
  for (const rule of PROSE_RULES) {
    const span = rule.find(claim);
    if (span !== null && span !== '') return { rule: rule.name, span };
  }
  return null;
}
