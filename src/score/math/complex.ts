// Complex constants evaluated here in floats: compute-engine 0.27 divides by |z| instead of |z|²
// ((2+3i)/(1+i) comes out as 3.54+0.71i, not 2.5+0.5i), so its complex values are not used.
import { UnknownOperator, evaluateJson } from './evaluate.js';

/** A complex number as [re, im]. */
export type Complex = readonly [number, number];

function mul([a, b]: Complex, [c, d]: Complex): Complex {
  return [a * c - b * d, a * d + b * c];
}

function div([a, b]: Complex, [c, d]: Complex): Complex {
  const norm = c * c + d * d;
  return [(a * c + b * d) / norm, (b * c - a * d) / norm];
}

function power(base: Complex, exponent: Complex): Complex {
  const [n, nIm] = exponent;
  if (nIm === 0 && Number.isInteger(n) && Math.abs(n) <= 64) {
    let out: Complex = [1, 0];
    for (let k = 0; k < Math.abs(n); k++) out = mul(out, base);
    return n < 0 ? div([1, 0], out) : out;
  }
  // Principal value: exp(w log z).
  const [x, y] = base;
  const log: Complex = [Math.log(Math.hypot(x, y)), Math.atan2(y, x)];
  const [p, q] = mul(exponent, log);
  return [Math.exp(p) * Math.cos(q), Math.exp(p) * Math.sin(q)];
}

/** The value of a constant MathJSON expression as a complex number; throws UnknownOperator beyond + - × ÷ powers and roots. */
export function evaluateComplex(json: unknown): Complex {
  if (json === 'ImaginaryUnit') return [0, 1];
  if (!Array.isArray(json)) return [evaluateJson(json, {}), 0];
  const [op, ...args] = json as [string, ...unknown[]];
  if (op === 'Complex') return [evaluateJson(args[0], {}), evaluateJson(args[1], {})];
  const values = args.map(evaluateComplex);
  const [a = [Number.NaN, 0], b = [Number.NaN, 0]] = values;
  switch (op) {
    case 'Add':
      return values.reduce<Complex>(([x, y], [u, v]) => [x + u, y + v], [0, 0]);
    case 'Subtract':
      return [a[0] - b[0], a[1] - b[1]];
    case 'Negate':
      return [-a[0], -a[1]];
    case 'Multiply':
      return values.reduce<Complex>(mul, [1, 0]);
    case 'Divide':
    case 'Rational':
      return div(a, b);
    case 'Power':
      return power(a, b);
    case 'Sqrt':
      return power(a, [0.5, 0]);
    case 'Square':
      return mul(a, a);
    default:
      if (values.every(([, im]) => im === 0)) return [evaluateJson(json, {}), 0];
      throw new UnknownOperator(op);
  }
}
