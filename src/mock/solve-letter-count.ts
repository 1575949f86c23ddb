// Solver for "How many r's are in the word strawberry?" style questions.

import { pick, type Rng } from '../random.js';
import type { Attempt, Question } from './questions.js';

const OPEN = `["'\u201c\u2018]?`;
const CLOSE = `["'\u201d\u2019]?`;
const IN_WORD = `in\\s+(?:the\\s+word\\s+)?${OPEN}([a-z]+)`;
const PATTERNS: readonly RegExp[] = [
  new RegExp(`how many times does (?:the )?(?:letter\\s+)?${OPEN}([a-z])${CLOSE}\\s+(?:appear|occur|show up)\\s+${IN_WORD}`, 'i'),
  new RegExp(`how many\\s+(?:letter\\s+)?${OPEN}([a-z])${CLOSE}(?:'s|\u2019s|s)?\\s+(?:are\\s+|is\\s+)?(?:there\\s+)?${IN_WORD}`, 'i'),
  new RegExp(`count\\s+(?:the\\s+)?(?:number\\s+of\\s+)?(?:letter\\s+)?${OPEN}([a-z])${CLOSE}(?:'s|\u2019s|s)?\\s+${IN_WORD}`, 'i'),
];

/** Counts `letter` in `word`, ignoring case. */
export function countLetter(word: string, letter: string): number {
  let count = 0;
  for (const char of word.toLowerCase()) if (char === letter.toLowerCase()) count++;
  return count;
}

// Walks the word aloud; `skipAt` drops one occurrence (a miscount), so wrong samples can still look diligent.
function walk(word: string, letter: string, skipAt = -1): { text: string; total: number } {
  const parts: string[] = [];
  let total = 0;
  let seen = 0;
  for (const char of word) {
    if (char === letter) {
      seen++;
      if (seen - 1 === skipAt) {
        parts.push(char);
        continue;
      }
      total++;
      parts.push(`${char} \u2014 that's ${total}`);
    } else parts.push(char);
  }
  return { text: parts.join(', '), total };
}

function intro(word: string, letter: string): string {
  return `Let me spell out "${word}": ${word.split('').join('-')}.\nNow I go through it letter by letter and count each "${letter}".\n`;
}

/** Recognises a letter-count question and returns its right and wrong attempts. */
export function solveLetterCount(text: string): Question | null {
  let match: RegExpExecArray | null = null;
  for (const pattern of PATTERNS) {
    match = pattern.exec(text);
    if (match) break;
  }
  const letter = match?.[1]?.toLowerCase();
  const word = match?.[2]?.toLowerCase();
  if (!letter || !word) return null;
  const count = countLetter(word, letter);
  const full = walk(word, letter);
  const right: Attempt = {
    answer: String(count),
    kind: 'number',
    reasoning: `${intro(word, letter)}${full.text}.\nSo "${word}" contains ${count} "${letter}"${count === 1 ? '' : 's'}.`,
  };
  const wrong = (rng: Rng): Attempt => {
    const lower = count >= 1 && (count >= 2 ? rng() < 0.7 : rng() < 0.3);
    if (lower) {
      const doubled = word.includes(letter + letter);
      const style = pick(rng, doubled ? ['second-guess', 'skip'] : ['skip']);
      if (style === 'second-guess') {
        return {
          answer: String(count - 1),
          kind: 'number',
          reasoning:
            `${intro(word, letter)}${full.text}.\nThat gives ${count}. Hmm, but the double "${letter}${letter}" is really one ` +
            `sound, so it should only count once. That makes ${count - 1}.`,
        };
      }
      const skipped = walk(word, letter, Math.floor(rng() * count));
      return {
        answer: String(count - 1),
        kind: 'number',
        reasoning: `${intro(word, letter)}${skipped.text}.\nSo "${word}" contains ${count - 1} "${letter}"s.`,
      };
    }
    return {
      answer: String(count + 1),
      kind: 'number',
      reasoning: `${intro(word, letter)}${full.text}.\nThat gives ${count}, but I think I missed one at the start; ` + `checking again I count ${count + 1}.`,
    };
  };
  return { family: 'letter-count', right, wrong };
}
