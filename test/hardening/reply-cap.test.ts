// Bounded replies: past maxReplyBytes reading stops, the connection closes, what came is kept and marked max_reply_bytes.
import type { ServerResponse } from 'node:http';
import { describe, expect, test } from 'vitest';
import { MAX_REPLY_BYTES } from '../../src/model/openai.js';
import { ask, chunk, clientFor, completion, hostile, json, timed } from './hostile-server.js';

const CAP = 64 * 1024;

/** Writes `piece` forever, as fast as the client reads, until the client hangs up. */
function endless(res: ServerResponse, first: string, piece: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write(first);
  const pump = () => {
    while (!res.destroyed && res.write(piece));
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

describe('a reply past maxReplyBytes', () => {
  test.each([
    ['an endless fast stream of chunks', '', chunk('x'.repeat(1000))],
    [
      'an endless stream of reasoning',
      '',
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { reasoning_content: 'r'.repeat(1000) }, finish_reason: null }] })}\n\n`,
    ],
    ['one endless line', 'data: {"choices":[{"index":0,"delta":{"content":"', 'y'.repeat(4096)],
  ])('%s stops at the cap, the connection closed, what came kept', async (_, first, piece) => {
    const server = await hostile((_req, res) => endless(res, first, piece));
    const client = clientFor(server, { maxReplyBytes: CAP, maxRetries: 0 });
    const { ms, value, error } = await timed(client.chat(ask(true)));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(4000);
    expect(value!.finishReason).toBe(MAX_REPLY_BYTES);
    const kept = Buffer.byteLength(value!.content) + Buffer.byteLength(value!.fieldReasoning);
    expect(kept).toBeLessThanOrEqual(CAP);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.hangups).toBe(1);
  });

  test('a whole reply a little over the cap is cut to it', async () => {
    const server = await hostile((_req, res) => json(res, 200, completion('é'.repeat(CAP))));
    const reply = await clientFor(server, { maxReplyBytes: CAP }).chat(ask(false));
    expect(reply.finishReason).toBe(MAX_REPLY_BYTES);
    expect(Buffer.byteLength(reply.content)).toBe(CAP);
  });

  test('a whole reply far over the cap is not read past it: an empty reply cut at the cap', async () => {
    const server = await hostile((_req, res) => json(res, 200, completion('z'.repeat(8 * 1024 * 1024))));
    const reply = await clientFor(server, { maxReplyBytes: 1024 }).chat(ask(false));
    expect(reply).toMatchObject({ content: '', finishReason: MAX_REPLY_BYTES });
  });

  test('a reply under the cap is untouched', async () => {
    const server = await hostile((_req, res) => json(res, 200, completion('Answer: 2')));
    const reply = await clientFor(server, { maxReplyBytes: CAP }).chat(ask(false));
    expect(reply).toMatchObject({ content: 'Answer: 2', finishReason: 'stop' });
  });
});

describe('an error reply with an endless body', () => {
  test('is read to 64 KiB and ends as the HTTP error it is', async () => {
    const server = await hostile((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      const pump = () => {
        while (!res.destroyed && res.write('e'.repeat(4096)));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const { ms, error } = await timed(clientFor(server, { maxRetries: 1 }).chat(ask(false)));
    expect(ms).toBeLessThan(1500);
    expect(error).toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(2);
  });
});
