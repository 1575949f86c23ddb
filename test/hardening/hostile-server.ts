// Test helpers: hostile HTTP servers on 127.0.0.1, written per test with node:http, and a client pointed at them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { createModelClient, type ChatRequest, type ModelClientOptions } from '../../src/model/openai.js';
import { evaluate, type EvaluateOptions } from '../../src/run/evaluate.js';
import { arithmeticSuite } from '../helpers/suites.js';

export interface Hostile {
  url: string;
  port: number;
  /** Requests received so far, with their URL and headers. */
  requests: { url: string; headers: IncomingMessage['headers']; body: string }[];
  /** Connections the client closed before the reply ended. */
  hangups: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

const open: Hostile[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Starts a server whose every request goes to `handler`; `attempt` counts from 0. Closed after the test. */
export async function hostile(handler: Handler): Promise<Hostile> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const attempt = state.requests.length;
      state.requests.push({ url: req.url ?? '', headers: req.headers, body });
      res.on('close', () => {
        if (!res.writableFinished) state.hangups++;
      });
      handler(req, res, attempt);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const state: Hostile = {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests: [],
    hangups: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(state);
  return state;
}

/** A port nothing listens on: a server is started there and closed at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One SSE event line. */
export const event = (data: unknown) => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/** A streamed chunk carrying `content` (and a finish reason when given). */
export const chunk = (content: string, finish: string | null = null) =>
  event({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] });

/** A whole non-streamed completion. */
export const completion = (content: string) => ({
  id: 'c',
  object: 'chat.completion',
  created: 0,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
});

/** A good streamed reply: `content` in one chunk, a finish reason, then [DONE]. */
export function streamReply(res: ServerResponse, content: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.end(`${chunk(content)}${chunk('', 'stop')}${event('[DONE]')}`);
}

/** Answers JSON with `status`. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Fast retries for tests: 20 ms, then 40 ms, ... */
export const quickBackoff = (retry: number) => 20 * 2 ** retry;

/** The real client against `server`, with a short backoff unless told otherwise. */
export function clientFor(server: { url: string }, options: Partial<ModelClientOptions> = {}) {
  return createModelClient({ baseUrl: server.url, timeoutMs: 10_000, maxRetries: 2, backoffMs: quickBackoff, ...options });
}

/** A request for one message, aborting after `ms` (the run's deadline for the sample). */
export function ask(stream: boolean, ms = 5_000): ChatRequest {
  return { model: 'm', messages: [{ role: 'user', content: 'What is 1 + 1?' }], params: {}, stream, signal: AbortSignal.timeout(ms) };
}

interface RunOptions {
  stream?: boolean;
  timeoutMs?: number;
  timeBudgetMs?: number;
  signal?: AbortSignal;
  cases?: number;
  client?: Partial<ModelClientOptions>;
  cache?: EvaluateOptions['cache'];
}

/** evaluate() on `cases` sums questions (answer: i + 1000) against `server`, one sample each. */
export function runAgainst(server: { url: string }, options: RunOptions = {}) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = clientFor(server, { timeoutMs, ...options.client });
  return evaluate({
    suite: arithmeticSuite(options.cases ?? 1),
    client,
    model: 'm',
    baseUrl: server.url,
    simulated: false,
    concurrency: 4,
    timeoutMs,
    stream: options.stream ?? false,
    timeBudgetMs: options.timeBudgetMs,
    signal: options.signal,
    cache: options.cache,
  });
}

/** How long `promise` took to settle, in ms, and what it gave. */
export async function timed<T>(promise: Promise<T>): Promise<{ ms: number; value: T | undefined; error: unknown }> {
  const started = Date.now();
  try {
    const value = await promise;
    return { ms: Date.now() - started, value, error: undefined };
  } catch (error) {
    return { ms: Date.now() - started, value: undefined, error };
  }
}
