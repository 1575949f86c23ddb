// Final answers read as mathematics: a vote key per answer, and equivalence as a careful grader decides it.
import { cleanSpan } from './clean-rules.js';
import { shapesEqual } from './compare.js';
import { inScope } from './engine.js';
import type { Scalar } from './scalar.js';
import { type Piece, type Shape, readShape } from './structure.js';
import { textKey } from './text.js';

export type { Shape } from './structure.js';

/** What an answer is, as read. */
export type MathKind = 'number' | 'expression' | 'tuple' | 'interval' | 'list' | 'matrix' | 'equation' | 'text';

/** A final answer read as mathematics. `canonical` is the vote key: equivalent answers give the same string. */
export interface MathAnswer {
  canonical: string;
  kind: MathKind;
  /** The cleaned span as a text key, compared when either side is text. */
  text: string;
  /** The normalisation rules (clean-rules.ts) that changed the span, in order. */
  rules: string[];
  /** Why the span was read as text although it looked like mathematics. */
  why?: string;
  /** The parsed form (for `mathEquivalent`); absent for text. */
  shape?: Shape;
}

function itemsOf(shape: Shape): Scalar[] {
  switch (shape.kind) {
    case 'scalar':
      return [shape.item];
    case 'tuple':
    case 'list':
      return shape.items;
    case 'interval':
      return shape.pieces.flatMap((piece) => [piece.lo, piece.hi]);
    case 'matrix':
      return shape.rows.flat();
  }
}

function pieceKey(piece: Piece): string {
  return `${piece.loClosed ? '[' : '('}${piece.lo.key}, ${piece.hi.key}${piece.hiClosed ? ']' : ')'}`;
}

// Pieces of a union in order along the line, so `(2, 12) \cup (12, 102)` reads as written.
function byLowerEnd(a: Piece, b: Piece): number {
  const at = (piece: Piece): number => (piece.lo.type === 'constant' ? (piece.lo.key === '-\\infty' ? -Infinity : Number(piece.lo.re.toString())) : Number.NaN);
  const [x, y] = [at(a), at(b)];
  if (x !== y && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return pieceKey(a) < pieceKey(b) ? -1 : pieceKey(a) > pieceKey(b) ? 1 : 0;
}

function shapeKey(shape: Shape): string {
  switch (shape.kind) {
    case 'scalar':
      return shape.item.key;
    case 'tuple':
      return `(${shape.items.map((item) => (item.label === undefined ? item.key : `${item.label}=${item.key}`)).join(', ')})`;
    case 'list':
      return shape.items
        .map((item) => item.key)
        .sort()
        .join(', ');
    case 'interval':
      return [...shape.pieces].sort(byLowerEnd).map(pieceKey).join(' \\cup ');
    case 'matrix':
      // A column vector votes with the tuple of its entries.
      if (shape.rows.every((row) => row.length === 1)) return `(${shape.rows.map((row) => row[0]?.key).join(', ')})`;
      return `\\begin{pmatrix}${shape.rows.map((row) => row.map((cell) => cell.key).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
  }
}

function kindOf(shape: Shape): MathKind {
  if (shape.kind !== 'scalar') return shape.kind;
  const type = shape.item.type;
  return type === 'constant' || type === 'based' ? 'number' : type;
}

function read(span: string): MathAnswer | null {
  const { text, rules } = cleanSpan(span);
  if (text === '') return null;
  const key = textKey(text);
  let shape: Shape;
  try {
    shape = inScope((ce) => readShape(ce, text, rules.includes('percent')));
  } catch (error) {
    return { canonical: key, kind: 'text', text: key, rules, why: `reading it failed (${String(error)})` };
  }
  const unread = itemsOf(shape).find((item) => item.type === 'text' && item.why !== undefined);
  if (unread?.type === 'text') return { canonical: key, kind: 'text', text: key, rules, why: unread.why ?? '' };
  const kind = kindOf(shape);
  return kind === 'text' ? { canonical: shapeKey(shape), kind, text: key, rules } : { canonical: shapeKey(shape), kind, text: key, rules, shape };
}

// Answers repeat (N samples, many runs), and expected answers are read once per sample: memoise.
const memo = new Map<string, MathAnswer | null>();
const MEMO_LIMIT = 5_000;

/**
 * Reads an already-located final-answer span (`\dfrac{14}{3}`, `x = 5`, `(3, \frac{\pi}{2})`,
 * `52_8`, `\text{Evelyn}`, `[2, 5)`, ...). Never throws; null only when the span is empty of
 * content. What cannot be parsed as mathematics is kind 'text' with a normalised key and `why`.
 */
export function readMath(span: string): MathAnswer | null {
  const known = memo.get(span);
  if (known !== undefined || memo.has(span)) return known ?? null;
  let answer: MathAnswer | null;
  try {
    answer = read(span);
  } catch (error) {
    const key = textKey(span);
    answer = key === '' ? null : { canonical: key, kind: 'text', text: key, rules: [], why: `reading it failed (${String(error)})` };
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(span, answer);
  return answer;
}

/**
 * Whether `answer` is right for `expected`, as a careful human grader decides. True whenever the
 * canonical strings are equal; beyond that, constants must agree to 40 digits (so a rounded
 * decimal is wrong), expressions at sample points, and the expected shape decides whether order
 * matters (a tuple) or not (a list).
 */
export function mathEquivalent(answer: MathAnswer, expected: MathAnswer): boolean {
  if (answer.canonical === expected.canonical) return true;
  if (answer.shape === undefined || expected.shape === undefined) return answer.text === expected.text;
  try {
    return shapesEqual(answer.shape, expected.shape);
  } catch {
    return false;
  }
}

/** null when an expected answer can be read as mathematics; else a one-sentence reason. */
export function checkExpectedMath(expected: string): string | null {
  const answer = readMath(expected);
  if (answer === null) return 'the expected answer is empty';
  if (answer.why !== undefined) return `the expected answer "${expected}" cannot be read as mathematics: ${answer.why}`;
  return null;
}
