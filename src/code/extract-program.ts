// Reads the program out of a reply's answer text: the last fenced block in the language, else the last unlabelled one, else bare code.
import type { CodeLanguage } from './types.js';

/** Fence labels that name each language (lower case; the first word of the info string). */
export const LANGUAGE_LABELS: Record<CodeLanguage, readonly string[]> = {
  python: ['python', 'py', 'python3', 'py3'],
  javascript: ['javascript', 'js', 'node', 'nodejs', 'mjs', 'cjs'],
};

/** A line that only code starts with: the whole reply counts as bare code when it has one and no fence. */
const BARE_CODE_LINE: Record<CodeLanguage, RegExp> = {
  python: /^(?:def|async def|class|import|from)\s+\w/m,
  javascript: /^(?:function\*?\s*\w|const\s+\w|let\s+\w|var\s+\w|class\s+\w|module\.exports\b|export\s|'use strict')/m,
};

/** Which rule found the program; the scorer may record it beside the span. */
export type ProgramRule = 'fence-language' | 'fence-unlabelled' | 'fence-unclosed' | 'bare-code';

export interface ExtractedProgram {
  code: string;
  /** [start, end) offsets of `code` in the text. */
  span: [number, number];
  rule: ProgramRule;
}

interface Fence {
  label: string;
  start: number;
  end: number;
  closed: boolean;
}

const OPENING = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*\n/gm;

/** Every fenced block in order; a fence left open runs to the end of the text (a reply cut short). */
function findFences(text: string): Fence[] {
  const fences: Fence[] = [];
  OPENING.lastIndex = 0;
  for (let open = OPENING.exec(text); open; open = OPENING.exec(text)) {
    const marker = open[1] ?? '```';
    const start = open.index + open[0].length;
    const closing = new RegExp(`^[ \\t]{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
    closing.lastIndex = start;
    const close = closing.exec(text);
    const label = (open[2] ?? '')
      .toLowerCase()
      .replace(/^\{?\.?/, '')
      .replace(/\}$/, '');
    if (!close) {
      fences.push({ label, start, end: text.length, closed: false });
      break;
    }
    // The newline before the closing fence belongs to the fence, not the code.
    fences.push({ label, start, end: Math.max(start, close.index - 1), closed: true });
    OPENING.lastIndex = close.index + close[0].length;
  }
  return fences;
}

const last = <T>(items: readonly T[], keep: (item: T) => boolean): T | undefined => items.filter(keep).at(-1);

/**
 * The program in a reply: the last fenced block labelled with the language (```python, ```py, ```js,
 * ```javascript, ...), else the last unlabelled fence, else the whole text when it is bare code (no
 * fence, and a line only code starts with); null when there is none. Pass the answer text only:
 * reasoning is never executed.
 */
export function extractProgram(text: string, language: CodeLanguage): ExtractedProgram | null {
  const fences = findFences(text);
  const labels = LANGUAGE_LABELS[language];
  const closed = fences.filter((fence) => fence.closed);
  const chosen = last(closed, (fence) => labels.includes(fence.label)) ?? last(closed, (fence) => fence.label === '');
  const rule: ProgramRule | undefined = chosen ? (labels.includes(chosen.label) ? 'fence-language' : 'fence-unlabelled') : undefined;
  const unclosed = fences.at(-1);
  if (chosen && rule) return nonEmpty(text, chosen.start, chosen.end, rule);
  if (unclosed && !unclosed.closed && (unclosed.label === '' || labels.includes(unclosed.label))) {
    return nonEmpty(text, unclosed.start, unclosed.end, 'fence-unclosed');
  }
  if (fences.length === 0 && BARE_CODE_LINE[language].test(text)) {
    const start = text.length - text.trimStart().length;
    return nonEmpty(text, start, text.trimEnd().length, 'bare-code');
  }
  return null;
}

function nonEmpty(text: string, start: number, end: number, rule: ProgramRule): ExtractedProgram | null {
  const code = text.slice(start, end);
  return code.trim() === '' ? null : { code, span: [start, end], rule };
}
