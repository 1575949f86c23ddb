// Batch records journaled beside samples and read back; the progress line.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { batchJournalLine, readBatchRecords } from '../../src/batch/journal-records.js';
import { renderBatchProgress } from '../../src/batch/progress.js';
import { readJournal } from '../../src/result/journal.js';

const record = (id: string) => ({ id, inputFileId: `file_${id}`, customIds: [`a#0`, `b#1`], submittedAt: '2026-12-01T00:00:00.000Z' });

describe('batch records in the journal', () => {
  test('read back in order, once each, beside sample lines the journal reader still reads; a half-written line is skipped', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'thinkbench-batch-')), 'run.jsonl');
    const header = { suite: { name: 's', sha256: 'x' }, model: 'm', params: {} };
    const sample = { index: 0, content: 'Answer: 1', reasoning: '', reasoningSource: 'none', finishReason: 'stop', error: null, latencyMs: 0, usage: null };
    writeFileSync(path, `${JSON.stringify({ header })}\n`);
    appendFileSync(path, batchJournalLine(record('batch_1')));
    appendFileSync(path, `${JSON.stringify({ caseId: 'a', sample })}\n`);
    appendFileSync(path, batchJournalLine(record('batch_2')));
    appendFileSync(path, batchJournalLine(record('batch_1')));
    appendFileSync(path, batchJournalLine(record('batch_3')).slice(0, 30));
    expect((await readBatchRecords(path)).map((r) => r.id)).toEqual(['batch_1', 'batch_2']);
    const journal = (await readJournal(path))!;
    expect(journal.get('a')).toHaveLength(1);
    journal.close();
  });

  test('no journal: no records', async () => {
    expect(await readBatchRecords('/nonexistent/run.jsonl')).toEqual([]);
  });
});

test.each([
  [[{ id: 'b1', status: 'in_progress' as const, total: 10, completed: 4, failed: 0 }], '1 batch: 1 in_progress; 4/10 requests done'],
  [
    [
      { id: 'b1', status: 'completed' as const, total: 10, completed: 9, failed: 1 },
      { id: 'b2', status: 'validating' as const, total: 5, completed: 0, failed: 0 },
      { id: 'b3', status: 'completed' as const, total: 5, completed: 5, failed: 0 },
    ],
    '3 batches: 2 completed, 1 validating; 15/20 requests done, 1 failed',
  ],
])('progress line %#', (batches, line) => {
  expect(renderBatchProgress(batches)).toBe(line);
});
