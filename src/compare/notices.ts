// What a comparison must say when it matters: sample coverage, verifier failures, mixed selections, error-heavy cases.
import type { CaseView, ResultView, Selection } from '../schema/result.js';
import type { CaseMatch } from './match.js';

/** How much of the base's finished samples the candidate has on the same cases (capped per case at the base's count). */
export interface Coverage {
  baseSamples: number;
  candidateSamples: number;
  /** candidateSamples / baseSamples; 1 when the base has no samples. */
  share: number;
}

/** Figures behind the warnings, for scripts; each non-empty one also gets one warning line. */
export interface Notices {
  /** Best-of-n cases with an answered sample but no finite verifier score (the verifier failed on all of them). */
  verifierFailures: { base: number; candidate: number };
  /** The two files chose their answers differently (majority vote vs best-of-n); null when they agree. */
  mixedSelection: { base: Selection; candidate: Selection } | null;
  /** Paired cases where more than half the samples failed (request errors) in that file. */
  errorHeavy: { base: string[]; candidate: string[] };
}

const LISTED = 5;

/** The candidate's finished samples over the base's, case by case (a case only in the base counts as uncovered). */
export function sampleCoverage(base: readonly CaseView[], match: CaseMatch): Coverage {
  const seen = new Set<string>();
  let baseSamples = 0;
  for (const c of base) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    baseSamples += c.samples.length;
  }
  const candidateSamples = match.shared.reduce((n, p) => n + Math.min(p.candidate.samples.length, p.base.samples.length), 0);
  return { baseSamples, candidateSamples, share: baseSamples ? candidateSamples / baseSamples : 1 };
}

/** The notices for a pair of files, over their paired cases. */
export function comparisonNotices(base: ResultView, candidate: ResultView, paired: CaseMatch['shared']): Notices {
  return {
    verifierFailures: { base: verifierFailures(base), candidate: verifierFailures(candidate) },
    mixedSelection: base.selection === candidate.selection ? null : { base: base.selection, candidate: candidate.selection },
    errorHeavy: { base: paired.filter((p) => errorHeavy(p.base)).map((p) => p.id), candidate: paired.filter((p) => errorHeavy(p.candidate)).map((p) => p.id) },
  };
}

/** One warning sentence per notice that applies. */
export function noticeWarnings(notices: Notices, baseFile: string, candidateFile: string): string[] {
  const warnings: string[] = [];
  const { verifierFailures: v, mixedSelection: mixed, errorHeavy: heavy } = notices;
  for (const [file, n] of [
    [baseFile, v.base],
    [candidateFile, v.candidate],
  ] as const) {
    if (n > 0)
      warnings.push(
        `The verifier scored no answer in ${cases(n)} of ${file} (best-of-n): those cases got no answer and count as wrong, so its accuracy measures the verifier's failures too.`,
      );
  }
  if (mixed) {
    warnings.push(
      `${baseFile} chose answers by ${mixed.base} and ${candidateFile} by ${mixed.candidate}: accuracy and flips compare two selection rules, not only two models (pass1 is unaffected).`,
    );
  }
  for (const [file, ids] of [
    [baseFile, heavy.base],
    [candidateFile, heavy.candidate],
  ] as const) {
    if (ids.length)
      warnings.push(
        `Most samples failed in ${cases(ids.length)} of ${file} (${list(ids)}): failed samples abstain from the vote, so those majorities rest on few samples, while pass1 counts each failure as wrong.`,
      );
  }
  return warnings;
}

function verifierFailures(result: ResultView): number {
  if (result.selection !== 'best-of-n') return 0;
  return result.cases.filter((c) => {
    const answered = c.samples.filter((s) => s.answer !== null);
    return answered.length > 0 && !answered.some((s) => typeof s.score === 'number' && Number.isFinite(s.score));
  }).length;
}

function errorHeavy(c: CaseView): boolean {
  return c.samples.length > 0 && c.samples.filter((s) => s.outcome === 'error').length * 2 > c.samples.length;
}

function cases(n: number): string {
  return n === 1 ? '1 case' : `${n} cases`;
}

function list(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED).join(', ');
  return ids.length > LISTED ? `${shown} and ${ids.length - LISTED} more` : shown;
}
