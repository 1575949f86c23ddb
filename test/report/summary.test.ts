// The end-of-run summary: figures first; a large suite lists only the cases that went wrong, every case with --verbose.
import { describe, expect, test } from 'vitest';
import { renderSummary } from '../../src/report/summary.js';
import { evaluateAgainst, mock } from '../helpers/run.js';
import { arithmeticSuite } from '../helpers/suites.js';

describe('renderSummary', () => {
  test('a 400-case run leads with its figures and lists only the cases that went wrong', async () => {
    const server = await mock();
    const result = await evaluateAgainst(server, { suite: arithmeticSuite(400, 1), model: 'thinkbench-sim-90', concurrency: 32 }).run;
    const wrong = result.cases.filter((c) => !c.correct || c.tie || c.samples.some((s) => s.outcome !== 'answered'));
    const text = renderSummary(result);
    expect(text.indexOf('accuracy ')).toBeLessThan(text.indexOf('case '));
    expect(text).toContain(`${wrong.length} of 400 cases went wrong`);
    const listed = result.cases.filter((c) => new RegExp(`^${c.id}\\s`, 'm').test(text));
    expect(listed.length).toBe(Math.min(wrong.length, 25));
    expect(listed.every((c) => wrong.includes(c))).toBe(true);
    const verbose = renderSummary(result, { verbose: true });
    expect(result.cases.every((c) => new RegExp(`^${c.id}\\s`, 'm').test(verbose))).toBe(true);
  });

  test('an interval from fewer than two cases is not printed as [x, x]', async () => {
    const server = await mock();
    const result = await evaluateAgainst(server, { suite: arithmeticSuite(1, 2), model: 'thinkbench-sim-100' }).run;
    expect(renderSummary(result)).toContain('too few cases for an interval');
  });
});
