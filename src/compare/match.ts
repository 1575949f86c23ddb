// Pairs the cases of two result files by id, and reads each case's credit and per-sample accuracy.
import type { CaseView } from '../schema/result.js';

/** The same case in the base and in the candidate. */
export interface CasePair {
  id: string;
  base: CaseView;
  candidate: CaseView;
}

/** How two files' cases line up. */
export interface CaseMatch {
  /** Cases present in both files, in the base's order. */
  shared: CasePair[];
  onlyBase: string[];
  onlyCandidate: string[];
  /** Ids that occur more than once in a file; the first occurrence is used. */
  duplicates: string[];
}

/** Matches cases by id, keeping the base's order. */
export function matchCases(base: readonly CaseView[], candidate: readonly CaseView[]): CaseMatch {
  const baseById = indexById(base);
  const candidateById = indexById(candidate);
  const shared: CasePair[] = [];
  for (const [id, b] of baseById.cases) {
    const c = candidateById.cases.get(id);
    if (c) shared.push({ id, base: b, candidate: c });
  }
  return {
    shared,
    onlyBase: [...baseById.cases.keys()].filter((id) => !candidateById.cases.has(id)),
    onlyCandidate: [...candidateById.cases.keys()].filter((id) => !baseById.cases.has(id)),
    duplicates: [...new Set([...baseById.duplicates, ...candidateById.duplicates])],
  };
}

function indexById(cases: readonly CaseView[]): { cases: Map<string, CaseView>; duplicates: string[] } {
  const byId = new Map<string, CaseView>();
  const duplicates: string[] = [];
  for (const c of cases) {
    if (byId.has(c.id)) duplicates.push(c.id);
    else byId.set(c.id, c);
  }
  return { cases: byId, duplicates };
}

/** Whether the case has at least one finished sample (a cut-short run leaves some unsampled). */
export function isSampled(c: CaseView): boolean {
  return c.samples.length > 0;
}

/**
 * The case's credit toward accuracy: the stored `credit` when the result has it, else derived from
 * the votes as the run scored them (1 or 0 for a clear winner; for a tie, the share of the tied
 * answers that are correct). Every credit-based figure in compare reads it: flips, McNemar, accuracy.
 */
export function caseCredit(c: CaseView): number {
  const stored = (c as { credit?: unknown }).credit;
  if (typeof stored === 'number' && Number.isFinite(stored)) return stored;
  if (!c.tie) return c.correct ? 1 : 0;
  const counts = Object.values(c.votes);
  const top = Math.max(0, ...counts);
  const tied = Object.entries(c.votes)
    .filter(([, n]) => n === top)
    .map(([answer]) => answer);
  if (!tied.length) return 0;
  const correct = new Set(c.samples.filter((s) => s.answer !== null && s.correct).map((s) => s.answer));
  return tied.filter((answer) => correct.has(answer)).length / tied.length;
}

/** The share of the case's samples that were right, failed samples counting as not right (0 with no samples). */
export function casePass1(c: CaseView): number {
  return c.samples.length ? c.samples.filter((s) => s.correct).length / c.samples.length : 0;
}
