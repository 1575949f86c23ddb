// The simulated model thinks like a reasoning model: effort sets its length, thinking allowed sets its accuracy, prefills are continued.
import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { phraseAnswer, varyReasoning } from '../../src/mock/phrasing.js';
import { solveQuestion } from '../../src/mock/questions.js';
import { composeReply } from '../../src/mock/reply.js';
import { startMockServer } from '../../src/mock/server.js';
import { Simulator } from '../../src/mock/simulator.js';
import { accuracyAt, EFFORT_TOKENS, GUESS_RATE, readPrefill } from '../../src/mock/thinking.js';
import { fnv1a, hashParts, mulberry32 } from '../../src/random.js';
import { finalAnswerText } from '../../src/score/extract.js';

const simulator = () => new Simulator({ accuracy: 0.9, seed: 0, faults: {}, rejectParams: false, rejectSystem: false });
const prompt = (i: number) => `What is ${i} + 1000?\nEnd with 'Answer: <n>'.`;

type Reply = {
  reasoning: string;
  answer: string;
  finishReason: string;
  usage: { completion_tokens: number; completion_tokens_details: { reasoning_tokens: number } };
};
function ask(sim: Simulator, body: Record<string, unknown>): Reply {
  const outcome = sim.handle({ model: 'thinkbench-sim-90', ...body });
  if (outcome.type !== 'reply') throw new Error(`no reply: ${outcome.type}`);
  return outcome.reply;
}

// Share of `cases` questions answered right, one request each, by what `body` adds to the question.
function accuracy(cases: number, body: (i: number) => Record<string, unknown>, lead = ''): number {
  const sim = simulator();
  let right = 0;
  for (let i = 0; i < cases; i++) {
    const reply = ask(sim, body(i));
    if (finalAnswerText(lead + reply.answer) === String(i + 1000)) right++;
  }
  return right / cases;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('accuracy against the thinking allowed', () => {
  test.each([
    ['at the reference length: the base accuracy', 0.9, 4096, 4096, 0.9],
    ['a quarter of it: two halvings lost', 0.9, 1024, 4096, 0.7],
    ['far too little: the guess rate', 0.9, 8, 4096, GUESS_RATE],
    ['more than the reference: capped halfway to 1', 0.9, 65536, 4096, 0.95],
    ['a perfect model cut by half', 1, 2048, 4096, 0.9],
    ['a model below the guess rate stays there', 0.02, 16, 4096, 0.02],
  ])('%s', (_, base, thought, reference, expected) => {
    expect(accuracyAt(base, thought, reference)).toBeCloseTo(expected, 10);
  });

  test('thinkbench-sim-90 cut at 64, 256, 1024, 4096 tokens of high-effort thinking: accuracy rises on a log scale', () => {
    const budgets = [64, 256, 1024, 4096];
    const measured = budgets.map((budget) =>
      accuracy(
        600,
        (i) => ({
          reasoning_effort: 'high',
          messages: [
            { role: 'user', content: prompt(i) },
            { role: 'assistant', content: `<think>\n${'step '.repeat((budget * 4) / 5)}\n</think>\n\nFinal answer:` },
          ],
        }),
        'Final answer:',
      ),
    );
    for (let k = 1; k < measured.length; k++) expect(measured[k]!).toBeGreaterThan(measured[k - 1]! + 0.1);
    // 0.9 - 0.1 per halving below the 4,096-token reference: 0.3, 0.5, 0.7, 0.9.
    for (const [k, budget] of budgets.entries()) expect(Math.abs(measured[k]! - accuracyAt(0.9, budget, 4096))).toBeLessThan(0.06);
  });
});

describe('reasoning_effort', () => {
  test('sets the reasoning length around its median, and the accuracy with it', () => {
    const lengths: Record<string, number> = {};
    const right: Record<string, number> = {};
    for (const effort of ['minimal', 'low', 'medium', 'high'] as const) {
      const tokens: number[] = [];
      right[effort] = accuracy(300, (i) => {
        return { reasoning_effort: effort, messages: [{ role: 'user', content: prompt(i) }] };
      });
      const sim = simulator();
      for (let i = 0; i < 60; i++)
        tokens.push(ask(sim, { reasoning_effort: effort, messages: [{ role: 'user', content: prompt(i) }] }).usage.completion_tokens_details.reasoning_tokens);
      lengths[effort] = median(tokens);
      expect(lengths[effort]).toBeGreaterThan(EFFORT_TOKENS[effort] * 0.7);
      expect(lengths[effort]).toBeLessThan(EFFORT_TOKENS[effort] * 1.4);
    }
    expect(right.minimal!).toBeLessThan(right.low! - 0.1);
    expect(right.low!).toBeLessThan(right.medium! - 0.1);
    expect(Math.abs(right.medium! - 0.9)).toBeLessThan(0.05);
    expect(right.high!).toBeGreaterThanOrEqual(right.medium!);
  });

  test('none: no reasoning at all', () => {
    const reply = ask(simulator(), { reasoning_effort: 'none', messages: [{ role: 'user', content: prompt(1) }] });
    expect(reply.reasoning).toBe('');
    expect(reply.usage.completion_tokens_details.reasoning_tokens).toBe(0);
  });

  test('a sample draws the same reply again from a fresh simulator (deterministic per request and sample)', () => {
    const body = { reasoning_effort: 'low', messages: [{ role: 'user', content: prompt(7) }] };
    const first = simulator();
    const second = simulator();
    for (let n = 0; n < 3; n++) expect(ask(first, body)).toEqual(ask(second, body));
  });
});

describe("without a limit on thinking, today's behaviour", () => {
  test('the reply is exactly the one drawn before thinking existed: same draw, same stand-in reasoning', () => {
    const sim = simulator();
    for (let i = 0; i < 40; i++) {
      const content = prompt(i);
      const hash = fnv1a(`user\u0002${content}\u0003`);
      const rng = mulberry32(hashParts(0, 'thinkbench-sim-90', hash, 0));
      const question = solveQuestion(content);
      const attempt = rng() < 0.9 ? question.right : question.wrong(rng);
      const expected = composeReply(varyReasoning(attempt.reasoning, hash, 0), phraseAnswer(attempt, rng), content.length);
      expect(ask(sim, { messages: [{ role: 'user', content }] })).toEqual(expected);
    }
  });
});

describe('max_completion_tokens: reasoning counts inside it', () => {
  test('a limit below the reasoning: finish_reason length, empty content, the limit billed', () => {
    const sim = simulator();
    let cut = 0;
    for (let i = 0; i < 40; i++) {
      const reply = ask(sim, { reasoning_effort: 'medium', max_completion_tokens: 1000, messages: [{ role: 'user', content: prompt(i) }] });
      if (reply.finishReason !== 'length') continue;
      cut++;
      expect(reply.answer).toBe('');
      expect(reply.usage.completion_tokens).toBe(1000);
    }
    expect(cut).toBeGreaterThan(35);
  });

  test('a limit above it: the whole reply', () => {
    const reply = ask(simulator(), { reasoning_effort: 'low', max_completion_tokens: 100_000, messages: [{ role: 'user', content: prompt(3) }] });
    expect(reply.finishReason).toBe('stop');
    expect(reply.answer).not.toBe('');
  });
});

describe('an assistant prefill is continued with a short answer', () => {
  test.each([
    ['closed reasoning and a prefix', '<think>\nsome thought\n</think>\n\nFinal answer:', { thinking: 'some thought', prefix: '\n\nFinal answer:' }],
    ['a lone closing tag', 'some thought</think>Answer:', { thinking: 'some thought', prefix: 'Answer:' }],
    ['no tags: all of it is reasoning', 'thinking on', { thinking: 'thinking on', prefix: '' }],
  ])('reads %s', (_, content, expected) => {
    expect(
      readPrefill([
        { role: 'user', content: 'q' },
        { role: 'assistant', content },
      ]),
    ).toEqual(expected);
  });

  test('a conversation ending on the user is not a prefill', () => {
    expect(
      readPrefill([
        { role: 'assistant', content: 'a' },
        { role: 'user', content: 'q' },
      ]),
    ).toBeUndefined();
  });

  test.each(['field', 'reasoning', 'think', 'prefilled-think'] as const)(
    'through the SDK, reasoning style %s: no new reasoning, the answer continues the prefix',
    async (style) => {
      const server = await startMockServer({ reasoning: style });
      try {
        const client = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0 });
        const completion = await client.chat.completions.create({
          model: 'thinkbench-sim-100',
          messages: [
            { role: 'user', content: prompt(5) },
            { role: 'assistant', content: `<think>\nI add 5 to 1000. ${'Checking it again. '.repeat(20)}\n</think>\n\nFinal answer:` },
          ],
        });
        const message = completion.choices[0]!.message as { content: string | null; reasoning_content?: string; reasoning?: string };
        expect(message.content).not.toMatch(/<\/?think>/);
        expect(message.reasoning_content ?? message.reasoning ?? '').toBe('');
        expect(finalAnswerText(`Final answer:${message.content ?? ''}`)).toBe('1005');
        expect(completion.usage?.completion_tokens).toBeLessThan(20);
      } finally {
        await server.close();
      }
    },
  );
});
