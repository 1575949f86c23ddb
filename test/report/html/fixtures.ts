// Test helper: result files made by the real pipeline (evaluate() against the simulated endpoint), saved to a temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../../src/schema/result.js';
import { writeResult } from '../../../src/result/store.js';
import { evaluateAgainst, mock } from '../../helpers/run.js';
import { shippedSuite } from '../../helpers/suites.js';

/** A fresh temp folder for a test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'thinkbench-report-'));
}

/** Runs the first `cases` arithmetic questions with `samples` samples on `model` (thinkbench-sim-NN). */
export async function simulatedRun(model: string, cases = 12, samples = 4, seed = 3): Promise<Result> {
  const server = await mock({ seed });
  const suite = await shippedSuite('arithmetic', cases);
  const { run } = evaluateAgainst(server, { suite, model, samplesOverride: samples });
  return run;
}

/** Writes `result` to `dir/name` and returns the path. */
export async function save(dir: string, name: string, result: Result): Promise<string> {
  const path = join(dir, name);
  await writeResult(path, result);
  return path;
}

/** Markup and script a hostile reply could carry; each would set window.__pwned if it ever ran. */
export const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned = \'link\'">click me</a>',
  '</script><script>window.__pwned = "breakout"</script>',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '$\\href{javascript:window.__pwned=1}{x}$ and \\url{javascript:alert(1)}',
];

/** `result` with the payloads planted in a case's id, expected answer, tags, answers, content and reasoning. */
export function hostile(result: Result): Result {
  const all = PAYLOADS.join('\n');
  const cases = result.cases.map((c, i) => {
    if (i !== 0) return c;
    const samples = c.samples.map((s) => ({
      ...s,
      content: `${all}\nAnswer: ${PAYLOADS[0]}`,
      reasoning: all,
      answer: PAYLOADS[1]!,
      correct: false,
      outcome: 'answered' as const,
    }));
    return {
      ...c,
      ...('credit' in c && { credit: 0 }),
      id: `evil-${PAYLOADS[3]}`,
      expected: PAYLOADS[0]!,
      tags: [PAYLOADS[2]!],
      answer: PAYLOADS[1]!,
      votes: { [PAYLOADS[1]!]: samples.length },
      correct: false,
      samples,
    };
  });
  return { ...result, model: `model ${PAYLOADS[3]}`, cases };
}
