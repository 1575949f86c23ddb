// lm-evaluation-harness minerva_math rule, ported from EleutherAI/lm-evaluation-harness
// lm_eval/tasks/minerva_math/utils.py at commit 0348ed975af5b6788c275445197287dd91acb221:
// last_boxed_only_string, remove_boxed, normalize_final_answer (SUBSTITUTIONS, REMOVED_EXPRESSIONS and
// the regex passes, character for character) and is_equiv. Extraction: the task's own
// get_unnormalized_answer reads "Final Answer: The final answer is ...", the few-shot format; replies to
// the "\boxed{}" prompt are read the way the task reads the reference solution (process_docs:
// normalize_final_answer(remove_boxed(last_boxed_only_string(text)))). is_equiv there is sympy's
// parse_latex(x1) - parse_latex(x2) simplified to 0; here: the normalised strings are equal, else
// compute-engine parses both and the simplified difference is 0 (an approximation of sympy). sympy's LaTeX
// grammar reads \dfrac and \tfrac as \frac; compute-engine 0.27 does not, so they are rewritten first.
import { ComputeEngine } from '@cortex-js/compute-engine';
import type { PeerRow, PeerRule, PeerVerdict } from './peer.js';

/** The last `\boxed{...}` (or `\boxed x`, or `\fbox{...}`) of a string, braces balanced; null when none. */
export function lastBoxedOnlyString(s: string): string | null {
  let idx = s.lastIndexOf('\\boxed');
  if (s.includes('\\boxed ')) return `\\boxed ${(s.split('\\boxed ').at(-1) ?? '').split('$')[0]}`;
  if (idx < 0) {
    idx = s.lastIndexOf('\\fbox');
    if (idx < 0) return null;
  }
  let open = 0;
  for (let i = idx; i < s.length; i++) {
    if (s[i] === '{') open++;
    if (s[i] === '}') {
      open--;
      if (open === 0) return s.slice(idx, i + 1);
    }
  }
  return null;
}

/** The argument of a `\boxed{...}` string; throws (as their asserts do) on anything else. */
export function removeBoxed(s: string): string {
  if (s.includes('\\boxed ')) {
    if (!s.startsWith('\\boxed ')) throw new Error('remove_boxed: assertion failed');
    return s.slice('\\boxed '.length);
  }
  if (!s.startsWith('\\boxed{') || !s.endsWith('}')) throw new Error('remove_boxed: assertion failed');
  return s.slice('\\boxed{'.length, -1);
}

const SUBSTITUTIONS: ReadonlyArray<readonly [string, string]> = [
  ['an ', ''],
  ['a ', ''],
  ['.$', '$'],
  ['\\$', ''],
  ['\\ ', ''],
  [' ', ''],
  ['mbox', 'text'],
  [',\\text{and}', ','],
  ['\\text{and}', ','],
  ['\\text{m}', '\\text{}'],
];
const REMOVED_EXPRESSIONS: readonly string[] = [
  'square',
  'ways',
  'integers',
  'dollars',
  'mph',
  'inches',
  'ft',
  'hours',
  'km',
  'units',
  '\\ldots',
  'sue',
  'points',
  'feet',
  'minutes',
  'digits',
  'cents',
  'degrees',
  'cm',
  'gm',
  'pounds',
  'meters',
  'meals',
  'edges',
  'students',
  'childrentickets',
  'multiples',
  '\\text{s}',
  '\\text{.}',
  '\\text{\ns}',
  '\\text{}^2',
  '\\text{}^3',
  '\\text{\n}',
  '\\text{}',
  '\\mathrm{th}',
  '^\\circ',
  '^{\\circ}',
  '\\;',
  ',\\!',
  '{,}',
  '"',
  '\\dots',
];

/** normalize_final_answer (Lewkowycz et al. 2022, appendix D), as lm-eval writes it. */
export function normalizeFinalAnswer(answer: string): string {
  let s = answer.split('=').at(-1) ?? '';
  for (const [before, after] of SUBSTITUTIONS) s = s.replaceAll(before, after);
  for (const expr of REMOVED_EXPRESSIONS) s = s.replaceAll(expr, '');
  s = s.replace(/(.*?)(\$)(.*?)(\$)(.*)/g, (_m, _a, _b, inner: string) => `$${inner}$`);
  s = s.replace(/(\\text\{)(.*?)(\})/g, (_m, _a, inner: string) => inner);
  s = s.replace(/(\\textbf\{)(.*?)(\})/g, (_m, _a, inner: string) => inner);
  s = s.replace(/(\\overline\{)(.*?)(\})/g, (_m, _a, inner: string) => inner);
  s = s.replace(/(\\boxed\{)(.*)(\})/g, (_m, _a, inner: string) => inner);
  s = s.replace(/(frac)([^{])(.)/g, (_m, _f, a: string, b: string) => `frac{${a}}{${b}}`);
  s = s.replace(/(sqrt)([^{])/g, (_m, _f, a: string) => `sqrt{${a}}`);
  s = s.replaceAll('$', '');
  const bare = s.replaceAll(',', '');
  if (/^\d+$/.test(bare)) s = bare;
  return s;
}

let engine: ComputeEngine | undefined;
const asSympyReads = (latex: string): string => latex.replace(/\\[dt]frac(?![a-zA-Z])/g, '\\frac');

/** is_equiv: equal normalised strings, else a symbolic difference of 0 (compute-engine for sympy). */
export function isEquiv(x1: string, x2: string): boolean {
  if (x1 === x2) return true;
  try {
    engine ??= new ComputeEngine();
    const a = engine.parse(asSympyReads(x1));
    const b = engine.parse(asSympyReads(x2));
    if (!a.isValid || !b.isValid) return false;
    return engine.box(['Subtract', a, b]).simplify().is(0);
  } catch {
    return false;
  }
}

/** The minerva_math rule on a reply: its last box, normalised, against the normalised expected answer. */
export const minervaMath: PeerRule = {
  name: 'lm-eval minerva_math',
  source: 'EleutherAI/lm-evaluation-harness lm_eval/tasks/minerva_math/utils.py @ 0348ed97',
  grade(row: PeerRow): PeerVerdict {
    const boxed = lastBoxedOnlyString(row.reply);
    if (boxed === null) return { read: null, correct: false };
    let read: string;
    try {
      read = normalizeFinalAnswer(removeBoxed(boxed));
    } catch {
      return { read: null, correct: false };
    }
    return { read, correct: isEquiv(read, normalizeFinalAnswer(row.expected)) };
  },
};
