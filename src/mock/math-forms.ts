// Math answers the way reasoning models write them: equivalent forms of one answer, and plausible wrong answers.
import { pick, type Rng } from '../random.js';

/** One way to write an answer; `plain` forms read right without math mode (`14/3`, `1,000`). */
export interface AnswerForm {
  text: string;
  plain: boolean;
}

type Parsed =
  | { type: 'integer'; value: bigint }
  | { type: 'fraction'; negative: boolean; numerator: bigint; denominator: bigint }
  | { type: 'decimal'; text: string }
  | { type: 'latex'; text: string };

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** Reads an answer as an integer (separators allowed), a fraction, a decimal, or other LaTeX. */
export function parseAnswer(answer: string): Parsed {
  const text = answer.trim();
  const integer = /^-?\d+$/.test(text) ? text : /^-?\d{1,3}(?:,(?:\\!)?\s?\d{3})+$/.test(text) ? text.replace(/[^\d-]/g, '') : undefined;
  if (integer !== undefined) return { type: 'integer', value: BigInt(integer) };
  const fraction = /^(-)?\\[dt]?frac(?:\{(\d+)\}\{(\d+)\}|(\d)(\d))$/.exec(text);
  if (fraction) {
    const numerator = BigInt(fraction[2] ?? fraction[4]!);
    const denominator = BigInt(fraction[3] ?? fraction[5]!);
    if (denominator !== 0n) return { type: 'fraction', negative: fraction[1] === '-', numerator, denominator };
  }
  if (/^-?\d*\.\d+$/.test(text)) return { type: 'decimal', text };
  return { type: 'latex', text };
}

const grouped = (digits: string, separator: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

// The terminating decimal of p/q (p, q > 0), when it has at most six places.
function terminating(p: bigint, q: bigint): string | undefined {
  for (let places = 1; places <= 6; places++) {
    const scale = 10n ** BigInt(places);
    if ((p * scale) % q !== 0n) continue;
    const digits = ((p * scale) / q).toString().padStart(places + 1, '0');
    return `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/0+$/, '').replace(/\.$/, '');
  }
  return undefined;
}

/** Equivalent ways to write `answer`, the dataset's own form first. Only forms with the same value. */
export function answerForms(answer: string): AnswerForm[] {
  const parsed = parseAnswer(answer);
  const forms: AnswerForm[] = [];
  const add = (text: string, plain: boolean) => {
    if (!forms.some((f) => f.text === text)) forms.push({ text, plain });
  };
  switch (parsed.type) {
    case 'integer': {
      const sign = parsed.value < 0n ? '-' : '';
      const digits = (parsed.value < 0n ? -parsed.value : parsed.value).toString();
      add(`${sign}${digits}`, true);
      if (digits.length > 3) {
        add(`${sign}${grouped(digits, ',')}`, true);
        add(`${sign}${grouped(digits, '{,}')}`, false);
      }
      break;
    }
    case 'fraction': {
      const { negative, numerator: p, denominator: q } = parsed;
      const sign = negative ? '-' : '';
      add(answer.trim(), false);
      add(`${sign}\\frac{${p}}{${q}}`, false);
      add(`${sign}\\dfrac{${p}}{${q}}`, false);
      add(`${sign}${p}/${q}`, true);
      if (negative) add(`\\frac{-${p}}{${q}}`, false);
      if (!negative && p > q && p % q !== 0n) add(`${p / q}\\frac{${p % q}}{${q}}`, false); // a mixed number
      const decimal = terminating(p, q);
      if (decimal !== undefined) add(`${sign}${decimal}`, true);
      break;
    }
    case 'decimal':
      add(parsed.text, true);
      if (/^-?\./.test(parsed.text)) add(parsed.text.replace('.', '0.'), true);
      break;
    case 'latex': {
      const text = parsed.text;
      add(text, false);
      const bare = /^\\text\{([^{}]*)\}$/.exec(text)?.[1];
      if (bare !== undefined) add(bare, true);
      add(text.replace(/\\frac/g, '\\dfrac'), false);
      add(
        text
          .replace(/\\left\s*|\\right\s*/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
        false,
      );
      add(text.replace(/\\sqrt(\d)/g, '\\sqrt{$1}'), false);
      add(text.replace(/\^\\circ/g, '^{\\circ}'), false);
      add(text.replace(/,\s+/g, ','), false);
      break;
    }
  }
  return forms;
}

/** A wrong answer a reasoning model plausibly ends on, and what went wrong, never equal to `answer`. */
export interface WrongAnswer {
  answer: string;
  slip: string;
}

/** A plausible wrong answer: off by one, a sign slip, a nearby value, a wrong fraction, another answer of the set. */
export function wrongAnswer(answer: string, rng: Rng, others: readonly string[]): WrongAnswer {
  const parsed = parseAnswer(answer);
  const candidates: WrongAnswer[] = [];
  if (parsed.type === 'integer') {
    const n = parsed.value;
    candidates.push({ answer: String(n + 1n), slip: 'an off-by-one in the final count' }, { answer: String(n - 1n), slip: 'an off-by-one in the final count' });
    const spread = BigInt(Math.max(2, Math.round(Math.abs(Number(n)) * 0.1)));
    const nearby = n + (rng() < 0.5 ? -1n : 1n) * (2n + BigInt(Math.floor(rng() * Number(spread))));
    candidates.push({ answer: String(nearby), slip: 'an arithmetic slip in an intermediate step' });
    if (n < 0n) candidates.push({ answer: String(-n), slip: 'a dropped minus sign' });
    if (n % 2n === 0n && n !== 0n) candidates.push({ answer: String(n / 2n), slip: 'counting each pair once instead of twice' });
    if (n >= 0n) candidates.splice(0, candidates.length, ...candidates.filter((c) => !c.answer.startsWith('-'))); // a count stays a count
  } else if (parsed.type === 'fraction') {
    const { negative, numerator: p, denominator: q } = parsed;
    const frac = (a: bigint, b: bigint, minus = negative) => {
      const g = gcd(a, b);
      return b / g === 1n ? `${minus ? '-' : ''}${a / g}` : `${minus ? '-' : ''}\\frac{${a / g}}{${b / g}}`;
    };
    if (p !== q) candidates.push({ answer: frac(q, p), slip: 'the ratio taken the wrong way round' });
    candidates.push({ answer: frac(p + 1n, q), slip: 'an off-by-one in the count of favourable cases' });
    if (q > 1n) candidates.push({ answer: frac(p, q + 1n), slip: 'an off-by-one in the count of all cases' });
    candidates.push({ answer: frac(p, q, !negative), slip: 'a sign slip' });
  } else if (parsed.type === 'decimal') {
    const places = parsed.text.split('.')[1]!.length;
    const unit = 10 ** -places;
    const value = Number(parsed.text);
    candidates.push({ answer: (value + unit).toFixed(places), slip: 'a rounding slip in the last place' });
    candidates.push({ answer: (value * 10).toFixed(Math.max(0, places - 1)), slip: 'a misplaced decimal point' });
  } else {
    const numbers = [...parsed.text.matchAll(/(?<![_\d])\d+/g)]; // not a base subscript (52_8)
    if (numbers.length > 0) {
      const target = pick(rng, numbers);
      const bumped = String(Number(target[0]) + (rng() < 0.5 && Number(target[0]) > 1 ? -1 : 1));
      candidates.push({
        answer: parsed.text.slice(0, target.index) + bumped + parsed.text.slice(target.index + target[0].length),
        slip: 'a slip in one coefficient',
      });
    }
    const letter = /^\\text\{\(([A-E])\)\}$/.exec(parsed.text)?.[1];
    if (letter) {
      const other = pick(
        rng,
        ['A', 'B', 'C', 'D', 'E'].filter((l) => l !== letter),
      );
      candidates.push({ answer: `\\text{(${other})}`, slip: 'a misread option' });
    }
    if (!parsed.text.startsWith('\\text') && !/[,()[\]]/.test(parsed.text)) {
      candidates.push({ answer: parsed.text.startsWith('-') ? parsed.text.slice(1) : `-${parsed.text}`, slip: 'a sign slip' });
    }
  }
  const same = new Set(answerForms(answer).map((f) => f.text.replace(/\s+/g, '')));
  const valid = candidates.filter((c) => !same.has(c.answer.replace(/\s+/g, '')));
  if (valid.length > 0) return pick(rng, valid);
  // Another answer of the same set, of the same kind where there is one (a word for a word).
  const differing = others.filter((other) => !same.has(other.replace(/\s+/g, '')));
  const alike = differing.filter((other) => /\d/.test(other) === /\d/.test(answer) && other.startsWith('\\text') === answer.startsWith('\\text'));
  const alternatives = alike.length ? alike : differing;
  return { answer: alternatives.length ? pick(rng, alternatives) : `${answer}+1`, slip: 'misreading what the question asks for' };
}
