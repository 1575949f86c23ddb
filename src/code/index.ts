// The code runner's public face: read a program from a reply, probe the isolation, run programs against their tests (one or many).
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { runTests } from './run-tests.js';
import type { CodeRun, CodeTask } from './types.js';

export { extractProgram, LANGUAGE_LABELS, type ExtractedProgram, type ProgramRule } from './extract-program.js';
export { detectIsolation, type IsolationReport } from './isolation.js';
export { resolveLimits, runTests } from './run-tests.js';
export * from './types.js';

/** Programs run at once by default: one per core, since each is CPU-bound. */
export const defaultCodeConcurrency = (): number => Math.max(1, availableParallelism());

/**
 * Runs every task (see runTests) with at most `concurrency` programs at once; the runs come back in
 * the order of the tasks. One program's failure, hang or crash never affects another's run.
 */
export async function runAllTests(tasks: readonly CodeTask[], concurrency = defaultCodeConcurrency()): Promise<CodeRun[]> {
  const limit = pLimit(Math.max(1, concurrency));
  return Promise.all(tasks.map((task) => limit(() => runTests(task))));
}
