// `thinkbench compare`: read result files, compare them with the first, render, write JUnit and the report, apply the gates.
import { z } from 'zod';
import { compareResults, type LoadedResult } from '../compare/compare.js';
import { EXIT, invalidInput, ThinkbenchError } from '../errors.js';
import { renderComparison } from '../report/comparison.js';
import { renderComparisonJson } from '../report/comparison-json.js';
import { renderJunitSuites } from '../report/junit.js';
import { renderComparisonMarkdown } from '../report/markdown.js';
import { openResult, readResultView, replyOf, writeFileAtomic } from '../result/store.js';
import type { ResultView } from '../schema/result.js';
import { flag, parseFlags } from './options.js';
import { writeReport } from './report.js';

/** The flags commander passes, checked and converted. */
export const CompareFlags = z.object({
  failOnRegression: z.boolean().optional(),
  alpha: flag.fraction('--alpha').default(0.05),
  maxRegressions: flag.count('--max-regressions', 0).optional(),
  failUnder: flag.fraction('--fail-under').optional(),
  /** With any gate: the share of the base's finished samples the candidate must have (0-1, default 1). */
  minCoverage: flag.fraction('--min-coverage').optional(),
  format: z.enum(['table', 'markdown', 'json']).default('table'),
  junit: z.string().optional(),
  report: z.string().optional(),
  force: z.boolean().optional(),
});

/** Compares every file after the first with the first; prints the report, then exits 1 when a gate fails. */
export async function compareCommand(files: string[], rawFlags: unknown): Promise<void> {
  const flags = parseFlags(CompareFlags, rawFlags);
  if (files.length < 2) throw invalidInput('compare takes a base result file and at least one candidate.');
  // One at a time, so a bad file is reported the same way on every run.
  const loaded: LoadedResult<ResultView>[] = [];
  for (const file of files) loaded.push({ file, result: await readResultView(file) });
  const [base, ...candidates] = loaded as [LoadedResult<ResultView>, ...LoadedResult<ResultView>[]];
  const { failOnRegression, maxRegressions, failUnder, minCoverage } = flags;
  const comparison = compareResults(base, candidates, {
    alpha: flags.alpha,
    force: flags.force,
    gates: { failOnRegression, maxRegressions, failUnder, minCoverage },
  });
  const color = flags.format === 'table' && process.stdout.isTTY === true && process.stdout.hasColors?.() === true;
  const rendered = {
    json: () => renderComparisonJson(comparison),
    markdown: () => renderComparisonMarkdown(comparison),
    table: () => `${renderComparison(comparison, { color })}\n`,
  };
  process.stdout.write(rendered[flags.format]());
  if (flags.junit) {
    const opened = await Promise.all(candidates.map(({ file }) => openResult(file)));
    try {
      const suites = candidates.map(({ file, result }, i) => ({
        result,
        regressed: new Set(comparison.candidates[i]?.regressed.map((r) => r.id)),
        suiteName: `${result.suite.name}: ${file} vs ${base.file}`,
        replyOf: replyOf(opened[i]!),
      }));
      await writeFileAtomic(flags.junit, renderJunitSuites(suites));
    } finally {
      for (const o of opened) o.close();
    }
  }
  if (flags.report) await writeReport(files, flags.report, { alpha: flags.alpha, maxReasoningChars: null }, process.stderr);
  const failures = comparison.candidates.flatMap((c) => c.gateFailures);
  if (failures.length) throw new ThinkbenchError('gate_failed', failures.join(' '));
  process.exitCode = EXIT.ok;
}
