// A fetch for the SDK that turns a 200 it could not use into a retryable error, so the SDK retries it.
import type { ClientStats } from './openai.js';

type Parsed = { ok: true; body: unknown } | { ok: false; problem: { message: string; code: string } };

/**
 * The SDK does not retry a 200 whose body is not JSON, nor a gateway's 200 that carries an
 * `error` object. This fetch checks JSON bodies and rewrites such replies as 502s marked
 * `x-should-retry`, so the SDK's own backoff handles them like any server error.
 */
export function checkedFetch(stats: ClientStats): typeof fetch {
  return async (input, init) => {
    // The SDK numbers its attempts in this header: anything above 0 is one of its retries.
    const headers = init?.headers instanceof Headers ? init.headers : new Headers(init?.headers);
    if (Number(headers.get('x-stainless-retry-count')) > 0) stats.retries++;
    const response = await fetch(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !type.includes('json')) return response;
    const text = await response.text();
    const parsed = parseBody(text);
    if (parsed.ok) {
      // The body is read: hand the SDK what we hold (a new Response and a second parse cost ~5% at high rates).
      return Object.assign(response, { text: async () => text, json: async () => parsed.body });
    }
    return new Response(JSON.stringify({ error: parsed.problem }), {
      status: 502,
      headers: { 'content-type': 'application/json', 'x-should-retry': 'true' },
    });
  };
}

function parseBody(text: string): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'malformed_response', message: `the endpoint sent a 200 whose body is not JSON: ${text.slice(0, 60)}` } };
  }
  const error = (body as { error?: { message?: unknown; code?: unknown } } | null)?.error;
  if (error && typeof error === 'object') {
    const message = typeof error.message === 'string' ? error.message : JSON.stringify(error);
    return { ok: false, problem: { code: typeof error.code === 'string' ? error.code : 'error_in_body', message: `the endpoint sent a 200 with an error: ${message}` } };
  }
  return { ok: true, body };
}
