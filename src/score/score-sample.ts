// Turns one reply (or one failed request) into a scored Sample: split reasoning, extract, judge.
import type { ChatReply, RequestFailure } from '../model/openai.js';
import { splitReasoning } from '../model/reasoning.js';
import type { Sample } from '../schema/result.js';
import type { Scorer } from './scorer.js';

export interface SampleTiming {
  index: number;
  latencyMs: number;
}

/** A Sample from a reply: only the answer text reaches the scorer, never the reasoning. */
export async function scoreReply(scorer: Scorer, reply: ChatReply, timing: SampleTiming): Promise<Sample> {
  const { reasoning, answerText, unterminated } = splitReasoning(reply.content, reply.fieldReasoning);
  const answer = unterminated ? null : scorer.extract(answerText);
  const truncated = answer === null && reply.finishReason === 'length';
  return {
    index: timing.index,
    outcome: answer !== null ? 'answered' : truncated ? 'truncated' : 'no_answer',
    answer,
    correct: answer !== null && (await scorer.isCorrect(answer)),
    error: null,
    // The raw content, <think> spans included, so a re-score can redo the split and extraction.
    content: reply.content,
    reasoning,
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
