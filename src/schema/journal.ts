// Zod schemas for the journal (results/x.jsonl): a header line, then one line per finished sample.
import { z } from 'zod';
import { Sample } from './result.js';

/** The journal's first line: which run its samples belong to. */
export const JournalHeader = z.object({
  suite: z.object({ name: z.string(), sha256: z.string() }),
  model: z.string(),
  params: z.record(z.string(), z.unknown()),
});
export type JournalHeader = z.infer<typeof JournalHeader>;

/** Every later line: one finished sample of one case. */
export const JournalEntry = z.object({ caseId: z.string(), sample: Sample });
