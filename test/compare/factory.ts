// Builds small, schema-valid Result objects for tests from per-case answer lists.
import { Result } from '../../src/schema/result.js';
import { tallyVotes, voteCredit } from '../../src/score/vote.js';

/**
 * A case by its samples' answers (null: no answer); a sample is right when its answer equals
 * `expected`. `failed` appends that many failed samples (request errors); `scores` sets each
 * sample's verifier score (best-of-n files).
 */
export interface CaseSpec {
  id: string;
  answers: (string | null)[];
  expected?: string;
  tags?: string[];
  failed?: number;
  scores?: (number | undefined)[];
}

/** A case answered `n` times with the expected answer "42" (right) or "41" (wrong). */
export const right = (id: string, n = 3): CaseSpec => ({ id, answers: Array(n).fill('42') });
export const wrong = (id: string, n = 3): CaseSpec => ({ id, answers: Array(n).fill('41') });

/** Case ids c01, c02, ... */
export const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);

type Scored = { result: Record<string, unknown> & { samples: SampleLike[]; tie: boolean }; credit: number };
type SampleLike = { outcome: string; correct: boolean; latencyMs: number; usage: Record<string, number> | null };

/**
 * A validated Result; `overrides` replace top-level fields. The summary holds the required figures
 * only (no majAtK, passAtK, ci95 or byTag), computed here so these tests do not move with the metrics code.
 * Each case carries its `credit`, as results written by the current scorer do (the schema keeps it or drops it).
 */
export function makeResult(cases: CaseSpec[], overrides: Partial<Omit<Result, 'summary' | 'cases'>> = {}): Result {
  const scored = cases.map(scoreSpec);
  const samples = overrides.samples ?? Math.max(0, ...cases.map((c) => c.answers.length + (c.failed ?? 0)));
  return Result.parse({
    schemaVersion: 1,
    tool: { name: 'thinkbench', version: '0.1.0' },
    suite: { name: 'unit', path: 'suites/unit.yaml', sha256: 'a'.repeat(64) },
    model: 'model-a',
    baseUrl: 'http://127.0.0.1:8787/v1',
    simulated: true,
    params: { reasoning_effort: 'medium' },
    samples,
    concurrency: 8,
    timeoutMs: 600_000,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:10.000Z',
    complete: true,
    adaptations: [],
    ...overrides,
    summary: summaryOf(scored),
    cases: scored.map((s) => s.result),
  });
}

function scoreSpec(spec: CaseSpec): Scored {
  const expected = spec.expected ?? '42';
  const usage = { promptTokens: 10, completionTokens: 90, reasoningTokens: 60, totalTokens: 100 };
  const answered = spec.answers.map((answer, index) => ({
    index,
    outcome: answer === null ? 'no_answer' : 'answered',
    answer,
    correct: answer === expected,
    error: null,
    content: `Thinking... Answer: ${answer ?? '?'}`,
    reasoning: '',
    reasoningSource: 'none',
    finishReason: 'stop',
    latencyMs: 100 * (index + 1),
    usage,
    ...(spec.scores?.[index] === undefined ? {} : { score: spec.scores[index] }),
  }));
  const failed = Array.from({ length: spec.failed ?? 0 }, (_, i) => ({
    index: spec.answers.length + i,
    outcome: 'error',
    answer: null,
    correct: false,
    error: { code: 'http_500', message: 'server error' },
    content: '',
    reasoning: '',
    reasoningSource: 'none',
    finishReason: null,
    latencyMs: 50,
    usage: null,
  }));
  const answers = [...spec.answers, ...failed.map(() => null)];
  const tally = tallyVotes(answers);
  const isCorrect = (a: string) => a === expected;
  const credit = voteCredit(tally, isCorrect);
  const result = {
    id: spec.id,
    scorer: 'text',
    expected,
    tags: spec.tags ?? [],
    answer: tally.winner,
    correct: tally.winner !== null && isCorrect(tally.winner),
    tie: tally.tied.length > 1,
    votes: tally.votes,
    margin: tally.margin,
    agreement: tally.agreement,
    credit,
    samples: [...answered, ...failed],
  };
  return { result, credit };
}

function summaryOf(scored: readonly Scored[]): Result['summary'] {
  const sampled = scored.filter((s) => s.result.samples.length > 0);
  const samples = sampled.flatMap((s) => s.result.samples);
  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const tokens = (key: 'promptTokens' | 'completionTokens' | 'reasoningTokens' | 'totalTokens') => samples.reduce((n, s) => n + (s.usage?.[key] ?? 0), 0);
  return {
    cases: scored.length,
    samples: samples.length,
    accuracy: mean(sampled.map((s) => s.credit)),
    pass1: mean(sampled.map((s) => mean(s.result.samples.map((x) => (x.correct ? 1 : 0))))),
    errors: samples.filter((s) => s.outcome === 'error').length,
    noAnswer: samples.filter((s) => s.outcome === 'no_answer').length,
    truncated: samples.filter((s) => s.outcome === 'truncated').length,
    ties: sampled.filter((s) => s.result.tie).length,
    usage: {
      promptTokens: tokens('promptTokens'),
      completionTokens: tokens('completionTokens'),
      reasoningTokens: tokens('reasoningTokens'),
      totalTokens: tokens('totalTokens'),
    },
    latencyMs: { mean: Math.round(mean(latencies)), p50: p(0.5), p95: p(0.95) },
  };
}
