// Typed errors for a broken program or bad input; the CLI maps each kind to an exit code.

/** Exit codes fixed by the spec. */
export const EXIT = { ok: 0, gateFailed: 1, invalidInput: 2, aborted: 3, interrupted: 130 } as const;

export type ErrorKind = 'invalid_input' | 'aborted' | 'gate_failed' | 'interrupted';

const EXIT_BY_KIND: Record<ErrorKind, number> = {
  invalid_input: EXIT.invalidInput,
  aborted: EXIT.aborted,
  gate_failed: EXIT.gateFailed,
  interrupted: EXIT.interrupted,
};

/** An error whose message is written for the user: one or two plain sentences. */
export class ThinkbenchError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ThinkbenchError';
  }

  get exitCode(): number {
    return EXIT_BY_KIND[this.kind];
  }
}

/** Bad input: a suite, a flag or a result file. Exit code 2. */
export const invalidInput = (message: string) => new ThinkbenchError('invalid_input', message);

/** The run cannot go on (refused key, unknown model, unreachable endpoint). Exit code 3. */
export const aborted = (message: string) => new ThinkbenchError('aborted', message);
