import { describe, expect, test } from 'vitest';
import { runQueued } from '../../src/run/schedule.js';

const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

describe('runQueued', () => {
  test('runs every item in order, never more than `concurrency` at once', async () => {
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    await runQueued([...Array(50).keys()], 4, new AbortController().signal, async (i) => {
      started.push(i);
      peak = Math.max(peak, ++active);
      await tick(i % 3);
      active--;
    });
    expect(started).toEqual([...Array(50).keys()]);
    expect(peak).toBe(4);
  });

  test('hands items to the queue lazily', async () => {
    let handed = 0;
    const items = new Proxy([...Array(1000).keys()], {
      get: (target, key) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) handed++;
        return Reflect.get(target, key);
      },
    });
    let maxAhead = 0;
    let done = 0;
    await runQueued(items, 8, new AbortController().signal, async () => {
      maxAhead = Math.max(maxAhead, handed - done);
      await tick();
      done++;
    });
    expect(done).toBe(1000);
    expect(maxAhead).toBeLessThanOrEqual(17);
  });

  test('starts nothing once the signal aborts, and waits for the running ones', async () => {
    const stop = new AbortController();
    let finished = 0;
    await runQueued([...Array(100).keys()], 5, stop.signal, async (i) => {
      if (i === 10) stop.abort();
      await tick(5);
      finished++;
    });
    expect(finished).toBeGreaterThanOrEqual(11);
    expect(finished).toBeLessThan(25);
  });

  test('rethrows the first error after the running items end', async () => {
    let finished = 0;
    const run = runQueued([...Array(100).keys()], 3, new AbortController().signal, async (i) => {
      await tick(2);
      if (i === 4) throw new Error('boom');
      finished++;
    });
    await expect(run).rejects.toThrow('boom');
    expect(finished).toBeLessThan(15);
  });
});
