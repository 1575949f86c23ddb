// Tests the simulated endpoint through the real openai SDK: families, streaming, styles, errors, faults, determinism.
import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { startMockServer, type MockOptions, type MockServer } from '../../src/mock/server.js';

const STRAWBERRY = 'How many r\'s are in the word "strawberry"?';
const INSTRUCTIONS = "\n\nEnd your reply with a line of the form 'Answer: <answer>'.";
const PRINCESS =
  "A princess is as old as the prince will be when the princess is twice as old as the prince was when the princess's age " +
  'was half the sum of their present age. What is the age of prince and princess? Provide all solutions to that question.';
const CIPHER =
  'oyfjdnisdr rtqwainr acxz mynzbhhx -> Think step by step\nUse the example above to decode:\n' + 'oyekaijzdf aaptcg suaokybhai ouow aqht mynznvaatzacdfoulxxz';

type Message = { content: string | null; reasoning_content?: string; reasoning?: string };
type StreamDelta = { content?: string | null; reasoning_content?: string; reasoning?: string };

async function withServer<T>(options: MockOptions, run: (server: MockServer, client: OpenAI) => Promise<T>): Promise<T> {
  const server = await startMockServer(options);
  try {
    return await run(server, new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0 }));
  } finally {
    await server.close();
  }
}

async function ask(client: OpenAI, content: string, extra: Record<string, unknown> = {}) {
  const completion = await client.chat.completions.create({
    model: 'thinkbench-sim',
    messages: [{ role: 'user', content: content + INSTRUCTIONS }],
    ...extra,
  } as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming);
  const choice = completion.choices[0];
  if (!choice) throw new Error('no choice');
  return { completion, choice, message: choice.message as unknown as Message };
}

const WORDS: Record<string, string> = { zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5' };
// Undoes the simulator's phrasings: "Answer: 3", "**3**", "\boxed{3}", "The answer is three.", "Final answer: 3".
function answerOf(content: string): string {
  const bare = content
    .replace(/^(?:final answer:|answer:|the answer is)\s*/i, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/^\\boxed\{(.*)\}$/, '$1')
    .replace(/\.$/, '')
    .trim();
  return WORDS[bare] ?? bare;
}

const FAMILIES: Array<[string, string, string]> = [
  ['letter count', STRAWBERRY, '3'],
  ['decimal compare', 'Which is bigger, 9.11 or 9.8?', '9.8'],
  ['cipher', CIPHER, 'THERE ARE THREE RS IN STRAWBERRY'],
  ['age puzzle', PRINCESS, 'The princess is 8k years old and the prince is 6k years old, for any positive k (ages in the ratio 4:3)'],
  ['arithmetic', 'What is 347 * 29?', '10063'],
];

describe('simulated model: answers', () => {
  test.each(FAMILIES)('%s: right at accuracy 1, wrong at accuracy 0', async (_, prompt, expected) => {
    await withServer({ accuracy: 1 }, async (server, client) => {
      for (let i = 0; i < 6; i++) {
        for (const model of ['thinkbench-sim', 'thinkbench-sim-100']) {
          const { message, choice } = await ask(client, prompt, { model });
          expect(answerOf(message.content ?? '')).toBe(expected);
          expect(message.reasoning_content?.length).toBeGreaterThan(20);
          expect(choice.finish_reason).toBe('stop');
        }
        const { message } = await ask(client, prompt, { model: 'thinkbench-sim-0' });
        expect(answerOf(message.content ?? '')).not.toBe(expected);
        expect(message.content).not.toContain('\n');
      }
      expect(server.stats.byStatus['200']).toBe(18);
    });
  });

  test('anything else gets an honest "I don\'t know"; accuracy shows in the draws', async () => {
    await withServer({}, async (_, client) => {
      const { message } = await ask(client, 'Who wrote Hamlet?');
      expect(message.content).toMatch(/Answer: I don't know$/);
      const answers = await Promise.all(Array.from({ length: 200 }, () => ask(client, STRAWBERRY, { model: 'thinkbench-sim-30' })));
      const right = answers.filter(({ message: m }) => answerOf(m.content ?? '') === '3').length;
      expect(right).toBeGreaterThan(35);
      expect(right).toBeLessThan(85);
    });
  });

  test('usage counts reasoning inside completion tokens; a small token limit cuts the reasoning', async () => {
    await withServer({ accuracy: 1 }, async (_, client) => {
      const { completion } = await ask(client, CIPHER);
      const usage = completion.usage;
      expect(usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(100);
      expect(usage?.completion_tokens).toBeGreaterThan(usage?.completion_tokens_details?.reasoning_tokens ?? 0);
      expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
      const cut = await ask(client, CIPHER, { max_completion_tokens: 20 });
      expect(cut.choice.finish_reason).toBe('length');
      expect(cut.message.content).toBe('');
      expect(cut.message.reasoning_content?.length).toBe(80);
      expect(cut.completion.usage?.completion_tokens).toBe(20);
    });
  });
});

describe('simulated model: streaming and reasoning styles', () => {
  test('streams reasoning, then content, then a usage chunk', async () => {
    await withServer({ accuracy: 0.5 }, async (_, client) => {
      const stream = await client.chat.completions.create({
        model: 'thinkbench-sim',
        messages: [{ role: 'user', content: CIPHER }],
        stream: true,
        stream_options: { include_usage: true },
        seed: 3,
      });
      let reasoning = '';
      let content = '';
      let reasoningChunks = 0;
      let finish: string | null = null;
      let usage: OpenAI.CompletionUsage | null | undefined;
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta as StreamDelta | undefined;
        if (delta?.reasoning_content) {
          expect(content).toBe('');
          reasoning += delta.reasoning_content;
          reasoningChunks++;
        }
        content += delta?.content ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
        if (chunk.usage) {
          expect(chunk.choices).toEqual([]);
          usage = chunk.usage;
        }
      }
      expect(reasoningChunks).toBeGreaterThanOrEqual(3);
      expect(finish).toBe('stop');
      expect(usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
      // The same seed and prompt give the same sample, streamed or not.
      const plain = await client.chat.completions.create({ model: 'thinkbench-sim', messages: [{ role: 'user', content: CIPHER }], seed: 3 });
      const message = plain.choices[0]?.message as unknown as Message;
      expect(content).toBe(message.content);
      expect(reasoning).toBe(message.reasoning_content);
    });
  });

  test.each([
    ['think', /^<think>\n[\s\S]+\n<\/think>\n\n(?<answer>.+)$/],
    ['prefilled-think', /^(?!<think>)[\s\S]+\n<\/think>\n\n(?<answer>.+)$/],
  ] as const)('%s style puts the reasoning in content', async (reasoning, shape) => {
    await withServer({ accuracy: 1, reasoning }, async (_, client) => {
      const { message } = await ask(client, STRAWBERRY);
      expect(message.reasoning_content).toBeUndefined();
      expect(answerOf(shape.exec(message.content ?? '')?.groups?.answer ?? '')).toBe('3');
      const stream = await client.chat.completions.create({ model: 'thinkbench-sim', messages: [{ role: 'user', content: STRAWBERRY }], stream: true });
      let content = '';
      for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
      expect(content).toMatch(shape);
    });
  });

  test('reasoning style uses message.reasoning and delta.reasoning', async () => {
    await withServer({ accuracy: 1, reasoning: 'reasoning' }, async (_, client) => {
      const { message } = await ask(client, STRAWBERRY);
      expect(message.reasoning).toContain('s-t-r-a-w-b-e-r-r-y');
      expect(message.reasoning_content).toBeUndefined();
      const stream = await client.chat.completions.create({ model: 'thinkbench-sim', messages: [{ role: 'user', content: STRAWBERRY }], stream: true });
      let reasoning = '';
      for await (const chunk of stream) reasoning += (chunk.choices[0]?.delta as StreamDelta | undefined)?.reasoning ?? '';
      expect(reasoning).toContain('s-t-r-a-w-b-e-r-r-y');
    });
  });

  test('latency is spread over the chunks and a client leaving mid-stream is fine', async () => {
    await withServer({ accuracy: 1, latencyMs: 400 }, async (server, client) => {
      const started = Date.now();
      const stream = await client.chat.completions.create({ model: 'thinkbench-sim', messages: [{ role: 'user', content: CIPHER }], stream: true });
      let reasoning = '';
      for await (const chunk of stream) {
        reasoning += (chunk.choices[0]?.delta as StreamDelta | undefined)?.reasoning_content ?? '';
        if (reasoning) break; // leaves the stream: the SDK aborts the request
      }
      const elapsed = Date.now() - started;
      expect(reasoning.length).toBeGreaterThan(0);
      expect(elapsed).toBeGreaterThanOrEqual(90);
      expect(elapsed).toBeLessThan(350);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(server.stats.inFlight).toBe(0);
    });
  });
});
