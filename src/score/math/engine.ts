// The one compute-engine instance, used in a throwaway scope per call so symbol types never leak between answers.
import { ComputeEngine } from '@cortex-js/compute-engine';
import { toLatex } from './to-latex.js';

/** A parsed expression (the package's own type name does not resolve under NodeNext, so it is derived). */
export type BoxedExpression = ReturnType<ComputeEngine['parse']>;

/** A decimal.js number as compute-engine hands it out (its `bignumRe`), typed by the few methods used here. */
export interface Big {
  abs(): Big;
  minus(other: Big | number | string): Big;
  plus(other: Big | number | string): Big;
  times(other: Big | number | string): Big;
  div(other: Big | number | string): Big;
  floor(): Big;
  lte(other: Big | number | string): boolean;
  isZero(): boolean;
  isFinite(): boolean;
  isNegative(): boolean;
  toFixed(digits?: number): string;
  toString(): string;
}

let engine: ComputeEngine | undefined;

// Each family of rules in the engine pays a large first-use cost (the first simplify of a polynomial
// takes ~400 ms); paying it once at start-up keeps it out of the per-answer cost.
const WARM_UP = ['x^3+3x-6', '2(k+1)', '\\sqrt{117}+1', '\\frac{\\pi}{6}', '6-5i', '\\frac{\\cos x}{\\sin x}', '(a+5)(b+2)', '5x-7y+11z'];

function warmUp(ce: ComputeEngine): void {
  ce.pushScope();
  try {
    for (const latex of WARM_UP) {
      const expr = ce.parse(latex);
      expr.simplify();
      expr.N();
    }
  } finally {
    ce.popScope();
  }
}

// Created on first use (with its warm-up, about half a second), not at import.
function theEngine(): ComputeEngine {
  if (engine === undefined) {
    engine = new ComputeEngine();
    // 50 digits, so equality "to 40 digits" separates an exact value from any decimal a person writes.
    engine.precision = 50;
    warmUp(engine);
  }
  return engine;
}

/**
 * Runs `work` inside a fresh scope. Compute-engine infers a symbol's type from its first use and
 * keeps it for the engine's life (after `x_1`, `x` is a list and `x/x` no longer parses), so
 * every read and comparison gets its own scope and the result does not depend on call order.
 */
export function inScope<T>(work: (ce: ComputeEngine) => T): T {
  const ce = theEngine();
  // The engine prints some type errors with console.error (on `0\pm\sin)or`, say) while also
  // returning them as Error nodes; a scorer must not write to the terminal, so they are muted
  // for the (synchronous) duration of the call.
  const { error, warn } = console;
  console.error = console.warn = () => {};
  ce.pushScope();
  try {
    return work(ce);
  } finally {
    ce.popScope();
    console.error = error;
    console.warn = warn;
  }
}

/** A number for the engine's arithmetic, from a bigint or a decimal string. */
export function big(value: bigint | string | number): Big {
  return theEngine().bignum(value) as unknown as Big;
}

/** The LaTeX of an expression, written by to-latex.ts (the engine's own serialiser drops brackets). */
export function plainLatex(expr: BoxedExpression): string {
  return toLatex(expr.json);
}

/** Parses LaTeX; an expression with an `Error` node anywhere is refused with the engine's first error code. */
export function parseLatex(ce: ComputeEngine, latex: string): BoxedExpression | { error: string } {
  let expr: BoxedExpression;
  try {
    expr = ce.parse(latex);
  } catch (error) {
    return { error: `compute-engine failed on it (${String(error)})` };
  }
  if (expr.isValid) return expr;
  const code = /Error(?:Code)?","'([^']+)'/.exec(JSON.stringify(expr.json))?.[1] ?? 'invalid';
  return { error: `compute-engine could not parse it (${code})` };
}
