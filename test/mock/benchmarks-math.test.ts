// The simulator's MATH-500 answers judged by thinkbench's own math equivalence (src/score/math): every form it
// writes of an answer is that answer, and no wrong answer it writes is.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { answerForms, wrongAnswer } from '../../src/mock/math-forms.js';
import { mulberry32 } from '../../src/random.js';
import { mathEquivalent, readMath } from '../../src/score/math/index.js';

const rows = readFileSync('datasets/math-500.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; answer: string });

test('MATH-500: all forms equivalent, all wrong answers not', { timeout: 120_000 }, () => {
  const answers = rows.map((r) => r.answer);
  const formsOff: string[] = [];
  const wrongsOn: string[] = [];
  for (const [i, row] of rows.entries()) {
    const expected = readMath(row.answer);
    expect(expected, row.id).not.toBeNull();
    for (const form of answerForms(row.answer)) {
      const read = readMath(form.text);
      if (!read || !mathEquivalent(read, expected!)) formsOff.push(`${row.id}: ${form.text}`);
    }
    const wrong = wrongAnswer(row.answer, mulberry32(i), answers).answer;
    const read = readMath(wrong);
    if (read && mathEquivalent(read, expected!)) wrongsOn.push(`${row.id}: ${row.answer} -> ${wrong}`);
  }
  expect(formsOff).toEqual([]);
  expect(wrongsOn).toEqual([]);
});
