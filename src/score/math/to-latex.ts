// MathJSON to LaTeX for vote keys. Compute-engine 0.27's own serialiser drops the parentheses of a
// negated sum (-(q-p) comes out as "-q-p"), so keys are written here, with brackets where needed.

type Json = unknown;

const SYMBOLS: Record<string, string> = {
  Pi: '\\pi',
  ExponentialE: 'e',
  ImaginaryUnit: 'i',
  PositiveInfinity: '\\infty',
  NegativeInfinity: '-\\infty',
  Half: '\\frac{1}{2}',
};
const GREEK = /^(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|rho|sigma|tau|upsilon|phi|chi|psi|omega)$/i;
const FUNCTIONS: Record<string, string> = {
  Sin: '\\sin',
  Cos: '\\cos',
  Tan: '\\tan',
  Cot: '\\cot',
  Sec: '\\sec',
  Csc: '\\csc',
  Ln: '\\ln',
  Log: '\\log',
  Exp: '\\exp',
  Arcsin: '\\arcsin',
  Arccos: '\\arccos',
  Arctan: '\\arctan',
  Sinh: '\\sinh',
  Cosh: '\\cosh',
  Tanh: '\\tanh',
};

function isCall(json: Json, op?: string): json is [string, ...Json[]] {
  return Array.isArray(json) && typeof json[0] === 'string' && (op === undefined || json[0] === op);
}

function numberText(json: Json): string | null {
  if (typeof json === 'number') return Number.isInteger(json) ? BigInt(json).toString() : String(json);
  const num = (json as { num?: unknown } | null)?.num;
  return typeof num === 'string' ? num.replace(/\.\.\.$/, '') : null;
}

/** Whether the term starts with a minus sign of its own (so a sum writes it as "- ..."). */
function negativePart(json: Json): Json | null {
  const text = numberText(json);
  if (text?.startsWith('-')) return { num: text.slice(1) };
  if (isCall(json, 'Negate')) return json[1];
  if (isCall(json, 'Rational') && typeof json[1] === 'number' && json[1] < 0) return ['Rational', -json[1], json[2]];
  if (isCall(json, 'Multiply')) {
    const first = negativePart(json[1]);
    if (first !== null) return numberText(first) === '1' ? ['Multiply', ...json.slice(2)] : ['Multiply', first, ...json.slice(2)];
  }
  return null;
}

function wrapped(json: Json, needs: (json: Json) => boolean): string {
  const text = toLatex(json);
  return needs(json) ? `(${text})` : text;
}

const isSum = (json: Json): boolean => isCall(json, 'Add') || isCall(json, 'Subtract');
const isCompound = (json: Json): boolean =>
  isSum(json) ||
  isCall(json, 'Multiply') ||
  isCall(json, 'Complex') ||
  isCall(json, 'Negate') ||
  isCall(json, 'Divide') ||
  isCall(json, 'Rational') ||
  (numberText(json)?.startsWith('-') ?? false) ||
  (numberText(json)?.includes('.') ?? false);

function product(factors: Json[]): string {
  if (factors.length === 1) return toLatex(factors[0]);
  let out = '';
  factors.forEach((factor, i) => {
    const text = wrapped(factor, (f) => isSum(f) || isCall(f, 'Negate') || (i > 0 && (numberText(f)?.startsWith('-') ?? false)));
    if (i === 0 && numberText(factor) === '1' && factors.length > 1) return;
    if (i === 0 && numberText(factor) === '-1' && factors.length > 1) {
      out = '-';
      return;
    }
    // Two numbers side by side need a dot: 2 \cdot 3, not 23.
    out += i > 0 && /^[\d.]/.test(text) && /[\d.}]$/.test(out) ? `\\cdot ${text}` : text;
  });
  return out;
}

function exponent(json: Json): string {
  const text = toLatex(json);
  return text.length === 1 ? text : `{${text}}`;
}

/** LaTeX for a MathJSON expression, with the brackets its structure needs. */
export function toLatex(json: Json): string {
  const number = numberText(json);
  if (number !== null) return number;
  if (typeof json === 'string') {
    if (json.startsWith("'")) return `\\text{${json.slice(1, -1)}}`;
    return SYMBOLS[json] ?? (GREEK.test(json) ? `\\${json}` : json.length > 1 ? `\\mathrm{${json}}` : json);
  }
  if (!isCall(json)) return JSON.stringify(json);
  const [op, ...args] = json;
  const [a, b] = args;
  switch (op) {
    case 'Add':
      return args
        .map((term, i) => {
          const negative = negativePart(term);
          if (negative !== null) return `-${wrapped(negative, isSum)}`;
          const text = toLatex(term);
          return i === 0 || text.startsWith('-') ? text : `+${text}`;
        })
        .join('');
    case 'Subtract':
      return `${toLatex(a)}-${wrapped(b, isSum)}`;
    case 'Negate':
      return `-${wrapped(a, (x) => isSum(x) || isCall(x, 'Negate') || (numberText(x)?.startsWith('-') ?? false))}`;
    case 'Multiply':
      return product(args);
    case 'Divide':
    case 'Rational': {
      const negative = negativePart(a);
      return negative === null ? `\\frac{${toLatex(a)}}{${toLatex(b)}}` : `-\\frac{${toLatex(negative)}}{${toLatex(b)}}`;
    }
    case 'Power':
      return `${wrapped(a, (x) => isCompound(x) || isCall(x, 'Power') || isCall(x, 'Sqrt'))}^${exponent(b)}`;
    case 'Sqrt':
      return `\\sqrt{${toLatex(a)}}`;
    case 'Root':
      return `\\sqrt[${toLatex(b)}]{${toLatex(a)}}`;
    case 'Complex':
      return `${toLatex(a)}${(numberText(b) ?? '').startsWith('-') ? '' : '+'}${toLatex(b)}i`;
    case 'Abs':
      return `|${toLatex(a)}|`;
    case 'Factorial':
      return `${wrapped(a, isCompound)}!`;
    default: {
      const name = FUNCTIONS[op] ?? `\\operatorname{${op}}`;
      return `${name}(${args.map(toLatex).join(', ')})`;
    }
  }
}
