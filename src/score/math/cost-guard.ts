// Guards against answers that would make compute-engine work without end: (10^{100})!, sin(10^{100}), sums, (x+y)^{40} expanded.
import { evaluateJson } from './evaluate.js';

type Json = unknown;

const FACTORIALS = new Set(['Factorial', 'Factorial2', 'Gamma']);
const LARGEST_FACTORIAL = 1000;
const TRIGONOMETRY = new Set(['Sin', 'Cos', 'Tan', 'Cot', 'Sec', 'Csc']);
// Argument reduction of sin(10^100) to 50 digits takes the engine over a second.
const LARGEST_ANGLE = 1e9;
// Not final values, and a sum to 10^9 would be summed term by term.
const OPERATIONS = new Set(['Sum', 'Product', 'Integrate', 'Limit', 'D', 'Derivative']);

function isCall(json: Json): json is [string, ...Json[]] {
  return Array.isArray(json) && typeof json[0] === 'string';
}

function floatValue(json: Json): number {
  try {
    return evaluateJson(json, {});
  } catch {
    return Number.NaN;
  }
}

/** Why evaluating `json` could take too long (a factorial of a huge or unknown number), or null. */
export function evaluationRisk(json: Json): string | null {
  if (!isCall(json)) return null;
  const [op, ...args] = json;
  // The engine does not return from (10^{100})!, so a factorial must be of a known, small number.
  if (FACTORIALS.has(op) && !(Math.abs(floatValue(args[0])) <= LARGEST_FACTORIAL)) return 'it has a factorial too large to evaluate';
  if (TRIGONOMETRY.has(op) && Math.abs(floatValue(args[0])) > LARGEST_ANGLE) return 'it has a trigonometric function of a huge number';
  if (OPERATIONS.has(op)) return `it is an operation (${op}), not a value`;
  for (const arg of args) {
    const risk = evaluationRisk(arg);
    if (risk !== null) return risk;
  }
  return null;
}

/** How many terms expanding `json` gives at most: sums add, products multiply, powers of sums multiply out. */
export function expansionSize(json: Json): number {
  if (!isCall(json)) return 1;
  const [op, ...args] = json;
  switch (op) {
    case 'Add':
      return args.reduce<number>((sum, arg) => sum + expansionSize(arg), 0);
    case 'Multiply':
      return args.reduce<number>((product, arg) => product * expansionSize(arg), 1);
    case 'Power': {
      const exponent = floatValue(args[1]);
      const base = expansionSize(args[0]);
      return base === 1 ? 1 : Number.isInteger(exponent) && exponent > 0 ? base ** exponent : Number.POSITIVE_INFINITY;
    }
    default:
      return 1;
  }
}
