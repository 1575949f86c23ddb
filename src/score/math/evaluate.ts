// Fast float evaluation of compute-engine's MathJSON at sample points, to compare expressions in variables.

type Json = unknown;

/** Thrown for an operator this evaluator does not know; the caller then asks compute-engine. */
export class UnknownOperator extends Error {}

const CONSTANTS: Record<string, number> = { Pi: Math.PI, ExponentialE: Math.E, Half: 0.5 };

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 170) return Number.NaN;
  let out = 1;
  for (let k = 2; k <= n; k++) out *= k;
  return out;
}

const UNARY: Record<string, (x: number) => number> = {
  Negate: (x) => -x,
  Sqrt: Math.sqrt,
  Square: (x) => x * x,
  Exp: Math.exp,
  Ln: Math.log,
  Lb: Math.log2,
  Lg: Math.log10,
  Sin: Math.sin,
  Cos: Math.cos,
  Tan: Math.tan,
  Cot: (x) => 1 / Math.tan(x),
  Sec: (x) => 1 / Math.cos(x),
  Csc: (x) => 1 / Math.sin(x),
  Arcsin: Math.asin,
  Arccos: Math.acos,
  Arctan: Math.atan,
  Sinh: Math.sinh,
  Cosh: Math.cosh,
  Tanh: Math.tanh,
  Abs: Math.abs,
  Floor: Math.floor,
  Ceil: Math.ceil,
  Factorial: factorial,
};

/** The value of `json` with `env` giving each variable; NaN where it is undefined (√ of a negative). */
export function evaluateJson(json: Json, env: Readonly<Record<string, number>>): number {
  if (typeof json === 'number') return json;
  if (typeof json === 'string') {
    const value = env[json] ?? CONSTANTS[json];
    if (value === undefined) throw new UnknownOperator(json);
    return value;
  }
  if (!Array.isArray(json)) {
    const num = (json as { num?: unknown } | null)?.num;
    if (typeof num === 'string') return Number(num.replace(/\.\.\.$/, ''));
    throw new UnknownOperator(JSON.stringify(json));
  }
  const [op, ...args] = json as [string, ...Json[]];
  const values = args.map((arg) => evaluateJson(arg, env));
  const [a = Number.NaN, b = Number.NaN] = values;
  switch (op) {
    case 'Add':
      return values.reduce((sum, x) => sum + x, 0);
    case 'Multiply':
      return values.reduce((product, x) => product * x, 1);
    case 'Subtract':
      return a - b;
    case 'Divide':
    case 'Rational':
      return a / b;
    case 'Power':
      return a ** b;
    case 'Root':
      return a < 0 && b % 2 === 1 ? -((-a) ** (1 / b)) : a ** (1 / b);
    case 'Log':
      return values.length > 1 ? Math.log(a) / Math.log(b) : Math.log10(a);
    default: {
      const unary = UNARY[op];
      if (unary === undefined || values.length !== 1) throw new UnknownOperator(op);
      return unary(a);
    }
  }
}

/**
 * Sample points for `variables`: eight fixed, irregular values per variable in (0.3, 2.8), then
 * four larger ones, so most square roots and logarithms are defined and no two variables coincide.
 */
export function samplePoints(variables: readonly string[]): Record<string, number>[] {
  const points: Record<string, number>[] = [];
  for (let k = 0; k < 12; k++) {
    const point: Record<string, number> = {};
    variables.forEach((name, j) => {
      const u = (Math.sin(12.9898 * (k + 1) + 78.233 * (j + 1)) * 43758.5453) % 1;
      const frac = Math.abs(u);
      point[name] = k < 8 ? 0.3 + 2.5 * frac : 3 + 7 * frac;
    });
    points.push(point);
  }
  return points;
}

/** Whether two floats agree to 1e-9, relative to their size (absolute near zero). */
export function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
