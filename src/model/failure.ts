// Why a request failed, as data: whatever the client threw becomes a code, a message and what it means for the run.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { formatDuration } from '../duration.js';
import { ProtocolError, StreamBrokenError } from './protocol.js';
import { connectionCode, RetryCutShort } from './retry.js';

/** Why a request failed, as data: a code, a message, and whether the whole run must stop. */
export interface RequestFailure {
  code: string;
  message: string;
  status: number | null;
  /** The run cannot succeed: bad key, no access, unknown model. */
  fatal: boolean;
  /** The endpoint could not be reached at all (after the retries). */
  unreachable: boolean;
  /** For 400s naming a parameter: which one the endpoint refused. */
  param: string | null;
}

/** Turns anything `chat` threw into a RequestFailure. */
export function describeFailure(error: unknown): RequestFailure {
  const base = { status: null, fatal: false, unreachable: false, param: null };
  if (error instanceof RetryCutShort) return cutShort(error);
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
  if (error instanceof ProtocolError) return { ...base, code: error.code, message: error.message };
  if (error instanceof StreamBrokenError) return { ...base, code: 'stream_broken', message: error.message };
  if (error instanceof Error && error.name === 'AbortError') {
    return { ...base, code: 'aborted', message: 'request aborted' };
  }
  return { ...base, code: 'client_error', message: error instanceof Error ? error.message : String(error) };
}

/** The last fault, told with why it was not retried: the time ran out while waiting. */
function cutShort(error: RetryCutShort): RequestFailure {
  const last = describeFailure(error.last);
  if (error.askedMs === undefined) return { ...last, message: `${last.message} (the time ran out before the next retry)` };
  const ms = Math.round(error.askedMs);
  const asked = `the server asked to wait ${formatDuration(ms)}${ms >= 60_000 ? ` (${Math.round(ms / 1000)} s)` : ''} before retrying (Retry-After), longer than the time left`;
  return { ...last, code: last.status === 429 ? 'rate_limited' : last.code, message: `${last.message}; ${asked}` };
}

/** "Connection error (ECONNREFUSED)": fetch hides the reason two causes deep. */
function causeMessage(error: APIConnectionError): string {
  const reason = connectionCode(error) ?? (error as { cause?: { cause?: { message?: string } } }).cause?.cause?.message;
  const message = error.message.replace(/\.$/, '');
  return reason ? `${message} (${reason})` : message;
}
