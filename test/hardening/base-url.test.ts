// Base URLs as users write them: Azure's ?api-version= kept on every request, user:password@ sent as Basic auth, both hidden when shown.
import { describe, expect, test } from 'vitest';
import { stripCredentials } from '../../src/commands/endpoint.js';
import { ask, clientFor, completion, hostile, json } from './hostile-server.js';

const answering = () => hostile((_req, res) => json(res, 200, completion('Answer: 2')));

describe('a base URL with a query', () => {
  test.each([false, true])('keeps ?api-version= on every request, retries included (stream: %s)', async (stream) => {
    const server = await hostile((req, res, attempt) => {
      if (!req.url?.startsWith('/openai/deployments/gpt/chat/completions?')) return json(res, 404, { error: { message: `no route ${req.url}` } });
      if (attempt === 0) return json(res, 503, { error: { message: 'busy' } });
      json(res, 200, completion('Answer: 2'));
    });
    const base = server.url.replace('/v1', '/openai/deployments/gpt?api-version=2024-10-21&x=1');
    const reply = await clientFor({ url: base }).chat(ask(stream));
    expect(reply.content).toBe('Answer: 2');
    expect(server.requests.map((r) => new URL(r.url, 'http://h').searchParams.get('api-version'))).toEqual(['2024-10-21', '2024-10-21']);
    expect(new URL(server.requests[1]!.url, 'http://h').searchParams.get('x')).toBe('1');
  });
});

describe('a base URL with user:password', () => {
  test('is sent as Basic auth in place of the key, never as part of the URL', async () => {
    const server = await answering();
    const base = server.url.replace('http://', 'http://alice:p%40ss%3Aword@');
    const reply = await clientFor({ url: base }, { apiKey: 'sk-secret' }).chat(ask(false));
    expect(reply.content).toBe('Answer: 2');
    const [request] = server.requests;
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from('alice:p@ss:word').toString('base64')}`);
    expect(JSON.stringify(request)).not.toContain('sk-secret');
    expect(request!.url).toBe('/v1/chat/completions');
  });

  test('without credentials the key goes as a bearer token', async () => {
    const server = await answering();
    await clientFor(server, { apiKey: 'sk-secret' }).chat(ask(false));
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-secret');
  });
});

describe('what is printed and recorded', () => {
  test.each([
    ['https://alice:secret@example.com/v1', 'https://example.com/v1'],
    ['https://example.com/openai/deployments/gpt?api-version=2024-10-21&api-key=k', 'https://example.com/openai/deployments/gpt'],
    ['http://u:p@127.0.0.1:8000/v1/?key=k#frag', 'http://127.0.0.1:8000/v1'],
  ])('%s is shown as %s', (url, shown) => {
    expect(stripCredentials(url)).toBe(shown);
  });
});
