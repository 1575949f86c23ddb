// Cache entries validated: a badly shaped entry is a miss that the next reply overwrites, never a crash or a silent no-answer.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openCache } from '../../src/run/cache.js';
import { completion, hostile, json, runAgainst } from './hostile-server.js';

/** The one entry file under a cache directory. */
function entryIn(dir: string): string {
  const [shard] = readdirSync(dir);
  const [file] = readdirSync(join(dir, shard!));
  return join(dir, shard!, file!);
}

const reply = { content: 'Answer: 1000', fieldReasoning: '', finishReason: 'stop', usage: null, firstTokenMs: 5 };

describe('a cache entry that is not a reply', () => {
  test.each([
    ['not JSON', '{"content": "Answer'],
    ['null', 'null'],
    ['an array', '[1, 2]'],
    ['an empty object', '{}'],
    ['content of the wrong type', JSON.stringify({ ...reply, content: 5 })],
    ['usage counts as strings', JSON.stringify({ ...reply, usage: { promptTokens: '1', completionTokens: '2', reasoningTokens: 0, totalTokens: '3' } })],
    ['an empty reply with no finish reason', JSON.stringify({ ...reply, content: '', finishReason: null })],
  ])('%s is a miss, sent again and overwritten', async (_, stored) => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkbench-cache-'));
    const server = await hostile((_req, res) => json(res, 200, completion('Answer: 1000')));
    await runAgainst(server, { cache: openCache(dir) });
    writeFileSync(entryIn(dir), stored);
    const result = await runAgainst(server, { cache: openCache(dir) });
    expect(server.requests).toHaveLength(2);
    expect(result.cases[0]!.samples[0]).toMatchObject({ outcome: 'answered', correct: true });
    expect(result.cases[0]!.samples[0]!.cached).toBeUndefined();
    expect(JSON.parse(readFileSync(entryIn(dir), 'utf8'))).toMatchObject({ content: 'Answer: 1000', finishReason: 'stop' });
    const third = await runAgainst(server, { cache: openCache(dir) });
    expect(third.cases[0]!.samples[0]!.cached).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  test('an entry written without firstTokenMs still replays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkbench-cache-'));
    const server = await hostile((_req, res) => json(res, 200, completion('Answer: 1000')));
    await runAgainst(server, { cache: openCache(dir) });
    const { firstTokenMs: _, ...older } = reply;
    writeFileSync(entryIn(dir), JSON.stringify(older));
    const result = await runAgainst(server, { cache: openCache(dir) });
    expect(result.cases[0]!.samples[0]).toMatchObject({ cached: true, correct: true });
  });

  test('a reply cut at maxReplyBytes is not stored, so a run with a larger cap never replays the cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkbench-cache-'));
    const server = await hostile((_req, res) => json(res, 200, completion(`${'x'.repeat(2000)} Answer: 1000`)));
    await runAgainst(server, { cache: openCache(dir), client: { maxReplyBytes: 1000 } });
    expect(readdirSync(dir)).toEqual([]);
    const result = await runAgainst(server, { cache: openCache(dir) });
    expect(result.cases[0]!.samples[0]).toMatchObject({ correct: true, finishReason: 'stop' });
    expect(server.requests).toHaveLength(2);
  });
});
