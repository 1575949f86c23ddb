// Test helper: runs HumanEval-style programs in one python3 process, each in a fresh namespace with a time limit.
import { spawnSync } from 'node:child_process';

const RUNNER = `
import json, signal, sys, io, contextlib
programs = json.load(sys.stdin)
def alarm(*_): raise TimeoutError()
signal.signal(signal.SIGALRM, alarm)
results = []
for source in programs:
    signal.alarm(1)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, "<candidate>", "exec"), {"__name__": "__candidate__"})
        results.append("passed")
    except BaseException as error:
        results.append(type(error).__name__)
    finally:
        signal.alarm(0)
print(json.dumps(results))
`;

/** "passed", or the name of the exception each program raised (AssertionError for a failed test). */
export function runPythonPrograms(programs: string[]): string[] {
  const run = spawnSync('python3', ['-c', RUNNER], { input: JSON.stringify(programs), encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr || run.error?.message}`);
  return JSON.parse(run.stdout) as string[];
}

/** The program HumanEval runs for a completion: the code, the row's tests, then check(entry_point). */
export function humanEvalProgram(code: string, test: string, entryPoint: string): string {
  return `${code}\n\n${test}\n\ncheck(${entryPoint})\n`;
}
