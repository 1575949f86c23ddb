// Selects cases by a glob over their ids (`--filter 'letters-*'`, `--filter 'arith-0[0-2]?'`).
import type { Case } from '../schema/suite.js';

/** The cases whose id matches `glob` (`*` any run, `?` one character, `[a-c]`/`[!x]` a class); all when no glob. */
export function filterCases(cases: readonly Case[], glob: string | undefined): Case[] {
  if (!glob) return [...cases];
  const pattern = globToRegExp(glob);
  return cases.filter((c) => pattern.test(c.id));
}

/** A whole-string RegExp for a glob. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    const close = ch === '[' ? glob.indexOf(']', i + 2) : -1;
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (close > 0) {
      const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/[\\\]]/g, '\\$&');
      source += `[${body}]`;
      i = close;
    } else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:${source})$`);
}
