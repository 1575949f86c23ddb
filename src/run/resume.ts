// Resuming: a cut-short run's finished samples, checked to belong to the run being resumed, copied into the new run's journal.
import { existsSync } from 'node:fs';
import { invalidInput } from '../errors.js';
import { type GradeTables, gradesFromSamples } from '../grade/grade-run.js';
import { type Journal, type JournalHeader, type JournalReading, journalPathFor, readJournal } from '../result/journal.js';
import { type OpenedResult, openResult } from '../result/store.js';
import { RawSample } from '../schema/result.js';
import type { Grades } from '../score/scorer.js';
import { stableJson } from '../stable-json.js';

/** What an earlier run left: its samples (copied on demand, case by case) and its checked identity. */
export interface Prior {
  /**
   * Copies the earlier run's finished samples into `journal` (a sample it already holds is left as
   * it is) and returns the verdicts its graders gave and how many samples were reused. Failed
   * samples are not copied: a resumed run sends them again.
   */
  copyInto(journal: Pick<Journal, 'add' | 'has'>): { grades: Grades; reused: number };
  close(): void;
}

/**
 * The run saved at `resultPath` (its result file, its journal, or both), read case by case: the
 * resumed run scores its samples again with the current code, so a resume across an upgrade never
 * mixes two extractors' answers in one vote. Throws invalid_input when there is nothing to resume,
 * the journal has no valid header, or the run differs from `expected`.
 */
export async function openPrior(resultPath: string, expected: Omit<JournalHeader, 'tool'>): Promise<Prior> {
  const journalPath = journalPathFor(resultPath);
  const journal = await readJournal(journalPath);
  let result: OpenedResult | null = null;
  try {
    result = existsSync(resultPath) ? await openResult(resultPath) : null;
    if (!journal && !result) throw invalidInput(`${resultPath}: nothing to resume (no result file and no journal beside it).`);
    if (journal && !journal.header)
      throw invalidInput(`${journalPath} has no valid header line, so its samples cannot be told apart from another run's; remove it or start a new run.`);
    if (result) checkSameRun(resultPath, { suite: result.head.suite, model: result.head.model, params: result.head.params }, expected);
    if (journal?.header) checkSameRun(journalPath, journal.header, expected);
  } catch (error) {
    journal?.close();
    result?.close();
    throw error;
  }
  return {
    copyInto: (into) => copyPrior(result, journal, into),
    close: () => {
      journal?.close();
      result?.close();
    },
  };
}

function copyPrior(result: OpenedResult | null, journal: JournalReading | null, into: Pick<Journal, 'add' | 'has'>): { grades: Grades; reused: number } {
  const grades: GradeTables = { verdicts: new Map(), scores: new Map() };
  const caseIds = new Set([...(result?.head.cases.map((c) => c.id) ?? []), ...(journal?.caseIds() ?? [])]);
  const scorers = new Map(result?.head.cases.map((c) => [c.id, c.scorer]));
  let reused = 0;
  for (const caseId of caseIds) {
    const saved = result?.samples(caseId) ?? [];
    if (saved.length) gradesFromSamples([{ id: caseId, scorer: scorers.get(caseId), samples: saved }], grades);
    // The journal's samples are the later word: they win over the result file's for the same index.
    const byIndex = new Map<number, RawSample>(saved.map((s) => [s.index, RawSample.parse(s)]));
    for (const s of journal?.get(caseId) ?? []) byIndex.set(s.index, s);
    for (const sample of byIndex.values()) {
      if (sample.error) continue;
      reused++;
      if (!into.has(caseId, sample.index)) into.add(caseId, sample);
    }
  }
  return { grades, reused };
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
