// Code cases end to end on the simulated model: nothing runs without permission; with it, programs run, pass or fail, and vote by behaviour.
import { describe, expect, test } from 'vitest';
import { detectIsolation } from '../../src/code/index.js';
import { loadSuite } from '../../src/suite/load.js';
import { evaluateAgainst, mock } from '../helpers/run.js';

const humaneval = async (count: number) => {
  const suite = await loadSuite('suites/humaneval.yaml');
  return { ...suite, cases: suite.cases.slice(0, count) };
};

describe('code cases', () => {
  test('without --allow-code-execution no program runs: every sample says how to enable it', async () => {
    const server = await mock();
    const result = await evaluateAgainst(server, { suite: await humaneval(2), samplesOverride: 2, model: 'thinkbench-sim-100' }).run;
    for (const s of result.cases.flatMap((c) => c.samples)) {
      expect(s.outcome).toBe('error');
      expect(s.error?.code).toBe('code_not_run');
      expect(s.error?.message).toMatch(/--allow-code-execution/);
      expect(s.span).toMatch(/def /); // the program was read, never run
    }
    expect(result.codeIsolation).toBeUndefined();
  });

  test('with it, right programs pass, broken ones fail with their assertion, and programs vote by behaviour', async () => {
    const server = await mock();
    const { level } = await detectIsolation();
    const codeExecution = { allowed: true as const, isolation: level };
    const right = await evaluateAgainst(server, { suite: await humaneval(3), samplesOverride: 2, model: 'thinkbench-sim-100', codeExecution }).run;
    expect(right.summary.pass1).toBe(1);
    expect(right.codeIsolation).toBe(level);
    for (const c of right.cases) expect(c.votes).toEqual({ 'passes every test': 2 });
    const wrong = await evaluateAgainst(server, { suite: await humaneval(3), samplesOverride: 2, model: 'thinkbench-sim-0', codeExecution }).run;
    expect(wrong.summary.pass1).toBe(0);
    for (const s of wrong.cases.flatMap((c) => c.samples)) {
      expect(s.outcome).toBe('answered');
      expect(s.answer).toMatch(/^(failed|error|timeout)/);
      expect(s.judgement).toBeTruthy();
    }
  }, 60_000);
});
