// Cutting a reply at maxReplyBytes: reasoning first, then content, on a character boundary.
import type { ChatReply } from './openai.js';
import { MAX_REPLY_BYTES } from './protocol.js';

/** The reply cut to `maxReplyBytes` of reasoning then content, marked `max_reply_bytes` when cut. */
export function capped(reply: ChatReply, maxReplyBytes: number): ChatReply {
  const reasoningBytes = Buffer.byteLength(reply.fieldReasoning);
  if (reasoningBytes + Buffer.byteLength(reply.content) <= maxReplyBytes) return reply;
  const fieldReasoning = cutBytes(reply.fieldReasoning, maxReplyBytes);
  const content = cutBytes(reply.content, Math.max(0, maxReplyBytes - reasoningBytes));
  return { ...reply, fieldReasoning, content, finishReason: MAX_REPLY_BYTES };
}

/** The longest prefix of `s` within `bytes` UTF-8 bytes (a split character is dropped). */
function cutBytes(s: string, bytes: number): string {
  if (Buffer.byteLength(s) <= bytes) return s;
  return Buffer.from(s)
    .subarray(0, bytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}
