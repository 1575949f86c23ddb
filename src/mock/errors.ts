// OpenAI-shaped error bodies for the simulated endpoint.

/** The error body OpenAI-compatible servers send: `{ error: { message, type, param, code } }`. */
export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** An HTTP error the simulator answers with. */
export interface HttpError {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

/** Builds an error reply; `type` defaults to invalid_request_error as in most 4xx replies. */
export function httpError(
  status: number,
  message: string,
  extra: { type?: string; param?: string | null; code?: string | null; headers?: Record<string, string> } = {},
): HttpError {
  const error = { message, type: extra.type ?? 'invalid_request_error', param: extra.param ?? null, code: extra.code ?? null };
  return extra.headers ? { status, body: { error }, headers: extra.headers } : { status, body: { error } };
}

/** 404 for a model name the simulator does not serve. */
export function modelNotFound(model: string): HttpError {
  return httpError(404, `The model '${model}' does not exist or you do not have access to it.`, { code: 'model_not_found' });
}

/** 400 for an o-series style parameter refusal. */
export function unsupportedValue(param: string, value: unknown): HttpError {
  return httpError(400, `Unsupported value: '${param}' does not support ${String(value)} with this model. Only the default (1) value is supported.`, {
    param,
    code: 'unsupported_value',
  });
}

/** 400 for `max_tokens` sent to a model that wants `max_completion_tokens`. */
export const MAX_TOKENS_REJECTED = httpError(
  400,
  "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
  { param: 'max_tokens', code: 'unsupported_parameter' },
);
