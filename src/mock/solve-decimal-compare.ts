// Solver for "Which is bigger, 9.11 or 9.8?" style questions.

import { pick, type Rng } from '../random.js';
import type { Attempt, Question } from './questions.js';

const DIRECTION = /\b(bigger|larger|greater|higher|smaller|lesser|less|lower)\b/i;
const PAIR = /(-?\d+(?:\.\d+)?)\s*(?:,|or|and|vs\.?|versus)\s*(-?\d+(?:\.\d+)?)/i;

/** Recognises a two-number comparison and returns its right and wrong attempts. */
export function solveDecimalCompare(text: string): Question | null {
  const direction = DIRECTION.exec(text)?.[1]?.toLowerCase();
  const pair = PAIR.exec(text);
  const first = pair?.[1];
  const second = pair?.[2];
  if (!direction || !first || !second || Number(first) === Number(second)) return null;
  const wantBigger = !['smaller', 'lesser', 'less', 'lower'].includes(direction);
  const bigger = Number(first) > Number(second) ? first : second;
  const smaller = bigger === first ? second : first;
  const answer = wantBigger ? bigger : smaller;
  const other = wantBigger ? smaller : bigger;
  const word = wantBigger ? 'bigger' : 'smaller';
  const steps = compareSteps(first, second);
  const right: Attempt = {
    answer,
    kind: 'text',
    reasoning: `I need to find which of ${first} and ${second} is ${word}.\n${steps}\nSo ${answer} is ${word} than ${other}.`,
  };
  const [answerWhole = '', answerFrac = ''] = answer.split('.');
  const [otherWhole = '', otherFrac = ''] = other.split('.');
  // The classic mistake reads the decimals as whole numbers ("11 > 8"); only usable when it flips the result.
  const misreadFlips =
    answerWhole === otherWhole &&
    answerFrac !== '' &&
    otherFrac !== '' &&
    (wantBigger ? Number(otherFrac) > Number(answerFrac) : Number(otherFrac) < Number(answerFrac));
  const wrong = (rng: Rng): Attempt => {
    const style = misreadFlips ? pick(rng, ['misread', 'second-guess']) : 'second-guess';
    const reasoning =
      style === 'misread'
        ? `I need to find which of ${first} and ${second} is ${word}.\nThe whole part is ${answerWhole} in both, so compare ` +
          `what comes after the point: ${otherFrac} versus ${answerFrac}. As whole numbers, ${otherFrac} is ` +
          `${wantBigger ? 'more' : 'less'} than ${answerFrac}.\nSo ${other} is ${word}.`
        : `I need to find which of ${first} and ${second} is ${word}.\n${steps}\nThat suggests ${answer}. Hmm, but ` +
          `reading them like version numbers, ${other} comes ${wantBigger ? 'later' : 'earlier'}, so on reflection ` +
          `${other} is ${word}.`;
    return { answer: other, kind: 'text', reasoning };
  };
  return { family: 'decimal-compare', right, wrong };
}

// Explains the comparison by padding both to the same number of decimal places.
function compareSteps(first: string, second: string): string {
  const [whole1 = '0', frac1 = ''] = first.split('.');
  const [whole2 = '0', frac2 = ''] = second.split('.');
  if (Number(whole1) !== Number(whole2)) {
    return `The whole parts differ: ${whole1} versus ${whole2}, and that decides it.`;
  }
  const places = Math.max(frac1.length, frac2.length);
  const padded1 = frac1.padEnd(places, '0');
  const padded2 = frac2.padEnd(places, '0');
  let index = 0;
  while (index < places && padded1[index] === padded2[index]) index++;
  const place = ['tenths', 'hundredths', 'thousandths'][index] ?? `digit ${index + 1} after the point`;
  const negative = first.startsWith('-');
  return (
    `Both have the same whole part, ${whole1}, so the decimals decide. Padding to ${places} places: ` +
    `${whole1}.${padded1} and ${whole2}.${padded2}.\nComparing digit by digit, the ${place} differ: ` +
    `${padded1[index] ?? '0'} versus ${padded2[index] ?? '0'}.` +
    (negative ? ' Both numbers are negative, so the larger digits mean the smaller number.' : '')
  );
}
