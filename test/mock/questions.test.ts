// Tests for the question-family solvers: recognition, right answers and plausible wrong ones.
import { describe, expect, test } from 'vitest';
import { numberWord, phraseAnswer } from '../../src/mock/phrasing.js';
import { solveQuestion, type Family } from '../../src/mock/questions.js';
import { mulberry32 } from '../../src/random.js';
import { AGE_PUZZLE_ANSWER } from '../../src/mock/solve-age-puzzle.js';

const INSTRUCTIONS = "\n\nEnd your reply with a line of the form 'Answer: <answer>'.";
const PRINCESS =
  "A princess is as old as the prince will be when the princess is twice as old as the prince was when the princess's age " +
  'was half the sum of their present age. What is the age of prince and princess? Provide all solutions to that question.';
const CIPHER =
  'oyfjdnisdr rtqwainr acxz mynzbhhx -> Think step by step\n\nUse the example above to decode:\n\n' +
  'oyekaijzdf aaptcg suaokybhai ouow aqht mynznvaatzacdfoulxxz';

const CASES: Array<[Family, string, string]> = [
  ['letter-count', 'How many r\'s are in the word "strawberry"?', '3'],
  ['letter-count', 'How many times does the letter "r" appear in "strawberry"?', '3'],
  ['letter-count', 'How many Rs are there in STRAWBERRY?', '3'],
  ['letter-count', 'Count the letter "s" in the word "mississippi". How many are there?', '4'],
  ['letter-count', "How many z's are in the word \u201cpizza\u201d?", '2'],
  ['letter-count', "How many q's are in the word banana?", '0'],
  ['decimal-compare', 'Which is bigger, 9.11 or 9.8?', '9.8'],
  ['decimal-compare', 'Which number is larger: 3.45 or 3.5?', '3.5'],
  ['decimal-compare', 'Which is greater, 6.52 or 6.4?', '6.52'],
  ['decimal-compare', 'Which is smaller, 9.11 or 9.8?', '9.11'],
  ['decimal-compare', 'Which is bigger, 10.5 vs 9.75?', '10.5'],
  ['cipher', CIPHER, 'THERE ARE THREE RS IN STRAWBERRY'],
  ['age-puzzle', PRINCESS, AGE_PUZZLE_ANSWER],
  ['arithmetic', 'What is 347 * 29?', '10063'],
  ['arithmetic', 'Compute 12 + 5.', '17'],
  ['arithmetic', 'What is 12 x 5?', '60'],
  ['arithmetic', 'Calculate 1,234 × 1,000.', '1234000'],
  ['arithmetic', 'What is 1000 - 1234?', '-234'],
  ['arithmetic', 'What is 144 / 12?', '12'],
  ['arithmetic', 'What is 7 ÷ 4?', '1.75'],
  ['arithmetic', 'What is 9007199254740993 * 3?', '27021597764222979'],
  ['unknown', 'Who wrote Hamlet?', "I don't know"],
];

describe('solveQuestion', () => {
  test.each(CASES)('%s: %s', (family, prompt, answer) => {
    for (const text of [prompt, prompt + INSTRUCTIONS]) {
      const question = solveQuestion(text);
      expect(question.family).toBe(family);
      expect(question.right.answer).toBe(answer);
      expect(question.right.reasoning.length).toBeGreaterThan(20);
      for (let seed = 0; seed < 30; seed++) {
        const wrong = question.wrong(mulberry32(seed));
        if (family === 'unknown') expect(wrong.answer).toBe(answer);
        else expect(wrong.answer).not.toBe(answer);
      }
    }
  });

  test('the famous wrong answers show up', () => {
    const strawberry = solveQuestion('How many r\'s are in the word "strawberry"?');
    const wrongCounts = new Set(Array.from({ length: 40 }, (_, seed) => strawberry.wrong(mulberry32(seed)).answer));
    expect(wrongCounts.has('2')).toBe(true);
    expect([...wrongCounts].every((count) => count === '2' || count === '4')).toBe(true);
    expect(solveQuestion('Which is bigger, 9.11 or 9.8?').wrong(mulberry32(1)).answer).toBe('9.11');
    const age = solveQuestion(PRINCESS);
    for (let seed = 0; seed < 20; seed++) expect(age.wrong(mulberry32(seed)).answer).not.toMatch(/8\s*k.*6\s*k|4\s*:\s*3/);
    expect(age.right.answer).toMatch(/8\s*k.*6\s*k|4\s*:\s*3/);
  });

  test('reasoning mentions the intermediate counts, even in wrong samples', () => {
    const strawberry = solveQuestion('How many r\'s are in the word "strawberry"?');
    expect(strawberry.right.reasoning).toMatch(/s-t-r-a-w-b-e-r-r-y[\s\S]*1[\s\S]*2[\s\S]*3/);
    const reachedRight = Array.from({ length: 40 }, (_, seed) => strawberry.wrong(mulberry32(seed))).some(
      (attempt) => attempt.reasoning.includes("that's 3") && attempt.answer !== '3',
    );
    expect(reachedRight).toBe(true);
  });
});

describe('phraseAnswer', () => {
  test('varies the phrasing and sometimes spells small numbers out', () => {
    const attempt = { answer: '3', kind: 'number' as const, reasoning: '' };
    const phrasings = new Set(Array.from({ length: 200 }, (_, seed) => phraseAnswer(attempt, mulberry32(seed))));
    expect(phrasings).toEqual(new Set(['Answer: 3', '**3**', '\\boxed{3}', 'The answer is 3.', 'Final answer: 3', 'The answer is three.']));
  });

  test('never spells out large numbers or text', () => {
    expect(numberWord('21')).toBeUndefined();
    expect(numberWord('20')).toBe('twenty');
    const text = { answer: '9.8', kind: 'text' as const, reasoning: '' };
    for (let seed = 0; seed < 50; seed++) expect(phraseAnswer(text, mulberry32(seed))).toContain('9.8');
  });
});
