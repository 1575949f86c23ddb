// The only importer of `openai`: sends one chat request through the official SDK and reads the reply.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatMessage, Params } from '../schema/suite.js';
import type { Usage } from '../schema/result.js';
import { checkedFetch } from './checked-fetch.js';
import { readUsage } from './usage.js';

export interface ModelClientOptions {
  baseUrl: string;
  apiKey?: string;
  /** Per-attempt limit the SDK enforces (the run's own deadline bounds the whole sample). */
  timeoutMs: number;
  maxRetries: number;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  params: Params;
  stream: boolean;
  signal: AbortSignal;
  /** Called with the text received so far, for streamed replies, so a cut-off sample keeps it. */
  onPartial?: (partial: ChatReply) => void;
}

/** What came back: the raw text, reasoning fields, why it stopped, and what it cost. */
export interface ChatReply {
  content: string;
  fieldReasoning: string;
  finishReason: string | null;
  usage: Usage | null;
  firstTokenMs: number | null;
}

/** Counters shared by all requests of a client. */
export interface ClientStats {
  /** Requests sent again: the SDK's retries and re-sent broken streams. */
  retries: number;
}

export interface ModelClient {
  chat(request: ChatRequest): Promise<ChatReply>;
  stats: ClientStats;
}

/** Keyless local servers (Ollama, llama.cpp, vLLM) still need some key for the SDK. */
const PLACEHOLDER_KEY = 'no-key';

/** A client for one endpoint; `maxRetries` and `timeoutMs` are the SDK's own. */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const stats: ClientStats = { retries: 0 };
  const sdk = new OpenAI({
    baseURL: options.baseUrl,
    apiKey: options.apiKey || PLACEHOLDER_KEY,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    fetch: checkedFetch(stats),
    // Failures are data here, reported once per sample: the SDK's own console lines would be noise.
    logLevel: 'off',
  });
  const chat = (request: ChatRequest) =>
    request.stream ? retryBrokenStreams(() => chatStreamed(sdk, request), options.maxRetries, request.signal, stats) : chatOnce(sdk, request);
  return { stats, chat };
}

/**
 * A stream that breaks after its 200 (a malformed chunk, a dropped connection) is past the SDK's
 * retries, which end when the response starts: it is sent again here, with the SDK's backoff.
 */
async function retryBrokenStreams(send: () => Promise<ChatReply>, maxRetries: number, signal: AbortSignal, stats: ClientStats): Promise<ChatReply> {
  for (let retry = 0; ; retry++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof StreamBrokenError) || retry >= maxRetries) throw error;
      stats.retries++;
      await backoff(retry, signal);
    }
  }
}

/** The SDK's schedule: 0.5 s doubling to 8 s, less up to 25% jitter; cut short by `signal`. */
function backoff(retry: number, signal: AbortSignal): Promise<void> {
  const ms = Math.min(500 * 2 ** retry, 8000) * (1 - Math.random() * 0.25);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A streamed reply that broke after it started. */
export class StreamBrokenError extends Error {
  override name = 'StreamBrokenError';
}

type Message = { content?: string | null; reasoning_content?: string | null; reasoning?: string | null };

async function chatOnce(sdk: OpenAI, request: ChatRequest): Promise<ChatReply> {
  const started = performance.now();
  const completion = await sdk.chat.completions.create(
    { ...request.params, model: request.model, messages: request.messages, stream: false },
    { signal: request.signal },
  );
  const choice = completion.choices[0];
  const message = (choice?.message ?? {}) as Message;
  return {
    content: message.content ?? '',
    fieldReasoning: message.reasoning_content ?? message.reasoning ?? '',
    finishReason: choice?.finish_reason ?? null,
    usage: readUsage(completion.usage),
    firstTokenMs: performance.now() - started,
  };
}

async function chatStreamed(sdk: OpenAI, request: ChatRequest): Promise<ChatReply> {
  const started = performance.now();
  const stream = await sdk.chat.completions.create(
    {
      ...request.params,
      model: request.model,
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
    },
    { signal: request.signal },
  );
  const reply: ChatReply = { content: '', fieldReasoning: '', finishReason: null, usage: null, firstTokenMs: null };
  try {
    await readStream(stream, reply, started, request.onPartial);
  } catch (error) {
    if (request.signal.aborted) throw new APIUserAbortError();
    throw new StreamBrokenError(`the stream broke after it started: ${(error as Error).message}`, { cause: error });
  }
  // The SDK ends the iteration quietly when the signal aborts: a cut-off stream is not a reply.
  if (request.signal.aborted) throw new APIUserAbortError();
  return reply;
}

async function readStream(stream: AsyncIterable<OpenAI.ChatCompletionChunk>, reply: ChatReply, started: number, onPartial?: (partial: ChatReply) => void): Promise<void> {
  for await (const chunk of stream) {
    if (chunk.usage) reply.usage = readUsage(chunk.usage);
    const choice = chunk.choices[0];
    if (!choice) continue;
    const delta = choice.delta as Message;
    const text = delta.content ?? '';
    const thought = delta.reasoning_content ?? delta.reasoning ?? '';
    if ((text || thought) && reply.firstTokenMs === null) reply.firstTokenMs = performance.now() - started;
    reply.content += text;
    reply.fieldReasoning += thought;
    if (choice.finish_reason) reply.finishReason = choice.finish_reason;
    onPartial?.(reply);
  }
}

/** Why a request failed, as data: a code, a message, and whether the whole run must stop. */
export interface RequestFailure {
  code: string;
  message: string;
  status: number | null;
  /** The run cannot succeed: bad key, no access, unknown model. */
  fatal: boolean;
  /** The endpoint could not be reached at all (after the SDK's retries). */
  unreachable: boolean;
  /** For 400s naming a parameter: which one the endpoint refused. */
  param: string | null;
}

/** Turns anything `chat` threw into a RequestFailure. */
export function describeFailure(error: unknown): RequestFailure {
  const base = { status: null, fatal: false, unreachable: false, param: null };
  if (error instanceof APIUserAbortError) return { ...base, code: 'aborted', message: 'request aborted' };
  if (error instanceof APIConnectionError) {
    return error instanceof APIConnectionTimeoutError
      ? { ...base, code: 'timeout', message: 'request timed out' }
      : { ...base, code: 'connection_error', message: causeMessage(error), unreachable: true };
  }
  if (error instanceof APIError) {
    const status = error.status ?? null;
    const body = (error.error ?? {}) as { code?: unknown; param?: unknown; message?: unknown };
    const code = typeof body.code === 'string' ? body.code : `http_${status ?? 'error'}`;
    const message = typeof body.message === 'string' ? body.message : error.message;
    return {
      ...base,
      status,
      code,
      message,
      fatal: status === 401 || status === 403 || status === 404,
      param: typeof body.param === 'string' ? body.param : null,
    };
  }
  if (error instanceof StreamBrokenError) return { ...base, code: 'stream_broken', message: error.message };
  if (error instanceof Error && error.name === 'AbortError') {
    return { ...base, code: 'aborted', message: 'request aborted' };
  }
  return { ...base, code: 'client_error', message: error instanceof Error ? error.message : String(error) };
}

/** "Connection error (ECONNREFUSED)": fetch hides the reason two causes deep. */
function causeMessage(error: APIConnectionError): string {
  type Cause = { code?: string; message?: string; cause?: Cause };
  const cause = (error as { cause?: Cause }).cause;
  const reason = cause?.cause?.code ?? cause?.code ?? cause?.cause?.message;
  const message = error.message.replace(/\.$/, '');
  return reason ? `${message} (${reason})` : message;
}
