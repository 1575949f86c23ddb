// The one compute-engine instance, used in a throwaway scope per call so symbol types never leak between answers.
import { ComputeEngine } from '@cortex-js/compute-engine';

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

// Created on first use (about 40 ms, and the first simplify about 200 ms more), not at import.
function theEngine(): ComputeEngine {
  if (engine === undefined) {
    engine = new ComputeEngine();
    // 50 digits, so equality "to 40 digits" separates an exact value from any decimal a person writes.
    engine.precision = 50;
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
  ce.pushScope();
  try {
    return work(ce);
  } finally {
    ce.popScope();
  }
}

/** A number for the engine's arithmetic, from a bigint or a decimal string. */
export function big(value: bigint | string | number): Big {
  return theEngine().bignum(value) as unknown as Big;
}

/** The LaTeX of an expression without the engine's display habits (thin spaces in 20 000, `\imaginaryI`). */
export function plainLatex(expr: BoxedExpression): string {
  return expr.latex
    .replace(/\\,/g, '')
    .replace(/\\imaginaryI/g, 'i')
    .replace(/\\exponentialE/g, 'e')
    .replace(/\s+/g, ' ')
    .trim();
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
