// Batch output lines -> raw samples: a completion split like a live reply, a failed line an error sample with its code.
import { capped } from '../model/reply-cap.js';
import { storedReply } from '../model/reasoning.js';
import { readUsage } from '../model/usage.js';
import type { RawSample, SampleError } from '../schema/result.js';
import type { BatchOutputLine } from './format.js';

type Message = { content?: unknown; reasoning_content?: unknown; reasoning?: unknown };
type Completion = { choices?: Array<{ message?: Message; finish_reason?: unknown }>; usage?: unknown };
type ErrorBody = { error?: { code?: unknown; message?: unknown } };

/** A sample that has no reply: `latencyMs` is 0, since a batch reports no time per request. */
export function errorSample(index: number, error: SampleError): RawSample {
  return { index, content: '', reasoning: '', reasoningSource: 'none', finishReason: null, error, latencyMs: 0, firstTokenMs: null, usage: null };
}

/** The raw sample one output line holds (sample `index` of its case). */
export function sampleFromLine(line: BatchOutputLine, index: number, maxReplyBytes?: number): RawSample {
  if (line.error)
    return errorSample(index, { code: line.error.code || 'batch_error', message: line.error.message || 'the batch reported an error for this request' });
  const response = line.response;
  if (!response) return errorSample(index, { code: 'batch_error', message: 'the output line has neither a response nor an error' });
  if (response.status_code !== 200) {
    const error = (response.body as ErrorBody | null)?.error;
    const code = typeof error?.code === 'string' && error.code ? error.code : `http_${response.status_code}`;
    return errorSample(index, { code, message: typeof error?.message === 'string' ? error.message : `HTTP ${response.status_code}` });
  }
  const completion = (response.body ?? {}) as Completion;
  const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  if (!choice) return errorSample(index, { code: 'no_choices', message: 'the endpoint sent a 200 with no choices in it' });
  const message = choice.message ?? {};
  let reply = {
    content: text(message.content),
    fieldReasoning: text(message.reasoning_content ?? message.reasoning),
    finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    usage: readUsage(completion.usage),
    firstTokenMs: null,
  };
  if (maxReplyBytes !== undefined) reply = { ...capped(reply, maxReplyBytes), firstTokenMs: null };
  return {
    index,
    ...storedReply(reply.content, reply.fieldReasoning),
    finishReason: reply.finishReason,
    error: null,
    latencyMs: 0,
    firstTokenMs: null,
    usage: reply.usage,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
