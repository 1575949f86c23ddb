import { describe, expect, test } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import { renderSummary } from '../../src/report/summary.js';
import { runGates } from '../../src/run/run-gates.js';
import { briefOf } from '../../src/schema/case-brief.js';
import type { Result } from '../../src/schema/result.js';
import { makeResult, right, wrong } from '../compare/factory.js';

/** The same result told by briefs: what a run of any size keeps in memory in place of its samples. */
const briefed = (result: Result) => ({ ...result, cases: result.cases.map(briefOf) });

describe('case briefs', () => {
  const result = makeResult([
    right('a'),
    wrong('b'),
    { id: 'c', answers: ['42', null, '41'], failed: 2 },
    { id: 'd', answers: [] },
    { id: 'e', answers: [], failed: 3 },
  ]);

  test('count outcomes, errors by code and latency, and name the sample that voted for the answer', () => {
    const c = briefOf(result.cases[2]!);
    expect(c.brief).toEqual({
      count: 5,
      answered: 2,
      errors: [{ code: 'http_500', count: 2, message: 'server error' }],
      meanLatencyMs: result.cases[2]!.samples.reduce((n, s) => n + s.latencyMs, 0) / 5,
      example: { index: 0, error: null },
    });
    expect('samples' in c).toBe(false);
    expect(briefOf(result.cases[3]!).brief).toMatchObject({ count: 0, example: null, meanLatencyMs: 0 });
    // No answer won: the example is the first sample without one, here a failed one.
    expect(briefOf(result.cases[4]!).brief.example).toEqual({ index: 0, error: { code: 'http_500', message: 'server error' } });
  });

  test('the summary, the gates and JUnit read the same from briefs as from the samples', () => {
    const brief = briefed(result);
    expect(renderSummary(brief)).toBe(renderSummary(result));
    expect(renderSummary(brief)).toContain('error http_500 x5 in c, e');
    expect(renderSummary(brief, { verbose: true })).toBe(renderSummary(result, { verbose: true }));
    for (const gates of [{ maxErrorRate: 0 }, { maxErrorRate: 0.5, failUnder: 0.9 }]) expect(runGates(brief, gates)).toEqual(runGates(result, gates));
    expect(runGates(brief, { maxErrorRate: 0 })[0]!.message).toMatch(/5 of 14 samples failed \(http_500\)/);
    const replyOf = (caseId: string, index: number) => result.cases.find((c) => c.id === caseId)?.samples[index]?.content;
    expect(renderJunit(brief, { replyOf })).toBe(renderJunit(result));
    expect(renderJunit(result)).toContain('Thinking... Answer: 41');
  });
});
