// The value inside a short answer span: each short rule on its own rows, the table in order, and the math scorer.
import { describe, expect, test } from 'vitest';
import { SHORT_RULES, answerInShort } from '../../../src/score/math/short-answer.js';
import { mathScorer } from '../../../src/score/scorers/math.js';
import { makeCase } from '../make-case.js';

test('the short rules and their order', () => {
  expect(SHORT_RULES.map((r) => r.name)).toEqual(['label', 'bold', 'last-segment', 'leading-value']);
});

const ROWS: Record<string, Array<[string, string, string | null]>> = {
  label: [
    ['a one-word label before math', 'Range: $[0, 4]$', '$[0, 4]$'],
    ['a two-word label before a number', 'Maximum area: 36.', '36'],
    ['a three-word label', 'Total cost overall: $2 + 3 = 5$', '$2 + 3 = 5$'],
    ['a bold label', '**Perimeter:** 24', '24'],
    ['four words are a sentence, not a label', 'The total we need: 12', null],
    ['a single letter is no label', 'x: 5', null],
    ['no colon', 'Range is 4', null],
  ],
  bold: [
    ['a bold amount in a short statement', 'She earns **$45**.', '$45'],
    ['a bold name', 'Winner **Maya**', 'Maya'],
    ['a bold span with no words around it is left to the reader', '**12**', null],
    ['two bold spans are ambiguous', '**3** or **4** maybe', null],
  ],
  'last-segment': [
    ['the one math segment after a word', 'So $k = 9$.', '$k = 9$'],
    ['a unit after the segment', '$30 \\cdot 2 = 60$ miles.', '$30 \\cdot 2 = 60$'],
    ['the last segment after "so"', 'With $a = 3$: so $b = 7$', '$b = 7$'],
    ['two segments with no conclusion word are a list', '$x = 5$ or $x = -3$', null],
    ['a number after the segment', 'Then $y = 2$ and 8', null],
    ['no words at all', '$5$', null],
  ],
  'leading-value': [
    ['a number then a noun', '7 pencils', '7'],
    ['a number then two words', '25 red marbles', '25'],
    ['a fraction then an aside', '\\frac{2}{9} of pizza', '\\frac{2}{9}'],
    ['a math segment then a unit', '$4\\sqrt{2}$ meters', '$4\\sqrt{2}$'],
    ['an ordinal is not this', '3rd place', null],
    ['a value joined to another', '2 and 3', null],
    ['three words are too many', '5 big red apples', null],
    ['an equation is read whole', 'x = 4 units', null],
    ['a letter expression is read whole', '2x squares', null],
    ['no value first', 'Navin', null],
  ],
};

describe.each(Object.keys(ROWS))('short rule %s', (name) => {
  const rule = SHORT_RULES.find((r) => r.name === name);
  test.each(ROWS[name] ?? [])('%s', (_row, span, value) => {
    expect(rule?.find(span)).toBe(value);
  });
});

describe('the table: a label first, then the first other rule on its value', () => {
  test.each([
    ['Difference: $9 - 4 = 5$ cm.', 'label+last-segment', '$9 - 4 = 5$'],
    ['Answer set: 12 apples', 'label+leading-value', '12'],
    ['Area: $12$', 'label', '$12$'],
    ['He pays **$30**.', 'bold', '$30'],
    ['18 dollars', 'leading-value', '18'],
  ])('%j', (span, rule, value) => {
    expect(answerInShort(span)).toEqual({ rule, span: value });
  });

  test.each([['x = 5'], ['\\frac{1}{2}'], ['5 \\text{ cm}'], ['\\text{Navin}'], ['Navin'], ['$x=1$, $x=2$']])('%j gives nothing', (span) => {
    expect(answerInShort(span)).toBeNull();
  });
});

describe('the math scorer reads past labels, unit words and emphasis', () => {
  test.each([
    ['(1, \\infty)', 'Solving.\n\nRange: $(1, \\infty)$', '(1, \\infty)', 'last-line/label'],
    ['7', 'Adding.\n\nTotal: $3 + 4 = 7$.', '7', 'last-line/label'],
    ['7', 'Counting.\n\n7 pencils', '7', 'last-line/leading-value'],
    ['45', 'Adding.\n\nShe earns **$45**.', '45', 'last-line/bold'],
    ['9', 'Solving.\n\nSo $k = 9$.', '9', 'last-line/last-segment'],
    ['\\frac{3}{4}', 'Opposite over adjacent.\n\nThus $\\tan B = \\frac{3}{4}$.', '0.75', 'last-line/last-segment'],
  ])('expected %j', (expected, reply, answer, rule) => {
    const scorer = mathScorer(makeCase({ scorer: 'math', expected }) as Parameters<typeof mathScorer>[0]);
    const read = scorer.read(reply);
    expect(read).toMatchObject({ answer, rule });
    expect(scorer.isCorrect?.(answer)).toBe(true);
  });

  test('a wrong value after a label stays wrong', () => {
    const scorer = mathScorer(makeCase({ scorer: 'math', expected: '8' }) as Parameters<typeof mathScorer>[0]);
    const read = scorer.read('Adding.\n\nTotal: $3 + 4 = 7$.');
    expect(read?.answer).toBe('7');
    expect(scorer.isCorrect?.(read?.answer ?? '')).toBe(false);
  });
});
