import { describe, expect, test } from 'vitest';
import { parseCount, parseDurationFlag, parseFraction, parseParams } from '../../src/commands/options.js';
import { defaultOutPath } from '../../src/run/out-path.js';
import { stripCredentials } from '../../src/commands/endpoint.js';

describe('command-line values', () => {
  test.each([
    ['90s', 90_000],
    ['2m', 120_000],
    ['1500ms', 1500],
    ['1.5h', 5_400_000],
    ['30', 30_000],
  ])('duration %s is %d ms', (text, ms) => {
    expect(parseDurationFlag(text, '--timeout')).toBe(ms);
  });

  test.each(['soon', '-1s', '0', ''])('duration %j is refused, naming the flag', (text) => {
    expect(() => parseDurationFlag(text, '--timeout')).toThrow(/^--timeout: /);
  });

  test('parameters read as JSON when they are JSON, else as strings', () => {
    expect(parseParams(['reasoning_effort=high', 'max_completion_tokens=8000', 'temperature=0.6', 'seed=1', 'stop=["\\n"]', 'x=a=b'])).toEqual({
      reasoning_effort: 'high',
      max_completion_tokens: 8000,
      temperature: 0.6,
      seed: 1,
      stop: ['\n'],
      x: 'a=b',
    });
    expect(() => parseParams(['novalue'])).toThrow(/--param takes key=value/);
  });

  test('counts and fractions', () => {
    expect(parseCount('8', '--concurrency')).toBe(8);
    expect(() => parseCount('0', '--concurrency')).toThrow(/--concurrency takes a whole number of at least 1/);
    expect(parseFraction('0.75', '--fail-under')).toBe(0.75);
    expect(() => parseFraction('75', '--fail-under')).toThrow(/from 0 to 1/);
  });

  test('the default result path and a base URL without credentials', () => {
    expect(defaultOutPath('o1-articles', 'deepseek/deepseek-r1', new Date('2026-11-21T18:01:23.456Z'), 'a1b2')).toBe(
      'results/o1-articles-deepseek_deepseek-r1-20261121-180123456-a1b2.json',
    );
    const now = new Date();
    expect(defaultOutPath('s', 'm', now)).not.toBe(defaultOutPath('s', 'm', now)); // runs started together never share a file
    expect(stripCredentials('https://user:secret@gateway.example/v1?api-key=k')).toBe('https://gateway.example/v1');
  });
});
