// Shards and merge: four shards of a run, merged, equal the unsharded run; mismatched shards are refused.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openCache } from '../../src/run/cache.js';
import { mergeShards } from '../../src/run/merge.js';
import { inShard, parseShard } from '../../src/run/shard.js';
import type { Result } from '../../src/schema/result.js';
import { evaluateAgainst, mock } from '../helpers/run.js';
import { shippedSuite } from '../helpers/suites.js';

/** A summary without the timings, which differ from run to run whatever the samples. */
const figures = ({ latencyMs: _latency, ...rest }: Result['summary']) => rest;

describe('shards', () => {
  test.each(['0/4', '5/4', '3/2', 'a/b', '1'])('--shard %s is refused', (value) => {
    expect(() => parseShard(value)).toThrow(/--shard takes i\/n/);
  });

  test('every (case, sample) pair is in exactly one shard, and stays there when cases are added', () => {
    const shards = [1, 2, 3, 4].map((index) => ({ index, count: 4 }));
    const ids = Array.from({ length: 50 }, (_, i) => `case-${i}`);
    for (const id of ids) for (let s = 0; s < 8; s++) expect(shards.filter((shard) => inShard(shard, id, s))).toHaveLength(1);
    const sizes = shards.map((shard) => ids.reduce((n, id) => n + [0, 1, 2, 3, 4, 5, 6, 7].filter((s) => inShard(shard, id, s)).length, 0));
    for (const size of sizes) expect(size).toBeGreaterThan(400 / 4 / 2); // no shard is starved
  });

  test('four shards merged give exactly the unsharded result', async () => {
    const server = await mock();
    const suite = await shippedSuite('arithmetic', 10);
    const cache = openCache(mkdtempSync(join(tmpdir(), 'shards-')));
    const options = { suite, model: 'thinkbench-sim-60', samplesOverride: 6, cache };
    await evaluateAgainst(server, options).run; // fills the cache: every run below receives the same replies
    const whole = await evaluateAgainst(server, options).run;
    const shards = [];
    for (const index of [1, 2, 3, 4]) {
      const result = await evaluateAgainst(server, { ...options, shard: { index, count: 4 } }).run;
      expect(result.shard).toEqual({ index, count: 4 });
      expect(result.complete).toBe(true);
      shards.push({ file: `shard-${index}.json`, result });
    }
    expect(shards.reduce((n, s) => n + s.result.summary.samples, 0)).toBe(60);
    const merged = await mergeShards(shards, suite);
    expect(figures(merged.summary)).toEqual(figures(whole.summary));
    expect(merged.cases.map((c) => [c.id, c.answer, c.credit, c.votes])).toEqual(whole.cases.map((c) => [c.id, c.answer, c.credit, c.votes]));
    expect(merged.complete).toBe(true);
    expect(merged.shard).toBeUndefined();

    await expect(mergeShards([shards[0]!, shards[0]!], suite)).rejects.toThrow(/shard 1\/4 again/);
    const otherModel = { ...shards[1]!, result: { ...shards[1]!.result, model: 'other' } };
    await expect(mergeShards([shards[0]!, otherModel], suite)).rejects.toThrow(/has model other/);
    const partial = await mergeShards(shards.slice(0, 3), suite);
    expect(partial.complete).toBe(false);
  });
});
