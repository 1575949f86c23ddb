// Reads the shape of a cleaned answer: one value, a tuple, an unordered list, intervals, or a matrix.
import type { ComputeEngine } from '@cortex-js/compute-engine';
import { splitTopLevel, wrapsWhole } from './latex-text.js';
import { type Scalar, readScalar } from './scalar.js';
import { choiceLetter } from './text.js';

/** One interval; an open pair `(a, b)` and a point `(a, b)` read alike. */
export interface Piece {
  lo: Scalar;
  hi: Scalar;
  loClosed: boolean;
  hiClosed: boolean;
}

/** The parsed form of an answer. */
export type Shape =
  | { kind: 'scalar'; item: Scalar }
  | { kind: 'tuple'; items: Scalar[] }
  | { kind: 'list'; items: Scalar[] }
  | { kind: 'interval'; pieces: Piece[] }
  | { kind: 'matrix'; rows: Scalar[][] };

const MATRIX = /^\\begin\{([pbBvV]?matrix|array)\}(?:\{[^}]*\})?([\s\S]*)\\end\{\1\}$/;
const MEMBER_OF = /^(?:[a-zA-Z]|\\[a-zA-Z]+)\s*\\in(?![a-zA-Z])\s*/;
const LIST_SEPARATOR = /\s*(?:,\s*(?:and|or)\s|,|;|\s(?:or|and)\s)\s*/;
// `(a, b) = (2, 3)`, `\mathbf{v} = \begin{pmatrix}...`: names on the left of a structured answer.
const STRUCTURE_LABEL = /^(?:[a-zA-Z]|\\[a-zA-Z]+|\(\s*[a-zA-Z](?:\s*,\s*[a-zA-Z])*\s*\))\s*$/;
const INEQUALITY = /\\le(?![a-zA-Z])|\\ge(?![a-zA-Z])|<|>/g;
const VARIABLE = /^(?:[a-zA-Z]|\\[a-zA-Z]+)$/;

function isInfinite(item: Scalar): boolean {
  return item.type === 'constant' && /\\infty/.test(item.key);
}

function infinity(ce: ComputeEngine, sign: '' | '-'): Scalar {
  return readScalar(ce, `${sign}\\infty`);
}

/** `x < 3`, `x \ge -2`, `-2 \le x \le 7`, `3 > x` as an interval; null for anything else. */
function readInequality(ce: ComputeEngine, text: string): Piece | null {
  const ops = [...text.matchAll(INEQUALITY)].map((m) => m[0]);
  if (ops.length === 0 || ops.length > 2) return null;
  const sides = text.split(INEQUALITY).map((side) => side.trim());
  const less = (op: string): boolean => op === '<' || op === '\\le';
  const closed = (op: string): boolean => op.startsWith('\\');
  if (ops.length === 2) {
    const [op1 = '', op2 = ''] = ops;
    const [a = '', x = '', b = ''] = sides;
    if (!VARIABLE.test(x) || less(op1) !== less(op2)) return null;
    const [lo, hi, loOp, hiOp] = less(op1) ? [a, b, op1, op2] : [b, a, op2, op1];
    return { lo: readScalar(ce, lo), hi: readScalar(ce, hi), loClosed: closed(loOp), hiClosed: closed(hiOp) };
  }
  const [op = ''] = ops;
  const [left = '', right = ''] = sides;
  // Normalise to "x op bound".
  const [bound, upper] = VARIABLE.test(left) ? [right, less(op)] : VARIABLE.test(right) ? [left, !less(op)] : ['', false];
  if (bound === '') return null;
  const value = readScalar(ce, bound);
  return upper
    ? { lo: infinity(ce, '-'), hi: value, loClosed: false, hiClosed: closed(op) }
    : { lo: value, hi: infinity(ce, ''), loClosed: closed(op), hiClosed: false };
}

/** `[a, b)`, `(-\infty, 3]`, and an open `(a, b)` when an end is infinite; null when not an interval. */
function readInterval(ce: ComputeEngine, text: string, requireInterval: boolean): Piece | null {
  const open = text[0];
  const close = text[text.length - 1];
  if (!(open === '(' || open === '[') || !(close === ')' || close === ']') || !wrapsWhole(text)) return readInequality(ce, text);
  const ends = splitTopLevel(text.slice(1, -1), /,/);
  if (ends.length !== 2) return null;
  const [lo, hi] = ends.map((end) => readScalar(ce, end)) as [Scalar, Scalar];
  const piece = { lo, hi, loClosed: open === '[', hiClosed: close === ']' };
  const looksLikeInterval = open === '[' || close === ']' || isInfinite(lo) || isInfinite(hi);
  return looksLikeInterval || requireInterval ? piece : null;
}

/** `a \pm b` as the two values it stands for; anything else as itself. */
function expandPlusMinus(part: string): string[] {
  const pieces = splitTopLevel(part, /\\(?:pm|mp)(?![a-zA-Z])/);
  if (pieces.length !== 2) return [part];
  const [a = '', b = ''] = pieces;
  return a === '' ? [b, `-(${b})`] : [`${a}+${b}`, `${a}-(${b})`];
}

function readItems(ce: ComputeEngine, parts: string[], percent: boolean): Scalar[] {
  return parts.flatMap(expandPlusMinus).map((part) => readScalar(ce, part, percent));
}

/** Named values with distinct names (`a = 2, b = 3`) sorted by name, so their order does not matter. */
function byLabel(items: Scalar[]): Scalar[] | null {
  const labels = items.map((item) => item.label);
  if (labels.some((label) => label === undefined) || new Set(labels).size !== labels.length) return null;
  return [...items].sort((a, b) => ((a.label ?? '') < (b.label ?? '') ? -1 : 1));
}

// A constant factor (no letters but commands, no relation) written before a matrix.
const SCALED_MATRIX =
  /^((?:[-\d.\s{}()^]|\\(?:frac|sqrt|dfrac)(?![a-zA-Z]))+?)\s*(?:\\cdot|\\times)?\s*(\\begin\{[pbBvV]?matrix\}[\s\S]*\\end\{[pbBvV]?matrix\})$/;

/** The cells of a matrix's LaTeX, row by row; null when `text` is not one matrix. */
function matrixCells(text: string): string[][] | null {
  const matrix = MATRIX.exec(text);
  if (matrix === null) return null;
  const body = (matrix[2] ?? '').trim().replace(/\\\\\s*$/, '');
  return body.split(/\\\\/).map((row) => row.split('&').map((cell) => cell.trim()));
}

/** The shape of a cleaned, non-empty answer. */
export function readShape(ce: ComputeEngine, text: string, percent: boolean): Shape {
  if (choiceLetter(text) !== null) return { kind: 'scalar', item: readScalar(ce, text) };
  // `\frac{8}{49}\begin{pmatrix}2\\6\\3\end{pmatrix}`: a constant times a matrix is the entrywise product.
  const scaled = SCALED_MATRIX.exec(text);
  const factor = scaled?.[1] === undefined ? null : readScalar(ce, scaled[1]);
  const scaledCells = scaled?.[2] === undefined ? null : matrixCells(scaled[2]);
  if (factor?.type === 'constant' && !factor.infinite && scaledCells !== null) {
    return { kind: 'matrix', rows: scaledCells.map((row) => row.map((cell) => readScalar(ce, `(${scaled?.[1] ?? ''})\\cdot(${cell})`))) };
  }
  const cells = matrixCells(text);
  if (cells !== null) return { kind: 'matrix', rows: cells.map((row) => row.map((cell) => readScalar(ce, cell))) };
  const sides = splitTopLevel(text, /=/);
  if (sides.length === 2 && STRUCTURE_LABEL.test(sides[0] ?? '') && /^(?:\(|\[|\\\{|\\begin)/.test(sides[1] ?? '')) {
    return readShape(ce, sides[1] ?? '', percent);
  }
  const member = MEMBER_OF.exec(text);
  if (member !== null) return readShape(ce, text.slice(member[0].length), percent);
  const unions = splitTopLevel(text, /\\cup(?![a-zA-Z])/);
  if (unions.length > 1) {
    const pieces = unions.map((part) => readInterval(ce, part, true));
    if (pieces.every((piece) => piece !== null)) return { kind: 'interval', pieces: pieces as Piece[] };
  }
  const interval = readInterval(ce, text, false);
  if (interval !== null) return { kind: 'interval', pieces: [interval] };
  if (/^\\\{[\s\S]*\\\}$/.test(text) && wrapsWhole(text)) {
    return { kind: 'list', items: readItems(ce, splitTopLevel(text.slice(2, -2), /,|;/), percent) };
  }
  if ((text.startsWith('(') || text.startsWith('[')) && wrapsWhole(text)) {
    const parts = splitTopLevel(text.slice(1, -1), /,/);
    if (parts.length === 1) return readShape(ce, text.slice(1, -1).trim(), percent);
    return { kind: 'tuple', items: parts.map((part) => readScalar(ce, part, percent)) };
  }
  const parts = splitTopLevel(text, LIST_SEPARATOR).filter((part) => part !== '');
  if (parts.length > 1) {
    // `x < -2 or x > 2`: a union of the intervals the inequalities describe.
    const rays = parts.map((part) => readInequality(ce, part));
    if (rays.every((ray) => ray !== null)) return { kind: 'interval', pieces: rays as Piece[] };
  }
  const items = readItems(ce, parts, percent);
  if (items.length > 1) {
    const named = byLabel(items);
    return named === null ? { kind: 'list', items } : { kind: 'tuple', items: named };
  }
  return { kind: 'scalar', item: items[0] ?? readScalar(ce, text, percent) };
}
