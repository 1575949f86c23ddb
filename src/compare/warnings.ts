// Warnings about two result files that differ in ways that make a comparison less fair.
import type { ResultView } from '../schema/result.js';
import type { CaseMatch } from './match.js';
import { isSampled } from './match.js';

const LISTED = 5;

/** One plain sentence per difference in suite, settings, sample counts or case coverage. */
export function comparisonWarnings(baseFile: string, base: ResultView, candidateFile: string, candidate: ResultView, match: CaseMatch): string[] {
  const warnings: string[] = [];
  const differ = (what: string, b: unknown, c: unknown, why: string) =>
    warnings.push(`${what} differ: ${show(b)} in ${baseFile}, ${show(c)} in ${candidateFile}; ${why}.`);
  if (base.suite.sha256 !== candidate.suite.sha256) {
    const names = base.suite.name === candidate.suite.name ? `suite "${base.suite.name}"` : `suites "${base.suite.name}" and "${candidate.suite.name}"`;
    warnings.push(`The suite hashes differ (${names}): the questions or settings changed between the runs, so compare with care.`);
  }
  if (stableJson(base.params) !== stableJson(candidate.params))
    differ('Request params', base.params, candidate.params, 'differences may come from the params, not the model');
  if (base.samples !== candidate.samples)
    differ('Samples per case', base.samples, candidate.samples, 'majority votes over different sample counts are not like for like');
  if (base.timeoutMs !== candidate.timeoutMs) differ('Timeouts (ms)', base.timeoutMs, candidate.timeoutMs, 'timeouts can turn slow answers into errors');
  if (base.simulated !== candidate.simulated) warnings.push(`Only ${base.simulated ? baseFile : candidateFile} comes from the built-in simulated model.`);
  for (const [file, result] of [
    [baseFile, base],
    [candidateFile, candidate],
  ] as const) {
    if (!result.complete) warnings.push(`${file} is incomplete (the run was cut short); cases it did not finish are left out of the paired test.`);
  }
  if (match.onlyBase.length) warnings.push(`${count(match.onlyBase.length)} only in ${baseFile}: ${list(match.onlyBase)}.`);
  if (match.onlyCandidate.length) warnings.push(`${count(match.onlyCandidate.length)} only in ${candidateFile}: ${list(match.onlyCandidate)}.`);
  if (match.duplicates.length) warnings.push(`Duplicate case ids (the first of each is used): ${list(match.duplicates)}.`);
  const changedExpected = match.shared.filter((p) => p.base.expected !== p.candidate.expected || p.base.scorer !== p.candidate.scorer);
  if (changedExpected.length) warnings.push(`The expected answer or scorer changed for ${list(changedExpected.map((p) => p.id))}.`);
  const unsampled = match.shared.filter((p) => !isSampled(p.base) || !isSampled(p.candidate));
  if (unsampled.length) warnings.push(`Left out of the paired test, as not run in both files: ${list(unsampled.map((p) => p.id))}.`);
  return warnings;
}

/** JSON with object keys sorted, so that key order never makes two equal values differ. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function show(value: unknown): string {
  return typeof value === 'object' ? stableJson(value) : String(value);
}

function count(n: number): string {
  return n === 1 ? '1 case is' : `${n} cases are`;
}

function list(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED).join(', ');
  return ids.length > LISTED ? `${shown} and ${ids.length - LISTED} more` : shown;
}
