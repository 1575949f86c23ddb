// The text scorer: compares final answers after normalising case, whitespace, punctuation and quotes.
import { RE2JS } from 're2js';
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { locateFinalAnswer, strictnessOf } from '../extract.js';
import { plainMath, splitSentences } from '../markup.js';
import { questionText } from '../question.js';
import { checkPattern } from './regex.js';

type TextCase = Extract<Case, { scorer: 'text' }>;

// A lead-in before the text itself: a short label ending in a colon ("The result is: X",
// "Result: X", "It gives: X"), or "It reads X" / "This says X". Lead-ins without a colon that name
// what a question family produces ("The message decodes to X") belong to that suite's own scorer.
const LEAD_IN = /^(?:(?:so|thus|therefore|hence),?\s+)?[^:："“”\n]{1,60}?[:：]\s+(?=\S)|^(?:it|this)\s+(?:reads|says)\s*:?\s+/i;
const QUOTED_TAIL = /["“«]([^"“”«»]+)["”»]\W*$/;
// A comment in parentheses after the answer: "... BIGGER." (Fittingly, 9.8 is bigger!)".
// Only prose (a word of three letters or more) after a space: "I(0)" and "(3, 4)" are answers.
const TRAILING_ASIDE = /\s+\((?=[^()]*\p{L}{3})[^()]*\)[\s.!]*$/u;

// LaTeX relations and operators as the symbols they stand for, so `\\le` and `≤` are one answer.
const LATEX_SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/\\(?:leq?|leqslant)(?![a-z])/g, '≤'],
  [/\\(?:geq?|geqslant)(?![a-z])/g, '≥'],
  [/\\(?:neq?)(?![a-z])/g, '≠'],
  [/\\times(?![a-z])/g, '×'],
  [/\\cdot(?![a-z])/g, '·'],
  [/\\pm(?![a-z])/g, '±'],
  [/\\div(?![a-z])/g, '÷'],
];
// A minus sign: before a digit, or between single-letter or digit operands (`n-1`, `x-y`); not "well-known".
const MINUS = /[-−–](?=\s?\p{N})|(?<=(?:^|[^\p{L}\p{N}])[\p{L}\p{N}])\s?[-−–]\s?(?=\p{L}(?![\p{L}]))/gu;
const OPERATORS = /[+=<>≤≥≠/×÷^±·()[\]]|(?<=[\p{L}\p{N})]\s*)\*(?=\s*[\p{L}\p{N}(])/gu;

/**
 * The normal form for text equality: lowercase words separated by single spaces, apostrophes
 * dropped (`R'S` → `rs`), other punctuation, quotes and markdown removed; signs and operators
 * and brackets kept as tokens (`\\frac{-1}{3}` → `- 1 / 3`, `n-1` → `n - 1`, `\\le` → `≤`, `(3, 4]`), so they tell answers apart.
 */
export function normaliseText(text: string): string {
  let plain = plainMath(text);
  for (const [pattern, symbol] of LATEX_SYMBOLS) plain = plain.replace(pattern, symbol);
  return plain
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['‘’`´ʼ]/g, '')
    .replace(MINUS, ' \u0001 ')
    .replace(OPERATORS, (op) => ` ${op} `)
    .replace(/[^\p{L}\p{N}_\u0001+=<>≤≥≠/×÷^±·*()[\]]+/gu, ' ')
    .replace(/\*/g, (star, at: number, all: string) => (/[\p{L}\p{N}] $/u.test(all.slice(0, at)) ? star : ' '))
    .replace(/\u0001/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

// A bold opening line that is a title, not a statement: "**Working it out**", "**Step 1**".
const TITLE = /^(?:step|solution|answer|summary|approach|method|working|reasoning|explanation|analysis|result|note|part)\b|^\p{L}+ing\b|[:：]/iu;

/**
 * A suite's own lead-ins (the case's `leadIns` setting: patterns such as
 * `the (?:decoded )?message (?:is|reads|decodes to)`), compiled by RE2 to open a sentence.
 */
export function suiteLeadIns(c: unknown): RE2JS[] {
  const patterns = (c as { leadIns?: unknown } | null)?.leadIns;
  if (!Array.isArray(patterns)) return [];
  return patterns
    .filter((p): p is string => typeof p === 'string' && checkPattern(p) === null)
    .map((p) => RE2JS.compile(`^(?:(?:so|thus|therefore|hence),?\\s+)?(?:${p})\\s*[:：]?\\s+`, RE2JS.CASE_INSENSITIVE));
}

/** `sentence` without a leading lead-in, general or the suite's own; unchanged when it has none. */
function withoutLeadIn(sentence: string, leadIns: readonly RE2JS[]): string {
  const general = sentence.replace(LEAD_IN, '');
  if (general !== sentence) return general;
  for (const leadIn of leadIns) {
    const matcher = leadIn.matcher(sentence);
    if (matcher.lookingAt()) return sentence.slice(matcher.end());
  }
  return sentence;
}

/** From the first sentence that opens with a lead-in ("I think I've cracked it! The message is: X"), the rest. */
function fromLeadIn(body: string, leadIns: readonly RE2JS[] = []): string | null {
  const sentences = splitSentences(body);
  for (let i = 0; i < sentences.length; i++) {
    const rest = sentences.slice(i).join(' ');
    const stated = withoutLeadIn(rest, leadIns);
    if (stated !== rest && stated.trim() !== '') return stated;
  }
  return null;
}

/**
 * The text a final-answer span states, without a lead-in like "The result is:" (in its
 * first sentence or a later one), quotes around it, or a comment in parentheses after it.
 */
export function statedText(span: string, leadIns: readonly RE2JS[] = []): string {
  const withoutAside = span.replace(TRAILING_ASIDE, '');
  const body = withoutAside.trim() === '' ? span : withoutAside;
  const quoted = QUOTED_TAIL.exec(body)?.[1];
  if (quoted !== undefined && quoted.trim() !== '') return quoted;
  return fromLeadIn(body, leadIns) ?? body;
}

/**
 * A reply's first line when it is one bold statement followed by more text ("**THERE ARE THREE RS
 * IN STRAWBERRY**\n\nEach pair of letters ..."): in capitals or closed by a full stop, two
 * words or more, and not a title like "**Working it out**".
 */
function boldOpeningStatement(text: string): string | null {
  const [first, second] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const inner = /^\*\*([^*]+)\*\*[.!]?$/.exec(first?.trim() ?? '')?.[1]?.trim();
  if (second === undefined || inner === undefined || inner.split(/\s+/).length < 2 || TITLE.test(inner)) return null;
  return inner === inner.toUpperCase() || /[.!]$/.test(inner) ? inner : null;
}

/** The one bold span of a line, unless it is a label ("**Decoded:** X"); null when none or several. */
function onlyBoldSpan(written: string): string | null {
  const spans = [...written.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1] ?? '');
  const [only] = spans;
  return spans.length === 1 && only !== undefined && !/[:：]\s*$/.test(only) && /\p{L}/u.test(only) ? only : null;
}

/** A scorer for free-text answers: canonical form is the normalised text. */
export function textScorer(c: TextCase): Scorer {
  const expected = normaliseText(String(c.expected));
  const question = questionText(c);
  const strictness = strictnessOf(c);
  const leadIns = suiteLeadIns(c);
  return {
    read(text) {
      const located = locateFinalAnswer(text, question, strictness);
      if (located === null) return null;
      let span = onlyBoldSpan(located.written) ?? located.span;
      // A closing line that is explanation, not a stated answer, gives way to a bold opening statement.
      if (located.source === 'last-line' && fromLeadIn(span, leadIns) === null) span = boldOpeningStatement(text) ?? span;
      const canonical = normaliseText(statedText(span, leadIns));
      return canonical === '' ? null : { answer: canonical, rule: located.source, span: located.written };
    },
    isCorrect(answer) {
      return answer === expected;
    },
  };
}
