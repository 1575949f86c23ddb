// Whether two parsed answers are the same mathematics: exact for constants, sampled for expressions.
import type { Piece, Shape } from './structure.js';
import type { Scalar } from './scalar.js';
import { type Big, big, inScope } from './engine.js';
import { UnknownOperator, closeEnough, evaluateJson, samplePoints } from './evaluate.js';

// Exact values are known to 50 digits; agreeing to 40 means equal. No decimal a person writes is
// that long, so a rounded decimal (4.67 for 14/3) is never equal to the exact value it rounds.
const DIGITS_TOLERANCE = '1e-40';

function bigClose(a: Big, b: Big): boolean {
  const scale = a.abs().lte(b.abs()) ? b.abs() : a.abs();
  return a
    .minus(b)
    .abs()
    .lte(big(DIGITS_TOLERANCE).times(scale.lte(1) ? 1 : scale));
}

function constantsEqual(a: Extract<Scalar, { type: 'constant' }>, e: Extract<Scalar, { type: 'constant' }>): boolean {
  if (a.infinite || e.infinite || a.key.includes('\\infty') || e.key.includes('\\infty')) return a.key === e.key;
  // Compute-engine does complex arithmetic in floats, so complex values are compared to 1e-9.
  if (a.im !== 0 || e.im !== 0) return closeEnough(Number(a.re.toString()), Number(e.re.toString())) && closeEnough(a.im, e.im);
  if (bigClose(a.re, e.re)) return true;
  // 50% is 50 (the percent asked for) and 0.5 (its value): the side with the sign divided by 100.
  if (a.percent === true && e.percent !== true) return bigClose(a.re.div(100), e.re);
  if (e.percent === true && a.percent !== true) return bigClose(a.re, e.re.div(100));
  return false;
}

/** The value of `json` at `point`, by the fast evaluator or, for operators it lacks, by compute-engine. */
function valueAt(json: unknown, point: Record<string, number>): number {
  try {
    return evaluateJson(json, point);
  } catch (error) {
    if (!(error instanceof UnknownOperator)) throw error;
    return inScope((ce) => {
      const subs = Object.fromEntries(Object.entries(point).map(([name, v]) => [name, ce.number(v)]));
      return ce
        .box(json as Parameters<typeof ce.box>[0])
        .subs(subs)
        .N().re;
    });
  }
}

/**
 * Equal at every sample point where both are defined, and defined at four or more. Floats to
 * 1e-9: with variables, a decimal coefficient (0.333x for x/3) is wrong unless right to 9 digits.
 */
function sampledEqual(a: unknown, e: unknown, vars: string[], proportional: boolean): boolean {
  let defined = 0;
  let ratio: number | undefined;
  for (const point of samplePoints(vars)) {
    const [x, y] = [valueAt(a, point), valueAt(e, point)];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    defined++;
    if (!proportional) {
      if (!closeEnough(x, y)) return false;
      continue;
    }
    // Equations are equal up to a non-zero factor: 2x - 2 = 0 is x = 1.
    if (Math.abs(y) < 1e-12) {
      if (Math.abs(x) > 1e-9) return false;
      continue;
    }
    ratio ??= x / y;
    if (ratio === 0 || !closeEnough(x / y, ratio)) return false;
  }
  return defined >= 4 && (!proportional || ratio !== undefined);
}

function sameVars(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** Whether one value equals another: exact for constants, at sample points for expressions. */
export function scalarsEqual(a: Scalar, e: Scalar): boolean {
  if (a.key === e.key) return true;
  if (a.type === 'based' && e.type === 'based') return a.value === e.value;
  if (a.type === 'constant' && e.type === 'constant') return constantsEqual(a, e);
  if (a.type === 'expression' && e.type === 'expression') return sameVars(a.vars, e.vars) && sampledEqual(a.json, e.json, a.vars, false);
  const asEquation = (s: Scalar): { json: unknown; vars: string[] } | null => {
    if (s.type === 'equation') return s;
    // `y = 2x + 3` against `2x - y + 3 = 0`: the label becomes the left-hand side again.
    if (s.type === 'expression' && s.label !== undefined && /^[a-zA-Z]$/.test(s.label)) {
      return { json: ['Subtract', s.label, s.json], vars: [...new Set([...s.vars, s.label])].sort() };
    }
    return null;
  };
  const [ea, ee] = [asEquation(a), asEquation(e)];
  if (ea === null || ee === null || (a.type !== 'equation' && e.type !== 'equation')) return false;
  return sameVars(ea.vars, ee.vars) && sampledEqual(ea.json, ee.json, ea.vars, true);
}

function piecesEqual(a: Piece, e: Piece): boolean {
  return a.loClosed === e.loClosed && a.hiClosed === e.hiClosed && scalarsEqual(a.lo, e.lo) && scalarsEqual(a.hi, e.hi);
}

function inOrder(a: Scalar[], e: Scalar[]): boolean {
  return (
    a.length === e.length &&
    a.every((item, i) => {
      const other = e[i];
      return other !== undefined && scalarsEqual(item, other);
    })
  );
}

/** Each expected item matched by a different answer item, in any order. */
function asMultiset(a: Scalar[], e: Scalar[]): boolean {
  if (a.length !== e.length) return false;
  const unused = [...a];
  return e.every((want) => {
    const at = unused.findIndex((item) => scalarsEqual(item, want));
    if (at < 0) return false;
    unused.splice(at, 1);
    return true;
  });
}

/** The items of an ordered shape: a tuple, an open pair, a column or row vector, a list as written. */
function sequence(shape: Shape): Scalar[] | null {
  switch (shape.kind) {
    case 'tuple':
    case 'list':
      return shape.items;
    case 'interval': {
      const [only] = shape.pieces;
      return shape.pieces.length === 1 && only !== undefined && !only.loClosed && !only.hiClosed ? [only.lo, only.hi] : null;
    }
    case 'matrix':
      return shape.rows.every((row) => row.length === 1) ? shape.rows.flat() : shape.rows.length === 1 ? (shape.rows[0] ?? null) : null;
    case 'scalar':
      return null;
  }
}

/** Whether the answer's shape equals the expected one; the expected shape decides what order means. */
export function shapesEqual(a: Shape, e: Shape): boolean {
  switch (e.kind) {
    case 'scalar':
      return a.kind === 'scalar' && scalarsEqual(a.item, e.item);
    case 'list': {
      const items = a.kind === 'list' || a.kind === 'tuple' ? a.items : a.kind === 'scalar' ? [a.item] : null;
      return items !== null && asMultiset(items, e.items);
    }
    case 'interval':
      if (a.kind === 'interval') {
        const unused = [...a.pieces];
        return (
          a.pieces.length === e.pieces.length &&
          e.pieces.every((want) => {
            const at = unused.findIndex((piece) => piecesEqual(piece, want));
            return at >= 0 && unused.splice(at, 1).length === 1;
          })
        );
      }
      return sequence(a) !== null && sequence(e) !== null && inOrder(sequence(a) ?? [], sequence(e) ?? []);
    case 'tuple':
    case 'matrix': {
      if (a.kind === 'matrix' && e.kind === 'matrix' && a.rows.length === e.rows.length) {
        return a.rows.every((row, i) => inOrder(row, e.rows[i] ?? []));
      }
      const [mine, theirs] = [sequence(a), sequence(e)];
      return mine !== null && theirs !== null && inOrder(mine, theirs);
    }
  }
}
