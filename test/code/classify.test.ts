// classifyRun: how an ending, an exit status and the harness's report become an outcome.
import { describe, expect, test } from 'vitest';
import { classifyRun, endingSignal, parseReport } from '../../src/code/classify.js';
import type { SpawnOutcome } from '../../src/code/spawn-limited.js';
import { DEFAULT_LIMITS, type CodeOutcome } from '../../src/code/types.js';

const done = (results: string, failure: string | null = null, completed = true) => JSON.stringify({ kind: 'done', results, failure, completed });

const spawned = (over: Partial<SpawnOutcome>): SpawnOutcome => ({
  ending: 'exit',
  code: 0,
  signal: null,
  head: '',
  tail: '',
  outputBytes: 0,
  report: '',
  durationMs: 12.4,
  ...over,
});

describe('classifyRun', () => {
  test.each<[string, Partial<SpawnOutcome>, CodeOutcome, string | undefined]>([
    ['all assertions held', { report: done('111') }, 'passed', '111'],
    ['one failed', { report: done('101', 'assert f(2) == 3') }, 'failed', '101'],
    ['one raised', { report: done('1E1', 'assert f(0) == 1  (raised ZeroDivisionError)') }, 'failed', '1E1'],
    ['check raised outside an assert', { report: done('11E', 'x = f(3)', false) }, 'failed', '11E'],
    ['no assertion ran', { report: done('') }, 'error', ''],
    ['the program did not load', { report: JSON.stringify({ kind: 'error', stage: 'program', message: 'SyntaxError' }) }, 'error', undefined],
    ['harness saw MemoryError', { report: JSON.stringify({ kind: 'memory' }) }, 'memory_limit', undefined],
    [
      'V8 died of heap exhaustion',
      { code: 134, tail: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' },
      'memory_limit',
      undefined,
    ],
    ['wall limit, even with a report', { ending: 'timeout', report: done('111') }, 'timeout', undefined],
    ['output cap', { ending: 'output_limit', code: null, signal: 'SIGKILL' }, 'output_limit', undefined],
    ['CPU limit through the shell (128 + 24)', { code: 152 }, 'timeout', undefined],
    ['exited without a report', { code: 3 }, 'error', undefined],
    ['killed by a signal', { code: null, signal: 'SIGSEGV' }, 'error', undefined],
    ['killed by a signal after a report got out (it killed its parent shell)', { code: null, signal: 'SIGKILL', report: done('1') }, 'error', undefined],
    ['MemoryError printed by a program that still reported', { report: done('1'), tail: 'MemoryError is a class' }, 'passed', '1'],
    ['could not spawn', { ending: 'spawn_error', spawnError: 'ENOENT' }, 'error', undefined],
    ['aborted', { ending: 'aborted', code: null, signal: 'SIGKILL' }, 'error', undefined],
  ])('%s', (_name, over, outcome, signature) => {
    const run = classifyRun(spawned(over), DEFAULT_LIMITS);
    expect(run.outcome).toBe(outcome);
    expect(run.signature).toBe(signature);
    expect(run.durationMs).toBe(12);
    if (outcome === 'failed') expect(run.firstFailure).toBeTruthy();
    if (outcome !== 'passed' && outcome !== 'failed') expect(run.detail).toBeTruthy();
  });

  test('says how much output was not kept', () => {
    const run = classifyRun(spawned({ ending: 'output_limit', head: 'xxxx', outputBytes: 1004 }), DEFAULT_LIMITS);
    expect(run.output).toBe('xxxx\n... (1000 more bytes not kept)');
  });
});

describe('parseReport', () => {
  test.each([
    ['the last valid line wins', `${done('0')}\n${done('1')}\n`, '1'],
    ['garbage after the report is ignored', `${done('1')}\nnot json\n{"kind":"done"}\n`, '1'],
    ['nothing valid', 'hello\n', undefined],
  ])('%s', (_name, text, results) => {
    const report = parseReport(text);
    expect(report?.kind === 'done' ? report.results : undefined).toBe(results);
  });
});

describe('endingSignal', () => {
  test.each([
    [{ code: null, signal: 'SIGKILL' as const }, 'SIGKILL'],
    [{ code: 137, signal: null }, 'SIGKILL'],
    [{ code: 1, signal: null }, undefined],
    [{ code: 255, signal: null }, undefined],
  ])('%j', (ending, signal) => expect(endingSignal(ending)).toBe(signal));
});
