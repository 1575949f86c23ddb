import { describe, expect, test } from 'vitest';
import { questionDirection } from '../../src/score/scorers/choice.js';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

const lettered = scorerFor(makeCase({ scorer: 'choice', choices: ['A', 'B', 'C', 'D'], expected: 'B' }));
const bigger = scorerFor(makeCase({ scorer: 'choice', choices: ['9.11', '9.8'], expected: '9.8' }, 'Which is bigger, 9.11 or 9.8?'));
const smaller = scorerFor(makeCase({ scorer: 'choice', choices: ['9.11', '9.8'], expected: '9.11' }, 'Which is smaller, 9.11 or 9.8?'));
const capital = scorerFor(makeCase({ scorer: 'choice', choices: ['Paris', 'Lyon', 'Marseille'], expected: 'Paris' }, 'What is the capital of France?'));

describe('choice scorer: letter options', () => {
  test.each([
    ['bare letter', 'B', 'B'],
    ['parenthesised', '(B)', 'B'],
    ['bold', 'Looking at each option, only one fits.\n\n**B**', 'B'],
    ['letter with closing paren and text', 'Answer: B) 42', 'B'],
    ['letter with full stop and text', 'Answer: B. The mitochondria', 'B'],
    ['marker with option text', 'Answer: (B) The reaction is exothermic', 'B'],
    ['option B', 'The best fit is option B.', 'B'],
    ['correct choice is', 'After eliminating A and D, the correct choice is B', 'B'],
    ['the answer is (B)', 'Only B keeps the sum even, so the answer is (B).', 'B'],
    ['boxed letter', 'Therefore the answer is $\\boxed{B}$.', 'B'],
    ['boxed text letter', '$\\boxed{\\text{(B)}}$', 'B'],
    ['lowercase in parentheses', 'Answer: (b)', 'B'],
    ['article "A" is not option A', 'A careful reading of the passage points to C.', 'C'],
    ['letter then because', 'The answer is B because A and C contradict the premise.', 'B'],
    ['letter then comma', 'B, since the other options contradict the premise.', 'B'],
    ['go with', 'I would go with B.', 'B'],
    ['bold marker and letter', '**Answer: B**', 'B'],
    ['correct answer label', 'Correct answer: B', 'B'],
    ['wrong letter', 'Answer: D', 'D'],
    ['letter outside the list', 'Answer: E', null],
    ['no letter', 'None of these look right to me, the passage is ambiguous.', null],
  ])('%s', async (_name, reply, canonical) => {
    const answer = answerOf(lettered, reply);
    expect(answer).toBe(canonical);
    if (answer !== null) expect(await lettered.isCorrect!(answer)).toBe(answer === 'B');
  });
});

describe('choice scorer: literal options (the 9.11 vs 9.8 trap)', () => {
  test.each([
    ['bare value', '9.8', '9.8'],
    ['answer line', 'Answer: 9.8', '9.8'],
    ['bold value', 'Comparing the decimal parts, 0.8 > 0.11.\n\n**9.8**', '9.8'],
    ['trailing zero names the option', 'Answer: 9.80', '9.8'],
    ['bigger than', '9.8 is bigger than 9.11.', '9.8'],
    ['smaller than', '9.11 is smaller than 9.8.', '9.8'],
    ['symbol >', 'Since 0.80 > 0.11, we get 9.8 > 9.11.', '9.8'],
    ['symbol <', 'Answer: 9.11 < 9.8', '9.8'],
    ['although clause', 'Although 9.11 has more digits, 9.8 is larger.', '9.8'],
    ['while clause, the bigger number', 'While 9.11 looks longer, 9.8 is the bigger number.', '9.8'],
    ['X, not Y', 'The answer is 9.8, not 9.11.', '9.8'],
    ['not X but Y', 'Answer: not 9.11 but 9.8', '9.8'],
    ['the larger one is', 'The larger one is 9.8 because 0.8 = 0.80 > 0.11.', '9.8'],
    ['negated comparison', '9.11 is not bigger than 9.8.', '9.8'],
    ["isn't", "9.11 isn't larger than 9.8, since 0.11 < 0.80.", '9.8'],
    ['conclusion after explanation', 'To compare, write both with two decimals: 9.11 and 9.80. Since 80 > 11, 9.8 is greater.', '9.8'],
    ['subject-only lesser statement with two options', 'Answer: 9.11 is smaller', '9.8'],
    ['the classic wrong answer', '9.11 is bigger than 9.8 because 11 is bigger than 8.', '9.11'],
    ['classic wrong answer with symbol', 'Answer: 9.11 > 9.8', '9.11'],
    ['a correction after "but"', 'Many people think 9.11 is bigger, but 9.8 is bigger.', '9.8'],
    ['X wins', '9.11 vs 9.8: the tenths digit 8 beats 1, so 9.8 wins.', '9.8'],
    ['answer then an explanation paragraph', '9.8 is bigger.\n\nThis is because 0.80 > 0.11.', '9.8'],
    ['both bold, comparison decides', '**9.8** is bigger than **9.11**.', '9.8'],
    ['comparing lead-in', 'Comparing 9.11 and 9.8: 9.8 is greater.', '9.8'],
    ['neither named', 'They are both numbers close to 9.', null],
    ['both named, nothing asserted', 'Answer: 9.11 or 9.8', null],
  ])('%s', async (_name, reply, canonical) => {
    const answer = answerOf(bigger, reply);
    expect(answer).toBe(canonical);
    if (answer !== null) expect(await bigger.isCorrect!(answer)).toBe(answer === '9.8');
  });

  // Two different final answers, neither retracted, are one wrong answer; hedged or attributed claims are not answers.
  test.each([
    ['plain claim, then a different answer line', '9.11 is larger.\n\nAnswer: 9.8', '9.11 | 9.8'],
    ['symbol claim, then a different answer line', '9.8 < 9.11\n\nFinal answer: 9.8', '9.11 | 9.8'],
    ['same claim and answer line', '9.8 is larger.\n\nAnswer: 9.8', '9.8'],
    ['an attributed claim', 'Many people assume 9.11 is bigger.\n\nAnswer: 9.8', '9.8'],
    ['a retracted claim', '9.11 is bigger. Wait, no: 0.8 beats 0.11.\n\nAnswer: 9.8', '9.8'],
    ['a hedged claim', 'At first glance 9.11 looks bigger.\n\nAnswer: 9.8', '9.8'],
    [
      'a long worked body is reasoning, not a second answer',
      'Write both with two decimals: 9.11 and 9.80. Compare the tenths: 1 < 8. Since 9.11 has the smaller tenths digit, 9.11 is smaller.\n\nAnswer: 9.8',
      '9.8',
    ],
  ])('%s', async (_name, reply, canonical) => {
    const answer = answerOf(bigger, reply);
    expect(answer).toBe(canonical);
    expect(await bigger.isCorrect!(answer ?? '')).toBe(canonical === '9.8');
  });

  test.each([
    ['smaller question, smaller than', '9.11 is smaller than 9.8.', '9.11'],
    ['smaller question, bigger than', '9.8 is bigger than 9.11, so the smaller one is 9.11.', '9.11'],
    ['smaller question, symbol', 'Answer: 9.8 > 9.11', '9.11'],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(smaller, reply)).toBe(canonical);
  });

  test.each([
    ['word option', 'The capital of France is Paris.', 'Paris'],
    ['case-insensitive mention', 'Answer: PARIS', 'Paris'],
    ['X, not Y with words', 'Answer: Paris, not Lyon', 'Paris'],
    ['no option mentioned', 'Answer: Toulouse', null],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(capital, reply)).toBe(canonical);
  });
});

describe('choice scorer: the direction a case asks for', () => {
  test.each([
    ['from the question: smaller', 'Which is smaller, 9.11 or 9.8?', undefined, 'min'],
    ['from the question: bigger', 'Which is bigger, 9.11 or 9.8?', undefined, 'max'],
    ['a stated setting wins over the wording', 'Pick one: 9.11 or 9.8.', 'lesser', 'min'],
    ['no comparative and no setting: the greater', 'Pick one: 9.11 or 9.8.', undefined, 'max'],
  ])('%s', (_name, question, direction, expected) => {
    const c = makeCase({ scorer: 'choice', choices: ['9.11', '9.8'], expected: '9.8', ...(direction && { direction }) }, question);
    expect(questionDirection(c)).toBe(expected);
  });
});
