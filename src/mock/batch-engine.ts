// The simulated Batch API's state: files, and batches that pass validating -> in_progress -> finalizing -> completed on a sped-up clock.
import { fileObject, nextId, responseOf, seconds, serverError } from './batch-reply.js';
import { httpError, type HttpError } from './errors.js';
import type { ReasoningStyle } from './reply.js';
import type { Simulator } from './simulator.js';

/** How the simulated batches behave: their pace, and faults for tests. */
export interface BatchMockOptions {
  /** From creation to completed, in ms (1 s by default): a tenth validating, most in progress, the last fifth finalizing. */
  durationMs?: number;
  /** Batches expire at the end of their window having answered this share of their requests (expired with a partial output). */
  expire?: number;
  /** Every n-th request line of a batch (1-based) fails with a 500 in the error file. */
  failEvery?: number;
  /** Input files are refused in validation: the batch fails with an error naming line 1. */
  rejectInput?: boolean;
  /** The first n creates make their batch but answer 500, as if the reply were lost on the way. */
  lostCreates?: number;
  /** Counters for tests: uploads, batches created, retrieves, cancels, file downloads. */
  stats?: BatchMockStats;
}

export interface BatchMockStats {
  uploads: number;
  creates: number;
  retrieves: number;
  cancels: number;
  downloads: number;
}

/** A fresh set of counters. */
export const newBatchStats = (): BatchMockStats => ({ uploads: 0, creates: 0, retrieves: 0, cancels: 0, downloads: 0 });

export interface StoredFile {
  id: string;
  bytes: Buffer;
  filename: string;
  purpose: string;
  createdAt: number;
}

interface Line {
  customId: string;
  body: unknown;
}

interface MockBatch {
  id: string;
  inputFileId: string;
  createdMs: number;
  lines: Line[];
  errors: Array<{ code: string; message: string; line: number }>;
  cancelledMs?: number;
  outputFileId: string | null;
  errorFileId: string | null;
  final?: string;
}

/** The store behind /v1/files and /v1/batches. */
export class BatchEngine {
  readonly files = new Map<string, StoredFile>();
  private readonly batches = new Map<string, MockBatch>();
  /** Requests each finished batch failed, for its request_counts. */
  private readonly failed = new Map<string, number>();
  readonly stats: BatchMockStats;

  constructor(
    private readonly simulator: Simulator,
    private readonly style: ReasoningStyle,
    private readonly options: BatchMockOptions = {},
  ) {
    this.stats = options.stats ?? newBatchStats();
  }

  /** Stores an uploaded file and returns its OpenAI file object. */
  addFile(bytes: Buffer, filename: string, purpose: string): Record<string, unknown> {
    const file = { id: nextId('file'), bytes, filename, purpose, createdAt: Date.now() };
    this.files.set(file.id, file);
    if (purpose === 'batch') this.stats.uploads++;
    return fileObject(file);
  }

  /** Creates a batch over an uploaded file, or the 400 OpenAI gives for a bad request. */
  create(body: Record<string, unknown>): Record<string, unknown> | HttpError {
    const input = typeof body.input_file_id === 'string' ? this.files.get(body.input_file_id) : undefined;
    if (!input) return httpError(400, `No such file: ${String(body.input_file_id)}`, { param: 'input_file_id', code: 'invalid_file' });
    if (body.endpoint !== '/v1/chat/completions')
      return httpError(400, `The simulated model batches only /v1/chat/completions, not ${String(body.endpoint)}.`, { param: 'endpoint' });
    if (body.completion_window !== '24h') return httpError(400, "completion_window must be '24h'.", { param: 'completion_window' });
    this.stats.creates++;
    const batch: MockBatch = {
      id: nextId('batch'),
      inputFileId: input.id,
      createdMs: Date.now(),
      lines: [],
      errors: [],
      outputFileId: null,
      errorFileId: null,
    };
    this.validate(batch, input.bytes.toString('utf8'));
    this.batches.set(batch.id, batch);
    if (this.stats.creates <= (this.options.lostCreates ?? 0))
      return httpError(500, 'The server had an error while processing your request.', { type: 'server_error' });
    return this.view(batch);
  }

  /** Every batch, newest first (GET /v1/batches). */
  list(): Record<string, unknown> {
    return { object: 'list', data: [...this.batches.values()].reverse().map((b) => this.view(b)), has_more: false };
  }

  retrieve(id: string): Record<string, unknown> | undefined {
    const batch = this.batches.get(id);
    if (batch) this.stats.retrieves++;
    return batch && this.view(batch);
  }

  cancel(id: string): Record<string, unknown> | undefined {
    const batch = this.batches.get(id);
    if (!batch) return undefined;
    this.stats.cancels++;
    batch.cancelledMs ??= Date.now();
    return this.view(batch);
  }

  /** Reads the input as OpenAI's validation does: every line JSON, a POST to the batch's endpoint, custom_ids unique. */
  private validate(batch: MockBatch, text: string): void {
    const seen = new Set<string>();
    text.split('\n').forEach((raw, i) => {
      if (!raw.trim() || batch.errors.length >= 10) return;
      const read = readLine(raw, seen);
      if ('code' in read) batch.errors.push({ ...read, line: i + 1 });
      else batch.lines.push(read);
    });
    if (!batch.lines.length && !batch.errors.length) batch.errors.push({ code: 'empty_file', message: 'The input file has no requests.', line: 1 });
    if (this.options.rejectInput)
      batch.errors.push({ code: 'invalid_request', message: 'The simulated provider refuses this input file (rejectInput).', line: 1 });
  }

  /** The batch as OpenAI shows it now; reaching a final state writes its output and error files once. */
  private view(batch: MockBatch): Record<string, unknown> {
    const durationMs = this.options.durationMs ?? 1000;
    const now = Date.now();
    const elapsed = (batch.cancelledMs ?? now) - batch.createdMs;
    const total = batch.lines.length;
    const at = (share: number) => seconds(batch.createdMs + durationMs * share);
    let status: string;
    let answered: number;
    if (batch.errors.length) {
      status = elapsed >= durationMs * 0.1 || batch.cancelledMs !== undefined ? 'failed' : 'validating';
      answered = 0;
    } else if (elapsed < durationMs * 0.1) {
      status = batch.cancelledMs === undefined ? 'validating' : 'cancelled';
      answered = 0;
    } else {
      const share = Math.min(1, (elapsed - durationMs * 0.1) / (durationMs * 0.7));
      answered = Math.floor(total * Math.min(share, this.options.expire ?? 1));
      if (batch.cancelledMs !== undefined) status = now - batch.cancelledMs < durationMs * 0.1 ? 'cancelling' : 'cancelled';
      else if (elapsed < durationMs * 0.8) status = 'in_progress';
      else if (elapsed < durationMs) status = 'finalizing';
      else status = this.options.expire !== undefined ? 'expired' : 'completed';
    }
    if (['completed', 'expired', 'cancelled', 'failed'].includes(status) && !batch.final) this.finish(batch, status, answered);
    const failed = this.failed.get(batch.id) ?? 0;
    return {
      id: batch.id,
      object: 'batch',
      endpoint: '/v1/chat/completions',
      errors: batch.errors.length ? { object: 'list', data: batch.errors.map((e) => ({ ...e, param: null })) } : null,
      input_file_id: batch.inputFileId,
      completion_window: '24h',
      status,
      output_file_id: batch.outputFileId,
      error_file_id: batch.errorFileId,
      created_at: seconds(batch.createdMs),
      in_progress_at: status === 'validating' || batch.errors.length ? null : at(0.1),
      expires_at: seconds(batch.createdMs) + 86_400,
      completed_at: status === 'completed' ? at(1) : null,
      failed_at: status === 'failed' ? at(0.1) : null,
      expired_at: status === 'expired' ? at(1) : null,
      cancelled_at: status === 'cancelled' ? seconds(now) : null,
      request_counts: { total, completed: batch.final ? total - failed : answered, failed },
      metadata: null,
    };
  }

  /** Answers the first `answered` lines with the simulator; the rest go to the error file with the batch's reason. */
  private finish(batch: MockBatch, status: string, answered: number): void {
    batch.final = status;
    if (status === 'failed') return;
    const outputs: string[] = [];
    const errors: string[] = [];
    batch.lines.forEach((line, i) => {
      const id = nextId('batch_req');
      if (i >= answered) {
        const code = status === 'expired' ? 'batch_expired' : 'batch_cancelled';
        const message =
          status === 'expired'
            ? 'This request could not be executed before the completion window expired.'
            : 'This request was not executed because the batch was cancelled.';
        errors.push(JSON.stringify({ id, custom_id: line.customId, response: null, error: { code, message } }));
        return;
      }
      const failing = this.options.failEvery && (i + 1) % this.options.failEvery === 0;
      const response = failing ? serverError() : this.answer(line.body);
      (response.status_code === 200 ? outputs : errors).push(JSON.stringify({ id, custom_id: line.customId, response, error: null }));
    });
    this.failed.set(batch.id, errors.length);
    batch.outputFileId = outputs.length
      ? (this.addFile(Buffer.from(`${outputs.join('\n')}\n`), `${batch.id}_output.jsonl`, 'batch_output').id as string)
      : null;
    batch.errorFileId = errors.length ? (this.addFile(Buffer.from(`${errors.join('\n')}\n`), `${batch.id}_error.jsonl`, 'batch_output').id as string) : null;
  }

  /** The simulator's own reply to one request line, as the response of an output line. */
  private answer(body: unknown): { status_code: number; request_id: string; body: unknown } {
    const request = typeof body === 'object' && body !== null ? { ...(body as Record<string, unknown>), stream: false } : body;
    return { request_id: nextId('req'), ...responseOf(this.simulator.handle(request), this.style) };
  }
}

/** One input line as a request, or why OpenAI's validation would refuse it. */
function readLine(raw: string, seen: Set<string>): Line | { code: string; message: string } {
  let value: { custom_id?: unknown; method?: unknown; url?: unknown; body?: unknown };
  try {
    value = JSON.parse(raw);
  } catch {
    return { code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.' };
  }
  if (typeof value.custom_id !== 'string' || !value.custom_id) return { code: 'missing_required_parameter', message: 'Missing required parameter: custom_id.' };
  if (seen.has(value.custom_id)) return { code: 'duplicate_custom_id', message: `The custom_id ${value.custom_id} is used more than once.` };
  seen.add(value.custom_id);
  if (value.method !== 'POST' || value.url !== '/v1/chat/completions')
    return { code: 'invalid_url', message: "Every line must POST to the batch's endpoint, /v1/chat/completions." };
  return { customId: value.custom_id, body: value.body };
}
