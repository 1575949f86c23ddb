// Quality gates on a pairwise comparison: coverage, significant regression or its small-suite fallback, regression count, accuracy floor.
import { ciPhrase, formatP, pct, pp } from '../report/compare-format.js';
import { sanitize } from '../report/sanitize.js';
import type { CaseChange, PairwiseComparison } from './compare.js';

/** The gates asked for on the command line; an absent limit is no limit. */
export interface GateOptions {
  /** Fail when the candidate is significantly worse or regressed more than `maxRegressions` cases. */
  failOnRegression?: boolean;
  alpha: number;
  maxRegressions?: number;
  /** Fail when the candidate's whole-file accuracy is below this. */
  failUnder?: number;
  /** With any gate: the share of the base's finished samples the candidate must have too (default 1, all of them). */
  minCoverage?: number;
}

const NAMED = 50;
const FELL_NAMED = 5;

/** One sentence per failed gate, naming the file and the cases behind it; empty when all pass or none was asked for. */
export function gateFailures(comparison: PairwiseComparison, baseFile: string, options: GateOptions): string[] {
  const failures: string[] = [];
  const { file, regressed, coverage, pairedCases } = comparison;
  const gated = options.failOnRegression || options.failUnder !== undefined || options.minCoverage !== undefined;
  if (!gated) return failures;
  const minCoverage = options.minCoverage ?? 1;
  if (coverage.share < minCoverage) {
    failures.push(
      `${file} has ${coverage.candidateSamples} of the ${coverage.baseSamples} samples ${baseFile} finished (${pct(coverage.share)}), under the ${pct(minCoverage)} required (--min-coverage ${minCoverage}), so it does not pass: finish the run (--resume) or lower --min-coverage.`,
    );
  }
  const newlyFailing = regressed.length ? `newly failing: ${names(regressed)}` : 'no case newly failing';
  if (options.failOnRegression) {
    if (pairedCases === 0) {
      failures.push(`${file} has no case run in both it and ${baseFile}, so nothing was compared and it does not pass.`);
    } else if (comparison.verdict === 'worse') {
      const { test, pass1 } = comparison;
      failures.push(
        `${file} is significantly worse than ${baseFile}: pass1 ${pct(pass1.candidate)} vs ${pct(pass1.base)} (${pp(pass1.delta)}, ${ciPhrase(test.level, test.interval)}) on ${pairedCases} paired cases, sign-flip p = ${formatP(test.pValue)} < ${options.alpha}; pass1 fell on ${count(comparison.pass1Fell.length)} (most: ${names(comparison.pass1Fell, FELL_NAMED)}); ${newlyFailing}.`,
      );
    } else if (comparison.smallSuite && options.maxRegressions === undefined && regressed.length > 0) {
      failures.push(
        `${file} has ${count(regressed.length)} newly failing (${names(regressed)}); with ${pairedCases} paired cases no test can reach p < ${options.alpha} (it needs ${comparison.test.minCases}), so any newly failing case fails the gate (--max-regressions sets a limit instead).`,
      );
    }
    if (options.maxRegressions !== undefined && regressed.length > options.maxRegressions) {
      failures.push(`${file} regressed ${regressed.length} cases, more than --max-regressions ${options.maxRegressions} allows; ${newlyFailing}.`);
    }
  }
  if (options.failUnder !== undefined && comparison.summaryAccuracy.candidate < options.failUnder) {
    failures.push(`${file} has accuracy ${pct(comparison.summaryAccuracy.candidate)}${measured(comparison)}, under --fail-under ${options.failUnder}.`);
  }
  return failures;
}

// A partial candidate's accuracy is over the cases it ran: say so, so the figure is not read as the suite's.
function measured(comparison: PairwiseComparison): string {
  const { coverage } = comparison;
  return coverage.share < 1 ? ` over the ${coverage.candidateSamples} of ${coverage.baseSamples} samples it finished` : '';
}

function count(n: number): string {
  return n === 1 ? '1 case' : `${n} cases`;
}

// Case ids come from suite files, but they end up on a terminal, so they are sanitised like model output.
function names(changes: readonly CaseChange[], most = NAMED): string {
  const ids = changes.map((c) => c.id);
  const shown = ids.slice(0, most).map(sanitize).join(', ');
  return ids.length > most ? `${shown} and ${ids.length - most} more` : shown;
}
