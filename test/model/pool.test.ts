import { APIConnectionError, APIError } from 'openai';
import { describe, expect, test } from 'vitest';
import { startMockServer } from '../../src/mock/server.js';
import { createModelClient, describeFailure, type ChatReply, type ChatRequest, type ModelClient } from '../../src/model/openai.js';
import { createModelPool, type PoolEvent } from '../../src/model/pool.js';

const REPLY: ChatReply = { content: 'ok', fieldReasoning: '', finishReason: 'stop', usage: null, firstTokenMs: 1 };
const request = (): ChatRequest => ({
  model: 'm',
  messages: [{ role: 'user', content: 'q' }],
  params: {},
  stream: false,
  signal: new AbortController().signal,
});

type Behaviour = 'ok' | 'refuse' | 'down' | '500' | '400';

/** A fake replica: answers per `behave()` after `delayMs`, counting what it got. */
function fake(behave: () => Behaviour, delayMs = 0): ModelClient & { calls: number } {
  const client = {
    calls: 0,
    stats: { retries: 1 },
    async chat() {
      client.calls++;
      await new Promise((r) => setTimeout(r, delayMs));
      switch (behave()) {
        case 'ok':
          return REPLY;
        case 'refuse':
          throw APIError.generate(401, { error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } }, undefined, new Headers());
        case 'down':
          throw new APIConnectionError({ message: 'Connection error.', cause: Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }) });
        case '500':
          throw APIError.generate(500, { error: { message: 'boom' } }, undefined, new Headers());
        case '400':
          throw APIError.generate(400, { error: { message: 'bad', code: 'invalid_value' } }, undefined, new Headers());
      }
    },
  };
  return client;
}

describe('createModelPool', () => {
  test('each request goes to the replica with the fewest in flight', async () => {
    const a = fake(() => 'ok', 20);
    const b = fake(() => 'ok', 5);
    const pool = createModelPool([
      { baseUrl: 'http://a/v1', client: a },
      { baseUrl: 'http://b/v1', client: b },
    ]);
    // Four at once: two each.
    await Promise.all([1, 2, 3, 4].map(() => pool.chat(request())));
    expect([a.calls, b.calls]).toEqual([2, 2]);
    const first = pool.chat(request()); // none in flight, as many sent: a, the first given
    const second = pool.chat(request()); // a has one in flight: b
    await Promise.all([first, second]);
    expect([a.calls, b.calls]).toEqual([3, 3]);
    expect(pool.stats.retries).toBe(2);
  });

  test.each<[Behaviour, boolean]>([
    ['down', true],
    ['500', true],
    ['400', false],
  ])('a replica failing with %s in a row is cooled down: %s', async (failure, cooled) => {
    let clock = 0;
    const events: PoolEvent[] = [];
    const sick = fake(() => failure);
    const well = fake(() => 'ok');
    const pool = createModelPool(
      [
        { baseUrl: 'http://sick/v1', client: sick },
        { baseUrl: 'http://well/v1', client: well },
      ],
      { failuresToCool: 3, coolDownMs: 1000, now: () => clock, onEvent: (e) => events.push(e) },
    );
    // Sequential requests alternate by fewest sent: the sick one gets every other until cooled.
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++)
      outcomes.push(
        await pool.chat(request()).then(
          () => 'ok',
          (e) => describeFailure(e).code,
        ),
      );
    if (cooled) {
      // Failed over to the well one each time: nothing lost; after 3 failures the sick one is left alone.
      expect(outcomes.every((o) => o === 'ok')).toBe(true);
      expect(sick.calls).toBe(3);
      expect(events).toEqual([expect.objectContaining({ kind: 'cooled', baseUrl: 'http://sick/v1', forMs: 1000 })]);
      clock = 1001; // the cool-down is over: tried again, and cooled twice as long after 3 more
      for (let i = 0; i < 12; i++) await pool.chat(request());
      expect(sick.calls).toBe(6);
      expect(events.at(-1)).toEqual(expect.objectContaining({ kind: 'cooled', forMs: 2000 }));
    } else {
      // A refused request is the request's fault, not the replica's: no failover, no cool-down.
      expect(outcomes.filter((o) => o === 'invalid_value')).toHaveLength(6);
      expect(sick.calls).toBe(6);
      expect(events).toEqual([]);
    }
  });

  test('a cooled replica is used when every replica is cooling', async () => {
    const only = fake(() => 'down');
    const pool = createModelPool([{ baseUrl: 'http://only/v1', client: only }], { failuresToCool: 1, coolDownMs: 60_000 });
    await expect(pool.chat(request())).rejects.toBeInstanceOf(APIConnectionError);
    await expect(pool.chat(request())).rejects.toBeInstanceOf(APIConnectionError);
    expect(only.calls).toBe(2);
  });

  test('a replica that refuses the key is reported by name and left out; the run goes on', async () => {
    const events: PoolEvent[] = [];
    const refusing = fake(() => 'refuse');
    const good = fake(() => 'ok');
    const pool = createModelPool(
      [
        { baseUrl: 'http://refusing/v1', client: refusing },
        { baseUrl: 'http://good/v1', client: good },
      ],
      { onEvent: (e) => events.push(e) },
    );
    for (let i = 0; i < 6; i++) await expect(pool.chat(request())).resolves.toEqual(REPLY);
    expect(refusing.calls).toBe(1);
    expect(events).toEqual([expect.objectContaining({ kind: 'refused', baseUrl: 'http://refusing/v1' })]);
    expect(pool.endpoints()).toEqual([
      { baseUrl: 'http://refusing/v1', requests: 1, errors: 1, meanLatencyMs: null },
      { baseUrl: 'http://good/v1', requests: 6, errors: 0, meanLatencyMs: expect.any(Number) },
    ]);
  });

  test('when every replica refuses the key, the refusal is thrown (fatal as from one endpoint)', async () => {
    const pool = createModelPool([
      { baseUrl: 'http://a/v1', client: fake(() => 'refuse') },
      { baseUrl: 'http://b/v1', client: fake(() => 'refuse') },
    ]);
    const error = await pool.chat(request()).catch((e: unknown) => e);
    expect(describeFailure(error)).toMatchObject({ status: 401, fatal: true, code: 'invalid_api_key' });
  });

  test('per-endpoint figures count requests, errors and the mean latency of replies', async () => {
    let n = 0;
    const pool = createModelPool([{ baseUrl: 'http://a/v1', client: fake(() => (n++ % 2 ? '400' : 'ok'), 10) }]);
    for (let i = 0; i < 4; i++) await pool.chat(request()).catch(() => undefined);
    const [figures] = pool.endpoints();
    expect(figures).toMatchObject({ baseUrl: 'http://a/v1', requests: 4, errors: 2 });
    expect(figures!.meanLatencyMs).toBeGreaterThanOrEqual(9);
  });

  test('over real endpoints: a replica started with another key is left out, a stopped one cooled, the rest answer', async () => {
    const good = await startMockServer({ apiKey: 'k' });
    const otherKey = await startMockServer({ apiKey: 'other' });
    const stopped = await startMockServer({ apiKey: 'k' });
    await stopped.close();
    const events: PoolEvent[] = [];
    try {
      const client = (baseUrl: string) => createModelClient({ baseUrl, apiKey: 'k', timeoutMs: 5000, maxRetries: 0 });
      const pool = createModelPool(
        [good.url, otherKey.url, stopped.url].map((baseUrl) => ({ baseUrl, client: client(baseUrl) })),
        { failuresToCool: 1, onEvent: (e) => events.push(e) },
      );
      const replies = await Promise.all(
        Array.from({ length: 9 }, () => pool.chat({ ...request(), model: 'thinkbench-sim', messages: [{ role: 'user', content: 'What is 2+3?' }] })),
      );
      expect(replies.every((r) => r.content.length > 0)).toBe(true);
      expect(events.map((e) => `${e.kind} ${e.baseUrl}`).sort()).toEqual([`cooled ${stopped.url}`, `refused ${otherKey.url}`]);
      const figures = pool.endpoints();
      // Nine at once, three to each; every one that failed was sent again until the good one answered it.
      expect([figures[0]!.requests, figures[0]!.errors]).toEqual([9, 0]);
      for (const f of figures.slice(1)) {
        expect(f.errors).toBe(f.requests);
        expect(f.requests).toBeGreaterThanOrEqual(3);
      }
    } finally {
      await good.close();
      await otherKey.close();
    }
  });
});
