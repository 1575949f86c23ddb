// Tests the simulated endpoint's refusals, injected faults, concurrency counters and seeded determinism.
import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { startMockServer, type MockOptions, type MockServer } from '../../src/mock/server.js';

const STRAWBERRY = 'How many r\'s are in the word "strawberry"?';
const QUESTIONS = [STRAWBERRY, 'Which is bigger, 9.11 or 9.8?', 'What is 347 * 29?', 'How many s\'s are in "mississippi"?'];

async function withServer<T>(options: MockOptions, run: (server: MockServer, client: OpenAI) => Promise<T>): Promise<T> {
  const server = await startMockServer(options);
  try {
    // logLevel off: the SDK logs the malformed bodies this file provokes on purpose.
    return await run(server, new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0, logLevel: 'off' }));
  } finally {
    await server.close();
  }
}

function ask(client: OpenAI, content = STRAWBERRY, extra: Record<string, unknown> = {}): Promise<OpenAI.Chat.ChatCompletion> {
  return client.chat.completions.create({
    model: 'thinkbench-sim',
    messages: [{ role: 'user', content }],
    ...extra,
  } as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the request to fail'),
    (error: unknown) => error,
  );
}

describe('simulated model: refusals', () => {
  test('lists its model and refuses unknown models, routes and bad bodies in the OpenAI error shape', async () => {
    await withServer({}, async (server, client) => {
      expect((await client.models.list()).data.map((model) => model.id)).toEqual(['thinkbench-sim']);
      const missing = await failure(ask(client, STRAWBERRY, { model: 'gpt-9' }));
      expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
      expect(missing).toMatchObject({
        status: 404,
        code: 'model_not_found',
        error: { message: "The model 'gpt-9' does not exist or you do not have access to it.", type: 'invalid_request_error' },
      });
      const route = await fetch(`${server.url}/nope`);
      expect(route.status).toBe(404);
      expect(await route.json()).toMatchObject({ error: { type: 'invalid_request_error', param: null, code: null } });
      for (const body of ['{not json', '[]', '{"model":"thinkbench-sim"}', '{"model":"thinkbench-sim","messages":[{}]}']) {
        const response = await fetch(`${server.url}/chat/completions`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
        expect(response.status, body).toBe(400);
        expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
      }
    });
  });

  test('with an apiKey, a missing or wrong token gets 401', async () => {
    await withServer({ apiKey: 'sekret' }, async (server, client) => {
      const error = await failure(ask(client));
      expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
      expect((await fetch(`${server.url}/models`)).status).toBe(401);
      const authorised = new OpenAI({ baseURL: server.url, apiKey: 'sekret', maxRetries: 0 });
      expect((await ask(authorised)).choices[0]?.finish_reason).toBe('stop');
    });
  });

  test('rejectParams answers like the o-series; rejectSystem refuses system messages', async () => {
    await withServer({ rejectParams: true, rejectSystem: true }, async (_, client) => {
      expect(await failure(ask(client, STRAWBERRY, { max_tokens: 100 }))).toMatchObject({
        status: 400,
        code: 'unsupported_parameter',
        param: 'max_tokens',
        error: { message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead." },
      });
      const temperature = await failure(ask(client, STRAWBERRY, { temperature: 0.7 }));
      expect(temperature).toBeInstanceOf(OpenAI.BadRequestError);
      expect(temperature).toMatchObject({
        code: 'unsupported_value',
        param: 'temperature',
        error: { message: "Unsupported value: 'temperature' does not support 0.7 with this model. Only the default (1) value is supported." },
      });
      expect(await failure(ask(client, STRAWBERRY, { top_p: 0.5 }))).toMatchObject({ code: 'unsupported_value', param: 'top_p' });
      const system = client.chat.completions.create({
        model: 'thinkbench-sim',
        messages: [
          { role: 'system', content: 'Be careful.' },
          { role: 'user', content: STRAWBERRY },
        ],
      });
      expect(await failure(system)).toMatchObject({ status: 400, code: 'unsupported_value', param: 'messages[0].role' });
      const fine = await ask(client, STRAWBERRY, { temperature: 1, max_completion_tokens: 4000 });
      expect(fine.choices[0]?.finish_reason).toBe('stop');
    });
  });
});

describe('simulated model: faults', () => {
  test.each([
    [{ rate429: 1 }, OpenAI.RateLimitError, '429'],
    [{ rate500: 1 }, OpenAI.InternalServerError, '500'],
    [{ rate503: 1 }, OpenAI.InternalServerError, '503'],
    [{ drop: 1 }, OpenAI.APIConnectionError, 'drop'],
    [{ malformed: 1 }, Error, 'malformed'],
  ])('%o fails the request and is counted', async (faults, errorClass, key) => {
    await withServer({ faults }, async (server, client) => {
      expect(await failure(ask(client))).toBeInstanceOf(errorClass);
      expect(
        await failure(
          ask(client, STRAWBERRY, { stream: true }).then(async (stream) => {
            for await (const _ of stream as unknown as AsyncIterable<unknown>) void _;
          }),
        ),
      ).toBeInstanceOf(errorClass);
      expect(server.stats.byStatus[key]).toBe(2);
      expect(server.stats.inFlight).toBe(0);
    });
  });

  test('429 carries retry-after-ms, or retry-after when configured', async () => {
    await withServer({ faults: { rate429: 1 } }, async (_, client) => {
      const error = (await failure(ask(client))) as InstanceType<typeof OpenAI.APIError>;
      expect(error.headers?.get('retry-after-ms')).toBe('10');
    });
    await withServer({ faults: { rate429: 1, retryAfterSeconds: 2 } }, async (_, client) => {
      const error = (await failure(ask(client))) as InstanceType<typeof OpenAI.APIError>;
      expect(error.headers?.get('retry-after')).toBe('2');
    });
  });

  test('faults are drawn per attempt, so SDK retries get through and do not change the answers', async () => {
    const faults = { rate429: 0.4 }; // 429s carry retry-after-ms: 10, which keeps the SDK's backoff short
    const contents = await withServer({ seed: 1, faults }, async (server, _client) => {
      const retrying = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 8 });
      const replies = await Promise.all(Array.from({ length: 30 }, () => ask(retrying)));
      expect(server.stats.byStatus['200']).toBe(30);
      expect(server.stats.byStatus['429']).toBeGreaterThan(0);
      return replies.map((reply) => reply.choices[0]?.message.content).sort();
    });
    const clean = await withServer({ seed: 1 }, async (_, client) => {
      const replies = await Promise.all(Array.from({ length: 30 }, () => ask(client)));
      return replies.map((reply) => reply.choices[0]?.message.content).sort();
    });
    expect(contents).toEqual(clean);
  });

  test('slow replies add slowMs', async () => {
    await withServer({ faults: { slowRate: 1, slowMs: 120 } }, async (_, client) => {
      const started = Date.now();
      await ask(client);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    });
  });
});

describe('simulated model: concurrency and determinism', () => {
  test('counts requests in flight', async () => {
    await withServer({ latencyMs: 60 }, async (server, client) => {
      await Promise.all(Array.from({ length: 8 }, () => ask(client)));
      expect(server.stats).toMatchObject({ requests: 8, inFlight: 0, maxInFlight: 8 });
    });
  });

  async function sampleAll(seed: number, order: 'forward' | 'backward', model = 'thinkbench-sim-50'): Promise<Record<string, string[]>> {
    return withServer({ seed }, async (_, client) => {
      const prompts = QUESTIONS.flatMap((question) => Array.from({ length: 8 }, () => question));
      if (order === 'backward') prompts.reverse();
      const replies = await Promise.all(prompts.map((prompt) => ask(client, prompt, { model })));
      const byQuestion: Record<string, string[]> = {};
      replies.forEach((reply, index) => {
        const message = reply.choices[0]?.message as unknown as { content: string; reasoning_content: string };
        (byQuestion[prompts[index] ?? ''] ??= []).push(`${message.content}\n${message.reasoning_content}`);
      });
      for (const list of Object.values(byQuestion)) list.sort();
      return byQuestion;
    });
  }

  test('the same seed gives the same multiset of samples per question, whatever the request order', async () => {
    const first = await sampleAll(42, 'forward');
    expect(await sampleAll(42, 'backward')).toEqual(first);
    expect(await sampleAll(43, 'forward')).not.toEqual(first);
    expect(new Set(first[STRAWBERRY]).size).toBeGreaterThan(1);
  });

  test('a seed parameter collapses the samples into one', async () => {
    await withServer({ accuracy: 0.5 }, async (_, client) => {
      const replies = await Promise.all(Array.from({ length: 10 }, () => ask(client, STRAWBERRY, { seed: 7 })));
      expect(new Set(replies.map((reply) => reply.choices[0]?.message.content)).size).toBe(1);
    });
  });
});
