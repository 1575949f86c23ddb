// The simulated Batch API's replies: a line's chat completion as src/mock/server.ts shapes it, a 500, a file object.
import { httpError } from './errors.js';
import { replyMessage, type ReasoningStyle } from './reply.js';
import type { StoredFile } from './batch-engine.js';
import type { Outcome } from './simulator.js';

let counter = 0;
/** A fresh id like OpenAI's: `file_...`, `batch_...`, `req_...`. */
export const nextId = (prefix: string) => `${prefix}_sim${Date.now().toString(36)}${(++counter).toString(36)}`;
/** Unix seconds. */
export const seconds = (ms: number) => Math.floor(ms / 1000);

/** A chat completion (or error) for a simulator outcome, shaped as src/mock/server.ts answers a chat request. */
export function responseOf(outcome: Outcome, style: ReasoningStyle): { status_code: number; body: unknown } {
  switch (outcome.type) {
    case 'error':
      return { status_code: outcome.error.status, body: outcome.error.body };
    case 'drop':
    case 'malformed':
      return serverError();
    case 'reply':
      return {
        status_code: 200,
        body: {
          id: nextId('chatcmpl'),
          object: 'chat.completion',
          created: seconds(Date.now()),
          model: outcome.model,
          system_fingerprint: 'thinkbench-simulated',
          choices: [{ index: 0, message: replyMessage(outcome.reply, style), logprobs: null, finish_reason: outcome.reply.finishReason }],
          usage: outcome.reply.usage,
        },
      };
  }
}

export function serverError(): { status_code: number; request_id: string; body: unknown } {
  return {
    status_code: 500,
    request_id: nextId('req'),
    body: httpError(500, 'The server had an error processing your request.', { type: 'server_error', code: 'server_error' }).body,
  };
}

export function fileObject(file: StoredFile): Record<string, unknown> {
  return {
    id: file.id,
    object: 'file',
    bytes: file.bytes.length,
    created_at: seconds(file.createdAt),
    filename: file.filename,
    purpose: file.purpose,
    status: 'processed',
  };
}
