// Qwen2.5-Math math_equal, ported from QwenLM/Qwen2.5-Math evaluation/grader.py at commit
// 29a82a8802e058c236fe7903ae6d8362df078aa7: lowercase equality, option letters, numeric equality (float(),
// percent variants, isclose rel_tol 1e-4), pmatrix references, bracket stripping, element-wise lists and
// matrices, equations, then symbolic_equal. symbolic_equal uses sympy (parse_latex, parse_expr,
// latex2sympy; equality, simplify(a - b) == 0, |lhs - rhs|, N() within 1e-4, matrix rounding); here
// compute-engine stands in: ce.parse for the three parsers, isSame / isEqual / simplified difference is 0,
// Abs(lhs - rhs), N() real parts within 1e-4. Not ported: the matrix-rounding step and the timeouts.
import { ComputeEngine } from '@cortex-js/compute-engine';
import { extractAnswer, stripString } from './qwen-parser.js';
import type { PeerRow, PeerRule, PeerVerdict } from './peer.js';

// Python float(): sign, digits, optional fraction and exponent, inf/nan; surrounding whitespace.
function pyFloat(s: string): number | null {
  const t = s.trim().replaceAll('_', '');
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return Number.NaN;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : null;
}

/** parse_digits: commas removed, float(), or a percentage divided by 100; null when not a number. */
export function parseDigits(num: string): number | null {
  let s = num.replaceAll(',', '');
  const value = pyFloat(s);
  if (value !== null) return value;
  if (!s.endsWith('%')) return null;
  s = s.slice(0, -1);
  if (s.endsWith('\\')) s = s.slice(0, -1);
  const pct = pyFloat(s);
  return pct === null ? null : pct / 100;
}

/** numeric_equal: math.isclose with rel_tol 1e-4. */
export function numericEqual(prediction: number, reference: number): boolean {
  if (prediction === reference) return true;
  return Math.abs(prediction - reference) <= 1e-4 * Math.max(Math.abs(prediction), Math.abs(reference));
}

function isNumericalEqual(prediction: string, reference: string): boolean {
  const p = parseDigits(prediction);
  const r = parseDigits(reference);
  if (p === null || r === null) return false;
  return [r / 100, r, r * 100].some((item) => numericEqual(p, item));
}

function choiceAnswerClean(pred: string): string {
  const p = pred
    .replace(/^\n+|\n+$/g, '')
    .replace(/\.+$/, '')
    .replace(/\/+$/, '')
    .replace(/^ +| +$/g, '')
    .replace(/^:+/, '');
  const letters = p.toUpperCase().match(/\b(A|B|C|D|E)\b/g);
  const last = letters ? (letters.at(-1) ?? '') : p.trim().replace(/^\.+|\.+$/g, '');
  return last.replace(/\.+$/, '').replace(/\/+$/, '');
}

function strToPmatrix(input: string): string {
  const found = input.trim().match(/\{.*,.*\}/g) ?? [];
  return found.map((m) => `\\begin{pmatrix}${m.replace(/^[{}]+|[{}]+$/g, '').replaceAll(',', '\\')}\\end{pmatrix}`).join(', ');
}

const hasFormat = (s: string, o: string, c: string): boolean => s.startsWith(o) && s.endsWith(c);
const isListFormat = (s: string): boolean => /^(\(|\[).+(\)|\])/.test(s);
const isMatrixFormat = (s: string): boolean =>
  (s.startsWith('\\begin{pmatrix}') || s.startsWith('\\begin{bmatrix}')) && (s.endsWith('\\end{pmatrix}') || s.endsWith('\\end{bmatrix}'));

function compareLists(prediction: string, reference: string): boolean {
  const p = prediction.slice(1, -1).split(',');
  const r = reference.slice(1, -1).split(',');
  return p.length === r.length && p.every((part, i) => mathEqual(part, r[i] ?? ''));
}

function matrixRows(m: string): string[] {
  return m
    .slice('\\begin{pmatrix}'.length, -'\\end{pmatrix}'.length)
    .split('\\\\')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function compareMatrices(prediction: string, reference: string): boolean {
  const p = matrixRows(prediction);
  const r = matrixRows(reference);
  if (p.length !== r.length) return false;
  return p.every((line, i) => {
    const pp = line.split('&');
    const rp = (r[i] ?? '').split('&');
    return pp.length === rp.length && pp.every((part, j) => mathEqual(part, rp[j] ?? ''));
  });
}

const formatEquation = (eq: string): string => {
  const [lhs = '', rhs = ''] = eq.split('=');
  return `${lhs.trim()} - (${rhs.trim()})`;
};
const isSimpleEquation = (eq: string): boolean => eq.split('=').length === 2 && (eq.split('=')[0] ?? '').trim().length <= 2;

let engine: ComputeEngine | undefined;
type Parsed = ReturnType<ComputeEngine['parse']> | string;

function parse(ce: ComputeEngine, s: string): Parsed {
  for (const text of [s.replaceAll('\\\\', '\\'), s]) {
    try {
      const expr = ce.parse(text);
      if (expr.isValid) return expr;
    } catch {
      // try the next form, as _parse does
    }
  }
  return s;
}

/** symbolic_equal, with compute-engine in place of sympy (see the header). */
export function symbolicEqual(x: string, y: string): boolean {
  engine ??= new ComputeEngine();
  const ce = engine;
  const a = parse(ce, x);
  const b = parse(ce, y);
  if (typeof a === 'string' || typeof b === 'string') return typeof a === 'string' && typeof b === 'string' && a === b;
  const attempts: Array<() => boolean> = [
    () => a.isSame(b),
    () => a.isEqual(b) === true || ce.box(['Subtract', a, b]).simplify().is(0),
    () => {
      if (a.operator !== 'Equal' || b.operator !== 'Equal') return false;
      const side = (e: typeof a) => ce.box(['Abs', ['Subtract', e.op1, e.op2]]);
      return side(a).isEqual(side(b)) === true;
    },
    () => {
      const na = a.N();
      const nb = b.N();
      return na.im === 0 && nb.im === 0 && Number.isFinite(na.re) && Number.isFinite(nb.re) && numericEqual(na.re, nb.re);
    },
  ];
  return attempts.some((attempt) => {
    try {
      return attempt();
    } catch {
      return false;
    }
  });
}

/** math_equal(prediction, reference) with include_percentage and is_close on, as evaluate.py calls it. */
export function mathEqual(predictionIn: string, referenceIn: string): boolean {
  if (predictionIn.trim().toLowerCase() === referenceIn.trim().toLowerCase()) return true;
  if (['A', 'B', 'C', 'D', 'E'].includes(referenceIn) && choiceAnswerClean(predictionIn) === referenceIn) return true;
  if (isNumericalEqual(predictionIn, referenceIn)) return true;
  if (!predictionIn) return false;
  let reference = referenceIn.trim();
  const prediction = predictionIn.trim();
  if (prediction.includes('pmatrix') && !reference.includes('pmatrix')) reference = strToPmatrix(reference);
  let predStr = prediction;
  let refStr = reference;
  if ((hasFormat(predStr, '[', ']') && !hasFormat(refStr, '(', ')')) || (hasFormat(predStr, '(', ')') && !hasFormat(refStr, '[', ']'))) {
    predStr = predStr.replace(/^[[\]()]+|[[\]()]+$/g, '');
    refStr = refStr.replace(/^[[\]()]+|[[\]()]+$/g, '');
  }
  const unbracket = (s: string): string => s.replace(/[{}()]/g, '');
  if (unbracket(predStr).toLowerCase() === unbracket(refStr).toLowerCase()) return true;
  if (isListFormat(prediction) && isListFormat(reference)) return compareLists(prediction, reference);
  if (isMatrixFormat(prediction) && isMatrixFormat(reference)) return compareMatrices(prediction, reference);
  if (prediction.split('=').length === 2 && reference.split('=').length === 2) {
    const p = formatEquation(prediction);
    const r = formatEquation(reference);
    return symbolicEqual(p, r) || symbolicEqual(`-(${p})`, r);
  }
  if (isSimpleEquation(prediction) && !reference.includes('=')) return mathEqual(prediction.split('=')[1] ?? '', reference);
  if (isSimpleEquation(reference) && !prediction.includes('=')) return mathEqual(prediction, reference.split('=')[1] ?? '');
  return symbolicEqual(prediction, reference);
}

/** Qwen's data_name for a dataset of the table (evaluate.py's --data_names). */
export function dataName(dataset: string): string {
  if (dataset.startsWith('gsm8k')) return 'gsm8k';
  if (dataset.startsWith('aime')) return 'aime24';
  return 'math';
}

/** The Qwen2.5-Math rule: extract_answer, strip_string again (run_execute), math_equal to the stripped truth. */
export const qwenMath: PeerRule = {
  name: 'Qwen2.5-Math math_equal',
  source: 'QwenLM/Qwen2.5-Math evaluation/parser.py @ 005449c4, grader.py @ 29a82a88',
  grade(row: PeerRow): PeerVerdict {
    const name = dataName(row.dataset);
    const read = stripString(extractAnswer(row.reply, name));
    const truth = stripString(row.expected);
    return { read: read === '' ? null : read, correct: mathEqual(read, truth) };
  },
};
