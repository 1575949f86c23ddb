// Solver for integer arithmetic questions such as "What is 347 * 29?".

import { intBetween, pick, type Rng } from '../random.js';
import type { Attempt, Question } from './questions.js';

const NUMBER = String.raw`(-?\d[\d,]*)`;
const OPERATOR = String.raw`(\+|-|\*|x|×|\/|÷|plus|minus|times|multiplied by|divided by)`;
const EXPRESSION = new RegExp(String.raw`${NUMBER}\s*${OPERATOR}\s*${NUMBER}`, 'i');

type Op = '+' | '-' | '*' | '/';
const OPS: Record<string, Op> = {
  '+': '+',
  plus: '+',
  '-': '-',
  minus: '-',
  '*': '*',
  x: '*',
  '×': '*',
  times: '*',
  'multiplied by': '*',
  '/': '/',
  '÷': '/',
  'divided by': '/',
};

// Exact decimal for a non-integer quotient, up to six places.
function divide(a: bigint, b: bigint): string {
  const scaled = (a * 1_000_000n) / b;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(7, '0');
  const fraction = digits.slice(-6).replace(/0+$/, '');
  const whole = digits.slice(0, -6);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

// Splits |n| into its non-zero place values: 347 -> [300, 40, 7].
function placeValues(n: bigint): bigint[] {
  const digits = (n < 0n ? -n : n).toString();
  return [...digits].map((digit, index) => BigInt(digit) * 10n ** BigInt(digits.length - 1 - index)).filter((value) => value !== 0n);
}

// Worked steps ending on `result`; `slip` replaces the last step's total so a wrong sample shows its error.
function steps(a: bigint, op: Op, b: bigint, result: string, slip?: string): string {
  const shown = slip ?? result;
  if (op === '*') {
    const parts = placeValues(b).map((place) => a * place * (b < 0n ? -1n : 1n));
    const partial = placeValues(b).map((place, i) => `${a} × ${b < 0n ? -place : place} = ${parts[i] ?? 0n}`);
    return `Split ${b} into place values and multiply each:\n${partial.join('\n')}\nAdding the partial products: ${parts.join(' + ') || '0'} = ${shown}.`;
  }
  if (op === '+' || op === '-') {
    const lines: string[] = [];
    let total = a;
    for (const place of placeValues(b)) {
      const signed = (op === '+') === b >= 0n ? place : -place;
      const next = total + signed;
      lines.push(`${total} ${signed >= 0n ? '+' : '-'} ${signed >= 0n ? signed : -signed} = ${next}`);
      total = next;
    }
    if (slip && lines.length > 0) lines[lines.length - 1] = `${lines.at(-1)?.replace(/= -?\d+$/, `= ${slip}`)}`;
    return `Work through ${b} one place value at a time:\n${lines.join('\n')}\nSo ${a} ${op} ${b} = ${shown}.`;
  }
  const quotient = a / b;
  return `Estimate: ${b} × ${quotient} = ${b * quotient}, remainder ${a - b * quotient}.\nSo ${a} / ${b} = ${shown}.`;
}

// A plausible slip: off by a small amount, or two adjacent digits swapped.
function slipOf(result: string, rng: Rng): string {
  const digits = result.replace('-', '');
  const swaps: number[] = [];
  for (let i = 0; i + 1 < digits.length; i++) if (digits[i] !== digits[i + 1] && !(i === 0 && digits[1] === '0')) swaps.push(i);
  if (swaps.length > 0 && rng() < 0.4) {
    const at = pick(rng, swaps);
    const swapped = digits.slice(0, at) + (digits[at + 1] ?? '') + (digits[at] ?? '') + digits.slice(at + 2);
    return (result.startsWith('-') ? '-' : '') + swapped;
  }
  const [whole = '0', fraction] = result.split('.');
  const magnitude = whole.replace('-', '').length;
  const step = pick(rng, [1n, 1n, 10n, magnitude >= 3 ? 100n : 10n]) * (rng() < 0.5 ? -1n : 1n);
  return `${BigInt(whole) + step}${fraction ? `.${fraction}` : ''}`;
}

/** Recognises a two-operand integer expression and returns its right and wrong attempts. */
export function solveArithmetic(text: string): Question | null {
  const match = EXPRESSION.exec(text);
  const left = match?.[1];
  const opText = match?.[2];
  const rightText = match?.[3];
  if (!left || !opText || !rightText) return null;
  const op = OPS[opText.toLowerCase()];
  const a = BigInt(left.replace(/,/g, ''));
  const b = BigInt(rightText.replace(/,/g, ''));
  if (!op || (op === '/' && b === 0n)) return null;
  const exact = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a % b === 0n ? a / b : null;
  const result = exact === null ? divide(a, b) : exact.toString();
  const right: Attempt = { answer: result, kind: 'number', reasoning: `I need ${a} ${op} ${b}.\n${steps(a, op, b, result)}` };
  const wrong = (rng: Rng): Attempt => {
    const slip = slipOf(result, rng);
    const answer = slip === result ? `${BigInt(result.split('.')[0] ?? '0') + BigInt(intBetween(rng, 1, 9))}` : slip;
    return { answer, kind: 'number', reasoning: `I need ${a} ${op} ${b}.\n${steps(a, op, b, result, answer)}` };
  };
  return { family: 'arithmetic', right, wrong };
}
