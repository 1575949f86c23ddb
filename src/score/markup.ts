// Markdown and LaTeX helpers for answer text: find \boxed{...}, strip wrappers, split sentences.

/** The last `\boxed{...}` of `text` (also `\fbox{}`, `boxed{}` without its backslash, `\boxed 5`): its content and offsets. */
export function lastBoxed(text: string): { content: string; start: number; end: number } | null {
  const opener = /(?:\\(?:boxed|fbox)|(?<![\p{L}\\])boxed)\s*\{/gu;
  let last: RegExpExecArray | null = null;
  for (let match = opener.exec(text); match; match = opener.exec(text)) last = match;
  // `\\boxed 5`: TeX takes one token as the argument when there are no braces.
  const bare = [...text.matchAll(/\\(?:boxed|fbox)[ \t]+([^\s{}$\\]+)/g)].pop();
  if (bare !== undefined && (last === null || bare.index > last.index)) {
    return { content: bare[1] ?? '', start: bare.index, end: bare.index + bare[0].length };
  }
  if (last === null) return null;
  const contentStart = last.index + last[0].length;
  let depth = 1;
  for (let i = contentStart; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++; // an escaped brace like \{ does not count
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}' && --depth === 0) {
      return { content: text.slice(contentStart, i), start: last.index, end: i + 1 };
    }
  }
  return null; // unbalanced: the reply was probably cut off
}

/** The contents of the last `\boxed{...}` (or `\fbox{...}`, or `boxed{...}`) in `text`, braces balanced; null when none. */
export function lastBoxedContent(text: string): string | null {
  return lastBoxed(text)?.content ?? null;
}

/** Replace LaTeX text wrappers (`\text{x}`, `\mathrm{x}`, `\textbf{x}`) by their contents. */
export function unwrapLatexText(text: string): string {
  return text.replace(/\\(?:text|textbf|textit|mathrm|mathbf|operatorname|emph)\s*\{([^{}]*)\}/g, '$1');
}

const WRAPPERS: RegExp[] = [
  /^\$\$([\s\S]*)\$\$$/,
  /^\$([\s\S]*)\$$/,
  /^\\\(([\s\S]*)\\\)$/,
  /^\\\[([\s\S]*)\\\]$/,
  /^\*\*([\s\S]*)\*\*$/,
  /^__([\s\S]*)__$/,
  /^\*([\s\S]*)\*$/,
  /^_([\s\S]*)_$/,
  /^`+([\s\S]*?)`+$/,
  /^["“”«„]([\s\S]*)["“”»]$/,
  /^['‘’]([\s\S]*)['‘’]$/,
];

/**
 * An answer span without its decoration: surrounding markdown emphasis, `$...$`, `\boxed{}`,
 * wrapping quotes, leading bullets and trailing punctuation. Inner words are kept as written.
 */
export function stripAnswerDecoration(span: string): string {
  // A dunder name (`__init__`) is code, not bold: hide it from the emphasis rules and put it back after.
  const dunders: string[] = [];
  const hidden = span.replace(DUNDER, (name) => `\u0000${dunders.push(name) - 1}\u0000`);
  return stripDecoration(hidden).replace(/\u0000(\d+)\u0000/g, (_all, i: string) => dunders[Number(i)] ?? '');
}

// `__init__`, `__main__`, `__name__`: a lowercase identifier between double underscores.
const DUNDER = /(?<![\w])__[a-z][a-z0-9]*(?:_[a-z0-9]+)*__(?![\w])/g;

function stripDecoration(span: string): string {
  let current = unwrapLatexText(span)
    .replace(/\*\*|__/g, '') // bold is decoration wherever it sits
    .replace(/(?<!\\)\$/g, '') // inline math delimiters
    .trim();
  for (;;) {
    const before = current;
    const boxed = /^\\?(?:boxed|fbox)\s*\{/.test(current) ? lastBoxedContent(current) : null;
    if (boxed !== null) current = boxed;
    current = current
      .replace(/^(?:#{1,6}\s+|>\s*|[-+•]\s+|\*\s+)/, '')
      .replace(/[\s.,;:!?。]+$/, '')
      .trim();
    for (const wrapper of WRAPPERS) {
      const match = wrapper.exec(current);
      if (match?.[1] !== undefined && match[1].trim() !== '') current = match[1].trim();
    }
    if (current === before) return current;
  }
}

/** Sentences of a span; decimal points and abbreviations without a following space do not split. */
export function splitSentences(span: string): string[] {
  return (
    span
      // Not after an abbreviation: "e.g. 8 or 16" is one sentence.
      .split(/(?<=[.!?])(?<!\b(?:e\.g|vs|etc|cf|approx|Mr|Mrs|Ms|Dr|St)\.)\s+|\n+/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence !== '')
  );
}

/** `text` with parenthesised and bracketed asides blanked out (same length, so offsets still line up). */
export function blankParentheticals(text: string): string {
  let result = text;
  for (;;) {
    const next = result.replace(/\([^()]*\)|\[[^[\]]*\]/g, (aside) => ' '.repeat(aside.length));
    if (next === result) return result;
    result = next;
  }
}

/**
 * LaTeX math read as plain text, for patterns written in words: `\frac{a}{b}` → `a/b` (compound
 * parts in parentheses), `\text{x}` → `x`, `\cdot`/`\times` → `·`/`×`, spacing commands and
 * `\left`/`\right` dropped. `\frac{\text{width}}{\text{height}} = \frac{4}{3}` → `width/height = 4/3`.
 */
export function plainMath(text: string): string {
  const part = (x: string): string => (/[\s+\-−·×]/.test(x.trim()) ? `(${x.trim()})` : x.trim());
  // `\frac43` is `\frac{4}{3}`: single-digit arguments need no braces.
  let result = unwrapLatexText(text).replace(/\\[dt]?frac\s*(\d)\s*(\d)/g, '\\frac{$1}{$2}');
  for (;;) {
    const next = result.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_all, a: string, b: string) => `${part(a)}/${part(b)}`);
    if (next === result) break;
    result = unwrapLatexText(next);
  }
  return result
    .replace(/\\(?:left|right)\s*/g, '')
    .replace(/\\cdot\b/g, '·')
    .replace(/\\times\b/g, '×')
    .replace(/\\(?:quad|qquad)\b|\\[,;:! ]/g, ' ')
    .replace(/[ \t]{2,}/g, ' ');
}
