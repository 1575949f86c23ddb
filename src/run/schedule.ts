// Runs the plan on one p-limit queue, fed lazily: a plan of 100,000 samples never holds 100,000 closures.
import pLimit from 'p-limit';

/**
 * Calls `work` for each item in order, at most `concurrency` at once, and resolves when all have
 * finished. Items are handed to the queue only while fewer than `concurrency` wait in it (an
 * eager queue costs about 1.4 KB per task). Once `signal` aborts, no further item is started. If
 * `work` throws, nothing further starts and the first error is rethrown once the running ones end.
 */
export async function runQueued<T>(items: readonly T[], concurrency: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  const limit = pLimit(concurrency);
  let unfinished = 0;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const waitForOne = () => new Promise<void>((resolve) => (wake = resolve));
  const run = async (item: T) => {
    try {
      if (!signal.aborted && !failure) await work(item);
    } catch (error) {
      failure ??= { error };
    } finally {
      unfinished--;
      wake?.();
    }
  };
  for (const item of items) {
    while (unfinished >= 2 * concurrency) await waitForOne();
    if (signal.aborted || failure) break;
    unfinished++;
    void limit(run, item);
  }
  while (unfinished > 0) await waitForOne();
  if (failure) throw failure.error;
}
