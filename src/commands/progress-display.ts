// Shows progress while a run goes: a live line on a terminal, a plain line every few seconds elsewhere.
import type { Sample } from '../schema/result.js';
import { renderProgress, type ProgressState } from '../report/progress.js';

const TTY_INTERVAL_MS = 200;
const PLAIN_INTERVAL_MS = 5000;

export interface ProgressDisplay {
  add(sample: Sample): void;
  stop(): void;
}

/** Starts a display on stderr; `retries` reads the client's retry count when drawing. */
export function startProgress(label: string, total: number, retries: () => number, enabled: boolean): ProgressDisplay {
  const stream = process.stderr;
  const state: ProgressState = { label, total, done: 0, correct: 0, errors: 0, retries: 0, elapsedMs: 0 };
  const started = performance.now();
  const live = stream.isTTY === true;
  const draw = () => {
    state.elapsedMs = performance.now() - started;
    state.retries = retries();
    const line = renderProgress(state);
    if (live) stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
    else stream.write(`${line}\n`);
  };
  const timer = enabled ? setInterval(draw, live ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS) : undefined;
  timer?.unref();
  return {
    add(sample) {
      state.done++;
      if (sample.correct) state.correct++;
      if (sample.outcome === 'error') state.errors++;
    },
    stop() {
      clearInterval(timer);
      if (enabled && live) stream.write('\r\x1b[2K');
    },
  };
}
