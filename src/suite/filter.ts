// Selects cases by a glob over their ids (`--filter 'letters-*'`).
import type { Case } from '../schema/suite.js';

/** The cases whose id matches `glob` (`*` any run of characters, `?` one character); all when no glob. */
export function filterCases(cases: readonly Case[], glob: string | undefined): Case[] {
  if (!glob) return [...cases];
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const pattern = new RegExp(`^(?:${source})$`);
  return cases.filter((c) => pattern.test(c.id));
}
