// The question a case asks, as scorers read it: its user messages joined.
import type { Case } from '../schema/suite.js';

/** The text of a case's user messages, joined by blank lines. */
export function questionText(c: Case): string {
  return c.messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n\n');
}
