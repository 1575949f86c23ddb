// Qwen2.5-Math answer extraction, ported from QwenLM/Qwen2.5-Math evaluation/parser.py at commit
// 005449c4f8220b1af7db49aed0285d9901aefea0: extract_answer (minerva "final answer is $...$. I hope", last
// "boxed" with brace matching, "he answer is", "final answer is", last number) and strip_string with
// _fix_fracs, _fix_a_slash_b, _fix_sqrt and the unit_texts list, step for step. Approximated: w2n's
// word_to_num (convert_word_number) by the number-word sum below (no "point" decimals); Python's Unicode
// `\W` by [^\p{L}\p{N}_].
import { UNIT_TEXTS } from './qwen-units.js';

function fixFracs(s: string): string {
  const parts = s.split('\\frac');
  let out = parts[0] ?? '';
  for (const sub of parts.slice(1)) {
    out += '\\frac';
    if (sub.startsWith('{')) out += sub;
    else if (sub.length < 2) return s;
    else {
      const a = sub[0] ?? '';
      const b = sub[1] ?? '';
      out += b !== '{' ? `{${a}}{${b}}${sub.slice(2)}` : `{${a}}${b}${sub.slice(2)}`;
    }
  }
  return out;
}

// Python int(): optional sign and digits (underscores between digits), surrounding whitespace allowed.
function pyInt(s: string): bigint | null {
  return /^\s*[+-]?\d+(_\d+)*\s*$/.test(s) ? BigInt(s.trim().replaceAll('_', '')) : null;
}

function fixSlash(s: string): string {
  const parts = s.split('/');
  if (parts.length !== 2) return s;
  const [a, b] = parts as [string, string];
  const ia = a.includes('sqrt') ? a : pyInt(a);
  const ib = b.includes('sqrt') ? b : pyInt(b);
  if (ia === null || ib === null || s !== `${ia}/${ib}`) return s;
  return `\\frac{${ia}}{${ib}}`;
}

const WORDS: Record<string, number> = Object.fromEntries(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i] as const)
    .concat('twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, 20 + 10 * i] as const)),
);
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** convert_word_number: w2n.word_to_num on the string, unchanged when it raises (approximated). */
export function convertWordNumber(text: string): string {
  if (/^\d+$/.test(text)) return BigInt(text).toString();
  const words = text
    .toLowerCase()
    .replaceAll('-', ' ')
    .split(/\s+/)
    .filter((w) => w in WORDS || w in SCALES || w === 'hundred');
  if (words.length === 0) return text;
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * (SCALES[w] ?? 1);
      current = 0;
    } else current += WORDS[w] ?? 0;
  }
  return String(total + current);
}

const isAlnum = (s: string): boolean => /^[\p{L}\p{N}]+$/u.test(s);
const UNIT_PATTERNS = UNIT_TEXTS.map((u) => new RegExp(`(^|[^\\p{L}\\p{N}_])${u}($|[^\\p{L}\\p{N}_])`, 'gu'));

/** strip_string from parser.py. */
export function stripString(input: string, skipUnit = false): string {
  let s = input.trim().replaceAll('\n', '').replace(/\.+$/, '').replaceAll('\\!', '');
  s = s.replace(/\\begin\{array\}\{.*?\}/g, '\\begin{pmatrix}').replace(/\\end\{array\}/g, '\\end{pmatrix}');
  s = s.replaceAll('bmatrix', 'pmatrix').replaceAll('tfrac', 'frac').replaceAll('dfrac', 'frac');
  s = s.replaceAll('\\neq', '\\ne').replaceAll('\\leq', '\\le').replaceAll('\\geq', '\\ge');
  s = s.replaceAll('\\left', '').replaceAll('\\right', '').replaceAll('\\{', '{').replaceAll('\\}', '}');
  const noUnit = s.replace(/\\text\{.*?\}$/, '').trim();
  if (noUnit !== '' && noUnit !== s) s = noUnit;
  if (!skipUnit) {
    for (let round = 0; round < 2; round++) {
      for (const re of UNIT_PATTERNS) {
        const next = s.replace(re, '$1$2');
        if (next !== '') s = next;
      }
    }
  }
  s = s.replaceAll('^{\\circ}', '').replaceAll('^\\circ', '').replaceAll('\\$', '').replaceAll('$', '');
  s = s.replaceAll('\\(', '').replaceAll('\\)', '');
  s = convertWordNumber(s);
  s = s.replace(/\\text\{(.*?)\}/g, '$1');
  for (const key of ['x=', 'y=', 'z=', 'x\\in', 'y\\in', 'z\\in', 'x\\to', 'y\\to', 'z\\to']) s = s.replaceAll(key, '');
  s = s.replaceAll('\\emptyset', '{}').replaceAll('(-\\infty,\\infty)', '\\mathbb{R}');
  s = s.replaceAll('\\%', '').replaceAll('%', '');
  s = s.replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  const wrapped = (o: string, c: string): boolean => s.startsWith(o) && s.endsWith(c) && isAlnum(s);
  if (wrapped('{', '}') || wrapped('(', ')') || wrapped('[', ']')) s = s.slice(1, -1);
  s = s.replaceAll('infinity', '\\infty');
  if (!s.includes('\\infty')) s = s.replaceAll('inf', '\\infty');
  s = s.replaceAll('+\\inity', '\\infty').replaceAll('and', '').replaceAll('\\mathbf', '');
  s = s.replace(/\\mbox\{.*?\}/g, '');
  if (s.includes('j') && !s.includes('i')) s = s.replaceAll('j', 'i');
  s = s.replace(/(\d+)\.0*([^\d])/g, '$1$2').replace(/(\d+)\.0*$/, '$1');
  if (s.length === 0) return s;
  if (s.startsWith('.')) s = `0${s}`;
  const sides = s.split('=');
  if (sides.length === 2 && (sides[0] ?? '').length <= 2) s = sides[1] ?? '';
  s = s.replace(/\\sqrt(\w+)/g, '\\sqrt{$1}').replaceAll(' ', '');
  return fixSlash(fixFracs(s));
}

// The text after the last "boxed": its balanced-brace argument, or up to the next "$".
function afterBoxed(text: string): string {
  const ans = text.split('boxed').at(-1) ?? '';
  if (ans === '') return '';
  if (!ans.startsWith('{')) return (ans.split('$')[0] ?? '').trim();
  let depth = 1;
  let out = '';
  for (const c of ans.slice(1)) {
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) break;
    out += c;
  }
  return out;
}

/** extract_answer(pred_str, data_name) for the non-choice datasets (math, gsm8k, aime24). */
export function extractAnswer(reply: string, dataName: string): string {
  const text = reply.replaceAll('\u043a\u0438', '');
  let pred: string;
  if (text.includes('final answer is $') && text.includes('$. I hope')) {
    pred = (text.split('final answer is $').slice(1).join('final answer is $').split('$. I hope')[0] ?? '').trim();
  } else if (text.includes('boxed')) pred = afterBoxed(text);
  else if (text.includes('he answer is')) pred = (text.split('he answer is').at(-1) ?? '').trim();
  else if (text.includes('final answer is')) pred = (text.split('final answer is').at(-1) ?? '').trim();
  else if (text.includes('答案是')) pred = (text.split('答案是')[1] ?? '').trim().split('\n\n')[0]?.trim() ?? '';
  else
    pred =
      text
        .replaceAll(',', '')
        .match(/-?\d*\.?\d+/g)
        ?.at(-1) ?? '';
  pred = pred.replace(/\n\s*/g, '');
  if (pred.startsWith(':')) pred = pred.slice(1);
  if (pred.endsWith('.')) pred = pred.slice(0, -1);
  if (pred.endsWith('/')) pred = pred.slice(0, -1);
  return stripString(pred, ['carp_en', 'minerva_math'].includes(dataName));
}
