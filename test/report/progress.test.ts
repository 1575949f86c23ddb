import { describe, expect, test } from 'vitest';
import { renderProgress } from '../../src/report/progress.js';

describe('renderProgress', () => {
  test('samples done of total, rate, ETA, running pass1, errors and retries', () => {
    const line = renderProgress({ label: 'o1-articles', total: 200, done: 50, correct: 36, errors: 5, retries: 7, elapsedMs: 10_000 });
    expect(line).toBe('o1-articles 50/200 samples  5.0/s  ETA 30.0s  pass1 80.0%  5 errors  7 retries');
  });

  test('no rate, ETA or accuracy before anything finished; no ETA once done', () => {
    expect(renderProgress({ label: 's', total: 10, done: 0, correct: 0, errors: 0, retries: 0, elapsedMs: 0 })).toBe('s 0/10 samples  0.0/s  0 errors  0 retries');
    expect(renderProgress({ label: 's', total: 10, done: 10, correct: 10, errors: 0, retries: 0, elapsedMs: 2000 })).toBe('s 10/10 samples  5.0/s  pass1 100.0%  0 errors  0 retries');
  });
});
