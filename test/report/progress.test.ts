import { describe, expect, test } from 'vitest';
import { renderProgress } from '../../src/report/progress.js';

describe('renderProgress', () => {
  test('samples done of total, rate, ETA, running pass1, errors and retries', () => {
    const line = renderProgress({ label: 'o1-articles', total: 200, done: 50, correct: 36, errors: 5, retries: 7, elapsedMs: 10_000 });
    expect(line).toBe('o1-articles 50/200 samples  5.0/s  ETA 30.0s  pass1 80.0%  5 errors  7 retries');
  });

  test('no rate, ETA or accuracy before anything finished; no ETA once done', () => {
    expect(renderProgress({ label: 's', total: 10, done: 0, correct: 0, errors: 0, retries: 0, elapsedMs: 0 })).toBe(
      's 0/10 samples  0.0/s  0 errors  0 retries',
    );
    expect(renderProgress({ label: 's', total: 10, done: 10, correct: 10, errors: 0, retries: 0, elapsedMs: 2000 })).toBe(
      's 10/10 samples  5.0/s  pass1 100.0%  0 errors  0 retries',
    );
  });
});

describe('renderProgress fitted to a terminal', () => {
  const state = { label: 'math-500', total: 2000, done: 500, correct: 400, errors: 3, retries: 1, elapsedMs: 50_000, cost: { dollars: 1.25, priced: 500 } };

  test.each([200, 80, 60, 40, 30])('at %i columns it fits and no part is cut mid-word', (width) => {
    const line = renderProgress(state, { width });
    expect(line.length).toBeLessThanOrEqual(width);
    const whole = renderProgress(state).split('  ');
    for (const part of line.split('  ')) expect(whole).toContain(part);
  });

  test('dollars so far and the projection for the whole run', () => {
    expect(renderProgress(state)).toContain('$1.25 of ~$5.00');
  });

  test('colour only when asked', () => {
    expect(renderProgress(state)).not.toContain('\x1b[');
    expect(renderProgress(state, { color: true })).toMatch(/\x1b\[31m3 errors/);
  });
});
