// The gates a run applies to its own result: every sample failed (aborted), too many failed, accuracy under --fail-under.

import { asBrief, type ResultBrief } from '../schema/case-brief.js';
import type { ResultView } from '../schema/result.js';

/** One failed gate: `aborted` (exit 3) when the run measured nothing, `gate` (exit 1) otherwise. */
export interface RunGateFailure {
  kind: 'aborted' | 'gate';
  message: string;
}

/**
 * The run's gates, computed from its cases (never from a stored summary). A run in which every
 * sample failed measured nothing, so it is aborted whatever the gates say; more failed samples
 * than `maxErrorRate` fails the run; `failUnder` compares the majority accuracy, saying how much
 * of the run it covers when the run was cut short.
 */
export function runGates(result: ResultBrief | ResultView, gates: { maxErrorRate: number; failUnder?: number | undefined }): RunGateFailure[] {
  const cases = result.cases.map(asBrief);
  const samples = cases.reduce((n, c) => n + c.brief.count, 0);
  const errors = cases.flatMap((c) => c.brief.errors);
  const failed = errors.reduce((n, e) => n + e.count, 0);
  const codes = [...new Set(errors.map((e) => e.code))].slice(0, 3).join(', ');
  const name = result.suite.name;
  if (samples > 0 && failed === samples) {
    return [
      {
        kind: 'aborted',
        message: `${name}: every one of its ${samples} samples failed (${codes}); nothing was measured. Check the endpoint and the errors above.`,
      },
    ];
  }
  const failures: RunGateFailure[] = [];
  if (samples > 0 && failed / samples > gates.maxErrorRate) {
    failures.push({
      kind: 'gate',
      message: `${name}: ${failed} of ${samples} samples failed (${codes}), more than --max-error-rate ${gates.maxErrorRate} allows.`,
    });
  }
  if (gates.failUnder !== undefined) {
    const sampled = cases.filter((c) => c.brief.count > 0);
    const accuracy = sampled.length ? sampled.reduce((n, c) => n + c.credit, 0) / sampled.length : 0;
    const planned = cases.length * result.samples;
    const covered = result.complete ? '' : ` (over the ${samples} of ${planned} planned samples that finished, in ${sampled.length} of ${cases.length} cases)`;
    if (sampled.length === 0 || accuracy < gates.failUnder)
      failures.push({ kind: 'gate', message: `${name} scored ${accuracy.toFixed(3)}${covered}, under --fail-under ${gates.failUnder}.` });
  }
  return failures;
}
