// Turns one reply (or one failed request) into a scored Sample: split reasoning, extract, judge.
import type { ChatReply, RequestFailure } from '../model/openai.js';
import { splitReasoning, type SplitReply } from '../model/reasoning.js';
import type { Sample } from '../schema/result.js';
import type { Scorer } from './scorer.js';

export interface SampleTiming {
  index: number;
  latencyMs: number;
}

/** The verdict fields of a sample, from its content: what a re-score recomputes. */
export type Reading = Pick<Sample, 'outcome' | 'answer' | 'correct' | 'error' | 'rightInReasoning' | 'judgement'>;

/**
 * Reads a reply's answer from its split (see splitReasoning): only the answer text reaches the
 * scorer, never the reasoning. A scorer that throws (a judge that gave no verdict, a custom module
 * with a bug) leaves the sample unscored: an error `grading_failed`, never a crashed run. When the
 * answer is wrong and a synchronous scorer finds the right one in the reasoning, that is noted.
 */
export async function readAnswer(scorer: Scorer, split: SplitReply, finishReason: string | null): Promise<Reading> {
  let answer: string | null = null;
  let correct = false;
  try {
    answer = split.unterminated ? null : scorer.extract(split.answerText);
    correct = answer !== null && (await scorer.isCorrect(answer));
  } catch (error) {
    return { outcome: 'error', answer, correct: false, error: { code: 'grading_failed', message: (error as Error).message } };
  }
  const truncated = answer === null && finishReason === 'length';
  const judgement = answer === null ? undefined : scorer.judgement?.(answer);
  return {
    outcome: answer !== null ? 'answered' : truncated ? 'truncated' : 'no_answer',
    answer,
    correct,
    error: null,
    ...(!correct && rightInReasoning(scorer, split.reasoning) && { rightInReasoning: true }),
    ...(judgement !== undefined && { judgement }),
  };
}

// The last answer the reasoning reached, judged like a final answer; only for scorers that need no request.
function rightInReasoning(scorer: Scorer, reasoning: string): boolean {
  // A grader that asks a model (a judge) is not asked again about the reasoning: that would cost a request.
  if (!reasoning || scorer.judgement) return false;
  try {
    const answer = scorer.extract(reasoning.trim().split(/\n\s*\n/).at(-1) ?? '');
    if (answer === null) return false;
    const verdict = scorer.isCorrect(answer);
    if (verdict instanceof Promise) {
      verdict.catch(() => {}); // an asynchronous custom scorer: not waited for, and its failure is not ours
      return false;
    }
    return verdict;
  } catch {
    return false; // a diagnostic only: a scorer that fails on reasoning text changes no verdict
  }
}

/** A Sample from a reply. */
export async function scoreReply(scorer: Scorer, reply: ChatReply, timing: SampleTiming): Promise<Sample> {
  const split = splitReasoning(reply.content, reply.fieldReasoning);
  return {
    index: timing.index,
    ...(await readAnswer(scorer, split, reply.finishReason)),
    // The raw content, <think> spans included, so a re-score can redo the split and extraction.
    content: reply.content,
    reasoning: split.reasoning,
    finishReason: reply.finishReason,
    latencyMs: Math.round(timing.latencyMs),
    firstTokenMs: reply.firstTokenMs === null ? null : Math.round(reply.firstTokenMs),
    usage: reply.usage,
  };
}

/** A Sample for a request that failed: an error outcome, counted apart from wrong answers. */
export function failedSample(failure: Pick<RequestFailure, 'code' | 'message'>, timing: SampleTiming, partial?: ChatReply): Sample {
  const split = splitReasoning(partial?.content, partial?.fieldReasoning);
  return {
    index: timing.index,
    outcome: 'error',
    answer: null,
    correct: false,
    error: { code: failure.code, message: failure.message },
    content: partial?.content ?? '',
    reasoning: split.reasoning,
    finishReason: partial?.finishReason ?? null,
    latencyMs: Math.round(timing.latencyMs),
    firstTokenMs: partial?.firstTokenMs == null ? null : Math.round(partial.firstTokenMs),
    usage: partial?.usage ?? null,
  };
}
