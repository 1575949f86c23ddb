// Zod schemas for the journal (results/x.jsonl): a header line, then one line per finished raw sample.
import { z } from 'zod';
import { RawSample } from './result.js';

/** The journal's first line: which run its samples belong to, and which thinkbench collected them. */
export const JournalHeader = z.object({
  suite: z.object({ name: z.string(), sha256: z.string() }),
  model: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** The collecting tool's version; absent in journals written before it was recorded. */
  tool: z.object({ name: z.literal('thinkbench'), version: z.string() }).optional(),
});
export type JournalHeader = z.infer<typeof JournalHeader>;

/** Every later line: one finished sample of one case, as collected (no verdict: scoring happens once, later). */
export const JournalEntry = z.object({ caseId: z.string(), sample: RawSample });
