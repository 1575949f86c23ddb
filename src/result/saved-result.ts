// A saved result as rescore and merge read it: the head, and each case's samples read when asked (from memory or a sidecar).
import type { CaseHead, Result, Sample } from '../schema/result.js';

/** What src/result/store.ts `openResult` gives, and what a Result in memory is turned into. */
export interface SavedResult {
  head: Omit<Result, 'cases'> & { cases: CaseHead[] };
  samples(caseId: string): Sample[];
}

/** A result held in memory, as a SavedResult. */
export function savedFromResult(result: Result): SavedResult {
  const byId = new Map(result.cases.map((c) => [c.id, c.samples]));
  return { head: { ...result, cases: result.cases.map(({ samples: _samples, ...head }) => head) }, samples: (caseId) => byId.get(caseId) ?? [] };
}
