// Test helper: a small, independent reader of the simulator's math replies, to check forms and accuracy
// without the real math scorer. Exact rational comparison for numbers, a normalised text match otherwise.

/** The last \boxed{...} (braces matched), else an "Answer:" line, else "The answer is $x$." */
export function finalAnswer(content: string): string | undefined {
  const at = content.lastIndexOf('\\boxed{');
  if (at >= 0) {
    let depth = 0;
    for (let i = at + 6; i < content.length; i++) {
      if (content[i] === '{') depth++;
      else if (content[i] === '}' && --depth === 0) return content.slice(at + 7, i);
    }
    return undefined;
  }
  return /^Answer: (.+)$/m.exec(content)?.[1]?.trim() ?? /The answer is \$(.+)\$\.\s*$/.exec(content)?.[1];
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** An exact rational "p/q" for integers, separators, fractions, mixed numbers and decimals; undefined otherwise. */
export function rational(text: string): string | undefined {
  const t = text
    .replace(/\{,\}|,\\!\s?|,(?=\d{3}\b)/g, '')
    .replace(/\\[dt]frac/g, '\\frac')
    .trim();
  const make = (p: bigint, q: bigint) => {
    const g = gcd(p, q) || 1n;
    const sign = q < 0n ? -1n : 1n;
    return `${(sign * p) / g}/${(sign * q) / g}`;
  };
  let m = /^(-?)(\d+)$/.exec(t);
  if (m) return make(BigInt(m[1] + m[2]!), 1n);
  m = /^(-?)(\d*)\.(\d+)$/.exec(t);
  if (m) return make(BigInt(`${m[1]}${m[2] || '0'}${m[3]}`), 10n ** BigInt(m[3]!.length));
  m = /^(-?)(\d+)\/(\d+)$/.exec(t);
  if (m) return make(BigInt(m[1] + m[2]!), BigInt(m[3]!));
  m = /^(-?)\\frac(?:\{(-?\d+)\}\{(\d+)\}|(\d)(\d))$/.exec(t);
  if (m) return make((m[1] ? -1n : 1n) * BigInt(m[2] ?? m[4]!), BigInt(m[3] ?? m[5]!));
  m = /^(\d+)\\frac\{(\d+)\}\{(\d+)\}$/.exec(t);
  if (m) return make(BigInt(m[1]!) * BigInt(m[3]!) + BigInt(m[2]!), BigInt(m[3]!));
  return undefined;
}

// LaTeX spellings that mean the same: \dfrac, \left/\right, spaces, braces on one-digit roots, ^{\circ}, \text{}.
function canonicalText(text: string): string {
  return text
    .replace(/\\[dt]frac/g, '\\frac')
    .replace(/\\left|\\right/g, '')
    .replace(/\\sqrt\{(\d)\}/g, '\\sqrt$1')
    .replace(/\^\{\\circ\}/g, '^\\circ')
    .replace(/^\\text\{([^{}]*)\}$/, '$1')
    .replace(/\s+/g, '');
}

/** Whether the simulator's written answer means the dataset's answer. */
export function sameAnswer(written: string, expected: string): boolean {
  const a = rational(written);
  const b = rational(expected);
  if (a !== undefined || b !== undefined) return a === b;
  return canonicalText(written) === canonicalText(expected);
}
