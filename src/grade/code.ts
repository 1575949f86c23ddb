// The code grader: each distinct program runs against its case's tests, in the sandbox, only when the user allowed it.
import pLimit from 'p-limit';
import { defaultCodeConcurrency, runTests, type Isolation } from '../code/index.js';
import type { Case } from '../schema/suite.js';
import type { Verdict } from '../score/scorer.js';

type CodeCase = Extract<Case, { scorer: 'code' }>;

/** How programs may run: not at all (the default), or at this isolation level. */
export type CodeExecution = { allowed: false } | { allowed: true; isolation: Isolation; wallMs?: number | undefined; signal?: AbortSignal | undefined };

/** Judgements are capped: a program that prints a lot must not bloat the result. */
const JUDGEMENT_CHARS = 2000;

/** Grades programs of code cases; one runner pool (a program per core) for the whole run. */
export function codeGrader(execution: CodeExecution): (c: CodeCase) => (program: string) => Promise<Verdict> {
  const limit = pLimit(defaultCodeConcurrency());
  return (c) => async (program) => {
    if (!execution.allowed) {
      return { error: { code: 'code_not_run', message: 'programs are not run unless you pass --allow-code-execution (see "Code execution" in the README)' } };
    }
    const run = await limit(() =>
      runTests({
        language: c.language,
        program,
        tests: c.tests,
        ...(c.entryPoint !== undefined && { entryPoint: c.entryPoint }),
        isolation: execution.isolation,
        ...(execution.wallMs !== undefined && { limits: { wallMs: execution.wallMs } }),
        ...(execution.signal && { signal: execution.signal }),
      }),
    );
    const passed = run.outcome === 'passed';
    // Programs vote by behaviour: the same outcome on the same assertions is one answer, whatever the text.
    const group = passed ? 'passes every test' : `${run.outcome}${run.signature ? ` [${run.signature}]` : ''}`;
    const why = run.firstFailure ?? run.detail;
    const judgement = `${run.outcome} in ${Math.round(run.durationMs)}ms${why ? `: ${why}` : ''}${run.output ? `\n${run.output}` : ''}`.slice(
      0,
      JUDGEMENT_CHARS,
    );
    return { correct: passed, group, judgement };
  };
}
