// Quality gates on a pairwise comparison: significant regression, too many regressed cases, accuracy floor.
import { pct } from '../report/compare-format.js';
import { sanitize } from '../report/sanitize.js';
import type { PairwiseComparison } from './compare.js';

/** The gates asked for on the command line; an absent limit is no limit. */
export interface GateOptions {
  /** Fail when the candidate is significantly worse or regressed more than `maxRegressions` cases. */
  failOnRegression?: boolean;
  alpha: number;
  maxRegressions?: number;
  /** Fail when the candidate's whole-file accuracy is below this. */
  failUnder?: number;
}

const NAMED = 50;

/** One sentence per failed gate, naming the file and the regressed case ids; empty when all pass. */
export function gateFailures(comparison: PairwiseComparison, baseFile: string, options: GateOptions): string[] {
  const failures: string[] = [];
  const { file, accuracy, mcnemar, regressed } = comparison;
  const ids = regressed.length ? `regressed: ${names(regressed.map((r) => r.id))}` : 'no case flipped from right to wrong';
  if (options.failOnRegression) {
    if (comparison.verdict === 'worse') {
      failures.push(
        `${file} is significantly worse than ${baseFile} (accuracy ${pct(accuracy.candidate)} vs ${pct(accuracy.base)} on ${comparison.pairedCases} shared cases, McNemar p = ${formatP(mcnemar.pValue)} < ${options.alpha}); ${ids}.`,
      );
    }
    if (options.maxRegressions !== undefined && regressed.length > options.maxRegressions) {
      failures.push(`${file} regressed ${regressed.length} cases, more than --max-regressions ${options.maxRegressions} allows; ${ids}.`);
    }
  }
  if (options.failUnder !== undefined && comparison.summaryAccuracy.candidate < options.failUnder) {
    failures.push(`${file} has accuracy ${pct(comparison.summaryAccuracy.candidate)}, under --fail-under ${options.failUnder}.`);
  }
  return failures;
}

// Case ids come from suite files, but they end up on a terminal, so they are sanitised like model output.
function names(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMED).map(sanitize).join(', ');
  return ids.length > NAMED ? `${shown} and ${ids.length - NAMED} more` : shown;
}


/** A p-value for people: four decimals, or scientific notation when smaller than 0.0001. */
export function formatP(p: number): string {
  if (p >= 0.0001) return p.toFixed(4);
  return p === 0 ? '0' : p.toExponential(1);
}
