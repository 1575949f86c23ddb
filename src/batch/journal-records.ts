// Batch records in the run's journal: one `{"batch": ...}` line per created batch, read back for --resume.
import { createReadStream, existsSync } from 'node:fs';
import { BatchRecord } from './format.js';
import { readLines } from './lines.js';

/** The journal line for a created batch (append it with its newline before anything else happens). */
export function batchJournalLine(record: BatchRecord): string {
  return `${JSON.stringify({ batch: record })}\n`;
}

/** Every batch record in a journal, streamed (a journal holds every sample too); a half-written last line is skipped. */
export async function readBatchRecords(journalPath: string): Promise<BatchRecord[]> {
  if (!existsSync(journalPath)) return [];
  const records = new Map<string, BatchRecord>();
  for await (const { line } of readLines(createReadStream(journalPath))) {
    if (!line.startsWith('{"batch":')) continue; // sample lines: never parsed here
    try {
      const parsed = BatchRecord.safeParse((JSON.parse(line) as { batch?: unknown }).batch);
      if (parsed.success) records.set(parsed.data.id, parsed.data);
    } catch {
      // the last line of a killed run may be half-written
    }
  }
  return [...records.values()];
}
