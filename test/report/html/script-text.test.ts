// Bytes as script text and back: the encoder in Node and the page's own decoder agree, the text is safe in <script>, and dense.
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../../src/random.js';
import type { Page } from '../../../src/report/html/page/page-api.js';
import { installUnpack } from '../../../src/report/html/page/unpack.js';
import { bytesToScriptText, DIGITS } from '../../../src/report/html/script-text.js';

const page = {} as Page;
installUnpack(page);

const randomBytes = (length: number, seed: number) => {
  const random = mulberry32(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
};

describe('bytesToScriptText and the page decoder', () => {
  test.each([
    ['nothing', new Uint8Array()],
    ...[1, 2, 3, 4, 5, 6, 7, 13].map(
      (n) => [`${n} bytes of 255 (the largest value of each chunk length)`, new Uint8Array(n).fill(255)] as [string, Uint8Array],
    ),
    ['zeros', new Uint8Array(70)],
    ['every byte value', Uint8Array.from({ length: 256 }, (_, i) => i)],
    ['random bytes', randomBytes(10_003, 1)],
  ])('%s round-trip', (_, bytes) => {
    const text = bytesToScriptText(bytes);
    expect(text.length).toBe(Math.floor(bytes.length / 6) * 7 + (bytes.length % 6 ? (bytes.length % 6) + 1 : 0));
    expect(Array.from(page.scriptTextToBytes(text))).toEqual(Array.from(bytes));
  });

  test('125 digits, every one ASCII, none of them NUL, CR or "<"; the text uses them all', () => {
    expect(DIGITS).toHaveLength(125);
    const text = bytesToScriptText(randomBytes(50_000, 2));
    expect(text).not.toMatch(/[\0\r<]/);
    expect(text).toMatch(/^[\x01-\x7f]*$/);
    expect(new Set(text).size).toBe(125);
  });

  test('gzip-like bytes cost 7/6 bytes each (base64: 4/3)', () => {
    const bytes = randomBytes(60_000, 3);
    expect(Buffer.byteLength(bytesToScriptText(bytes), 'utf8')).toBe(70_000);
  });

  test.each([
    ['a character no encoder writes', 'abcdef\u0100', /U\+100/],
    ['a "<"', 'abc<def', /U\+3c/],
    ['a lone last digit', 'abcdefgh', /cut short/],
    ['a chunk past 2^48', '\x7f'.repeat(7), /damaged/],
  ])('%s is refused, not read as bytes', (_, text, message) => {
    expect(() => page.scriptTextToBytes(text)).toThrow(message);
  });
});
