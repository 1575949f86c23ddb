// Reads samples and cases written by earlier versions into today's shape, before validation.
import { sourceOf, splitReasoning } from '../model/reasoning.js';
import { tallyVotes, voteCredit } from '../score/vote.js';

type Json = Record<string, unknown>;

/**
 * A sample saved before reasoning was stored once kept the raw reply (`<think>` spans included) in
 * `content`: split it, so `content` is the answer text and `reasoningSource` says where the
 * reasoning was. Samples already in today's shape are returned as they are.
 */
export function upgradeSample<T extends Json>(sample: T): T {
  if (typeof sample.reasoningSource === 'string' || typeof sample.content !== 'string') return sample;
  // The saved reasoning is already whole (fields and <think> spans); only the content is split again.
  const reasoning = typeof sample.reasoning === 'string' ? sample.reasoning : '';
  const split = splitReasoning(sample.content);
  return { ...sample, content: split.answerText, reasoning, reasoningSource: sourceOf(split, reasoning) };
}

/** A result file's JSON with its samples upgraded and each case's credit filled in where it was not stored. */
export function upgradeResult(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as Json).cases)) return data;
  const result = data as Json & { cases: unknown[] };
  const bestOfN = result.selection === 'best-of-n';
  return {
    ...result,
    cases: result.cases.map((c) => {
      if (typeof c !== 'object' || c === null || !Array.isArray((c as Json).samples)) return c;
      const samples = ((c as Json).samples as Json[]).map(upgradeSample);
      const upgraded: Json = { ...(c as Json), samples };
      if (typeof upgraded.credit !== 'number') upgraded.credit = bestOfN ? (upgraded.correct ? 1 : 0) : storedVoteCredit(samples);
      return upgraded;
    }),
  };
}

/** The credit of the vote stored in the samples (the rule of src/score/vote.ts). */
function storedVoteCredit(samples: Json[]): number {
  const ordered = [...samples].sort((a, b) => Number(a.index) - Number(b.index));
  const answers = ordered.map((s) => (typeof s.answer === 'string' ? s.answer : null));
  const right = new Set(ordered.filter((s) => s.correct === true && typeof s.answer === 'string').map((s) => s.answer as string));
  return voteCredit(tallyVotes(answers), (answer) => right.has(answer));
}
