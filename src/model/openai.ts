// The model client: sends one chat request through the official SDK (only src/model/ imports `openai`) and reads the reply.
import OpenAI, { APIUserAbortError } from 'openai';
import type { Usage } from '../schema/result.js';
import type { ChatMessage, Params } from '../schema/suite.js';
import { splitBaseUrl } from './base-url.js';
import { checkedFetch, watchOf } from './checked-fetch.js';
import { MAX_REPLY_BYTES, ProtocolError, ReplyCapReached, StreamBrokenError, streamFault } from './protocol.js';
import { capped } from './reply-cap.js';
import { type Backoff, sdkBackoff, withRetries } from './retry.js';
import { readUsage } from './usage.js';
import { readRateHeaders, type RateHeaders } from './rate-headers.js';

export { describeFailure, type RequestFailure } from './failure.js';
export { MAX_REPLY_BYTES, ProtocolError, StreamBrokenError } from './protocol.js';
export { RetryCutShort } from './retry.js';

export interface ModelClientOptions {
  /** The endpoint; a query (`?api-version=`) is sent on every request, `user:password@` as Basic auth. */
  baseUrl: string;
  apiKey?: string | undefined;
  /** Per-attempt limit the SDK enforces (the run's own deadline bounds the whole sample). */
  timeoutMs: number;
  maxRetries: number;
  /** Content plus reasoning, in UTF-8 bytes, past which a reply is cut (finishReason `max_reply_bytes`). */
  maxReplyBytes?: number | undefined;
  /** The wait before each retry when the server names none; the SDK's schedule by default. */
  backoffMs?: Backoff | undefined;
  /** Rate limits: called with every response's x-ratelimit-* headers, its status and when its request was sent (performance.now()). */
  onRateHeaders?: ((rate: RateHeaders, status: number, sentAt: number) => void) | undefined;
  /**
   * Rate limits: awaited before each retry is sent (the controller's `ready`, which also counts it as a
   * start), so retries keep to the pacing; it must resolve false once the signal aborts.
   */
  beforeRetry?: ((signal: AbortSignal) => Promise<boolean>) | undefined;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  params: Params;
  stream: boolean;
  /** Its deadline and the run's stop: ends the request and any wait between its retries. */
  signal: AbortSignal;
  /** Called with the text received so far, for streamed replies, so a cut-off sample keeps it. */
  onPartial?: (partial: ChatReply) => void;
}

/** What came back: the raw text, reasoning fields, why it stopped, and what it cost. */
export interface ChatReply {
  content: string;
  fieldReasoning: string;
  /** `max_reply_bytes` when thinkbench stopped reading at the cap. */
  finishReason: string | null;
  usage: Usage | null;
  firstTokenMs: number | null;
}

/** Counters shared by all requests of a client. */
export interface ClientStats {
  /** Requests sent again: faults retried and re-sent broken streams. */
  retries: number;
}

export interface ModelClient {
  chat(request: ChatRequest): Promise<ChatReply>;
  stats: ClientStats;
}

/** 4 MiB of content and reasoning: far above any real reply, far below what exhausts memory. */
export const DEFAULT_MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** Keyless local servers (Ollama, llama.cpp, vLLM) still need some key for the SDK. */
const PLACEHOLDER_KEY = 'no-key';

/**
 * A client for one endpoint. Retries (`maxRetries`) are this module's own loop, with the SDK's
 * rules and schedule, because the SDK's sleeps between retries cannot be interrupted.
 */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const stats: ClientStats = { retries: 0 };
  let reached = false;
  const maxReplyBytes = options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
  const { baseURL, defaultQuery, authorization } = splitBaseUrl(options.baseUrl);
  const sdk = new OpenAI({
    baseURL,
    apiKey: options.apiKey || PLACEHOLDER_KEY,
    timeout: options.timeoutMs,
    maxRetries: 0,
    fetch: checkedFetch({
      maxReplyBytes,
      onResponse: (response, sentAt) => {
        reached = true;
        options.onRateHeaders?.(readRateHeaders(response.headers), response.status, sentAt); // rate limits
      },
    }),
    ...(defaultQuery && { defaultQuery }),
    ...(authorization && { defaultHeaders: { authorization } }),
    // Failures are data here, reported once per sample: the SDK's own console lines would be noise.
    logLevel: 'off',
  });
  const chat = (request: ChatRequest) =>
    withRetries(() => (request.stream ? chatStreamed(sdk, request, maxReplyBytes) : chatOnce(sdk, request, maxReplyBytes)), {
      maxRetries: options.maxRetries,
      backoffMs: options.backoffMs ?? sdkBackoff,
      signal: request.signal,
      onRetry: () => stats.retries++,
      reached: () => reached,
      beforeResend: options.beforeRetry,
    });
  return { stats, chat };
}

type Message = { content?: string | null; reasoning_content?: string | null; reasoning?: string | null };

async function chatOnce(sdk: OpenAI, request: ChatRequest, maxReplyBytes: number): Promise<ChatReply> {
  const started = performance.now();
  const completion = await sdk.chat.completions.create(
    { ...request.params, model: request.model, messages: request.messages, stream: false },
    { signal: request.signal },
  );
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (!choice) throw new ProtocolError('no_choices', 'the endpoint sent a 200 with no choices in it');
  const message = (choice.message ?? {}) as Message;
  const reply: ChatReply = {
    content: text(message.content),
    fieldReasoning: text(message.reasoning_content ?? message.reasoning),
    finishReason: choice.finish_reason ?? null,
    usage: readUsage(completion.usage),
    firstTokenMs: performance.now() - started,
  };
  return capped(reply, maxReplyBytes);
}

async function chatStreamed(sdk: OpenAI, request: ChatRequest, maxReplyBytes: number): Promise<ChatReply> {
  const started = performance.now();
  const { data: stream, response } = await sdk.chat.completions
    .create(
      {
        ...request.params,
        model: request.model,
        messages: request.messages,
        stream: true,
        stream_options: { include_usage: true },
      },
      { signal: request.signal },
    )
    .withResponse();
  const reply: ChatReply = { content: '', fieldReasoning: '', finishReason: null, usage: null, firstTokenMs: null };
  try {
    await readStream(stream, reply, { started, maxReplyBytes, ...(request.onPartial && { onPartial: request.onPartial }) });
  } catch (error) {
    if (request.signal.aborted) throw new APIUserAbortError();
    if (error instanceof ReplyCapReached) return { ...reply, finishReason: MAX_REPLY_BYTES };
    throw new StreamBrokenError(`the stream broke after it started: ${(error as Error).message}`, { cause: error });
  }
  // The SDK ends the iteration quietly when the signal aborts: a cut-off stream is not a reply.
  if (request.signal.aborted) throw new APIUserAbortError();
  const watch = watchOf(response);
  const fault = watch && streamFault(watch, reply);
  if (fault) throw fault;
  return reply;
}

interface ReadOptions {
  started: number;
  maxReplyBytes: number;
  onPartial?: (partial: ChatReply) => void;
}

/** Reads chunks into `reply`; past `maxReplyBytes` of text it stops reading, which closes the connection. */
async function readStream(stream: AsyncIterable<OpenAI.ChatCompletionChunk>, reply: ChatReply, options: ReadOptions): Promise<void> {
  let bytes = 0;
  for await (const chunk of stream) {
    if (chunk.usage) reply.usage = readUsage(chunk.usage);
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = (choice.delta ?? {}) as Message;
    const said = text(delta.content);
    const thought = text(delta.reasoning_content ?? delta.reasoning);
    if ((said || thought) && reply.firstTokenMs === null) reply.firstTokenMs = performance.now() - options.started;
    reply.content += said;
    reply.fieldReasoning += thought;
    if (choice.finish_reason) reply.finishReason = choice.finish_reason;
    bytes += Buffer.byteLength(said) + Buffer.byteLength(thought);
    if (bytes > options.maxReplyBytes) {
      Object.assign(reply, capped(reply, options.maxReplyBytes));
      options.onPartial?.(reply);
      return; // leaving the loop aborts the SDK's request
    }
    options.onPartial?.(reply);
  }
}

/** A string field, or '' for null, absent or a value of the wrong type. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
