// The answer inside a closing sentence: each prose rule on its own rows, the table in order, and the math scorer.
import { describe, expect, test } from 'vitest';
import { PROSE_RULES, answerInProse, isProse } from '../../../src/score/math/prose.js';
import { mathScorer } from '../../../src/score/scorers/math.js';
import { makeCase } from '../make-case.js';

test('the prose rules and their order', () => {
  expect(PROSE_RULES.map((r) => r.name)).toEqual(['math-list', 'last-equals', 'single-bold', 'last-number']);
});

const ROWS: Record<string, Array<[string, string, string | null]>> = {
  'math-list': [
    ['two roots joined by "and"', 'The real roots are $x = 1 + \\sqrt{19}$ and $x = 1 - \\sqrt{19}$', '$x = 1 + \\sqrt{19}$, $x = 1 - \\sqrt{19}$'],
    ['three values with commas', 'The solutions are $2$, $3$, and $5$', '$2$, $3$, $5$'],
    ['segments with words between are no list', 'Since $a = 2$ we get $b = 3$', null],
    ['one segment is no list', 'The area is $12\\pi$ square units', null],
  ],
  'last-equals': [
    ['a unit after the value', 'District B gets the remainder which is 600-407 = 193 newspapers', '193'],
    ['a noun phrase after the value', 'On average 300/5 = 60 Junebugs per day', '60'],
    ['a currency value', 'He used a total of 400 + 300 + 180 = $880', '$880'],
    ['amounts on both sides', 'The home-made cost is $400-$80 = $320', '$320'],
    ['inside inline math', 'The area is $A = 12\\pi$ square units', '12\\pi$'],
    ['a clause after the value is no unit', 'So x = 5 is the only value that the question allows', null],
    ['no equals sign', 'He delivers 193 newspapers', null],
  ],
  'single-bold': [
    ['a bold number mid-sentence', 'Colin is **20** years old', '20'],
    ['a bold name', 'So **Navin** earns the most', 'Navin'],
    ['two bold spans are ambiguous', 'Both **Ann** and **Bo** win', null],
    ['no bold', 'Colin is 20 years old', null],
    ['a bold label is not the answer', '**Note:** this assumes 5 people', null],
    ['nor a bold label before its colon', '**Check**: 4 + 16 = 20', null],
  ],
  'last-number': [
    ['a number then a noun', 'He delivers 193 newspapers', '193'],
    ['the last of several numbers', 'Of the 12 eggs, 5 are left', '5'],
    ['a currency amount', 'It cost $100 total', '$100'],
    ['a math segment after the last number', 'In 2 steps the area is $12\\pi$ square units', '$12\\pi$'],
    ['an ordinal is not a number', 'She finished 3rd', null],
    ['a fraction and a percent', 'About 3/4 of them, or 75%, passed', '75%'],
    ['no number', 'The function is odd', null],
    ['a bound is not a value', 'The answer must be less than 100', null],
    ['nor a range', 'So x lies between 3 and 7', null],
    ['a number followed by a clause is not stated as the answer', 'She has 5 apples and still wants to find out how many pears', null],
    ['at most three words after it', 'Colin is now 20 years old', '20'],
  ],
};

describe.each(Object.keys(ROWS))('prose rule %s', (name) => {
  const rule = PROSE_RULES.find((r) => r.name === name);
  test.each(ROWS[name] ?? [])('%s', (_row, sentence, span) => {
    expect(rule?.find(sentence)).toBe(span);
  });
});

describe('prose is a span of three or more words outside its mathematics', () => {
  test.each([
    ['He delivers 193 newspapers.', true],
    ['Colin is **20** years old.', true],
    ['20 years', false],
    ['5 cm', false],
    ['$\\frac{\\text{width}}{\\text{height}} = \\frac{4}{3}$', false],
    ['\\text{no real solutions}', false],
    ['So it is 5.', true],
    ['ab + bc + ca', false],
    ['x^2 + xy + yz + zx', false],
  ])('%j: %s', (span, prose) => {
    expect(isProse(span)).toBe(prose);
  });
});

describe('the table in order, on the closing sentence only', () => {
  test.each([
    ['the last equals beats the numbers before it', '6. He used a total of 400 + 300 + 180 = $880.', 'last-equals', '$880'],
    ['a "because" clause is set aside', 'It cost $100 total because 40+60=100', 'last-number', '$100'],
    ['a "when" clause is set aside', 'There are 12 ways when n = 4.', 'last-number', '12'],
    ['an "attained at" clause is set aside', 'So the least value is $4 + 5 = 9$, attained at $x = 1$.', 'last-equals', '9$'],
    ['the closing sentence first', 'Navin makes $\\approx \\$4.95$ an hour. So **Navin** earns the most.', 'single-bold', 'Navin'],
  ])('%s', (_name, written, rule, span) => {
    expect(answerInProse(written)).toEqual({ rule, span });
  });

  test.each([
    ['20 years'],
    ['x = 5'],
    ['There is no solution.'],
    ['He delivers 193 newspapers. That is all of them.'],
    ['She earns $25 per hour... wait, let me re-read: she makes $'],
  ])('%j gives nothing', (written) => {
    expect(answerInProse(written)).toBeNull();
  });
});

describe('the math scorer reads the answer inside a closing sentence', () => {
  test.each([
    ['320', 'The wallpaper costs $400 new.\n\nThe home-made one is $400-$80 = $320', '320', 'last-line/last-equals'],
    ['20', 'His age doubles.\n\nColin is **20** years old.', '20', 'last-line/single-bold'],
    ['193', 'Subtracting the others.\n\nHe delivers 193 newspapers.', '193', 'last-line/last-number'],
    ['\\text{Navin}', 'Comparing hourly pay.\n\nSo **Navin** earns the most.', 'navin', 'last-line/single-bold'],
    ['5', 'Checking both.\n\nSo it is 5.', '5', 'last-line/last-number'],
  ])('expected %j', (expected, reply, answer, rule) => {
    const scorer = mathScorer(makeCase({ scorer: 'math', expected }) as Parameters<typeof mathScorer>[0]);
    const read = scorer.read(reply);
    expect(read).toMatchObject({ answer, rule });
    expect(scorer.isCorrect?.(answer)).toBe(true);
  });

  test('an expression in letters is read whole', () => {
    const scorer = mathScorer(makeCase({ scorer: 'math', expected: 'ab+bc+ca' }) as Parameters<typeof mathScorer>[0]);
    expect(scorer.read('Expanding.\n\nab + bc + ca')).toMatchObject({ rule: 'last-line' });
  });

  test('a short answer span is read whole, as before', () => {
    const scorer = mathScorer(makeCase({ scorer: 'math', expected: 'x = 5' }) as Parameters<typeof mathScorer>[0]);
    expect(scorer.read('Solving.\n\nAnswer: x = 5')).toMatchObject({ answer: '5', rule: 'marker' });
  });

  test('a sentence with no value in it stays text', () => {
    const scorer = mathScorer(makeCase({ scorer: 'math', expected: '4' }) as Parameters<typeof mathScorer>[0]);
    expect(scorer.read('Thinking.\n\nThere is no such number.')).toMatchObject({ answer: 'there is no such number', rule: 'last-line' });
  });
});
