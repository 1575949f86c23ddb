// Resuming: gathers a cut-short run's finished samples and checks they belong to the run being resumed.
import { existsSync } from 'node:fs';
import { invalidInput } from '../errors.js';
import { journalPathFor, readJournal, type JournalHeader } from '../result/journal.js';
import { readResult } from '../result/store.js';
import type { Sample } from '../schema/result.js';

/**
 * Finished samples of the run saved at `resultPath` (its result file, its journal, or both), by
 * case id. Throws invalid_input when there is nothing to resume or the run differs from `expected`.
 */
export async function loadPriorSamples(resultPath: string, expected: JournalHeader): Promise<Map<string, Sample[]>> {
  const journal = readJournal(journalPathFor(resultPath));
  const result = existsSync(resultPath) ? await readResult(resultPath) : null;
  if (!journal && !result) throw invalidInput(`${resultPath}: nothing to resume (no result file and no journal beside it).`);
  if (result) checkSameRun(resultPath, { suite: result.suite, model: result.model, params: result.params }, expected);
  if (journal?.header) checkSameRun(journalPathFor(resultPath), journal.header, expected);

  const merged = new Map<string, Map<number, Sample>>();
  const add = (caseId: string, samples: readonly Sample[]) => {
    const byIndex = merged.get(caseId) ?? new Map<number, Sample>();
    for (const s of samples) byIndex.set(s.index, s);
    merged.set(caseId, byIndex);
  };
  for (const c of result?.cases ?? []) add(c.id, c.samples);
  for (const [caseId, samples] of journal?.samples ?? []) add(caseId, samples);
  // Failed samples are not answers: a resumed run sends them again.
  return new Map([...merged].map(([id, byIndex]) => [id, [...byIndex.values()].filter((s) => s.outcome !== 'error')]));
}

function checkSameRun(path: string, saved: JournalHeader, expected: JournalHeader): void {
  if (saved.suite.sha256 !== expected.suite.sha256) {
    throw invalidInput(`${path} was made from a different version of suite "${saved.suite.name}"; resume with the same suite file, or start a new run.`);
  }
  if (saved.model !== expected.model) {
    throw invalidInput(`${path} ran model "${saved.model}", not "${expected.model}"; pass --model ${saved.model} to resume it.`);
  }
  if (stableJson(saved.params) !== stableJson(expected.params)) {
    throw invalidInput(`${path} ran with parameters ${stableJson(saved.params)}, not ${stableJson(expected.params)}; pass the same --param flags to resume it.`);
  }
}

function stableJson(value: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
}
