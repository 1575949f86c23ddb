// The gates a run applies to its own result: every sample failed (aborted), too many failed, accuracy under --fail-under.

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
export function runGates(result: ResultView, gates: { maxErrorRate: number; failUnder?: number | undefined }): RunGateFailure[] {
  const samples = result.cases.flatMap((c) => c.samples);
  const failed = samples.filter((s) => s.error).length;
  const codes = [...new Set(samples.flatMap((s) => (s.error ? [s.error.code] : [])))].slice(0, 3).join(', ');
  const name = result.suite.name;
  if (samples.length > 0 && failed === samples.length) {
    return [
      {
        kind: 'aborted',
        message: `${name}: every one of its ${samples.length} samples failed (${codes}); nothing was measured. Check the endpoint and the errors above.`,
      },
    ];
  }
  const failures: RunGateFailure[] = [];
  if (samples.length > 0 && failed / samples.length > gates.maxErrorRate) {
    failures.push({
      kind: 'gate',
      message: `${name}: ${failed} of ${samples.length} samples failed (${codes}), more than --max-error-rate ${gates.maxErrorRate} allows.`,
    });
  }
  if (gates.failUnder !== undefined) {
    const sampled = result.cases.filter((c) => c.samples.length > 0);
    const accuracy = sampled.length ? sampled.reduce((n, c) => n + c.credit, 0) / sampled.length : 0;
    const planned = result.cases.length * result.samples;
    const covered = result.complete
      ? ''
      : ` (over the ${samples.length} of ${planned} planned samples that finished, in ${sampled.length} of ${result.cases.length} cases)`;
    if (sampled.length === 0 || accuracy < gates.failUnder)
      failures.push({ kind: 'gate', message: `${name} scored ${accuracy.toFixed(3)}${covered}, under --fail-under ${gates.failUnder}.` });
  }
  return failures;
}
