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

  test('a limit that changes while it runs: never more in flight than it says at each start', async () => {
    let limit = 2;
    let active = 0;
    const seen: { active: number; limit: number }[] = [];
    await runQueued([...Array(60).keys()], { limit: () => limit }, new AbortController().signal, async (i) => {
      active++;
      seen.push({ active, limit });
      if (i === 10) limit = 6;
      if (i === 40) limit = 1;
      await tick(2);
      active--;
    });
    expect(seen).toHaveLength(60);
    for (const { active, limit } of seen) expect(active).toBeLessThanOrEqual(limit);
    expect(Math.max(...seen.slice(12, 40).map((s) => s.active))).toBe(6);
    // Once the limit drops to 1, starts wait until the six in flight have ended.
    expect(seen.slice(48).every((s) => s.active === 1)).toBe(true);
  });

  test('awaits ready() before each start and stops when it says no', async () => {
    const order: string[] = [];
    let grants = 0;
    const gate = {
      limit: () => 3,
      ready: async () => {
        await tick(1);
        order.push('ready');
        return ++grants <= 5;
      },
    };
    await runQueued([...Array(20).keys()], gate, new AbortController().signal, async (i) => {
      order.push(`work ${i}`);
      await tick(1);
    });
    expect(order.filter((o) => o.startsWith('work'))).toEqual(['work 0', 'work 1', 'work 2', 'work 3', 'work 4']);
    expect(order.indexOf('work 0')).toBeGreaterThan(order.indexOf('ready'));
    expect(grants).toBe(6);
  });
});
