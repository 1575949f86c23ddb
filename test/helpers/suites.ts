// Test helpers: suites built in code, and shipped suites cut to size.
import { loadSuite, parseSuite } from '../../src/suite/load.js';
import type { Suite } from '../../src/schema/suite.js';

/** A shipped suite with only its first `count` cases. */
export async function shippedSuite(name: string, count?: number): Promise<Suite> {
  const suite = await loadSuite(`suites/${name}.yaml`);
  return count === undefined ? suite : { ...suite, cases: suite.cases.slice(0, count) };
}

/** A suite of `count` arithmetic questions (`What is i + 1000?`), each asking for `samples` samples. */
export function arithmeticSuite(count: number, samples = 1): Suite {
  const cases = Array.from({ length: count }, (_, i) => `  - id: add-${i}\n    prompt: What is ${i} + 1000?\n    expected: ${i + 1000}\n`).join('');
  const yaml = `name: sums\ndefaults:\n  samples: ${samples}\n  scorer: number\n  instructions: "End with 'Answer: <n>'."\ncases:\n${cases}`;
  return parseSuite(yaml, 'sums.yaml');
}
