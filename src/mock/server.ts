// The built-in simulated reasoning model: an OpenAI-compatible HTTP endpoint on 127.0.0.1 (a test double).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpError, modelNotFound, type HttpError } from './errors.js';
import { replyMessage, type ReasoningStyle } from './reply.js';
import { streamEvents, writeSpread } from './sse.js';
import { accuracyOf, SIM_MODEL, Simulator, type FaultOptions } from './simulator.js';
import { batchRoutes, type BatchMockOptions } from './batch.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';

/** How the simulated model behaves. */
export interface MockOptions {
  port?: number;
  accuracy?: number;
  latencyMs?: number;
  reasoning?: ReasoningStyle;
  seed?: number;
  /** Grow every reply's reasoning to at least this many characters: load tests of large results. */
  reasoningChars?: number;
  apiKey?: string;
  faults?: FaultOptions;
  rejectParams?: boolean;
  rejectSystem?: boolean;
  /** The Batch API's pace and faults (/v1/files, /v1/batches: src/mock/batch.ts). */
  batch?: BatchMockOptions;
  /** Requests and tokens per minute enforced on chat completions: x-ratelimit-* headers on every reply, 429 past them (src/mock/rate-limit.ts). */
  rateLimit?: RateLimitOptions;
}

/** Counters for tests and benchmarks; byStatus keys are HTTP statuses plus "drop" and "malformed". */
export interface MockStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  byStatus: Record<string, number>;
}

/** A running simulated endpoint; `url` is the base URL to give the SDK. */
export interface MockServer {
  url: string;
  port: number;
  stats: MockStats;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const COMMON_HEADERS = { 'x-thinkbench-simulated': '1' };
const MALFORMED_JSON = '{"id": "chatcmpl-';
let replyCounter = 0;

/** Starts the simulated model on 127.0.0.1 (port 0 picks a free port). */
export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const stats: MockStats = { requests: 0, inFlight: 0, maxInFlight: 0, byStatus: {} };
  const count = (key: string): void => {
    stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
  };
  const latencyMs = options.latencyMs ?? 0;
  const style = options.reasoning ?? 'field';
  const simulator = new Simulator({
    accuracy: options.accuracy ?? 0.9,
    seed: options.seed ?? 0,
    faults: options.faults ?? {},
    rejectParams: options.rejectParams ?? false,
    rejectSystem: options.rejectSystem ?? false,
    reasoningChars: options.reasoningChars,
  });
  const limiter = options.rateLimit && createRateLimiter(options.rateLimit); // rate limits

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = JSON.stringify(body);
    count(String(status));
    res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const sendError = (res: ServerResponse, error: HttpError): void => sendJson(res, error.status, error.body, error.headers);
  const batches = batchRoutes({ simulator, style, options: options.batch, send: sendJson, sendError }); // the Batch API

  const handleChat = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      sendError(res, httpError(400, 'We could not parse the JSON body of your request. Send valid JSON.'));
      return;
    }
    const admission = limiter?.admit(body); // rate limits: headers on every reply, 429 past them
    if (admission) for (const [name, value] of Object.entries(admission.headers)) res.setHeader(name, value);
    if (admission?.refused) {
      sendError(res, admission.refused);
      return;
    }
    const outcome = simulator.handle(body);
    switch (outcome.type) {
      case 'error':
        sendError(res, outcome.error);
        return;
      case 'drop':
        count('drop');
        req.socket.destroy();
        return;
      case 'malformed':
        count('malformed');
        res.writeHead(200, { ...COMMON_HEADERS, 'content-type': outcome.stream ? 'text/event-stream' : 'application/json' });
        res.end(outcome.stream ? `data: ${MALFORMED_JSON}\n\n` : MALFORMED_JSON);
        return;
      case 'reply': {
        const delayMs = latencyMs * outcome.latencyScale + outcome.extraDelayMs;
        const id = `chatcmpl-sim${++replyCounter}`;
        const created = Math.floor(Date.now() / 1000);
        if (outcome.stream) {
          count('200');
          res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
          writeSpread(res, streamEvents(id, created, outcome.model, outcome.reply, style, outcome.includeUsage), delayMs);
          return;
        }
        const completion = {
          id,
          object: 'chat.completion',
          created,
          model: outcome.model,
          system_fingerprint: 'thinkbench-simulated',
          choices: [{ index: 0, message: replyMessage(outcome.reply, style), logprobs: null, finish_reason: outcome.reply.finishReason }],
          usage: outcome.reply.usage,
        };
        if (delayMs <= 0) sendJson(res, 200, completion);
        else {
          const timer = setTimeout(() => sendJson(res, 200, completion), delayMs);
          res.once('close', () => clearTimeout(timer));
        }
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    stats.requests++;
    stats.inFlight++;
    if (stats.inFlight > stats.maxInFlight) stats.maxInFlight = stats.inFlight;
    res.once('close', () => {
      stats.inFlight--;
    });
    const path = (req.url ?? '/').split('?')[0]?.replace(/^\/v1(?=\/)/, '') ?? '/';
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      sendError(
        res,
        httpError(401, 'Incorrect API key provided. The simulated model was started with an API key; send it as a Bearer token.', { code: 'invalid_api_key' }),
      );
      return;
    }
    if (req.method === 'GET' && path === '/models') {
      sendJson(res, 200, { object: 'list', data: [modelInfo(SIM_MODEL)] });
    } else if (req.method === 'GET' && path.startsWith('/models/')) {
      const model = decodeURIComponent(path.slice('/models/'.length));
      if (accuracyOf(model, 0) === undefined) sendError(res, modelNotFound(model));
      else sendJson(res, 200, modelInfo(model));
    } else if (req.method === 'POST' && path === '/chat/completions') {
      readBody(
        req,
        res,
        (raw) => handleChat(req, res, raw),
        () => sendError(res, httpError(413, 'The request body is too large.')),
      );
    } else if (batches.serves(path)) {
      batches.handle(req, res, path); // the Batch API: /files, /batches
    } else {
      sendError(res, httpError(404, `Invalid URL (${req.method ?? 'GET'} ${req.url ?? '/'})`));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function modelInfo(id: string): Record<string, unknown> {
  return { id, object: 'model', created: 0, owned_by: 'thinkbench-simulated' };
}

function readBody(req: IncomingMessage, res: ServerResponse, done: (raw: string) => void, tooLarge: () => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (res.destroyed) return;
    if (size > MAX_BODY_BYTES) tooLarge();
    else done(Buffer.concat(chunks).toString('utf8'));
  });
  req.on('error', () => undefined);
}
