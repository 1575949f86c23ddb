// Solver for the pair-averaging cipher puzzle: finds the line to decode and decodes it pair by pair.

import { CIPHER_EXAMPLE, decodeCipher, isCipherLine } from './cipher.js';
import { intBetween, type Rng } from '../random.js';
import type { Attempt, Question } from './questions.js';

const A = 'a'.charCodeAt(0);

/** Finds the ciphertext: the line after "decode:", else the last line of even-length lowercase words. */
export function findCiphertext(text: string): string | null {
  if (!/decode|->|\u2192/i.test(text)) return null;
  const clean = (line: string): string =>
    line
      .trim()
      .replace(/^[`"'\u201c]+|[`"'\u201d.]+$/g, '')
      .trim();
  const marker = /decode\s*:/gi;
  let lastIndex = -1;
  for (let m = marker.exec(text); m; m = marker.exec(text)) lastIndex = m.index + m[0].length;
  if (lastIndex >= 0) {
    for (const line of text.slice(lastIndex).split('\n')) {
      const candidate = clean(line);
      if (candidate && isCipherLine(candidate)) return candidate;
    }
  }
  const lines = text
    .split('\n')
    .map(clean)
    .filter((line) => line && !line.includes('->') && isCipherLine(line));
  return lines.at(-1) ?? null;
}

interface Slip {
  word: number;
  letter: number;
  delta: number;
}

// Decodes word by word, showing each pair's average; an optional slip mis-averages one pair.
function worked(ciphertext: string, slip?: Slip): { lines: string[]; words: string[] } {
  const lines: string[] = [];
  const words: string[] = [];
  ciphertext.split(/\s+/).forEach((cipherWord, wordIndex) => {
    const steps: string[] = [];
    let plain = '';
    for (let i = 0; i + 1 < cipherWord.length; i += 2) {
      const first = cipherWord.charCodeAt(i) - A + 1;
      const second = cipherWord.charCodeAt(i + 1) - A + 1;
      const isSlip = slip !== undefined && slip.word === wordIndex && slip.letter === i / 2;
      const average = (first + second) / 2 + (isSlip ? (slip?.delta ?? 0) : 0);
      const letter = String.fromCharCode(64 + average);
      plain += letter;
      steps.push(`${cipherWord.slice(i, i + 2)} (${first}+${second})/2=${average} ${letter}`);
    }
    lines.push(`${cipherWord}: ${steps.join(', ')} \u2192 ${plain}`);
    words.push(plain);
  });
  return { lines, words };
}

function explain(ciphertext: string, slip?: Slip, dropWord?: number): Attempt {
  const { lines, words } = worked(ciphertext, slip);
  const kept = dropWord === undefined ? words : words.filter((_, index) => index !== dropWord);
  const answer = kept.join(' ');
  return {
    answer,
    kind: 'text',
    reasoning:
      `The example maps "${CIPHER_EXAMPLE.split(' -> ')[0]}" to "Think step by step": 4 words to 4 words, and ` +
      `"oyfjdnisdr" has 10 letters for the 5 of "think", so each pair of letters stands for one letter.\n` +
      `Try "oy" for T: o = 15, y = 25, (15 + 25) / 2 = 20, and T is the 20th letter. Each letter is the average of its pair.\n` +
      `Now the message, pair by pair:\n${lines.join('\n')}\n` +
      (dropWord === undefined ? '' : `The word "${words[dropWord] ?? ''}" looks like noise; I'll leave it out.\n`) +
      `Putting the words together: ${answer}.`,
  };
}

/** Recognises the cipher puzzle and returns its right and wrong attempts. */
export function solveCipher(text: string): Question | null {
  const ciphertext = findCiphertext(text);
  if (!ciphertext || decodeCipher(ciphertext).includes('?')) return null;
  const right = explain(ciphertext);
  const words = right.answer.split(' ');
  const wrong = (rng: Rng): Attempt => {
    const word = intBetween(rng, 0, words.length - 1);
    if (words.length > 2 && rng() < 0.3) return explain(ciphertext, undefined, word);
    const plain = words[word] ?? '';
    const letter = intBetween(rng, 0, Math.max(0, plain.length - 1));
    const code = plain.charCodeAt(letter) - 64;
    const delta = code >= 26 ? -1 : code <= 1 ? 1 : rng() < 0.5 ? -1 : 1;
    return explain(ciphertext, { word, letter, delta });
  };
  return { family: 'cipher', right, wrong };
}
