// Clean terminal: outside text never reaches the terminal with escape sequences, C0/C1 controls or bidi controls.
import { describe, expect, test } from 'vitest';
import { ThinkbenchError } from '../../src/errors.js';
import { sanitize } from '../../src/report/sanitize.js';
import { hostile, json, runAgainst, timed } from './hostile-server.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('sanitize', () => {
  test.each([
    ['a window title', '\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    ['clear screen and home', '\x1b[2J\x1b[H', '\\x1b[2J\\x1b[H'],
    ['a colour', '\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
    ['a carriage return overwriting the line', 'ok\rFAIL', 'ok\\x0dFAIL'],
    ['C1 CSI', '\u009b2J', '\\x9b2J'],
    ['a right-to-left override', 'abc\u202edcba', 'abc\\u202edcba'],
    ['bidi isolates', '\u2066x\u2069\u2067\u2068', '\\u2066x\\u2069\\u2067\\u2068'],
    ['embeddings and marks', '\u202a\u202b\u202c\u202d\u200e\u200f\u061c', '\\u202a\\u202b\\u202c\\u202d\\u200e\\u200f\\u061c'],
    ['plain text with tab, newline and accents', 'résumé\tä\n日本', 'résumé\tä\n日本'],
  ])('%s', (_, text, shown) => {
    expect(sanitize(text)).toBe(shown);
    expect(sanitize(text).replace(/[\t\n]/g, '')).not.toMatch(UNSAFE);
  });
});

describe('server messages in the sentence that stops a run', () => {
  test.each([401, 403, 404])('a %i whose message carries escape sequences and bidi controls is printed escaped', async (status) => {
    const message = 'bad \x1b]0;owned\x07\x1b[2J key \u202eyek\u202c\nsecond line';
    const server = await hostile((_req, res) => json(res, status, { error: { message } }));
    const { error } = await timed(runAgainst(server));
    expect(error).toBeInstanceOf(ThinkbenchError);
    const text = (error as Error).message;
    expect(text).not.toMatch(UNSAFE);
    expect(text).not.toContain('\n');
    expect(text).toContain('\\x1b]0;owned\\x07');
    expect(text).toContain('\\u202eyek');
  });
});
