// Builds validated Case values for scorer tests, the way the suite loader would.
import { Case } from '../../src/schema/suite.js';
import type { Scorer } from '../../src/score/scorer.js';

/** A case with one user message `question` and the given scorer fields (expected, choices, tolerance...). */
export function makeCase(fields: Record<string, unknown>, question = 'q'): Case {
  return Case.parse({
    id: 'test-case',
    messages: [{ role: 'user', content: question }],
    tags: [],
    params: {},
    ...fields,
  });
}

/** The canonical answer a scorer reads from `text`, or null: what most scorer tests check. */
export function answerOf(scorer: Scorer, text: string): string | null {
  return scorer.read(text)?.answer ?? null;
}
