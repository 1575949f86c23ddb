// The code scorer's reader: the program in a reply (never its reasoning); whether it passes is graded by running it (src/grade/code.ts).
import { extractProgram } from '../../code/extract-program.js';
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';

type CodeCase = Extract<Case, { scorer: 'code' }>;

/**
 * Reads the last fenced block in the case's language (or bare code). With a `preamble` (what the
 * program completes): a reply that gives only the function's body is put after the whole preamble,
 * and any other program gets the preamble's imports first (a reply that repeats the function often
 * drops `from typing import List`). The program is the key its verdict is graded under.
 */
export function codeScorer(c: CodeCase): Scorer {
  return {
    read(text) {
      const program = extractProgram(text, c.language);
      const code = program?.code.trim();
      if (!program || !code) return null;
      return { answer: withPreamble(program.code, c), rule: program.rule, span: code };
    },
  };
}

function withPreamble(code: string, c: CodeCase): string {
  if (!c.preamble || c.language !== 'python') return code.trim();
  const defines = c.entryPoint === undefined || new RegExp(`^\\s*(?:async\\s+)?def\\s+${c.entryPoint}\\s*\\(`, 'm').test(code);
  if (!defines) return `${c.preamble.replace(/\s+$/, '')}\n${code.replace(/^\n+/, '').trimEnd()}`;
  const imports = c.preamble.split('\n').filter((line) => /^(?:from\s+\S+\s+)?import\s/.test(line));
  return [...imports, code.trim()].join('\n');
}
