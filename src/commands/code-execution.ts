// Whether a run executes code cases' programs, said plainly in the run's first lines.
import { detectIsolation } from '../code/index.js';
import type { CodeExecution } from '../grade/code.js';
import type { Suite } from '../schema/suite.js';

/** Off unless --allow-code-execution; then the strongest isolation the machine has, announced once. */
export async function codeExecutionFor(
  suites: readonly Suite[],
  flags: { allowCodeExecution?: boolean | undefined; codeTimeout?: number | undefined },
): Promise<CodeExecution> {
  const codeCases = suites.reduce((n, s) => n + s.cases.filter((c) => c.scorer === 'code').length, 0);
  if (!flags.allowCodeExecution) {
    if (codeCases)
      console.warn(
        `thinkbench: ${codeCases} code case(s): their programs will not be run, so none can pass. Pass --allow-code-execution to run them (sandboxed where the machine allows).`,
      );
    return { allowed: false };
  }
  if (!codeCases) return { allowed: false };
  const isolation = await detectIsolation();
  const how = isolation.level === 'bubblewrap' ? 'in bubblewrap' : 'as plain processes: the network and the file system are NOT isolated';
  console.log(`Code execution: programs run ${how} (${isolation.detail}).`);
  return { allowed: true, isolation: isolation.level, wallMs: flags.codeTimeout };
}
