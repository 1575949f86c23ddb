// The cipher's own lead-ins ("The decoded message is X"): a setting of cipher.yaml read by the text scorer, not general rules.
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { buildSuites, CIPHER_LEAD_INS } from '../../../scripts/generate-suites.js';
import { scorerFor } from '../../../src/score/scorers/index.js';
import { checkPattern } from '../../../src/score/scorers/regex.js';
import { answerOf, makeCase } from '../make-case.js';

const generated = parse(buildSuites({ suiteSettings: true })['cipher.yaml'] ?? '') as { defaults: { leadIns: string[] } };
const plain = makeCase({ scorer: 'text', expected: 'THERE ARE THREE RS IN STRAWBERRY' });
const cipher = scorerFor(Object.assign({}, plain, { leadIns: generated.defaults.leadIns }));
const general = scorerFor(plain);

test('cipher.yaml carries the lead-ins, each one an RE2 pattern', () => {
  expect(generated.defaults.leadIns).toEqual([...CIPHER_LEAD_INS]);
  for (const pattern of CIPHER_LEAD_INS) expect(checkPattern(pattern)).toBeNull();
});

describe('lead-ins without a colon are the suite setting', () => {
  test.each([
    ['the decoded message is', 'Pairing the letters.\n\nThe decoded message is THERE ARE THREE RS IN STRAWBERRY.'],
    ['it decodes to', 'Averaging each pair, it decodes to THERE ARE THREE RS IN STRAWBERRY'],
    ['the ciphertext decodes to', 'Pair by pair, the ciphertext decodes to There are three Rs in strawberry.'],
    ['after an opener', "Got it. The hidden message reads THERE ARE THREE R'S IN STRAWBERRY."],
  ])('%s', async (_name, reply) => {
    expect(await cipher.isCorrect!(answerOf(cipher, reply) ?? '')).toBe(true);
    expect(await general.isCorrect!(answerOf(general, reply) ?? '')).toBe(false); // the general rules read the whole sentence
  });

  test.each([
    ['a colon label needs no setting', 'The decoded message is: THERE ARE THREE RS IN STRAWBERRY'],
    ['nor does a quoted message', 'The message reads "There are three R\'s in strawberry."'],
  ])('%s', async (_name, reply) => {
    expect(await general.isCorrect!(answerOf(general, reply) ?? '')).toBe(true);
  });

  test('a decoded text that itself says "is" keeps its words', () => {
    const power = scorerFor(Object.assign({}, makeCase({ scorer: 'text', expected: 'KNOWLEDGE IS POWER' }), { leadIns: generated.defaults.leadIns }));
    expect(answerOf(power, 'Answer: KNOWLEDGE IS POWER')).toBe('knowledge is power');
    expect(answerOf(power, 'The message is KNOWLEDGE IS POWER.')).toBe('knowledge is power');
  });
});
