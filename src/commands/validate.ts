// `thinkbench validate`: checks suites without calling any endpoint.
import { DEFAULT_SAMPLES, samplesFor } from '../run/plan.js';
import { sanitize } from '../report/sanitize.js';
import { loadSuite } from '../suite/load.js';

/** Loads every suite; the first invalid one throws (exit 2) with its place named. */
export async function validateCommand(paths: string[]): Promise<void> {
  for (const path of paths) {
    const suite = await loadSuite(path);
    const samples = suite.cases.reduce((n, c) => n + samplesFor(c, { samples: DEFAULT_SAMPLES }), 0);
    console.log(sanitize(`${path}: ok (${suite.name}, ${suite.cases.length} cases, ${samples} samples by default)`));
  }
}
