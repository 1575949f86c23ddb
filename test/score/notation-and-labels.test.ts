// Number notations (scientific, dotted thousands, count words), answer tags and answer labels in other languages.
import { describe, expect, test } from 'vitest';
import { finalAnswerText } from '../../src/score/extract.js';
import { scorerFor } from '../../src/score/scorers/index.js';
import { answerOf, makeCase } from './make-case.js';

const product = scorerFor(makeCase({ scorer: 'number', expected: 25350 }, 'What is 338 * 75?'));
const million = scorerFor(makeCase({ scorer: 'number', expected: 2307516 }, 'What is 1234 * 1869?'));
const countK = scorerFor(makeCase({ scorer: 'number', expected: 1 }, 'How many k\'s are in "kayak"?'));
const countO = scorerFor(makeCase({ scorer: 'number', expected: 2 }, 'How many o\'s are in "book"?'));
const decode = scorerFor(makeCase({ scorer: 'text', expected: 'SEE YOU SOON' }, 'Decode: tff zpv tppo'));
const bigger = scorerFor(makeCase({ scorer: 'choice', choices: ['4.7', '4.65'], expected: '4.7' }, 'Which is bigger, 4.7 or 4.65?'));

describe('scientific notation is read as its value', () => {
  test.each([
    ['a "×" and a caret', 'Answer: 2.535 × 10^4', '25350'],
    ['superscript exponent digits', 'So the product is 2.535 × 10⁴.', '25350'],
    ['a letter x for times', 'Answer: 2.535 x 10^4', '25350'],
    ['a middle dot', 'Answer: 2.535·10^4', '25350'],
    ['LaTeX \\times with a braced exponent', 'The result is $2.535 \\times 10^{4}$.', '25350'],
    ['a wrong mantissa stays wrong', 'Answer: 2.536 × 10^4', '25360'],
    ['the mantissa alone is not the value', 'Answer: 2.535', '2.535'],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(product, reply)).toBe(canonical);
  });

  test('a plain product with 10 is no exponent', () => {
    const times = scorerFor(makeCase({ scorer: 'number', expected: 750 }, 'What is 75 * 10?'));
    expect(answerOf(times, '75 × 10 = 750')).toBe('750');
  });
});

describe('dots and spaces as thousands separators', () => {
  test.each([
    ['two dotted groups are thousands', 'Answer: 2.307.516', '2307516'],
    ['dotted groups in a working line', 'Resultat: 1234 · 1869 = 2.307.516', '2307516'],
    ['spaces between groups', 'Answer: 2 307 516', '2307516'],
    ['thin spaces between groups', 'Answer: 2\u2009307\u2009516', '2307516'],
    ['narrow no-break spaces', 'Answer: 2\u202F307\u202F516', '2307516'],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(million, reply)).toBe(canonical);
  });

  test('one dotted group stays a decimal point', () => {
    expect(answerOf(product, 'Answer: 25.350')).toBe('25.35');
  });
});

describe('a count word alone is the count', () => {
  test.each([
    ['"once" as the whole answer', countK, 'Answer: once', '1'],
    ['"Once." as a one-word sentence', countK, 'Once.', '1'],
    ['"twice" as the whole answer', countO, 'Final answer: twice', '2'],
    ['"Once" opening a clause is a conjunction', countO, 'Once the letters are listed, the o shows up 2 times.', '2'],
  ])('%s', (_name, scorer, reply, canonical) => {
    expect(answerOf(scorer, reply)).toBe(canonical);
  });
});

describe('answer tags mark the answer like an answer line', () => {
  test.each([
    ['a tagged number, then a check with other numbers', product, '<answer>25350</answer>\n\n338 × 75 = 25,350, and 25,350 / 75 = 338 ✓', '25350'],
    ['a tagged phrase', decode, '<answer>SEE YOU SOON</answer>', 'see you soon'],
    ['a final_answer tag after working', decode, 'Shift each letter back by one.\n\n<final_answer>See you soon.</final_answer>', 'see you soon'],
    ['a capitalised tag spanning lines', decode, 'Working pair by pair.\n<Answer>\nSEE YOU SOON\n</Answer>', 'see you soon'],
    ['a tagged option', bigger, 'Compare the tenths digits first.\n<answer>4.7</answer>', '4.7'],
    ['the tags never stay in the answer', decode, '<answer>SEE YOU NOON</answer>', 'see you noon'],
  ])('%s', (_name, scorer, reply, canonical) => {
    expect(answerOf(scorer, reply)).toBe(canonical);
  });
});

describe('answer labels in other languages', () => {
  test.each([
    ['Spanish', 'Primero multiplico.\n\nRespuesta: 25350', '25350'],
    ['French, a space before the colon', 'Je multiplie.\n\nRéponse : 25350', '25350'],
    ['German', 'Ich rechne.\n\nAntwort: 25350', '25350'],
    ['Chinese, a full-width colon', '计算过程如上。\n\n答案：25350', '25350'],
    ['Russian', 'Считаем.\n\nОтвет: 25350', '25350'],
  ])('%s', (_name, reply, canonical) => {
    expect(answerOf(product, reply)).toBe(canonical);
  });

  test('a label opens the answer span', () => {
    expect(finalAnswerText('La suma es fácil.\n\nRespuesta: diecisiete')).toBe('diecisiete');
  });
});

describe('decimal commas in literal options', () => {
  test.each([
    ['a decimal comma names the option', 'Respuesta: 4,7', '4.7'],
    ['a wrong option with a decimal comma', 'Réponse : 4,65', '4.65'],
    ['a comparison written with commas', '4,7 ist größer als 4,65.\n\nAntwort: 4,7', '4.7'],
    ['points still work as written', 'Answer: 4.7', '4.7'],
  ])('%s', async (_name, reply, canonical) => {
    const answer = answerOf(bigger, reply);
    expect(answer).toBe(canonical);
    expect(await bigger.isCorrect!(answer ?? '')).toBe(canonical === '4.7');
  });
});
