// A fetch for the SDK that checks each 200 is the protocol: faults become retryable 502s, streams are watched, bodies capped.
import { MAX_REPLY_BYTES, type StreamWatch, watchStream } from './protocol.js';

export interface FetchOptions {
  /** Content plus reasoning past which a reply is cut; raw bodies get room for JSON framing on top. */
  maxReplyBytes: number;
  /** Called for every HTTP response, whatever its status: the endpoint is reachable. `sentAt` (performance.now()) is when its request went out. */
  onResponse: (response: Response, sentAt: number) => void;
}

const watches = new WeakMap<Response, StreamWatch>();

/** What the raw bytes of a streamed response showed (see StreamWatch); null for other responses. */
export function watchOf(response: Response): StreamWatch | null {
  return watches.get(response) ?? null;
}

/**
 * The SDK does not retry a 200 whose body is not JSON, nor a gateway's 200 that carries an
 * `error` object, nor an HTML page sent to a streaming request. This fetch rewrites such replies
 * as 502s marked `x-should-retry`, so they are retried like any server error and end, if they
 * persist, as an error outcome with their own code. A non-streamed body past its cap is not read
 * further and comes back as an empty reply cut at `max_reply_bytes`.
 */
export function checkedFetch(options: FetchOptions): typeof fetch {
  // JSON escapes (\uXXXX) can triple a reply's bytes; 1 MiB more covers the framing.
  const rawCap = 3 * options.maxReplyBytes + 1024 * 1024;
  return async (input, init) => {
    const sentAt = performance.now(); // for rate limits (onRateHeaders)
    const response = await fetch(input, init);
    options.onResponse(response, sentAt);
    if (response.status !== 200) return cappedError(response);
    const type = response.headers.get('content-type') ?? '';
    const streaming = isStreamingRequest(init?.body);
    if (streaming && type.includes('text/html')) {
      await response.body?.cancel();
      return fault('bad_stream', `the endpoint answered a streaming request with an HTML page (${type})`);
    }
    if (streaming && !type.includes('json')) return watched(response, response.body, options.maxReplyBytes + 64 * 1024);
    const { text, complete } = await readCapped(response, rawCap);
    if (!complete) return cutReply();
    if (!text.trim()) return fault('empty_body', `the endpoint sent a 200 with an empty body${streaming ? ' to a streaming request' : ''}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fault('not_json', `the endpoint sent a 200 whose body is not JSON (${type || 'no content type'}): ${JSON.stringify(text.slice(0, 60))}`);
    }
    const error = (body as { error?: { message?: unknown; code?: unknown } } | null)?.error;
    if (error && typeof error === 'object') {
      const message = typeof error.message === 'string' ? error.message : JSON.stringify(error);
      return fault(typeof error.code === 'string' ? error.code : 'error_in_body', `the endpoint sent a 200 with an error: ${message}`);
    }
    // A server that ignores `stream: true` and sends the whole completion: replay it as one event.
    if (streaming) return watched(response, asEvents(body), Number.POSITIVE_INFINITY);
    if (type.includes('json')) {
      // The body is read: hand the SDK what we hold (a new Response and a second parse cost ~5% at high rates).
      return Object.assign(response, { text: async () => text, json: async () => body });
    }
    return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

function isStreamingRequest(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    return (JSON.parse(body) as { stream?: unknown }).stream === true;
  } catch {
    return false;
  }
}

/** A retryable 502 carrying `code`, as the SDK reads errors. */
function fault(code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status: 502,
    headers: { 'content-type': 'application/json', 'x-should-retry': 'true' },
  });
}

function watched(response: Response, body: ReadableStream<Uint8Array> | null, maxLineBytes: number): Response {
  const watch: StreamWatch = { bytes: 0, head: '', sawData: false, sawDone: false };
  const stream = watchStream(body ?? new Blob([]).stream(), watch, maxLineBytes);
  const out = new Response(stream, { status: 200, headers: response.headers });
  watches.set(out, watch);
  return out;
}

/** A whole completion as the events a stream of it would have sent. */
function asEvents(body: unknown): ReadableStream<Uint8Array> {
  const { choices = [], ...rest } = body as { choices?: { index?: number; message?: unknown; finish_reason?: unknown }[] };
  const chunk = {
    ...rest,
    object: 'chat.completion.chunk',
    choices: choices.map((c) => ({ index: c.index ?? 0, delta: c.message ?? {}, finish_reason: c.finish_reason ?? null })),
  };
  return new Blob([`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`]).stream();
}

/** An empty completion cut at the cap: the reply was too large to read. */
function cutReply(): Response {
  const completion = { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: MAX_REPLY_BYTES }] };
  return new Response(JSON.stringify(completion), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** An error reply whose body is read to 64 KiB at most: the SDK would read an endless one for ever. */
async function cappedError(response: Response): Promise<Response> {
  if (!response.body) return response;
  const { text } = await readCapped(response, ERROR_BODY_BYTES);
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

const ERROR_BODY_BYTES = 64 * 1024;

/** The body as text, or as much as `limit` bytes allow (then `complete` is false and the rest is not read). */
async function readCapped(response: Response, limit: number): Promise<{ text: string; complete: boolean }> {
  if (!response.body) return { text: '', complete: true };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), complete: true };
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return { text, complete: false };
    }
    text += decoder.decode(value, { stream: true });
  }
}
