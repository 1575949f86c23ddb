// Faults are faults: replies that are not the protocol are error outcomes with their own codes, retried, never scored as answers.
import type { ServerResponse } from 'node:http';
import { describe, expect, test } from 'vitest';
import { chunk, completion, event, hostile, json, runAgainst, streamReply } from './hostile-server.js';

const HTML = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
const send = (type: string | null, body: string) => (res: ServerResponse) => {
  res.writeHead(200, type ? { 'content-type': type } : {});
  res.end(body);
};
const sse = (body: string) => send('text/event-stream', body);

type Fault = [name: string, stream: boolean, code: string, reply: (res: ServerResponse) => void];
const FAULTS: Fault[] = [
  ['an HTML page answered to a streaming request', true, 'bad_stream', send('text/html', HTML)],
  ['a plain-text page answered to a streaming request', true, 'bad_stream', send('text/plain', 'Service Unavailable')],
  ['an event stream of only [DONE]', true, 'empty_stream', sse(event('[DONE]'))],
  ['an empty event stream', true, 'empty_stream', sse('')],
  ['a stream that ends without a finish reason and without [DONE]', true, 'stream_incomplete', sse(chunk('Let me think. Answer: 10'))],
  ['an empty 200 body to a plain request', false, 'empty_body', send('application/json', '')],
  ['an empty 200 body without a content type', false, 'empty_body', send(null, '')],
  ['an HTML page answered to a plain request', false, 'not_json', send('text/html', HTML)],
  ['a truncated JSON body', false, 'not_json', send('application/json', '{"choices":[{"message":')],
  ['a JSON body with no choices', false, 'no_choices', send('application/json', '{"id":"x","object":"chat.completion"}')],
];

describe('a reply that is not the protocol', () => {
  test.each(FAULTS)('%s (stream: %s) is an error outcome "%s", retried first', async (_, stream, code, reply) => {
    const server = await hostile((_req, res) => reply(res));
    const result = await runAgainst(server, { stream, client: { maxRetries: 2 } });
    const sample = result.cases[0]!.samples[0]!;
    expect(sample).toMatchObject({ outcome: 'error', answer: null, error: { code } });
    expect(result.summary.errors).toBe(1);
    expect(server.requests).toHaveLength(3);
  });

  test.each(FAULTS)('%s (stream: %s, %s) once, then a good reply: the retry answers', async (_, stream, _code, reply) => {
    const server = await hostile((_req, res, attempt) => {
      if (attempt === 0) return reply(res);
      if (stream) return streamReply(res, 'Answer: 1000');
      json(res, 200, completion('Answer: 1000'));
    });
    const result = await runAgainst(server, { stream });
    expect(result.cases[0]!.samples[0]).toMatchObject({ outcome: 'answered', correct: true, error: null });
    expect(server.requests).toHaveLength(2);
  });
});

describe('replies that are the protocol, told leniently', () => {
  test.each([
    ['a stream closed by [DONE] without a finish reason', sse(`${chunk('Answer: 1000')}${event('[DONE]')}`)],
    ['a stream with a finish reason but no [DONE]', sse(`${chunk('Answer: 1000')}${chunk('', 'stop')}`)],
    ['a whole JSON completion answered to a streaming request', (res: ServerResponse) => json(res, 200, completion('Answer: 1000'))],
  ])('%s is an answer', async (_, reply) => {
    const server = await hostile((_req, res) => reply(res));
    const result = await runAgainst(server, { stream: true });
    expect(result.cases[0]!.samples[0]).toMatchObject({ outcome: 'answered', correct: true });
    expect(server.requests).toHaveLength(1);
  });

  test('a stream that ends with [DONE] and an empty finished reply is the model saying nothing: no answer, not an error', async () => {
    const server = await hostile((_req, res) => sse(`${chunk('', 'stop')}${event('[DONE]')}`)(res));
    const result = await runAgainst(server, { stream: true });
    expect(result.cases[0]!.samples[0]).toMatchObject({ outcome: 'no_answer', error: null });
  });
});
