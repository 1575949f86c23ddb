// Zod schemas for OpenAI's batch JSONL lines (requests in, outputs out) and the batch record the journal keeps.
import { z } from 'zod';

/** One request line of a batch input file, as OpenAI, Azure, Groq and `vllm run-batch` read it. */
export const BatchRequestLine = z.object({
  custom_id: z.string().min(1),
  method: z.literal('POST'),
  url: z.string(),
  body: z.record(z.string(), z.unknown()),
});
export type BatchRequestLine = z.infer<typeof BatchRequestLine>;

/** One line of a batch's output or error file: a response (any status), or an error with no response. */
export const BatchOutputLine = z.object({
  id: z.string().nullish(),
  custom_id: z.string(),
  response: z.object({ status_code: z.number().int(), request_id: z.string().nullish(), body: z.unknown() }).nullish(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});
export type BatchOutputLine = z.infer<typeof BatchOutputLine>;

/** A batch as submitted: journaled the moment it is created, so a resumed run picks it up instead of paying twice. */
export const BatchRecord = z.object({
  id: z.string(),
  inputFileId: z.string(),
  /** The requests the batch holds, by custom_id: what a resumed run must not send again. */
  customIds: z.array(z.string()),
  submittedAt: z.string(),
});
export type BatchRecord = z.infer<typeof BatchRecord>;

/** Providers bill batch tokens at half the synchronous price (OpenAI, Azure, Groq). */
export const BATCH_PRICE_FACTOR = 0.5;

/** OpenAI's per-file limits: 50,000 requests or 200 MB, whichever comes first. */
export const BATCH_LIMITS = { maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 } as const;

/** The endpoint every batch line posts to. */
export const CHAT_ENDPOINT = '/v1/chat/completions';
