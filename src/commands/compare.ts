// `thinkbench compare`: read result files, compare them with the first, render, write JUnit, apply the gates.
import { compareResults, type LoadedResult } from '../compare/compare.js';
import { EXIT, invalidInput, ThinkbenchError } from '../errors.js';
import { renderComparison } from '../report/comparison.js';
import { renderComparisonJson } from '../report/comparison-json.js';
import { renderJunitSuites } from '../report/junit.js';
import { renderComparisonMarkdown } from '../report/markdown.js';
import { readResult, writeFileAtomic } from '../result/store.js';
import { parseCount, parseFraction } from './options.js';

/** The options commander passes, as strings where the user typed them. */
export interface CompareFlags {
  failOnRegression?: boolean;
  alpha: string;
  maxRegressions?: string;
  failUnder?: string;
  /** With any gate: the share of the base's finished samples the candidate must have (0-1, default 1). */
  minCoverage?: string;
  format: 'table' | 'markdown' | 'json';
  junit?: string;
  force?: boolean;
}

/** Compares every file after the first with the first; prints the report, then exits 1 when a gate fails. */
export async function compareCommand(files: string[], flags: CompareFlags): Promise<void> {
  if (files.length < 2) throw invalidInput('compare takes a base result file and at least one candidate.');
  const alpha = parseFraction(flags.alpha, '--alpha');
  const maxRegressions = flags.maxRegressions === undefined ? undefined : parseCount(flags.maxRegressions, '--max-regressions', 0);
  const failUnder = flags.failUnder === undefined ? undefined : parseFraction(flags.failUnder, '--fail-under');
  const minCoverage = flags.minCoverage === undefined ? undefined : parseFraction(flags.minCoverage, '--min-coverage');
  // One at a time, so a bad file is reported the same way on every run.
  const loaded: LoadedResult[] = [];
  for (const file of files) loaded.push({ file, result: await readResult(file) });
  const [base, ...candidates] = loaded as [LoadedResult, ...LoadedResult[]];

  const comparison = compareResults(base, candidates, {
    alpha,
    force: flags.force,
    gates: { failOnRegression: flags.failOnRegression, maxRegressions, failUnder, minCoverage },
  });
  const color = flags.format === 'table' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const report =
    flags.format === 'json' ? renderComparisonJson(comparison)
    : flags.format === 'markdown' ? renderComparisonMarkdown(comparison)
    : `${renderComparison(comparison, { color })}\n`;
  process.stdout.write(report);

  if (flags.junit) {
    const suites = candidates.map(({ file, result }, i) => ({
      result,
      regressed: new Set(comparison.candidates[i]?.regressed.map((r) => r.id)),
      suiteName: `${result.suite.name}: ${file} vs ${base.file}`,
    }));
    await writeFileAtomic(flags.junit, renderJunitSuites(suites));
  }

  const failures = comparison.candidates.flatMap((c) => c.gateFailures);
  if (failures.length) throw new ThinkbenchError('gate_failed', failures.join(' '));
  process.exitCode = EXIT.ok;
}
