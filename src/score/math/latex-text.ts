// Small string tools for LaTeX answers: brace groups, command arguments, splitting at top-level separators.

/** The index just past the `}` matching the `{` at `open`, or -1 when the braces do not balance. */
export function groupEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++; // an escaped brace \{ does not count
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** One argument of a command starting at `at`: a `{group}`, a `\command`, or a single character. */
export function readArgument(text: string, at: number): { arg: string; end: number } | null {
  let i = at;
  while (text[i] === ' ') i++;
  const ch = text[i];
  if (ch === undefined) return null;
  if (ch === '{') {
    const end = groupEnd(text, i);
    return end < 0 ? null : { arg: text.slice(i + 1, end - 1), end };
  }
  if (ch === '\\') {
    const name = /^\\[a-zA-Z]+/.exec(text.slice(i))?.[0] ?? text.slice(i, i + 2);
    return { arg: name, end: i + name.length };
  }
  return { arg: ch, end: i + 1 };
}

const COMMAND_PATTERNS = new Map<string, RegExp>();

/**
 * Replaces every `\name{a}{b}...` (with `arity` arguments) by `render(args)`; names are matched
 * whole (`\text` does not match `\textbf`). An occurrence whose arguments cannot be read is kept.
 */
export function replaceCommand(text: string, names: readonly string[], arity: number, render: (args: string[], name: string) => string): string {
  const source = `\\\\(${names.join('|')})(?![a-zA-Z])`;
  const pattern = COMMAND_PATTERNS.get(source) ?? new RegExp(source, 'g');
  COMMAND_PATTERNS.set(source, pattern);
  pattern.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const args: string[] = [];
    let end = match.index + match[0].length;
    for (let k = 0; k < arity; k++) {
      const read = readArgument(text, end);
      if (read === null) break;
      args.push(read.arg);
      end = read.end;
    }
    if (args.length < arity) continue;
    out += text.slice(last, match.index) + render(args, match[1] ?? '');
    last = end;
    pattern.lastIndex = end;
  }
  return out + text.slice(last);
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/**
 * Splits at `separator` matches that sit outside every bracket. Brackets are counted loosely, so
 * the half-open `[2, 5)` is one piece; `\{` and `\}` count as brackets too.
 */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const sticky = new RegExp(separator.source, `${separator.flags.replace('g', '').replace('y', '')}y`);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\' && (text[i + 1] === '{' || text[i + 1] === '}')) {
      depth += text[i + 1] === '{' ? 1 : -1;
      i++;
      continue;
    }
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) depth--;
    else if (depth === 0) {
      sticky.lastIndex = i;
      const match = sticky.exec(text);
      if (match !== null && match[0].length > 0) {
        parts.push(text.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

/** Whether the bracket opening at 0 closes exactly at the last character (so `(1,2)` but not `(1)(2)`). */
export function wrapsWhole(text: string): boolean {
  if (!OPENERS.has(text[0] ?? '') && !text.startsWith('\\{')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\' && (text[i + 1] === '{' || text[i + 1] === '}')) {
      depth += text[i + 1] === '{' ? 1 : -1;
      i++;
    } else if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}
