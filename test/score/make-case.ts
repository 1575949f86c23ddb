// Builds validated Case values for scorer tests, the way the suite loader would.
import { Case } from '../../src/schema/suite.js';

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
