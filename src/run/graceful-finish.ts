// Graceful finish (--on-timeout answer): a sample out of time is shown its own partial reasoning and asked to answer now.
import type { ChatReply } from '../model/openai.js';
import type { ChatMessage, Params } from '../schema/suite.js';

/** The follow-up that asks for the answer; it names the format the suite's instructions asked for. */
export const FORCE_ANSWER_PROMPT = 'Your time to think is up. Stop reasoning and give your final answer now, in the format asked for above.';

/** Reasoning carried into the follow-up is cut to its last this-many characters. */
const CARRIED_CHARS = 16_000;

/** The follow-up request: the question, the partial reasoning as the assistant's turn, and the demand for an answer. */
export function forcedAnswerRequest(request: { messages: ChatMessage[]; params: Params }, partial: ChatReply) {
  const thought = `${partial.fieldReasoning}${partial.content}`.slice(-CARRIED_CHARS).trim();
  const messages: ChatMessage[] = [
    ...request.messages,
    { role: 'assistant', content: thought || '(no reasoning yet)' },
    { role: 'user', content: FORCE_ANSWER_PROMPT },
  ];
  return { messages, params: request.params };
}

/** Time allowed for the follow-up: a quarter of the sample's limit, between 2 s and 60 s. */
export function graceMs(timeoutMs: number): number {
  return Math.min(60_000, Math.max(2_000, timeoutMs / 4));
}

/** One reply out of the partial one and the forced answer: reasoning from both, content from the answer. */
export function mergeForced(partial: ChatReply, answer: ChatReply): ChatReply {
  const reasoning = [partial.fieldReasoning, partial.content, answer.fieldReasoning].map((s) => s.trim()).filter(Boolean);
  return {
    content: answer.content,
    fieldReasoning: reasoning.join('\n\n'),
    finishReason: answer.finishReason,
    usage: answer.usage,
    firstTokenMs: partial.firstTokenMs,
  };
}
