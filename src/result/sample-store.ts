// Where a run's collected samples live until they are scored: in memory, or in the run's journal on disk.
import type { RawSample } from '../schema/result.js';
import type { SampleLookup } from '../score/score-run.js';

export type { SampleLookup } from '../score/score-run.js';

/** Samples are added as they finish and read back by case, for grading and scoring; the last one added for an index wins. */
export interface SampleStore extends SampleLookup {
  add(caseId: string, sample: RawSample): void;
  /** The indexes of the case's samples that did not fail, in order: what is done, known without reading a text. */
  finished(caseId: string): number[];
}

/** A store held in memory: what `evaluate()` uses when no journal is given. */
export function memorySampleStore(): SampleStore {
  const cases = new Map<string, Map<number, RawSample>>();
  const get = (caseId: string) => {
    const byIndex = cases.get(caseId);
    return byIndex && [...byIndex.values()].sort((a, b) => a.index - b.index);
  };
  return {
    add(caseId, sample) {
      const byIndex = cases.get(caseId) ?? new Map<number, RawSample>();
      byIndex.set(sample.index, sample);
      cases.set(caseId, byIndex);
    },
    get,
    finished: (caseId) => (get(caseId) ?? []).filter((s) => !s.error).map((s) => s.index),
  };
}
