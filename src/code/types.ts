// The shapes of the code runner: languages, limits, isolation levels and what one run of a program's tests gives.

/** Languages the runner executes. */
export type CodeLanguage = 'python' | 'javascript';

/** How one program fared on its tests. */
export type CodeOutcome = 'passed' | 'failed' | 'error' | 'timeout' | 'memory_limit' | 'output_limit' | 'no_code';

/** One program run against its tests. */
export interface CodeRun {
  outcome: CodeOutcome;
  /** For `failed`: the source line of the first failing assertion, and what went wrong there. */
  firstFailure?: string;
  /** For the other outcomes that are not `passed`: a one-line reason (the exception, the limit hit). */
  detail?: string;
  /** The program's stdout and stderr interleaved, cut at OUTPUT_KEPT_BYTES. */
  output: string;
  durationMs: number;
  /** Per assertion, in the order they ran: 1 passed, 0 failed, E raised. Set when the tests ran to the end. */
  signature?: string;
}

/** Resource limits for one program. */
export interface CodeLimits {
  /** Wall-clock limit for the whole run, interpreter start included. */
  wallMs: number;
  /** Address-space limit (Python); JavaScript gets this as its heap and address space beyond what V8 reserves. */
  memoryMb: number;
  /** The program is killed once its stdout and stderr together pass this many bytes. */
  outputBytes: number;
}

/** Defaults for CodeLimits: HumanEval's harness uses a few seconds; 10 s leaves room on a loaded machine. */
export const DEFAULT_LIMITS: CodeLimits = { wallMs: 10_000, memoryMb: 512, outputBytes: 1_000_000 };

/** At most this much of a program's output is kept in CodeRun.output. */
export const OUTPUT_KEPT_BYTES = 8_192;

/** `bubblewrap`: namespaces (no network, own pids), read-only system, tmpfs folder. `process`: a child process with limits only. */
export type Isolation = 'bubblewrap' | 'process';

/** One program and its tests, as runTests takes them. */
export interface CodeTask {
  language: CodeLanguage;
  program: string;
  /** Python: HumanEval's `test` string defining check(candidate). JavaScript: plain node:assert code (src/code/README.md). */
  tests: string;
  /** The function handed to check(); without it, the tests' top-level assertions are the tests. */
  entryPoint?: string;
  limits?: Partial<CodeLimits>;
  isolation: Isolation;
  signal?: AbortSignal;
}
