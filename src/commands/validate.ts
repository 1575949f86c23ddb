// `thinkbench validate`: checks suites without calling any endpoint, reporting every problem of each file.
import { invalidInput } from '../errors.js';
import { sanitize } from '../report/sanitize.js';
import { DEFAULT_SAMPLES, samplesFor } from '../run/plan.js';
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
  }
  if (failures.length > 0) throw invalidInput(failures.join('\n'));
}

/** One problem as it is; several under a count line, one `file:line:col path: message` a line, cut at MAX_ERRORS_SHOWN. */
export function formatErrors(path: string, errors: string[]): string {
  if (errors.length === 1) return errors[0]!;
  const shown = errors.slice(0, MAX_ERRORS_SHOWN);
  const more = errors.length - shown.length;
  return [`${path}: ${errors.length} errors`, ...shown, ...(more > 0 ? [`... and ${more} more`] : [])].join('\n');
}
