// Builds small, schema-valid Result objects for tests from per-case answer lists.
import { Result, type CaseResult, type Sample, type Summary } from '../../src/schema/result.js';
import type { ScoredCase } from '../../src/score/score-case.js';
import { tallyVotes, voteCredit } from '../../src/score/vote.js';

/** A case by its samples' answers (null: no answer); a sample is right when its answer equals `expected`. */
export interface CaseSpec {
  id: string;
  answers: (string | null)[];
  expected?: string;
  tags?: string[];
}

/** A case answered `n` times with the expected answer "42" (right) or "41" (wrong). */
export const right = (id: string, n = 3): CaseSpec => ({ id, answers: Array(n).fill('42') });
export const wrong = (id: string, n = 3): CaseSpec => ({ id, answers: Array(n).fill('41') });

/** Case ids c01, c02, ... */
export const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);

/**
 * A validated Result; `overrides` replace top-level fields. The summary holds the required figures
 * only (no majAtK, passAtK, ci95 or byTag), computed here so these tests do not move with the metrics code.
 */
export function makeResult(cases: CaseSpec[], overrides: Partial<Omit<Result, 'summary' | 'cases'>> = {}): Result {
  const scored = cases.map(scoreSpec);
  const samples = overrides.samples ?? Math.max(0, ...cases.map((c) => c.answers.length));
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

function scoreSpec(spec: CaseSpec): ScoredCase {
  const expected = spec.expected ?? '42';
  const samples: Sample[] = spec.answers.map((answer, index) => ({
    index,
    outcome: answer === null ? 'no_answer' : 'answered',
    answer,
    correct: answer === expected,
    error: null,
    content: `Thinking... Answer: ${answer ?? '?'}`,
    reasoning: '',
    finishReason: 'stop',
    latencyMs: 100 * (index + 1),
    usage: { promptTokens: 10, completionTokens: 90, reasoningTokens: 60, totalTokens: 100 },
  }));
  const tally = tallyVotes(spec.answers);
  const isCorrect = (a: string) => a === expected;
  const result: CaseResult = {
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
    samples,
  };
  return { result, credit: voteCredit(tally, isCorrect) };
}

function summaryOf(scored: readonly ScoredCase[]): Summary {
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
    usage: { promptTokens: tokens('promptTokens'), completionTokens: tokens('completionTokens'), reasoningTokens: tokens('reasoningTokens'), totalTokens: tokens('totalTokens') },
    latencyMs: { mean: Math.round(mean(latencies)), p50: p(0.5), p95: p(0.95) },
  };
}
