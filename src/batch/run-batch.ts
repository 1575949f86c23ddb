// Collects a run's raw samples through the Batch API: submit files, poll with backoff, read outputs; resumable by batch id.
import { wait } from '../model/retry.js';
import type { RawSample } from '../schema/result.js';
import type { Case, Params } from '../schema/suite.js';
import { samplesFor } from '../run/plan.js';
import type { SampleLookup } from '../score/score-run.js';
import { inShard, type Shard } from '../run/shard.js';
import { type BatchApi, BatchRefused, type BatchState, type BatchStatus, isFinal } from '../model/batch-api.js';
import { BATCH_PRICE_FACTOR, type BatchRecord } from './format.js';
import { errorSample, sampleFromLine } from './outputs.js';
import { parseOutputLine } from './lines.js';
import { batchRequestLines, type BatchLimits, type PlannedLine, splitBatchFiles } from './requests.js';

export interface BatchCollectOptions {
  cases: readonly Case[];
  api: BatchApi;
  model: string;
  plan: { samples: number; samplesOverride?: number | undefined };
  params: Params;
  /** Samples finished by an earlier run, by case id (resume): never sent again. */
  prior?: SampleLookup | undefined;
  /** Batches an earlier run submitted (from its journal): picked up, never submitted again. */
  known?: readonly BatchRecord[] | undefined;
  shard?: Shard | undefined;
  /** Called the moment a batch is created, before anything else: journal it. */
  onBatch?: ((record: BatchRecord) => void) | undefined;
  onSample?: ((caseIndex: number, sample: RawSample) => void) | undefined;
  onProgress?: ((batches: BatchProgress[]) => void) | undefined;
  /** Aborting stops waiting (the batches keep running at the provider; their records let --resume pick them up). */
  signal?: AbortSignal | undefined;
  /** Polling: the first wait, doubling up to the longest. */
  poll?: { initialMs: number; maxMs: number } | undefined;
  limits?: BatchLimits | undefined;
  maxReplyBytes?: number | undefined;
}

/** One batch's state, for the progress line. */
export interface BatchProgress {
  id: string;
  status: BatchStatus | 'unknown';
  total: number;
  completed: number;
  failed: number;
}

export interface BatchCollected {
  samples: Map<string, RawSample[]>;
  /** Every case has all the samples it asks for. */
  complete: boolean;
  /** Every batch this run waited on: the earlier run's it picked up, then its own. */
  batches: BatchRecord[];
  /** What batch tokens cost against the synchronous price. */
  batchFactor: number;
  /** Batches or files the provider refused, in its words; their requests are error samples. */
  refused: string[];
  /** The signal stopped the wait before every batch finished. */
  interrupted: boolean;
}

const DEFAULT_POLL = { initialMs: 5_000, maxMs: 60_000 };

// Codes for the requests of a batch that ended without answering them.
const UNANSWERED: Partial<Record<BatchStatus, string>> = { expired: 'batch_expired', cancelled: 'batch_cancelled', completed: 'batch_no_output' };

interface Tracked {
  record: BatchRecord;
  /** Submitted by an earlier run: its failed requests are sent once more in a new batch (resume retries errors). */
  earlier: boolean;
  state?: BatchState | null;
  finished: boolean;
}

/** Sends every unfinished sample as batches and waits for them; throws `aborted` when the endpoint has no Batch API or refuses the key. */
export async function collectBatch(options: BatchCollectOptions): Promise<BatchCollected> {
  const { cases, api } = options;
  const byCase = cases.map((c) => (options.prior?.get(c.id) ?? []).filter((s) => !s.error && s.index < samplesFor(c, options.plan)));
  const done = new Set(byCase.flatMap((samples, i) => samples.map((s) => `${i}:${s.index}`)));
  const mine = (c: Case, i: number) => !options.shard || inShard(options.shard, c.id, i);
  const include = options.shard && ((caseIndex: number, sampleIndex: number) => mine(cases[caseIndex]!, sampleIndex));
  const planned = batchRequestLines(cases, options.model, { ...options.plan, params: options.params, done, ...(include && { include }) });
  const pending = new Map(planned.map((p) => [p.customId, p]));
  const tracked: Tracked[] = (options.known ?? [])
    .filter((record) => record.customIds.some((id) => pending.has(id)))
    .map((record) => ({ record, earlier: true, finished: false }));
  const covered = new Set(tracked.flatMap((t) => t.record.customIds));
  const refused: string[] = [];
  const signal = options.signal ?? new AbortController().signal;

  const record = (p: PlannedLine, sample: RawSample) => {
    if (!pending.delete(p.customId)) return; // answered already (a line repeated across files)
    byCase[p.caseIndex]!.push(sample);
    options.onSample?.(p.caseIndex, sample);
  };
  const submit = async (lines: PlannedLine[]) => {
    for (const [n, file] of splitBatchFiles(lines, options.limits).entries()) {
      if (signal.aborted) return;
      try {
        const { id: inputFileId } = await api.upload(`thinkbench-${Date.now()}-${n + 1}.jsonl`, file.jsonl);
        const state = await api.create(inputFileId);
        const made: BatchRecord = { id: state.id, inputFileId, customIds: file.lines.map((l) => l.customId), submittedAt: new Date().toISOString() };
        options.onBatch?.(made);
        tracked.push({ record: made, earlier: false, state, finished: false });
      } catch (error) {
        if (!(error instanceof BatchRefused)) throw error;
        refused.push(error.message);
        for (const p of file.lines) record(p, errorSample(p.sampleIndex, { code: error.code, message: error.message }));
      }
    }
  };
  const harvest = async (t: Tracked, state: BatchState, resend: PlannedLine[]) => {
    const ids = new Set(t.record.customIds);
    const take = (p: PlannedLine, sample: RawSample) => {
      ids.delete(p.customId);
      if (sample.error && t.earlier) resend.push(p);
      else record(p, sample);
    };
    const malformed: string[] = [];
    for (const fileId of [state.outputFileId, state.errorFileId]) {
      if (!fileId) continue;
      for await (const { line, number } of api.lines(fileId)) {
        const parsed = parseOutputLine(line);
        // Skipped, not thrown: a resumed run would meet the same line again. Its request stays unanswered below.
        if (typeof parsed === 'string') {
          malformed.push(`${fileId} line ${number}: ${parsed}`);
          continue;
        }
        const p = pending.get(parsed.custom_id);
        if (p && ids.has(p.customId)) take(p, sampleFromLine(parsed, p.sampleIndex, options.maxReplyBytes));
      }
    }
    const why = state.status === 'failed' ? refusal(state) : undefined;
    if (why) refused.push(why.message);
    const code = UNANSWERED[state.status] ?? why?.code ?? 'batch_failed';
    const skipped = malformed.length ? ` (${malformed.length} malformed output lines skipped, first ${malformed[0]})` : '';
    const message = why?.message ?? `batch ${state.id} ended ${state.status} without answering this request${skipped}`;
    for (const id of ids) {
      const p = pending.get(id);
      if (p) take(p, errorSample(p.sampleIndex, { code, message }));
    }
  };

  await submit(planned.filter((p) => !covered.has(p.customId)));
  let delayMs = (options.poll ?? DEFAULT_POLL).initialMs;
  while (!signal.aborted) {
    const resend: PlannedLine[] = [];
    for (const t of tracked.filter((t) => !t.finished)) {
      const state = await api.retrieve(t.record.id);
      t.state = state;
      if (state === null) {
        // The endpoint does not know the batch (another endpoint's, or deleted): nothing was billed here.
        t.finished = true;
        for (const id of t.record.customIds) if (pending.has(id)) resend.push(pending.get(id)!);
      } else if (isFinal(state.status)) {
        t.finished = true;
        await harvest(t, state, resend);
      }
    }
    options.onProgress?.(tracked.map(progressOf));
    // Sent again only when no batch still running holds it and no other batch answered it: never paid twice.
    const running = new Set(tracked.filter((t) => !t.finished).flatMap((t) => t.record.customIds));
    const again = new Map(resend.filter((p) => pending.has(p.customId) && !running.has(p.customId)).map((p) => [p.customId, p]));
    if (again.size) await submit([...again.values()]);
    if (tracked.every((t) => t.finished)) break;
    await wait(delayMs, signal);
    delayMs = Math.min(delayMs * 2, (options.poll ?? DEFAULT_POLL).maxMs);
  }
  const wanted = (c: Case) => Array.from({ length: samplesFor(c, options.plan) }, (_, i) => i).filter((i) => mine(c, i)).length;
  return {
    samples: new Map(cases.map((c, i) => [c.id, byCase[i]!.sort((a, b) => a.index - b.index)])),
    complete: cases.every((c, i) => byCase[i]!.length >= wanted(c)),
    batches: tracked.map((t) => t.record),
    batchFactor: BATCH_PRICE_FACTOR,
    refused,
    interrupted: signal.aborted && pending.size > 0,
  };
}

/** Why the provider refused a failed batch: its first error, with the input line it names. */
function refusal(state: BatchState): { code: string; message: string } {
  const first = state.errors[0];
  if (!first) return { code: 'batch_failed', message: `batch ${state.id} failed without saying why` };
  const more = state.errors.length > 1 ? ` (and ${state.errors.length - 1} more)` : '';
  return {
    code: first.code,
    message: `batch ${state.id}: the provider refused its input file${first.line ? ` at line ${first.line}` : ''}: ${first.message}${more}`,
  };
}

function progressOf(t: Tracked): BatchProgress {
  const counts = t.state?.counts ?? { total: t.record.customIds.length, completed: 0, failed: 0 };
  return { id: t.record.id, status: t.state?.status ?? 'unknown', ...counts };
}
