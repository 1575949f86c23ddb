// Runs the plan on one queue, fed lazily, at a concurrency that may change while it runs (a fixed number or a rate controller).
import type { Concurrency } from './rate-limit.js';

/**
 * Calls `work` for each item in order and resolves when all have finished. At most
 * `concurrency` run at once: a number, or a Concurrency whose `limit()` is read again before each
 * start (never above what it says at that moment; when it drops, starts wait until enough have
 * finished) and whose `ready()`, if any, is awaited before each start (pacing). Items are read
 * only as they start, so a plan of 100,000 samples never holds 100,000 closures. Once `signal`
 * aborts, no further item is started. If `work` throws, nothing further starts and the first
 * error is rethrown once the running ones end.
 */
export async function runQueued<T>(
  items: Iterable<T>,
  concurrency: number | Concurrency,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const gate = typeof concurrency === 'number' ? { limit: () => concurrency } : concurrency;
  let running = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const waitForOne = () => new Promise<void>((resolve) => (wake = resolve));
  const run = async (item: T) => {
    try {
      await work(item);
    } catch (error) {
      failure ??= { error };
    } finally {
      running--;
      wake?.();
    }
  };
  for (const item of items) {
    while (running >= Math.max(1, gate.limit()) && !signal.aborted && !failure) await waitForOne();
    if (signal.aborted || failure) break;
    if (gate.ready && !(await gate.ready(signal))) break;
    if (signal.aborted || failure) break;
    running++;
    void run(item);
  }
  while (running > 0) await waitForOne();
  if (failure) throw failure.error;
}
