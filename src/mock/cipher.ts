// The pair-averaging cipher from the o1 launch post: each letter becomes two letters whose positions average to it.

import type { Rng } from '../random.js';

/** The worked example the puzzle shows before the line to decode. */
export const CIPHER_EXAMPLE = 'oyfjdnisdr rtqwainr acxz mynzbhhx -> Think step by step';

const A = 'a'.charCodeAt(0);

/** Encodes uppercase words (A-Z and spaces) as lowercase pairs; which pair is chosen comes from `rng`. */
export function encodeCipher(plaintext: string, rng: Rng): string {
  let out = '';
  for (const char of plaintext.toUpperCase()) {
    if (char === ' ') {
      out += ' ';
      continue;
    }
    const position = char.charCodeAt(0) - 64;
    if (position < 1 || position > 26) throw new RangeError(`cannot encode ${JSON.stringify(char)}: only A-Z and spaces`);
    // Both letters must stay inside a..z: a + b = 2p with 1 <= a, b <= 26.
    const low = Math.max(1, 2 * position - 26);
    const high = Math.min(26, 2 * position - 1);
    const first = low + Math.floor(rng() * (high - low + 1));
    out += String.fromCharCode(A + first - 1, A + 2 * position - first - 1);
  }
  return out;
}

/** Decodes one pair of lowercase letters to its uppercase letter, or '?' when the pair has no whole average. */
export function decodePair(first: string, second: string): string {
  const sum = first.charCodeAt(0) - A + 1 + (second.charCodeAt(0) - A + 1);
  if (sum % 2 !== 0 || sum < 2 || sum > 52) return '?';
  return String.fromCharCode(64 + sum / 2);
}

/** Decodes a ciphertext line word by word into uppercase plaintext. */
export function decodeCipher(ciphertext: string): string {
  return ciphertext
    .trim()
    .split(/\s+/)
    .map((word) => {
      let plain = '';
      for (let i = 0; i + 1 < word.length; i += 2) plain += decodePair(word[i] ?? 'a', word[i + 1] ?? 'a');
      return plain;
    })
    .join(' ');
}

/** True when a line looks like ciphertext: lowercase words of even length, nothing else. */
export function isCipherLine(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return words.length > 0 && words.every((word) => /^[a-z]+$/.test(word) && word.length % 2 === 0);
}
