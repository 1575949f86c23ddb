// Resuming: gathers a cut-short run's finished samples and checks they belong to the run being resumed.
import { existsSync } from 'node:fs';
import { invalidInput } from '../errors.js';
import { gradesFromSamples } from '../grade/grade-run.js';
import { journalPathFor, readJournal, type JournalHeader } from '../result/journal.js';
import { readResult } from '../result/store.js';
import { RawSample } from '../schema/result.js';
import type { Grades } from '../score/scorer.js';
import { stableJson } from '../stable-json.js';

/** What an earlier run left: its finished raw samples by case id, and the verdicts its graders gave. */
export interface Prior {
  samples: Map<string, RawSample[]>;
  grades: Grades;
}

/**
 * Finished samples of the run saved at `resultPath` (its result file, its journal, or both), by
 * case id, as collected: the resumed run scores them again with the current code, so a resume
 * across an upgrade never mixes two extractors' answers in one vote. Throws invalid_input when
 * there is nothing to resume, the journal has no valid header, or the run differs from `expected`.
 */
export async function loadPrior(resultPath: string, expected: Omit<JournalHeader, 'tool'>): Promise<Prior> {
  const journalPath = journalPathFor(resultPath);
  const journal = readJournal(journalPath);
  const result = existsSync(resultPath) ? await readResult(resultPath) : null;
  if (!journal && !result) throw invalidInput(`${resultPath}: nothing to resume (no result file and no journal beside it).`);
  if (journal && !journal.header)
    throw invalidInput(`${journalPath} has no valid header line, so its samples cannot be told apart from another run's; remove it or start a new run.`);
  if (result) checkSameRun(resultPath, { suite: result.suite, model: result.model, params: result.params }, expected);
  if (journal?.header) checkSameRun(journalPath, journal.header, expected);

  const merged = new Map<string, Map<number, RawSample>>();
  const add = (caseId: string, samples: readonly RawSample[]) => {
    const byIndex = merged.get(caseId) ?? new Map<number, RawSample>();
    for (const s of samples) byIndex.set(s.index, s);
    merged.set(caseId, byIndex);
  };
  for (const c of result?.cases ?? [])
    add(
      c.id,
      c.samples.map((s) => RawSample.parse(s)),
    );
  for (const [caseId, samples] of journal?.samples ?? []) add(caseId, samples);
  // Failed samples are not answers: a resumed run sends them again.
  const samples = new Map([...merged].map(([id, byIndex]) => [id, [...byIndex.values()].filter((s) => !s.error)]));
  return { samples, grades: gradesFromSamples(result?.cases ?? []) };
}

function checkSameRun(path: string, saved: Omit<JournalHeader, 'tool'>, expected: Omit<JournalHeader, 'tool'>): void {
  if (saved.suite.sha256 !== expected.suite.sha256) {
    throw invalidInput(`${path} was made from a different version of suite "${saved.suite.name}"; resume with the same suite file, or start a new run.`);
  }
  if (saved.model !== expected.model) {
    throw invalidInput(`${path} ran model "${saved.model}", not "${expected.model}"; pass --model ${saved.model} to resume it.`);
  }
  if (stableJson(saved.params) !== stableJson(expected.params)) {
    throw invalidInput(
      `${path} ran with parameters ${stableJson(saved.params)}, not ${stableJson(expected.params)}; pass the same --param flags to resume it.`,
    );
  }
}
