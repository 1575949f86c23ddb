// `thinkbench validate`: checks suites without calling any endpoint, reporting every problem of each file.
import { relative } from 'node:path';
import { invalidInput } from '../errors.js';
import { sanitize } from '../report/sanitize.js';
import { DEFAULT_SAMPLES, samplesFor } from '../run/plan.js';
import { customModulePaths } from '../grade/custom.js';
import type { Suite } from '../schema/suite.js';
import { checkSuite } from '../suite/load.js';

/** Problems listed per file; the rest are counted. */
export const MAX_ERRORS_SHOWN = 20;

/** Checks every suite; prints `ok` lines for the good ones, then throws (exit 2) listing each bad file's problems. */
export async function validateCommand(paths: string[]): Promise<void> {
  const failures: string[] = [];
  for (const path of paths) {
    const { suite, errors } = await checkSuite(path);
    if (errors) {
      failures.push(formatErrors(path, errors));
      continue;
    }
    const samples = suite.cases.reduce((n, c) => n + samplesFor(c, { samples: DEFAULT_SAMPLES }), 0);
    console.log(sanitize(`${path}: ok (${suite.name}, ${suite.cases.length} cases, ${samples} samples by default)`));
    for (const line of reach(suite)) console.log(sanitize(`  ${line}`));
  }
  if (failures.length > 0) throw invalidInput(failures.join('\n'));
}

/** What running the suite would execute or contact beyond the run's own endpoint: the trust it asks for. */
export function reach(suite: Suite): string[] {
  const lines: string[] = [];
  const modules = customModulePaths(suite).map((m) => relative(process.cwd(), m));
  if (modules.length)
    lines.push(`runs code on this machine: custom scorer ${modules.join(', ')} (thinkbench's own suites run theirs; others need --allow-custom-scorers)`);
  const code = suite.cases.filter((c) => c.scorer === 'code').length;
  if (code) lines.push(`runs the programs of ${code} code case(s) only with --allow-code-execution`);
  const judges = [...new Set(suite.cases.flatMap((c) => (c.scorer === 'judge' && c.judge?.baseUrl ? [c.judge.baseUrl] : [])))];
  if (judges.length) lines.push(`contacts judge endpoint(s) ${judges.join(', ')}, with no key unless --judge-api-key-env names one`);
  if (suite.cases.some((c) => c.scorer === 'judge' && !c.judge?.baseUrl)) lines.push("asks the run's own endpoint to judge answers (judge cases)");
  if (suite.dataset) lines.push(`reads ${suite.dataset.path} (${suite.dataset.rows} rows)`);
  return lines;
}

/** One problem as it is; several under a count line, one `file:line:col path: message` a line, cut at MAX_ERRORS_SHOWN. */
export function formatErrors(path: string, errors: string[]): string {
  if (errors.length === 1) return errors[0]!;
  const shown = errors.slice(0, MAX_ERRORS_SHOWN);
  const more = errors.length - shown.length;
  return [`${path}: ${errors.length} errors`, ...shown, ...(more > 0 ? [`... and ${more} more`] : [])].join('\n');
}
