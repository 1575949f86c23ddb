// The batches' progress as one line of text: how many in each state, and requests done of all.
import type { BatchProgress } from './run-batch.js';

/** `3 batches: 1 validating, 2 in_progress; 120/300 requests done, 4 failed`. */
export function renderBatchProgress(batches: readonly BatchProgress[]): string {
  const byStatus = new Map<string, number>();
  for (const b of batches) byStatus.set(b.status, (byStatus.get(b.status) ?? 0) + 1);
  const states = [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ');
  const total = batches.reduce((sum, b) => sum + b.total, 0);
  const done = batches.reduce((sum, b) => sum + b.completed + b.failed, 0);
  const failed = batches.reduce((sum, b) => sum + b.failed, 0);
  const noun = batches.length === 1 ? 'batch' : 'batches';
  return `${batches.length} ${noun}: ${states}; ${done}/${total} requests done${failed ? `, ${failed} failed` : ''}`;
}
