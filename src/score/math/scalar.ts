// Reads one mathematical value (a number, an expression, an equation or a word) and gives it a vote key.
import type { ComputeEngine } from '@cortex-js/compute-engine';
import { type Big, type BoxedExpression, big, parseLatex, plainLatex } from './engine.js';
import { evaluateComplex } from './complex.js';
import { evaluationRisk, expansionSize } from './cost-guard.js';
import { complexLatex, identifyReal } from './identify.js';
import { splitTopLevel } from './latex-text.js';
import { choiceLetter, isWordAnswer, textKey } from './text.js';

interface Common {
  key: string;
  /** The left-hand side that was set aside: `x` in `x = 5`, `f(x)` in `f(x) = x^2`. */
  label?: string;
  /** Written with a percent sign: 50% is then both 50 and 0.5. */
  percent?: boolean;
}

/** One value; `key` is its vote key. */
export type Scalar = Common &
  (
    | { type: 'constant'; re: Big; im: number; infinite: boolean }
    | { type: 'based'; digits: string; base: number; value: bigint }
    | { type: 'expression'; json: unknown; vars: string[] }
    | { type: 'equation'; json: unknown; vars: string[] }
    | { type: 'text'; why?: string }
  );

const GREEK =
  'alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Sigma|Phi|Psi|Omega';
// A left-hand side that names the answer rather than being part of it: x, y', a_1, \theta, f(x), AB.
// A named quantity is a label too: `\\tan A`, `\\sin\\theta`, `\\angle BAC`, `m\\angle ABC`.
const NAMED = `(?:\\\\(?:sin|cos|tan|cot|sec|csc)\\s*(?:[A-Z]|\\\\(?:${GREEK}))|(?:m\\s*)?\\\\angle\\s*[A-Z]{1,3})`;
const LABEL = new RegExp(`^(?:${NAMED}|(?:[a-zA-Z]|\\\\(?:${GREEK})|[A-Z]{2,3})(?:_\\{?\\w+\\}?)?'*(?:\\([^()]*\\))?)$`);
const FUNCTION_NAMES = /^(?:sin|cos|tan|cot|sec|csc|log|exp|min|max|gcd|lcm|mod|det|arg|sinh|cosh|tanh|arcsin|arccos|arctan)$/;
// A two-letter English word standing alone ("So x is 5"), which would read as two letters multiplied; `or`/`and` split lists.
const SHORT_WORD = /(?<=^|\s)(is|so|it|of|to|be|we|as|an|by|at|on|if)(?=\s|[.,;:!?]?$)/i;
const BASED = /^\(?([0-9A-Z]+)\)?_\{?(\d{1,2})\}?$/;

function text(key: string, why?: string): Scalar {
  return why === undefined ? { type: 'text', key } : { type: 'text', key, why };
}

/** `52_8` as its digits and value; null when the digits do not fit the base (then `x_1` stays a subscript). */
function readBased(span: string): Scalar | null {
  const match = BASED.exec(span);
  if (match === null) return null;
  const [, rawDigits = '', rawBase = ''] = match;
  const base = Number(rawBase);
  if (base < 2 || base > 36) return null;
  let value = 0n;
  for (const ch of rawDigits) {
    const digit = Number.parseInt(ch, 36);
    if (!(digit < base)) return null;
    value = value * BigInt(base) + BigInt(digit);
  }
  // The key is the digits alone, so `52_8` and a bare `52` (the digits asked for) vote together.
  const digits = rawDigits.replace(/^0+(?=.)/, '');
  return { type: 'based', key: digits, digits, base, value };
}

function simplifiedLatex(expr: BoxedExpression): string {
  try {
    return plainLatex(expr.simplify());
  } catch {
    return plainLatex(expr);
  }
}

/**
 * The key of an expression in variables: its expanded form, which puts every arrangement of a
 * polynomial (`2(k+1)`, `2 + 2k`, `(a+5)(b+2)` and its expansion) in one order; cheaper than
 * simplify, which stays the fallback.
 */
function expandedLatex(ce: ComputeEngine, expr: BoxedExpression): string {
  // (x + y)^{40} has hundreds of terms: such a key is the expression as written.
  if (expansionSize(expr.json) > 64) return plainLatex(expr);
  try {
    const expanded = ce.box(['Expand', expr.json]).evaluate();
    return expanded.isValid ? plainLatex(expanded) : simplifiedLatex(expr);
  } catch {
    return simplifiedLatex(expr);
  }
}

/** A complex constant's value from complex.ts (the engine's complex division is wrong), else the engine's. */
function complexValue(expr: BoxedExpression, re: number, im: number): [number, number] {
  try {
    const [x, y] = evaluateComplex(expr.json);
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : [re, im];
  } catch {
    return [re, im];
  }
}

/** A parsed expression without free variables, valued to 50 digits. */
function constant(expr: BoxedExpression): Scalar {
  const value = expr.N();
  const [re, im] = [value.re, value.im];
  const numeric = value.numericValue;
  const precise = (typeof numeric === 'object' && numeric !== null ? numeric.bignumRe : undefined) as Big | undefined;
  if (Number.isNaN(re)) return text(textKey(expr.latex), 'it has no numeric value');
  // 2^{100000} overflows a float but not the engine's decimals; only a true infinity is \infty.
  if (!Number.isFinite(re) && precise?.isFinite() === true && im === 0) {
    return { type: 'constant', key: simplifiedLatex(expr), re: precise, im: 0, infinite: false };
  }
  if (!Number.isFinite(re)) return { type: 'constant', key: re > 0 ? '\\infty' : '-\\infty', re: big(0), im: 0, infinite: re > 0 };
  if (im !== 0 && Math.abs(im) > 1e-12 * Math.max(1, Math.abs(re))) {
    const [cre, cim] = complexValue(expr, re, im);
    return { type: 'constant', key: complexLatex(cre, cim), re: big(cre), im: cim, infinite: false };
  }
  const reBig = precise ?? big(re);
  return { type: 'constant', key: identifyReal(reBig) ?? simplifiedLatex(expr), re: reBig, im: 0, infinite: false };
}

/** Parses `latex` as a number or an expression; words and unreadable LaTeX become text. */
function readValue(ce: ComputeEngine, latex: string): Scalar {
  const choice = choiceLetter(latex);
  if (choice !== null) return text(choice);
  if (isWordAnswer(latex)) return text(textKey(latex));
  // A word left among the mathematics ("5 or more", "12 inches long") would be read as a product of letters.
  const word = /(?<![\\a-zA-Z])[a-zA-Z]{3,}/.exec(latex.replace(/\\(?:operatorname|mathrm)\{[^}]*\}/g, ''))?.[0];
  if (word !== undefined && !FUNCTION_NAMES.test(word)) return text(textKey(latex), `it contains the word "${word}"`);
  const short = SHORT_WORD.exec(latex)?.[1];
  if (short !== undefined) return text(textKey(latex), `it contains the word "${short}"`);
  const based = readBased(latex);
  if (based !== null) return based;
  const expr = parseLatex(ce, latex);
  if ('error' in expr) return text(textKey(latex), expr.error);
  const risk = evaluationRisk(expr.json);
  if (risk !== null) return text(textKey(latex), risk);
  const vars = [...expr.freeVariables].sort();
  if (vars.length === 0) return constant(expr);
  return { type: 'expression', key: expandedLatex(ce, expr), json: expr.json, vars };
}

/**
 * Reads one value. A left-hand side that is a name (`x = 5`, `f(x) = ...`) is set aside as the
 * label; a chain of constants (`2 + 3 = 5`) is read for its last exact member, a longer chain
 * (`m+n = 73+4 = 77`) for what follows its first side; any other `a = b` is an equation, compared
 * as `a - b` up to a constant factor.
 */
export function readScalar(ce: ComputeEngine, latex: string, percent = false): Scalar {
  const sides = latex.includes('=') ? splitTopLevel(latex, /=/) : [latex];
  let scalar: Scalar;
  const last = sides[sides.length - 1] ?? '';
  const first = sides[0] ?? '';
  if (sides.length === 1) scalar = readValue(ce, latex);
  else if (LABEL.test(first) && last !== '') scalar = { ...readScalar(ce, last), label: first };
  else {
    const values = sides.map((side) => readValue(ce, side));
    if (values.every((v) => v.type === 'constant' || v.type === 'based')) {
      // `\frac{14}{3} = 4.67`: the last member that is not a bare decimal (a rounding), else the last.
      const exact = sides.map((side, i) => ({ side, i })).filter(({ side }) => !/^-?\d*\.\d+$/.test(side));
      scalar = values[exact[exact.length - 1]?.i ?? values.length - 1] ?? readValue(ce, last);
    }
    // `m+n = 73+4 = 77`: a computation whose result is the chain's last side; the first side names it.
    else if (sides.length > 2 && values.slice(1).every((v) => v.type !== 'text')) {
      const tailConstant = values.slice(1).every((v) => v.type === 'constant' || v.type === 'based');
      scalar = tailConstant ? readScalar(ce, sides.slice(1).join('=')) : readValue(ce, last);
    } else if (sides.length !== 2 || values.some((v) => v.type === 'text')) scalar = text(textKey(latex), 'an equation this reader cannot split');
    else {
      const difference = ce.box(['Subtract', ce.parse(first).json, ce.parse(last).json]);
      const vars = [...difference.freeVariables].sort();
      scalar = { type: 'equation', key: `${expandedLatex(ce, difference)}=0`, json: difference.json, vars };
    }
  }
  return percent ? { ...scalar, percent } : scalar;
}
