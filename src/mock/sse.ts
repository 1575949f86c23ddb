// Server-sent events for streamed replies: chunk layout and latency spread over the chunks.

import type { ServerResponse } from 'node:http';
import { replyDeltas, type ReasoningStyle, type Reply } from './reply.js';

/** The SSE events of one streamed reply, each a complete "data: ...\n\n" line. */
export function streamEvents(id: string, created: number, model: string, reply: Reply, style: ReasoningStyle, includeUsage: boolean): string[] {
  const base = { id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'thinkbench-simulated' };
  const usage = includeUsage ? { usage: null } : {};
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null): string =>
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...usage })}\n\n`;
  const events = [chunk({ role: 'assistant', content: '' }), ...replyDeltas(reply, style).map((delta) => chunk(delta)), chunk({}, reply.finishReason)];
  if (includeUsage) events.push(`data: ${JSON.stringify({ ...base, choices: [], usage: reply.usage })}\n\n`);
  events.push('data: [DONE]\n\n');
  return events;
}

/** Writes events spread over delayMs (the first after a quarter of it); stops if the client goes away. */
export function writeSpread(res: ServerResponse, events: string[], delayMs: number): void {
  if (delayMs <= 0) {
    res.end(events.join(''));
    return;
  }
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  const stepMs = (delayMs * 3) / 4 / Math.max(1, events.length - 1);
  const writeNext = (): void => {
    if (res.destroyed || res.writableEnded) return;
    const event = events[next++];
    if (event === undefined || next >= events.length) {
      res.end(event ?? '');
      return;
    }
    res.write(event);
    timer = setTimeout(writeNext, stepMs);
  };
  res.once('close', () => clearTimeout(timer));
  timer = setTimeout(writeNext, delayMs / 4);
}
