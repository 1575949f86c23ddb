// Shows progress while a run goes: a live line on a terminal, a plain line at a steady pace in CI and pipes.
import type { Price } from '../cost/price.js';
import { costOf } from '../cost/cost.js';
import { renderProgress, type ProgressState } from '../report/progress.js';
import type { Sample } from '../schema/result.js';

const TTY_INTERVAL_MS = 200;
const PLAIN_INTERVAL_MS = 10_000;

export interface ProgressDisplay {
  add(sample: Sample): void;
  stop(): void;
}

/** Starts a display on stderr; `retries` reads the client's retry count when drawing; with a price, dollars so far and projected. */
export function startProgress(label: string, total: number, retries: () => number, enabled: boolean, price: Price | null = null): ProgressDisplay {
  const stream = process.stderr;
  const state: ProgressState = { label, total, done: 0, correct: 0, errors: 0, retries: 0, elapsedMs: 0, ...(price && { cost: { dollars: 0, priced: 0 } }) };
  const started = performance.now();
  // CI=true is a log, not a terminal, even when a runner allocates a TTY.
  const live = stream.isTTY === true && !process.env.CI;
  const color = live && stream.hasColors?.() === true;
  const draw = () => {
    state.elapsedMs = performance.now() - started;
    state.retries = retries();
    if (live) stream.write(`\r\x1b[2K${renderProgress(state, { width: (stream.columns ?? 100) - 1, color })}`);
    else stream.write(`${renderProgress(state)}\n`);
  };
  const timer = enabled ? setInterval(draw, live ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS) : undefined;
  timer?.unref();
  return {
    add(sample) {
      state.done++;
      if (sample.correct) state.correct++;
      if (sample.outcome === 'error') state.errors++;
      const dollars = state.cost && !sample.cached ? costOf(sample.usage, price) : null;
      if (state.cost && dollars !== null) {
        state.cost.dollars += dollars;
        state.cost.priced++;
      }
    },
    stop() {
      clearInterval(timer);
      if (enabled && live) stream.write('\r\x1b[2K');
    },
  };
}
