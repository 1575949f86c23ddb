// Each answer rule of the locator on its own (its table of rows), then the table in order.
import { describe, expect, test } from 'vitest';
import { ANSWER_RULES } from '../../../src/score/locate/rules.js';
import { locateAnswer } from '../../../src/score/locate/locate.js';
import type { RuleInput } from '../../../src/score/locate/rule.js';

function input(text: string, question = ''): RuleInput {
  return { text, lines: text.split('\n'), question };
}
function find(name: string, text: string): string | null {
  const rule = ANSWER_RULES.find((r) => r.name === name);
  if (rule === undefined) throw new Error(`no rule ${name}`);
  return rule.find(input(text))?.span ?? null;
}

test('the rules and their order', () => {
  expect(ANSWER_RULES.map((r) => r.name)).toEqual(['json', 'revised', 'marker', 'hashes', 'boxed', 'answer-is', 'answer-first', 'bold', 'last-line']);
  expect(ANSWER_RULES.filter((r) => r.strict).map((r) => r.name)).toEqual(['json', 'marker', 'boxed']);
});

const ROWS: Record<string, Array<[string, string, string | null]>> = {
  json: [
    ['an answer field', '{"reasoning": "6 times 4 is 24", "answer": "24"}', '24'],
    ['a number value', '{"answer": 24}', '24'],
    ['final_answer, spaced', '{\n  "steps": ["a", "b"],\n  "final_answer": "x = 5"\n}', 'x = 5'],
    ['a closing ```json block after prose', 'Working it out.\n\n```json\n{"answer": "B"}\n```', 'B'],
    ['nested one level', '{"result": {"answer": "9.8"}}', '9.8'],
    ['a list of values', '{"answer": [3, 5, 7]}', '3, 5, 7'],
    ['no answer key', '{"reasoning": "hmm"}', null],
    ['a brace inside prose is not JSON', 'The set {1, 2} has two elements. {"answer": 2}', null],
    ['broken JSON', '{"answer": "24"', null],
    ['a closing JSON line after prose', 'So Q + R = 699.\n\n{"answer": 699}', '699'],
    ['a closing JSON object over several lines after prose', 'Working it out.\n{\n  "final_answer": "x = 5"\n}', 'x = 5'],
    ['after prose only an answer key counts', 'The program prints:\n{"result": 3}', null],
    ['a JSON line that is not the last', 'It prints\n{"answer": 2}\nand then stops.', null],
    ['a closing line that is not valid JSON', 'So the set is\n{1, 2}', null],
  ],
  revised: [
    ['a retraction then "the answer is"', 'Answer: 1462\n\nActually, I dropped a carry. Redoing it, the answer is 1,472.', '1,472'],
    ['"Final:" after "wait"', 'Answer: 5\n\nWait, I mixed up the roles. Final: 4', '4'],
    ['an explanation without a retraction', 'Answer: 12\n\nWhy: some would say the answer is 10.', null],
  ],
  marker: [
    ['Answer:', 'Counting gives three.\n\nAnswer: 3', '3'],
    ['bold Final Answer heading, value below', 'So 3.\n\n**Final Answer**\n\n42', '42'],
    ['inline final answer', 'Adding the parts, the final answer: 17', '17'],
    ['another language', 'Je multiplie.\n\nRéponse : 25350', '25350'],
    ['the last marker wins', 'Answer: 41\n\nAnswer: 42', '42'],
    ['a dunder name stays', 'The constructor is\n\nAnswer: __init__', '__init__'],
    ['an empty marker', 'Answer:', null],
  ],
  hashes: [
    ['GSM8K style', 'Natalia sold 48 / 2 = 24 clips in May.\n48 + 24 = 72\n#### 72', '72'],
    ['a dollar value', 'So she earns $10.\n#### $10', '$10'],
    ['a markdown heading is not an answer', '#### Step 2: add the columns\n6 + 6 = 12', null],
    ['nor a numbered heading', '#### 1. Setting up\nLet x be the number.', null],
    ['nor a one-word heading', '#### Solution\nx = 5', null],
    ['a thousands separator and a minus', 'So the change is -1,250.\n#### -1,250', '-1,250'],
    ['a unit word and an aside after the number', 'So it costs 7500 cents.\n#### 7500 cents ($75)', '7500'],
    ['a unit of several words', 'He removes 60 per day.\n#### 60 bugs per day', '60'],
    ['an aside alone', 'She pays 12 dollars.\n#### 12 (dollars)', '12'],
    ['a closing full stop', '#### 18.', '18'],
    ['a capitalised word is a heading', '#### 2 Adding the columns\n6 + 6 = 12', null],
    ['a sentence after the number is not a unit', '#### 5 so far we have counted the first batch of rows', null],
  ],
  boxed: [
    ['nested braces', 'So $\\boxed{\\frac{3}{4}}$.', '\\frac{3}{4}'],
    ['without its backslash', 'The statement is false, so boxed{no}.', 'no'],
    ['fbox', 'Hence \\fbox{7}.', '7'],
    ['a one-token argument without braces', 'So the answer is $\\boxed 5$.', '5'],
    ['a braced box after a bare one', '$\\boxed 4$ is wrong; $\\boxed{5}$', '5'],
    ['the last box', '\\boxed{41}, no: \\boxed{42}', '42'],
    ['a later "The answer is:" wins', 'Trying x = 3 gives $\\boxed{3}$, but that fails the check.\n\nThe answer is: 2.', null],
    ['"the answer is \\boxed{}" stays boxed', 'Therefore, the answer is $\\boxed{42}$.', '42'],
    ['a later remark on the answer is no statement of it', '$\\boxed{42}$\n\nI am confident the answer is correct.', '42'],
    ['a later "the answer is 2" without a colon wins too', 'First $\\boxed{3}$; rechecking, the answer is 2.', null],
    ['a box a concluding line computes on is a step', 'The part is $\\boxed{6}$ at $t = 1$.\n\nThus the total is $6 \\cdot 3 = 18$.', null],
    ['so is one added to', 'So $u + 1/u$ is at least $\\boxed{2}$.\n\nHence the least value is $2 + 3 = 5$.', null],
    ['a concluding line that only restates the box keeps it', 'We get $\\boxed{6}$.\n\nThus the total is $6$.', '6'],
    ['a concluding line with the digit inside another number keeps it', 'We get $\\boxed{6}$.\n\nSo 16 + 2 = 18 checks out.', '6'],
    ['a line that does not conclude keeps it', 'We get $\\boxed{6}$.\n\nCheck: $6 \\cdot 3 = 18$.', '6'],
    ['unbalanced', 'So \\boxed{\\frac{3}{4}', null],
  ],
  'answer-is': [
    ['a sentence', 'Each pair averages to one letter, so the answer is 3.', '3'],
    ['with a colon, after a box', 'Trying $\\boxed{3}$ fails.\n\nThe answer is: 2.', '2'],
    ['none', 'The result is 408.', null],
  ],
  'answer-first': [
    ['value, then an explanation', '42\n\nExplanation: 6 * 7 = 42.', '42'],
    ['bold value sentence', "**5**. The word abracadabra has five a's.", '5'],
    ['a column sum is not answer-first', '128\n+ 64\n= 192', null],
  ],
  bold: [
    ['bold after a lead-in', 'Comparing the tenths:\n\nSo the larger number is **9.8**.', '9.8'],
    ['bold without a lead-in is not read', 'I **think** so', null],
  ],
  'last-line': [
    ['the closing line', "Let me count.\nThere are 3 r's.", "There are 3 r's."],
    ['a pleasantry skipped', 'There are 3.\n\nLet me know if you have questions!', 'There are 3.'],
    ['a closing coordinate pair in parentheses completes the line above', 'The intersection point is\n(3, 4)', '(3, 4)'],
    ['a note in parentheses qualifies the line above', 'The total is 1472 apples\n\n(assuming none are bruised)', 'The total is 1472 apples'],
  ],
};

describe.each(Object.keys(ROWS))('rule %s', (name) => {
  test.each(ROWS[name] ?? [])('%s', (_row, text, span) => {
    expect(find(name, text)).toBe(span);
  });
});

describe('the table in order: which rule fires, and the span it read', () => {
  test.each([
    ['a JSON reply', '{"reasoning": "4 * 6", "answer": "24"}', 'json', '24'],
    ['a marker beats a box above it', '\\boxed{7}\n\nAnswer: 8', 'marker', '8'],
    ['a later "The answer is: 2." beats an earlier box', 'So $\\boxed{3}$?\n\nChecking again, 3 fails. The answer is: 2.', 'answer-is', '2'],
    ['GSM8K hashes', '18 - 3 = 15\n#### 15', 'hashes', '15'],
    ['boxed without its backslash', 'Is 91 prime? It is 7 × 13, so boxed{no}', 'boxed', 'no'],
    ['a bold final statement', 'Comparing tenths digits.\n\nSo the answer: **9.8**', 'bold', '9.8'],
    ['a closing line', "I counted each letter.\nThere are 3 r's", 'last-line', "There are 3 r's"],
    ['a function value with its argument', 'Evaluating at zero, the answer is I(0).', 'answer-is', 'I(0)'],
  ])('%s', (_name, text, rule, span) => {
    expect(locateAnswer(text)).toEqual(expect.objectContaining({ found: true, rule, span }));
  });
});

describe('strict reading: only the instructed formats', () => {
  test.each([
    ['an answer line', 'Working.\n\nAnswer: 42', 'marker', '42'],
    ['a box', 'So $\\boxed{42}$.', 'boxed', '42'],
    ['JSON', '{"answer": "42"}', 'json', '42'],
    ['"the answer is" is not the instructed format', 'So the answer is 42.', null, null],
    ['a bold line is not either', 'So it is **42**.', null, null],
    ['nor a closing line', 'There are 42 of them.', null, null],
  ])('%s', (_name, text, rule, span) => {
    const strict = locateAnswer(text, { strictness: 'strict' });
    if (rule === null) expect(strict.found).toBe(false);
    else expect(strict).toEqual(expect.objectContaining({ found: true, rule, span }));
    expect(locateAnswer(text).found).toBe(true); // lenient reads every one of them
  });
});
