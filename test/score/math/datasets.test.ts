// Every expected answer of the bundled MATH-500, AIME and GSM8K files is readable as mathematics.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { checkExpectedMath, mathEquivalent, readMath } from '../../../src/score/math/index.js';

const Row = z.object({ id: z.string(), answer: z.string() });

function answers(file: string): { id: string; answer: string }[] {
  const path = fileURLToPath(new URL(`../../../datasets/${file}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => Row.parse(JSON.parse(line)));
}

describe.each([
  ['math-500.jsonl', 500],
  ['aime-2024.jsonl', 30],
  ['aime-2025.jsonl', 30],
  ['gsm8k-test.jsonl', 1319],
])('%s', (file, count) => {
  const rows = answers(file);

  test(`has ${count} rows, and checkExpectedMath accepts every answer`, () => {
    expect(rows).toHaveLength(count);
    const refused = rows.flatMap(({ id, answer }) => {
      const reason = checkExpectedMath(answer);
      return reason === null ? [] : [`${id}: ${reason}`];
    });
    expect(refused).toEqual([]);
  });

  test('every answer is equivalent to itself and to itself inside \\boxed{} and $...$', () => {
    const unequal = rows.filter(({ answer }) => {
      const read = readMath(answer);
      const boxed = readMath(`$\\boxed{${answer}}$`);
      return read === null || boxed === null || !mathEquivalent(read, read) || !mathEquivalent(boxed, read) || boxed.canonical !== read.canonical;
    });
    expect(unequal.map(({ id }) => id)).toEqual([]);
  });
});

describe('what the answers are read as', () => {
  test('AIME answers are integers from 0 to 999 whose key is the integer', () => {
    for (const { answer } of [...answers('aime-2024.jsonl'), ...answers('aime-2025.jsonl')]) {
      const read = readMath(answer);
      expect(read?.kind).toBe('number');
      expect(read?.canonical).toBe(String(Number(answer)));
    }
  });

  test('GSM8K answers are numbers', () => {
    const kinds = new Set(answers('gsm8k-test.jsonl').map(({ answer }) => readMath(answer)?.kind));
    expect(kinds).toEqual(new Set(['number']));
  });

  test('MATH-500 answers are read as every kind, and only the word answers as text', () => {
    const kinds = new Map<string, number>();
    for (const { answer } of answers('math-500.jsonl')) {
      const kind = readMath(answer)?.kind ?? 'null';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect([...kinds.keys()].sort()).toEqual(['equation', 'expression', 'interval', 'list', 'matrix', 'number', 'text', 'tuple']);
    // Evelyn, Navin, east, even, ellipse, (B), (C), (E): the eight word answers.
    expect(kinds.get('text')).toBe(8);
  });
});
