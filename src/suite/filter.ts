// Selects cases by a glob over their ids (`--filter 'letters-*'`, `--filter 'test/algebra/**'`), with picomatch.
import picomatch from 'picomatch';
import type { Case } from '../schema/suite.js';

/**
 * The cases whose id matches `glob`, all when no glob. Ids are read like paths: `*` and `?` stay
 * within one `/` segment, `**` crosses them, `[a-c]`/`[!x]` are classes, `{a,b}` alternatives.
 */
export function filterCases(cases: readonly Case[], glob: string | undefined): Case[] {
  if (!glob) return [...cases];
  const matches = idMatcher(glob);
  return cases.filter((c) => matches(c.id));
}

/** A matcher for case ids. */
export function idMatcher(glob: string): (id: string) => boolean {
  return picomatch(glob, { dot: true, posix: true }); // posix: `[!x]` negates a class, as in the shell
}
