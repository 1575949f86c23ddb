// HumanEval's canonical solutions pass (a sample of 20, then all 164), broken ones fail on the right assertion, and signatures group by behaviour.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { detectIsolation, runAllTests, runTests, type CodeTask } from '../../src/code/index.js';

const Row = z.object({ id: z.string(), problem: z.string(), answer: z.string(), test: z.string(), entry_point: z.string() });
const ROWS = readFileSync(new URL('../../datasets/humaneval.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => Row.parse(JSON.parse(line)));
const { level } = await detectIsolation();
const SAMPLE = ROWS.filter((_row, index) => index % 8 === 3); // 21 rows spread over the set
const task = (row: z.infer<typeof Row>, body: string, isolation = level): CodeTask => ({
  language: 'python',
  program: row.problem + body,
  tests: row.test,
  entryPoint: row.entry_point,
  isolation,
});
const byId = (id: string) => ROWS.find((row) => row.id === id)!;

describe(`HumanEval at ${level} level`, () => {
  test('the dataset has 164 problems', () => expect(ROWS).toHaveLength(164));

  test(`${SAMPLE.length} canonical solutions pass every assertion`, async () => {
    const runs = await runAllTests(SAMPLE.map((row) => task(row, row.answer)));
    expect(runs.map((run, i) => `${SAMPLE[i]!.id} ${run.outcome} ${run.detail ?? run.firstFailure ?? ''}`.trim())).toEqual(
      SAMPLE.map((row) => `${row.id} passed`),
    );
    for (const run of runs) expect(run.signature).toMatch(/^1+$/);
  });

  test('the same solutions with their body replaced by `return None` fail on an assertion', async () => {
    const runs = await runAllTests(SAMPLE.map((row) => task(row, '    return None\n')));
    for (const run of runs) {
      expect(run.outcome).toBe('failed');
      expect(run.firstFailure).toMatch(/assert|candidate/);
      expect(run.signature).toMatch(/[0E]/);
    }
  });

  test('a wrong program fails on its first failing assertion, the others still counted', async () => {
    const row = byId('HumanEval/0');
    const run = await runTests(task(row, '    return True\n'));
    expect(run).toMatchObject({
      outcome: 'failed',
      firstFailure: 'assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.05) == False',
      signature: '1010110',
    });
  });

  test('programs that behave alike share a signature, whatever their text', async () => {
    const row = byId('HumanEval/0');
    const sortedPairs = '    s = sorted(numbers)\n    return any(b - a < threshold for a, b in zip(s, s[1:]))\n';
    const [canonical, rewritten, wrong, alsoWrong] = await runAllTests([
      task(row, row.answer),
      task(row, sortedPairs),
      task(row, '    return True\n'),
      task(row, '    return len(numbers) > 0\n'),
    ]);
    expect(rewritten?.signature).toBe(canonical?.signature);
    expect(alsoWrong?.signature).toBe(wrong?.signature);
    expect(wrong?.signature).not.toBe(canonical?.signature);
  });

  test('a program raising inside check, outside any assert, fails on that line', async () => {
    const row = byId('HumanEval/32'); // find_zero: check calls candidate in an assignment, then asserts
    const run = await runTests(task(row, '    raise ValueError("no root")\n'));
    expect(run.outcome).toBe('failed');
    expect(run.firstFailure).toMatch(/^solution = candidate\(.*\(raised ValueError: no root\)$/);
  });

  test('a program that does not define the entry point is an error', async () => {
    const row = byId('HumanEval/2');
    const run = await runTests({ ...task(row, row.answer), program: 'def something_else():\n    return 1\n' });
    expect(run).toMatchObject({ outcome: 'error', detail: 'program: the program does not define truncate_number' });
  });

  test('five canonical solutions also pass at process level', async () => {
    const runs = await runAllTests(SAMPLE.slice(0, 5).map((row) => task(row, row.answer, 'process')));
    expect(runs.map((run) => run.outcome)).toEqual(Array(5).fill('passed'));
  });

  test('all 164 canonical solutions pass', { timeout: 180_000 }, async () => {
    const started = performance.now();
    const runs = await runAllTests(ROWS.map((row) => task(row, row.answer)));
    const failures = runs.flatMap((run, i) => (run.outcome === 'passed' ? [] : [`${ROWS[i]!.id}: ${run.outcome} ${run.detail ?? run.firstFailure ?? ''}`]));
    expect(failures).toEqual([]);
    console.log(`164 canonical HumanEval solutions at ${level} level in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
