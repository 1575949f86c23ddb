// Each normalisation rule of the math reader on its own rows, and the whole cleaning pass on real spans.
import { describe, expect, test } from 'vitest';
import { CLEAN_RULES, cleanSpan } from '../../../src/score/math/clean-rules.js';

const ROWS: Record<string, [string, string][]> = {
  emphasis: [
    ['**50**', '50'],
    ['__7__', '7'],
    ['x = **12**', 'x = 12'],
    ['42**', '42'],
    ['2**10', '2**10'],
    ['**3** and **4**', '3 and 4'],
  ],
  'unicode-math': [
    ['−3', '-3'],
    ['√2', '\\sqrt{2}'],
    ['2π', '2\\pi '],
    ['x ≤ 3', 'x \\le  3'],
    ['½', '\\frac{1}{2}'],
    ['3×4', '3\\times 4'],
    ['∠ ABC', '\\angle ABC'],
  ],
  'plain-math-words': [
    ['sqrt(2)', '\\sqrt{2}'],
    ['cot x', '\\cot x'],
    ['2pi', '2\\pi '],
    ['(2, infinity)', '(2, \\infty )'],
    ['\\sin x', '\\sin x'],
    ['spin', 'spin'],
  ],
  boxed: [
    ['\\boxed{5}', '5'],
    ['\\boxed{\\frac{1}{2}}', '\\frac{1}{2}'],
    ['x = \\boxed{7}', 'x = 7'],
    ['5', '5'],
  ],
  currency: [
    ['\\$18.90', ' 18.90'],
    ['\\$32,\\!348', ' 32,\\!348'],
    ['$18', ' 18'],
    ['$x$', '$x$'],
  ],
  'math-delimiters': [
    ['$\\frac{1}{2}$', '\\frac{1}{2}'],
    ['\\(x+1\\)', 'x+1'],
    ['\\[ 5 \\]', ' 5 '],
    ['$$7$$', '7'],
  ],
  sizing: [
    ['\\left( 3, \\frac{\\pi}{2} \\right)', '( 3, \\frac{\\pi}{2} )'],
    ['\\left\\{1\\right\\}', '\\{1\\}'],
    ['\\displaystyle\\frac12', '\\frac12'],
    ['\\bigl(2\\bigr)', '(2)'],
    ['\\left. x \\right|', ' x |'],
  ],
  'latex-spacing': [
    ['10,\\!080', '10,080'],
    ['11,\\! 111,\\! 100', '11,111,100'],
    ['1\\,000\\,000', '1000000'],
    ['x\\,dx', 'x dx'],
    ['1 \\\\ 2', '1 \\\\ 2'],
    ['a\\quad b', 'a  b'],
  ],
  'thousands-separators': [
    ['1,000', '1000'],
    ['1{,}000', '1000'],
    ['58,500', '58500'],
    ['11,111,111,100', '11111111100'],
    ['1 000', '1000'],
    ['3, 5, 7', '3, 5, 7'],
    ['1,-2', '1,-2'],
    ['(6,31,-1)', '(6,31,-1)'],
    ['(12,102)', '(12,102)'],
    ['0,100', '0,100'],
    ['2.5,100', '2.5,100'],
  ],
  'frac-variants': [
    ['\\dfrac{17}{50}', '\\frac{17}{50}'],
    ['\\tfrac12', '\\frac12'],
    ['\\cfrac{1}{2}', '\\frac{1}{2}'],
    ['\\dbinom{5}{2}', '\\binom{5}{2}'],
  ],
  'frac-arguments': [
    ['\\frac43', '\\frac{4}{3}'],
    ['\\frac 59', '\\frac{5}{9}'],
    ['\\frac9{19}', '\\frac{9}{19}'],
    ['\\frac{270}7', '\\frac{270}{7}'],
    ['\\frac\\pi2', '\\frac{\\pi}{2}'],
    ['\\frac{-1}{3}', '\\frac{-1}{3}'],
  ],
  'sqrt-argument': [
    ['11\\sqrt2', '11\\sqrt{2}'],
    ['\\sqrt 5', '\\sqrt{5}'],
    ['\\sqrt{13}', '\\sqrt{13}'],
    ['\\sqrt x', '\\sqrt{x}'],
  ],
  binomial: [
    ['\\binom{5}{2}', '10'],
    ['\\binom{10}{0}', '1'],
    ['\\binom{2}{5}', '0'],
    ['\\binom{n}{2}', '\\operatorname{C}(n,2)'],
  ],
  relations: [
    ['x \\leq 3', 'x \\le  3'],
    ['x\\geq 2', 'x\\ge  2'],
    ['x \\neq 1', 'x \\ne  1'],
    ['x <= 3', 'x \\le  3'],
    ['a \\lt b', 'a < b'],
  ],
  connectives: [
    ['1 \\text{ or } 2', '1  or  2'],
    ['x=1\\text{ and }x=2', 'x=1 and x=2'],
    ['\\text{Evelyn}', '\\text{Evelyn}'],
  ],
  degrees: [
    ['90^\\circ', '90'],
    ['30^{\\circ}', '30'],
    ['90°', '90'],
    ['\\frac{270}{7}\\text{ degrees}', '\\frac{270}{7}'],
    ['45\\degree', '45'],
  ],
  percent: [
    ['50\\%', '50'],
    ['12.5%', '12.5'],
    ['3 \\text{ percent}', '3'],
    ['40 percent', '40'],
    ['percentage', 'percentage'],
  ],
  'text-units': [
    ['5\\text{ cm}', '5'],
    ['864 \\mbox{ inches}^2', '864'],
    ['5.4 \\text{ cents}', '5.4'],
    ['15\\mbox{ cm}^2', '15'],
    ['\\text{Evelyn}', '\\text{Evelyn}'],
    ['3\\pi\\text{ units}', '3\\pi'],
  ],
  'plain-units': [
    ['5 cm', '5'],
    ['18 dollars', '18'],
    ['12 square feet', '12'],
    ['2k', '2k'],
    ['3 m', '3'],
    ['3m', '3m'],
    ['x + 2', 'x + 2'],
  ],
  'text-wrapper': [
    ['\\text{Evelyn}', ' Evelyn '],
    ['\\textbf{(C)}', ' (C) '],
    ['\\mathrm{east}', ' east '],
    ['\\mbox{5}', ' 5 '],
  ],
  'trailing-remark': [
    ['5 (double root)', '5'],
    ['42 (since 6 \\times 7 = 42)', '42'],
    ['(3, 4)', '(3, 4)'],
    ['(C)', '(C)'],
    ['2(x+1)', '2(x+1)'],
    ['f(abc)', 'f(abc)'],
  ],
  approximation: [
    ['\\frac{14}{3} \\approx 4.67', '\\frac{14}{3}'],
    ['\\sqrt{2}≈1.414', '\\sqrt{2}'],
    ['5', '5'],
    ['\\approx 4.67', '4.67'],
  ],
  'repeating-decimal': [
    ['0.\\overline{6}', '\\frac{6}{9}'],
    ['0.1\\overline{6}', '\\frac{15}{90}'],
    ['-1.\\overline{3}', '-\\frac{12}{9}'],
    ['.\\overline{09}', '\\frac{9}{99}'],
  ],
  'all-reals': [
    ['\\mathbb{R}', '(-\\infty, \\infty)'],
    ['\\R', '(-\\infty, \\infty)'],
    ['x \\in \\mathbb{R}', 'x \\in (-\\infty, \\infty)'],
    ['\\mathbb{R}^2', '\\mathbb{R}^2'],
  ],
  'mixed-numbers': [
    ['4\\frac{2}{3}', '\\frac{14}{3}'],
    ['-4\\frac{2}{3}', '-\\frac{14}{3}'],
    ['137 \\frac{1}{2}', '\\frac{275}{2}'],
    ['1\\frac{4}{5}', '\\frac{9}{5}'],
    ['4 2/3', '\\frac{14}{3}'],
    ['2\\frac{5}{3}', '2\\frac{5}{3}'],
    ['x^2\\frac{1}{2}', 'x^2\\frac{1}{2}'],
    ['\\sqrt{2}\\frac{1}{2}', '\\sqrt{2}\\frac{1}{2}'],
  ],
  'trailing-punctuation': [
    ['5.', '5'],
    ['x = 3; ', 'x = 3'],
    ['.35625', '.35625'],
    [': 7', '7'],
    ['7 ', '7 '],
  ],
  whitespace: [
    ['  3 ,  5 ', '3 , 5'],
    ['a\n+\tb', 'a + b'],
  ],
};

describe('each math normalisation rule on its own rows', () => {
  test('every rule has rows and every row names a rule', () => {
    expect(Object.keys(ROWS).sort()).toEqual(CLEAN_RULES.map((rule) => rule.name).sort());
  });
  const cases = CLEAN_RULES.flatMap((rule) => (ROWS[rule.name] ?? []).map(([input, output]) => [rule.name, input, output] as const));
  test.each(cases)('%s: %j -> %j', (name, input, output) => {
    const rule = CLEAN_RULES.find((r) => r.name === name);
    expect(rule?.apply(input)).toBe(output);
  });
});

describe('the whole cleaning pass', () => {
  test.each([
    ['$\\$1,000$', '1000', ['currency', 'math-delimiters', 'thousands-separators', 'whitespace']],
    ['\\boxed{\\dfrac{14}{3}}', '\\frac{14}{3}', ['boxed', 'frac-variants']],
    ['\\left( 3, \\frac{\\pi}{2} \\right)', '( 3, \\frac{\\pi}{2} )', ['sizing']],
    ['\\$32,\\!348', '32348', ['currency', 'latex-spacing', 'thousands-separators', 'whitespace']],
    ['\\text{(C)}', '(C)', ['text-wrapper', 'whitespace']],
    ['90^\\circ.', '90', ['degrees', 'trailing-punctuation']],
    ['x = 1 \\text{ or } x = 2', 'x = 1 or x = 2', ['connectives', 'whitespace']],
  ])('%j -> %j', (span, text, rules) => {
    expect(cleanSpan(span)).toEqual({ text, rules });
  });
});
