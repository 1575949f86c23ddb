// The run's client: one endpoint, or a pool over several replicas (--base-url repeated), reporting rate-limit headers to the controller.
import { invalidInput } from '../errors.js';
import { createModelClient, type ModelClient } from '../model/openai.js';
import { createModelPool } from '../model/pool.js';
import { sanitize } from '../report/sanitize.js';
import type { RateController } from '../run/rate-limit.js';
import type { Result } from '../schema/result.js';
import { type Endpoint, stripCredentials } from './endpoint.js';

interface ClientSettings {
  timeoutMs: number;
  maxRetries: number;
  maxReplyBytes?: number | undefined;
  rate?: RateController | undefined;
}

/** A client for the endpoint; with two or more base URLs, a pool whose per-endpoint figures go in the result. */
export function connect(
  endpoint: Endpoint,
  baseUrls: readonly string[],
  settings: ClientSettings,
): { client: ModelClient; endpointFigures?: () => NonNullable<Result['endpoints']> } {
  const make = (baseUrl: string) =>
    createModelClient({
      baseUrl,
      apiKey: endpoint.apiKey,
      timeoutMs: settings.timeoutMs,
      maxRetries: settings.maxRetries,
      maxReplyBytes: settings.maxReplyBytes,
      ...(settings.rate && { onRateHeaders: settings.rate.observe, beforeRetry: settings.rate.ready }),
    });
  if (baseUrls.length < 2) return { client: make(endpoint.baseUrl) };
  for (const url of baseUrls) {
    if (!URL.canParse(url)) throw invalidInput(`--base-url "${url}" is not a URL (like http://localhost:8000/v1).`);
  }
  const pool = createModelPool(
    baseUrls.map((url) => ({ baseUrl: stripCredentials(url), client: make(url) })),
    {
      onEvent: (event) =>
        console.warn(
          sanitize(
            event.kind === 'refused'
              ? `thinkbench: ${event.baseUrl} refused the key (${event.failure.message}); it is left out of the run.`
              : `thinkbench: ${event.baseUrl} failed ${event.failure.code} repeatedly; cooled down for ${Math.round(event.forMs / 1000)}s.`,
          ),
        ),
    },
  );
  return { client: pool, endpointFigures: () => pool.endpoints() };
}
