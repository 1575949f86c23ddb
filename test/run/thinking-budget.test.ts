// Thinking budgets: reasoning counted while it streams, cut at the budget, the answer prefilled; mapped where it cannot be cut.
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { describe, expect, test } from 'vitest';
import type { ReasoningStyle } from '../../src/mock/reply.js';
import { createModelClient, type ChatReply } from '../../src/model/openai.js';
import { runSample, type SampleContext } from '../../src/run/run-sample.js';
import {
  cutReasoning,
  estimateReasoningTokens,
  mergeBudgeted,
  NO_REASONING_NOTE,
  UNOPENED_THINK_NOTE,
  overBudget,
  planThinkingBudget,
  reasoningSoFar,
  takeThinkingBudget,
} from '../../src/run/thinking-budget.js';
import type { RawSample } from '../../src/schema/result.js';
import type { Params } from '../../src/schema/suite.js';
import { finalAnswerText } from '../../src/score/extract.js';
import { mock } from '../helpers/run.js';

const reply = (content: string, fieldReasoning = ''): ChatReply => ({ content, fieldReasoning, finishReason: null, usage: null, firstTokenMs: null });

describe('counting streamed reasoning (characters / 4)', () => {
  test.each([
    ['a reasoning field, no answer yet', reply('', 'x'.repeat(400)), { text: 'x'.repeat(400), open: true }],
    ['a reasoning field, the answer begun', reply('Answer', 'thought'), { text: 'thought', open: false }],
    ['an open <think> in the content', reply('<think>\nthinking'), { text: '\nthinking', open: true }],
    ['a closed <think>', reply('<think>a</think>Answer: 1'), { text: 'a</think>Answer: 1', open: false }],
    ['no reasoning at all', reply('Answer: 1'), { text: '', open: false }],
  ])('%s', (_, partial, expected) => {
    expect(reasoningSoFar(partial)).toMatchObject(expected);
  });

  test('over budget only while still thinking and at the budget', () => {
    expect(overBudget(reply('', 'x'.repeat(396)), 100)).toBe(false);
    expect(overBudget(reply('', 'x'.repeat(400)), 100)).toBe(true);
    expect(overBudget(reply('done', 'x'.repeat(4000)), 100)).toBe(false);
    expect(estimateReasoningTokens('abcdefgh')).toBe(2);
  });

  test('the cut ends on a word boundary at or before the budget', () => {
    const cut = cutReasoning('alpha beta gamma delta '.repeat(50), 20);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut.length).toBeGreaterThan(60);
    expect(cut).toMatch(/(alpha|beta|gamma|delta)$/);
  });

  test('the merged reply: "Final answer:" and the continuation, the cut reasoning counted into usage', () => {
    const answer: ChatReply = {
      ...reply(' 42'),
      finishReason: 'stop',
      usage: { promptTokens: 300, completionTokens: 2, reasoningTokens: 0, totalTokens: 302 },
    };
    const merged = mergeBudgeted('x'.repeat(400), answer, 5, true);
    expect(merged).toMatchObject({ content: 'Final answer: 42', fieldReasoning: 'x'.repeat(400), finishReason: 'stop', firstTokenMs: 5 });
    expect(merged.usage).toEqual({ promptTokens: 300, completionTokens: 102, reasoningTokens: 100, totalTokens: 402 });
  });
});

describe('where the budget cannot be forced, it is mapped to request parameters', () => {
  const print = () => {};
  test.each([
    ['hosted OpenAI, 1,000 tokens', 'https://api.openai.com/v1', true, {}, 1000, { max_completion_tokens: 2024, reasoning_effort: 'low' }],
    ['Azure, 4,000 tokens', 'https://x.openai.azure.com/openai/v1', true, {}, 4000, { max_completion_tokens: 5024, reasoning_effort: 'medium' }],
    ['a run that does not stream, 20,000 tokens', 'http://127.0.0.1:8000/v1', false, {}, 20000, { max_completion_tokens: 21024, reasoning_effort: 'high' }],
    [
      'the user set both already: kept',
      'https://api.openai.com/v1',
      true,
      { max_completion_tokens: 9, reasoning_effort: 'high' },
      100,
      { max_completion_tokens: 9, reasoning_effort: 'high' },
    ],
  ])('%s', (_, baseUrl, stream, params: Params, tokens, expected) => {
    const plan = planThinkingBudget(tokens, { baseUrl, stream, params, print });
    expect(plan.forcing).toBeUndefined();
    expect(plan.params).toEqual(expected);
    expect(plan.note).toMatch(new RegExp(`^--thinking-budget ${tokens}: .*max_completion_tokens=${expected.max_completion_tokens}`));
  });

  test('a streamed local endpoint is forced, its parameters untouched, each note printed once', () => {
    const printed: string[] = [];
    const plan = planThinkingBudget(512, { baseUrl: 'http://127.0.0.1:8000/v1', stream: true, params: { temperature: 0.6 }, print: (n) => printed.push(n) });
    expect(plan).toMatchObject({ params: { temperature: 0.6 }, forcing: { tokens: 512 } });
    expect(plan.note).toBeUndefined();
    plan.forcing!.note('a');
    plan.forcing!.note('a');
    plan.forcing!.note('b');
    expect(printed).toEqual(['a', 'b']);
  });

  test('thinking_budget in the parameters (a sweep point) is taken out for the run', () => {
    expect(takeThinkingBudget({ thinking_budget: 256, seed: 1 })).toEqual({ params: { seed: 1 }, tokens: 256 });
    expect(takeThinkingBudget({ seed: 1 })).toEqual({ params: { seed: 1 } });
  });
});

// Budget forcing through the real SDK against the simulator.
async function budgeted(options: { style?: ReasoningStyle; budget?: number; params?: Params; model?: string; cases: number; samples?: number }) {
  const server = await mock({ reasoning: options.style ?? 'field' });
  const notes: string[] = [];
  const client = createModelClient({ baseUrl: server.url, timeoutMs: 60_000, maxRetries: 0 });
  const runSignal = new AbortController().signal;
  setMaxListeners(64, runSignal);
  const plan =
    options.budget === undefined
      ? undefined
      : planThinkingBudget(options.budget, { baseUrl: server.url, stream: true, params: {}, print: (n) => notes.push(n) });
  const ctx: SampleContext = {
    client,
    baseUrl: server.url,
    model: options.model ?? 'thinkbench-sim-90',
    stream: true,
    timeoutMs: 60_000,
    onTimeout: 'error',
    runSignal,
    adaptations: [],
    onAdapt: () => {},
    onFatal: (f) => {
      throw new Error(f.message);
    },
    reachable: () => true,
    ...(plan?.forcing && { thinkingBudget: plan.forcing }),
  };
  const limit = pLimit(8);
  const jobs: Promise<{ sample: RawSample; expected: string }>[] = [];
  for (let i = 0; i < options.cases; i++) {
    for (let s = 0; s < (options.samples ?? 1); s++) {
      const messages = [{ role: 'user' as const, content: `What is ${i} + 1000?\nEnd with 'Answer: <n>'.` }];
      jobs.push(
        limit(async () => ({
          sample: (await runSample({ caseIndex: i, sampleIndex: s, messages, params: options.params ?? {}, timeoutMs: undefined }, ctx))!,
          expected: String(i + 1000),
        })),
      );
    }
  }
  return { results: await Promise.all(jobs), notes };
}

describe('budget forcing against the simulator', () => {
  test.each(['field', 'reasoning', 'think'] as const)('reasoning style %s: forced at 300 tokens, cut near the budget, still answered', async (style) => {
    const { results, notes } = await budgeted({ style, budget: 300, params: { reasoning_effort: 'medium' }, model: 'thinkbench-sim-100', cases: 6 });
    let right = 0;
    for (const { sample, expected } of results) {
      expect(sample.error).toBeNull();
      expect(sample.forced).toBe(true);
      expect(estimateReasoningTokens(sample.reasoning)).toBeGreaterThan(280);
      expect(estimateReasoningTokens(sample.reasoning)).toBeLessThanOrEqual(300);
      expect(sample.usage?.reasoningTokens).toBeGreaterThan(280);
      expect(sample.usage?.reasoningTokens).toBeLessThanOrEqual(300);
      expect(sample.content).toMatch(/^Final answer:/);
      expect(finalAnswerText(sample.content)).toMatch(/^\d+$/); // an answer, right or not: 300 of medium's 4,096 tokens
      right += finalAnswerText(sample.content) === expected ? 1 : 0;
    }
    expect(right).toBeGreaterThan(0);
    expect(notes).toEqual([]);
  });

  test('a sample that ends its thinking under the budget is left alone', async () => {
    const { results } = await budgeted({ budget: 4000, cases: 4 }); // no effort: the short stand-in reasoning
    for (const { sample } of results) {
      expect(sample.forced).toBeUndefined();
      expect(sample.content).not.toBe('');
    }
  });

  test('reasoning behind a template-opened <think>: recognisable too late, said once', async () => {
    const { results, notes } = await budgeted({ style: 'prefilled-think', budget: 8, cases: 3 });
    expect(notes).toEqual([UNOPENED_THINK_NOTE]);
    for (const { sample } of results) expect(sample.forced).toBeUndefined();
  });

  test('an endpoint that streams no reasoning: said once, the samples run unbudgeted', async () => {
    const { results, notes } = await budgeted({ budget: 100, params: { reasoning_effort: 'none' }, cases: 5 });
    expect(notes).toEqual([NO_REASONING_NOTE]);
    for (const { sample } of results) expect(sample.forced).toBeUndefined();
  });

  test('thinkbench-sim-90 at budgets 64, 256, 1024, 4096 (high effort): accuracy rises with the budget', async () => {
    const figures: string[] = [];
    let previous = -1;
    for (const budget of [64, 256, 1024, 4096]) {
      const { results } = await budgeted({ budget, params: { reasoning_effort: 'high' }, cases: 40, samples: 3 });
      const accuracy = results.filter((r) => finalAnswerText(r.sample.content) === r.expected).length / results.length;
      const tokens = results.reduce((n, r) => n + (r.sample.usage?.reasoningTokens ?? 0), 0) / results.length;
      figures.push(`budget ${budget}: accuracy ${accuracy.toFixed(3)}, mean reasoning tokens ${tokens.toFixed(0)}`);
      expect(results.every((r) => r.sample.forced)).toBe(true);
      expect(tokens).toBeLessThanOrEqual(budget);
      expect(accuracy).toBeGreaterThan(previous + 0.08);
      previous = accuracy;
    }
    console.log(figures.join('\n'));
  }, 120_000);
});
