// Ctrl-C handling: the first stops the run gracefully, a second quits at once.
import { EXIT } from '../errors.js';

export interface Interrupt {
  /** Aborted on the first Ctrl-C (or SIGTERM). */
  signal: AbortSignal;
  dispose(): void;
}

/** Listens for SIGINT/SIGTERM until disposed. */
export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) {
      // The journal is written line by line and its lock goes with the process: nothing finished is lost.
      process.stderr.write(
        'Quit at once, without a result file: the finished samples are kept in its journal (the result path, ending .jsonl); --resume <result path> continues from them.\n',
      );
      process.exit(EXIT.interrupted);
    }
    process.stderr.write('\nStopping: finishing the result file (Ctrl-C again to quit at once)...\n');
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
