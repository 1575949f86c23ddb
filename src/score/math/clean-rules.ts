// The normalisation steps a final-answer span goes through before it is read as mathematics, as data.
import { replaceCommand } from './latex-text.js';

/** One named rewrite of the whole span; `readMath` records which ones changed it. */
export interface CleanRule {
  name: string;
  apply: (span: string) => string;
}

const UNICODE: [RegExp, string][] = [
  [/[−–—]/g, '-'],
  [/×/g, '\\times '],
  [/[·⋅]/g, '\\cdot '],
  [/÷/g, '\\div '],
  [/π/g, '\\pi '],
  [/∞/g, '\\infty '],
  [/√\s*(\d+)/g, '\\sqrt{$1}'],
  [/√/g, '\\sqrt'],
  [/²/g, '^2'],
  [/³/g, '^3'],
  [/≤/g, '\\le '],
  [/≥/g, '\\ge '],
  [/≠/g, '\\ne '],
  [/∪/g, '\\cup '],
  [/∠\s*/g, '\\angle '],
  [/½/g, '\\frac{1}{2}'],
  [/⅓/g, '\\frac{1}{3}'],
  [/⅔/g, '\\frac{2}{3}'],
  [/¼/g, '\\frac{1}{4}'],
  [/¾/g, '\\frac{3}{4}'],
];

// Words a number may carry after it ("5 cm", "18 dollars"); removed only right after a number.
const UNIT_WORDS =
  'square|sq|cubic|units?|cm|mm|km|m|meters?|metres?|centimeters?|inch(?:es)?|in|feet|foot|ft|yards?|yd|miles?|mi|mph|' +
  'kg|grams?|g|pounds?|lbs?|ounces?|oz|liters?|litres?|ml|gallons?|dollars?|cents?|hours?|hrs?|minutes?|mins?|' +
  'seconds?|secs?|s|days?|weeks?|months?|years?|people|ways|degrees?';
const TRAILING_UNITS = new RegExp(`(?<=[\\d}])(?:\\s+(?:${UNIT_WORDS})\\b\\.?)+(?:\\s*\\^\\s*\\{?[23]\\}?)?(?=\\s*(?:$|[,;)\\]]))`, 'gi');
const TEXT_COMMANDS = ['text', 'textbf', 'textit', 'textrm', 'mathrm', 'mathbf', 'mbox', 'textnormal', 'mathit'];

/** Two numbers from 1 to 9999 as a mixed number's parts, when the fraction is proper. */
function mixed(whole: string, num: string, den: string, sign: string): string | null {
  const [w, n, d] = [BigInt(whole), BigInt(num), BigInt(den)];
  if (d === 0n || n >= d) return null;
  return `${sign}\\frac{${w * d + n}}{${d}}`;
}

/** `I.A\overline{B}` as the exact fraction it denotes: I + (AB - A) / (10^|A| (10^|B| - 1)). */
function repeating(sign: string, int: string, head: string, cycle: string): string {
  const den = 10n ** BigInt(head.length) * (10n ** BigInt(cycle.length) - 1n);
  const num = BigInt(int || '0') * den + BigInt(head + cycle) - BigInt(head || '0');
  return `${sign}\\frac{${num}}{${den}}`;
}

const PLAIN_WORDS: [RegExp, string][] = [
  [/(?<![\\a-zA-Z])sqrt\s*\(([^()]*)\)/g, '\\sqrt{$1}'],
  [/(?<![\\a-zA-Z])(sin|cos|tan|cot|sec|csc|ln|log|exp|arcsin|arccos|arctan)(?![a-zA-Z])/g, '\\$1'],
  [/(?<![\\a-zA-Z])pi(?![a-zA-Z])/g, '\\pi '],
  [/(?<![\\a-zA-Z])(?:infinity|inf)(?![a-zA-Z])/g, '\\infty '],
];

/** The rules in the order they run. Each is tested on its own rows in test/score/math/clean-rules.test.ts. */
export const CLEAN_RULES: readonly CleanRule[] = [
  // Markdown emphasis left in a span (`**50**`, `__7__`, a stray closing `**`); `2**10` keeps its power.
  { name: 'emphasis', apply: (s) => s.replace(/(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2').replace(/^\s*(?:\*\*|__)|(?:\*\*|__)\s*$/g, '') },
  { name: 'unicode-math', apply: (s) => UNICODE.reduce((t, [from, to]) => t.replace(from, to), s) },
  // Mathematics typed as plain text: sqrt(2), pi, cot x, infinity.
  { name: 'plain-math-words', apply: (s) => PLAIN_WORDS.reduce((t, [from, to]) => t.replace(from, to), s) },
  { name: 'boxed', apply: (s) => replaceCommand(s, ['boxed', 'fbox'], 1, ([x]) => x ?? '') },
  // `\$` is a currency sign, so it goes before `$` is read as a math delimiter.
  { name: 'currency', apply: (s) => s.replace(/\\\$|(?<=^|[\s(,=])\$(?=\s*\d)|\bUSD\b|€|£/g, ' ') },
  { name: 'math-delimiters', apply: (s) => s.replace(/^\s*(?:\$\$?|\\\(|\\\[)|(?:\$\$?|\\\)|\\\])\s*$/g, '').replace(/\$/g, ' ') },
  { name: 'sizing', apply: (s) => s.replace(/\\(?:left|right|middle)(?:\.|(?![a-zA-Z]))|\\[bB]ig+[lrm]?(?![a-zA-Z])|\\displaystyle|\\textstyle/g, '') },
  // `,\!` between digit groups is MATH's thousands separator (`10,\!080`); other spacing is a space.
  {
    name: 'latex-spacing',
    apply: (s) =>
      s
        .replace(/,\\!\s*/g, ',')
        .replace(/(?<=\d)\\[,!](?=\d{3}(?!\d))/g, '')
        .replace(/(?<!\\)\\!/g, '')
        .replace(/(?<!\\)\\[,;:> ]|\\q?quad(?![a-zA-Z])|~/g, ' '),
  },
  {
    name: 'thousands-separators',
    apply: (s) =>
      s
        .replace(/\{,\}/g, ',')
        .replace(/^-?[1-9]\d{0,2}(?: \d{3})+$/, (n) => n.replace(/ /g, ''))
        .replace(/(?<![\d.,([]\s*)[1-9]\d{0,2}(?:,\d{3})+(?![\d,]|\s*[)\]])/g, (n) => n.replace(/,/g, '')),
  },
  { name: 'frac-variants', apply: (s) => s.replace(/\\[dtc]frac(?![a-zA-Z])/g, '\\frac').replace(/\\[dt]binom(?![a-zA-Z])/g, '\\binom') },
  { name: 'frac-arguments', apply: (s) => replaceCommand(s, ['frac'], 2, ([a, b]) => `\\frac{${a}}{${b}}`) },
  { name: 'sqrt-argument', apply: (s) => s.replace(/\\sqrt\s*(\d|[a-zA-Z](?![a-zA-Z]))/g, '\\sqrt{$1}') },
  {
    name: 'binomial',
    apply: (s) =>
      replaceCommand(s, ['binom'], 2, ([n, k]) => {
        if (!/^\d{1,3}$/.test(n ?? '') || !/^\d{1,3}$/.test(k ?? '')) return `\\operatorname{C}(${n},${k})`;
        const [nn, kk] = [BigInt(n ?? 0), BigInt(k ?? 0)];
        let value = 1n;
        for (let i = 0n; i < kk; i++) value = (value * (nn - i)) / (i + 1n);
        return kk > nn ? '0' : `${value}`;
      }),
  },
  {
    name: 'relations',
    apply: (s) =>
      s
        .replace(/\\leq(?:slant)?(?![a-zA-Z])|<=/g, '\\le ')
        .replace(/\\geq(?:slant)?(?![a-zA-Z])|>=/g, '\\ge ')
        .replace(/\\neq(?![a-zA-Z])/g, '\\ne ')
        .replace(/\\lt(?![a-zA-Z])/g, '<')
        .replace(/\\gt(?![a-zA-Z])/g, '>'),
  },
  { name: 'connectives', apply: (s) => s.replace(/\\(?:text|mbox|textrm)\{\s*(or|and)\s*\}/gi, ' $1 ') },
  {
    name: 'degrees',
    apply: (s) => s.replace(/\s*\^\s*\{?\s*\\circ\s*\}?|\\circ(?![a-zA-Z])|°|\\degree(?![a-zA-Z])|\s*\\(?:text|mbox)\{\s*degrees?\s*\}/g, ''),
  },
  { name: 'percent', apply: (s) => s.replace(/\s*(?:\\%|%|\\text\{\s*percent\s*\}|(?<=\d)\s+percent\b)/g, '') },
  {
    name: 'text-units',
    apply: (s) => {
      // `\text{ cm}` (or \mbox, \mathrm) right after a number, with an optional ^2: a unit, dropped.
      const unit = /(?<=[\d}]|\\pi)\s*\\(?:text|mbox|mathrm|textrm)\s*\{\s*[a-zA-Z][a-zA-Z .]*\}(?:\s*\^\s*\{?[23]\}?)?(?=\s*(?:$|[,;)\]]))/g;
      return s.replace(unit, '');
    },
  },
  {
    name: 'text-wrapper',
    apply: (s) => replaceCommand(s, TEXT_COMMANDS, 1, ([inner]) => ` ${inner ?? ''} `),
  },
  // "5 (double root)", "12 (since 6 × 7 = 12)": a closing remark in words is not part of the answer.
  { name: 'trailing-remark', apply: (s) => s.replace(/(?<=\S)\s+\((?=[^()]*(?<![\\a-zA-Z])[a-zA-Z]{3,})[^()]*\)\s*$/, '') },
  // After text-wrapper, so `\text{55 degrees}` and `\text{5 cm}` lose their units too.
  { name: 'plain-units', apply: (s) => s.replace(TRAILING_UNITS, '') },
  // `\frac{14}{3} \approx 4.67` is read for the exact value; `\approx 4.67` alone for the decimal.
  { name: 'approximation', apply: (s) => s.replace(/(?<=\S)\s*(?:\\approx|≈|\\sim)(?![a-zA-Z]).*$/, '').replace(/^\s*(?:\\approx|≈)\s*/, '') },
  {
    name: 'repeating-decimal',
    apply: (s) =>
      s.replace(/(-?)(\d*)\.(\d*)\\overline\{(\d+)\}/g, (_all, sign: string, int: string, head: string, cycle: string) => repeating(sign, int, head, cycle)),
  },
  { name: 'all-reals', apply: (s) => s.replace(/(^\s*|\\in\s*)(?:\\mathbb\{R\}|\\R)\s*$/, '$1(-\\infty, \\infty)') },
  {
    name: 'mixed-numbers',
    apply: (s) =>
      s
        .replace(
          /(?<![\w^_.}\\])(-?)(\d{1,4})\s*\\frac\{(\d{1,4})\}\{(\d{1,4})\}/g,
          (all, sign: string, w: string, n: string, d: string) => mixed(w, n, d, sign) ?? all,
        )
        .replace(
          /(?<![\w^_.}\\/])(-?)(\d{1,4})\s+(\d{1,4})\/(\d{1,4})(?![\d.])/g,
          (all, sign: string, w: string, n: string, d: string) => mixed(w, n, d, sign) ?? all,
        ),
  },
  // Not `!`: a trailing `!` is a factorial.
  { name: 'trailing-punctuation', apply: (s) => s.replace(/\s*[.;:?][\s.;:?]*$/, '').replace(/^\s*:\s*/, '') },
  { name: 'whitespace', apply: (s) => s.replace(/\s+/g, ' ').trim() },
];

/** Applies every rule; returns the cleaned span and the names of the rules that changed it. */
export function cleanSpan(span: string): { text: string; rules: string[] } {
  let text = span;
  const rules: string[] = [];
  for (const rule of CLEAN_RULES) {
    const next = rule.apply(text);
    if (next !== text) {
      rules.push(rule.name);
      text = next;
    }
  }
  return { text, rules };
}
