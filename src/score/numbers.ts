// Reads numbers as people and LaTeX write them: 1,000 / 2{,}048 / −3 / \frac{3}{4} / 75% / "twenty-one" / "twice".

/** A number found in text, with the offsets it spans in the normalised text. */
export interface NumberMention {
  value: number;
  start: number;
  end: number;
}

/**
 * Rewrites LaTeX and typographic number forms into plain ones (`\frac{3}{4}` → `3/4`,
 * `2{,}048` → `2,048`, `−3` → `-3`) so one pattern can read them. Offsets refer to this text.
 */
export function normaliseNumberText(text: string): string {
  return text
    .replace(/\\[dt]?frac\s*\{\s*(-?[\d.]+)\s*\}\s*\{\s*(-?[\d.]+)\s*\}/g, '$1/$2')
    .replace(/\\[dt]?frac\s*(\d)\s*(\d)/g, '$1/$2') // `\frac43`: single digits need no braces
    .replace(/\{,\}/g, ',')
    .replace(/\\[,!;: ]/g, '')
    .replace(/\\%/g, '%')
    .replace(/\\(?:approx|simeq|doteq)|≈/g, '=')
    .replace(/[\u2212\u2012\u2013\uFE63\uFF0D](?=\s?\d)/g, '-')
    .replace(/[\u00A0\u2009\u202F]/g, ' ')
    .replace(/(?<!\\)\$/g, '')
    .replace(
      SCIENTIFIC,
      (_all, mantissa: string, power: string | undefined, superscript: string | undefined) =>
        `${mantissa}e${power?.replace(/\s/g, '') ?? fromSuperscript(superscript ?? '')}`,
    )
    .replace(DOT_THOUSANDS, (digits) => digits.replace(/\./g, ','));
}

// "1.0063 × 10^4", "1.878 × 10⁴", "2 x 10^-3", "5·10^{6}", "5 \times 10^{6}": the value is mantissa·10^power.
const SCIENTIFIC = /(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:×|x|X|\*|·|⋅|\\times|\\cdot)\s*10\s*(?:\^\s*\{?\s*([-+]?\s?\d+)\s*\}?|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))/g;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
// Two or more ".ddd" groups can only be thousands ("1.444.275"); a single one ("44.184") stays a decimal.
const DOT_THOUSANDS = /(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,]?\d)/g;

/** A superscript exponent ("⁻³") as plain text ("-3"). */
function fromSuperscript(text: string): string {
  return [...text].map((ch) => (ch === '⁻' ? '-' : ch === '⁺' ? '' : String(SUPERSCRIPT_DIGITS.indexOf(ch)))).join('');
}

// Integer part with optional thousands groups, decimals, exponent, and an optional "/denominator".
const DIGIT_NUMBER =
  /(?<![\p{L}\d.,_])(-(?=\.?\d))?((?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE]([-+]?\d+)(?!\p{L}))?(?:\s*\/\s*(\d+(?:\.\d+)?)(?![\d.]))?/gu;

const SMALL_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const NUMBER_WORD = `(?:${[...Object.keys(SMALL_WORDS), 'hundred', ...Object.keys(SCALE_WORDS)].sort((a, b) => b.length - a.length).join('|')})`;
const WORD_NUMBER = new RegExp(
  `(?<![\\p{L}-])(?:(minus|negative)\\s+)?(${NUMBER_WORD}(?:(?:[ \\t-]+|(?<=hundred|thousand|million|billion)\\s+and\\s+)${NUMBER_WORD})*)(?![\\p{L}-])`,
  'giu',
);

// "once", "twice", "thrice" count occurrences; not "twice as old", not "Once we add ..." opening a clause.
const COUNT_WORD = /(?<![\p{L}-])(once|twice|thrice)(?![\p{L}-])(?!\s+(?:as|more|over|again|removed|upon|we|you|i|it|they|the|that|this|all)\b)/giu;
const COUNT_WORD_VALUES: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

/** The value of a run of number words ("one hundred and five", "two thousand forty-eight"). */
export function numberWordsValue(words: string): number {
  let total = 0;
  let group = 0;
  for (const word of words.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and' || word === '') continue;
    if (word === 'hundred') {
      group = (group || 1) * 100;
    } else if (word in SCALE_WORDS) {
      total += (group || 1) * (SCALE_WORDS[word] ?? 1);
      group = 0;
    } else {
      group += SMALL_WORDS[word] ?? 0;
    }
  }
  return total + group;
}

function digitValue(integerAndDecimals: string, exponent: string | undefined): number {
  return Number(integerAndDecimals.replace(/[, ]/g, '')) * 10 ** Number(exponent ?? 0);
}

/** Every number mentioned in `normalised` (output of `normaliseNumberText`), in reading order. */
export function findNumbers(normalised: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of normalised.matchAll(DIGIT_NUMBER)) {
    const [whole, minus, digits = '', exponent, denominator] = match;
    let value = digitValue(digits, exponent);
    if (denominator !== undefined) value /= Number(denominator);
    if (minus !== undefined || /(?:minus|negative)\s+$/i.test(normalised.slice(0, match.index))) value = -value;
    if (Number.isFinite(value)) mentions.push({ value, start: match.index, end: match.index + whole.length });
  }
  // The word patterns are the costly ones (Unicode classes, a long alternation): skip them when there are no words.
  if (!/[a-z]/i.test(normalised)) return mentions;
  for (const match of normalised.matchAll(WORD_NUMBER)) {
    const sign = match[1] === undefined ? 1 : -1;
    const value = sign * numberWordsValue(match[2] ?? '');
    mentions.push({ value, start: match.index, end: match.index + match[0].length });
  }
  for (const match of normalised.matchAll(COUNT_WORD)) {
    // "Once the r's are counted, ..." opens a clause; "once" alone (an answer "Answer: once") is a count.
    const opensClause = /^\s+\p{L}/u.test(normalised.slice(match.index + match[0].length));
    if (opensClause && /^once$/i.test(match[1] ?? '') && /(?:^|[.!?]\s*)$/.test(normalised.slice(0, match.index))) continue;
    const value = COUNT_WORD_VALUES[(match[1] ?? '').toLowerCase()] ?? 0;
    mentions.push({ value, start: match.index, end: match.index + match[0].length });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The canonical string of a number: plain decimal, no trailing zeros, `-0` as `0`. */
export function formatNumber(value: number): string {
  const rounded = Number(value.toPrecision(12));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
