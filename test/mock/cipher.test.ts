// Tests for the pair-averaging cipher and for finding the line to decode in a prompt.
import { describe, expect, test } from 'vitest';
import { CIPHER_EXAMPLE, decodeCipher, encodeCipher, isCipherLine } from '../../src/mock/cipher.js';
import { mulberry32 } from '../../src/random.js';
import { findCiphertext } from '../../src/mock/solve-cipher.js';

describe('pair-averaging cipher', () => {
  test('decodes the example and the o1 launch puzzle', () => {
    expect(decodeCipher(CIPHER_EXAMPLE.split(' -> ')[0] ?? '')).toBe('THINK STEP BY STEP');
    expect(decodeCipher('oyekaijzdf aaptcg suaokybhai ouow aqht mynznvaatzacdfoulxxz')).toBe('THERE ARE THREE RS IN STRAWBERRY');
  });

  test.each(['HELLO WORLD', 'A Z', 'THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG', 'ZZZ AAA MMM'])('round-trips %s', (plain) => {
    for (let seed = 0; seed < 20; seed++) {
      const cipher = encodeCipher(plain, mulberry32(seed));
      expect(isCipherLine(cipher)).toBe(true);
      expect(decodeCipher(cipher)).toBe(plain);
    }
  });

  test('encoding is deterministic for a seed and varies across seeds', () => {
    const plain = 'KNOWLEDGE IS POWER';
    expect(encodeCipher(plain, mulberry32(7))).toBe(encodeCipher(plain, mulberry32(7)));
    expect(encodeCipher(plain, mulberry32(7))).not.toBe(encodeCipher(plain, mulberry32(8)));
  });

  test('refuses characters it cannot encode', () => {
    expect(() => encodeCipher('HI!', mulberry32(1))).toThrow(RangeError);
  });

  test.each([
    ['after "decode:" on the next line', `${CIPHER_EXAMPLE}\nUse the example above to decode:\nabcd efgh`, 'abcd efgh'],
    ['after "decode:" on the same line', `${CIPHER_EXAMPLE}\nNow decode: "abcd"`, 'abcd'],
    ['the last cipher-looking line', `${CIPHER_EXAMPLE}\n\nabcd\n\nEnd your reply with 'Answer: <answer>'.`, 'abcd'],
    ['nothing without a cipher context', 'banana\nbookkeeper', null],
  ])('finds the ciphertext: %s', (_, prompt, expected) => {
    expect(findCiphertext(prompt)).toBe(expected);
  });
});
