// The Batch API through the official SDK: upload a file, create / retrieve / cancel a batch, read a file's lines.
import OpenAI, { APIConnectionError, APIError, toFile } from 'openai';
import { aborted } from '../errors.js';
import { splitBaseUrl } from './base-url.js';
import { CHAT_ENDPOINT } from '../batch/format.js';
import { readLines } from '../batch/lines.js';

/** The states OpenAI's batches pass through; the last four are final. */
export type BatchStatus = 'validating' | 'in_progress' | 'finalizing' | 'cancelling' | 'completed' | 'failed' | 'expired' | 'cancelled';

/** Whether a batch has stopped changing. */
export const isFinal = (status: BatchStatus): boolean => ['completed', 'failed', 'expired', 'cancelled'].includes(status);

/** What thinkbench reads of a batch. */
export interface BatchState {
  id: string;
  status: BatchStatus;
  outputFileId: string | null;
  errorFileId: string | null;
  counts: { total: number; completed: number; failed: number };
  /** Why the provider refused the batch (a bad input file), line by line. */
  errors: Array<{ code: string; message: string; line: number | null }>;
}

/** The provider refused an input file or a batch (a 4xx other than 404): data for the requests in it, not a crash. */
export class BatchRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BatchRefused';
  }
}

/** The calls collectBatch makes; tests may pass their own. */
export interface BatchApi {
  upload(filename: string, jsonl: string): Promise<{ id: string }>;
  create(inputFileId: string): Promise<BatchState>;
  /** The batch, or null when the endpoint does not know it (404). */
  retrieve(batchId: string): Promise<BatchState | null>;
  cancel(batchId: string): Promise<BatchState>;
  lines(fileId: string): AsyncIterable<{ line: string; number: number }>;
}

export interface BatchApiOptions {
  baseUrl: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  maxRetries?: number;
}

/** A BatchApi for one endpoint; a 404 on /files or /batches is an error saying the endpoint has no Batch API. */
export function createBatchApi(options: BatchApiOptions): BatchApi {
  const { baseURL, defaultQuery, authorization } = splitBaseUrl(options.baseUrl);
  const sdk = new OpenAI({
    baseURL,
    apiKey: options.apiKey || 'no-key',
    timeout: options.timeoutMs ?? 10 * 60_000,
    maxRetries: options.maxRetries ?? 4,
    ...(defaultQuery && { defaultQuery }),
    ...(authorization && { defaultHeaders: { authorization } }),
    logLevel: 'off',
  });
  const unsupported = (route: string) =>
    aborted(
      `${baseURL} has no Batch API: ${route} answered 404. Run without --batch, or use an endpoint that serves /v1/files and /v1/batches (OpenAI, Azure OpenAI, Groq).`,
    );
  const guard = async <T>(route: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof APIError && error.status === 404) throw unsupported(route);
      if (error instanceof APIError && (error.status === 401 || error.status === 403))
        throw aborted(`${baseURL} refused the key on ${route} (${error.status}): ${error.message}`);
      if (error instanceof APIError && error.status !== undefined && error.status >= 400 && error.status < 500) {
        const body = (error.error ?? {}) as { code?: unknown; message?: unknown };
        const code = typeof body.code === 'string' && body.code ? body.code : `http_${error.status}`;
        throw new BatchRefused(code, `${route} was refused (${error.status}): ${typeof body.message === 'string' ? body.message : error.message}`);
      }
      throw error;
    }
  };
  return {
    upload: (filename, jsonl) =>
      guard('POST /files', async () => {
        const file = await toFile(Buffer.from(jsonl), filename, { type: 'application/jsonl' });
        return { id: (await sdk.files.create({ file, purpose: 'batch' })).id };
      }),
    create: (inputFileId) => guard('POST /batches', () => createOnce(sdk, inputFileId, options.maxRetries ?? 4)),
    retrieve: async (batchId) => {
      try {
        return stateOf(await sdk.batches.retrieve(batchId));
      } catch (error) {
        if (error instanceof APIError && error.status === 404) return null;
        throw error;
      }
    },
    cancel: async (batchId) => stateOf(await sdk.batches.cancel(batchId)),
    lines: (fileId) => ({
      async *[Symbol.asyncIterator]() {
        const response = await sdk.files.content(fileId);
        if (!response.body) return;
        yield* readLines(response.body as unknown as AsyncIterable<Uint8Array>);
      },
    }),
  };
}

/**
 * Creates the batch, retrying faults by hand: the SDK sends no idempotency key, so a create whose
 * reply was lost may have made the batch. Before each retry the batch is looked for by its input
 * file (ours alone, just uploaded), so a retry never makes a second, billed batch.
 */
async function createOnce(sdk: OpenAI, inputFileId: string, retries: number): Promise<BatchState> {
  for (let attempt = 0; ; attempt++) {
    try {
      return stateOf(await sdk.batches.create({ input_file_id: inputFileId, endpoint: CHAT_ENDPOINT, completion_window: '24h' }, { maxRetries: 0 }));
    } catch (error) {
      const retryable =
        error instanceof APIConnectionError ||
        (error instanceof APIError && (error.status === undefined || error.status >= 500 || [408, 409, 429].includes(error.status)));
      if (!retryable || attempt >= retries) throw error;
      const made = await sdk.batches.list({ limit: 100 }).then(
        (page) => page.data.find((b) => b.input_file_id === inputFileId),
        () => undefined, // no list on this endpoint: retry blind
      );
      if (made) return stateOf(made);
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 8000)));
    }
  }
}

function stateOf(batch: OpenAI.Batch): BatchState {
  const counts = batch.request_counts;
  return {
    id: batch.id,
    status: batch.status,
    outputFileId: batch.output_file_id ?? null,
    errorFileId: batch.error_file_id ?? null,
    counts: { total: counts?.total ?? 0, completed: counts?.completed ?? 0, failed: counts?.failed ?? 0 },
    errors: (batch.errors?.data ?? []).map((e) => ({
      code: e.code ?? 'invalid_request',
      message: e.message ?? 'the provider refused the batch',
      line: e.line ?? null,
    })),
  };
}
