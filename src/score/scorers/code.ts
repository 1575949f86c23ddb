// The code scorer's reader: the program in a reply (never its reasoning); whether it passes is graded by running it (src/grade/code.ts).
import { extractProgram } from '../../code/extract-program.js';
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';

type CodeCase = Extract<Case, { scorer: 'code' }>;

/** Reads the last fenced block in the case's language (or bare code); the program text is the key its verdict is graded under. */
export function codeScorer(c: CodeCase): Scorer {
  return {
    read(text) {
      const program = extractProgram(text, c.language);
      const code = program?.code.trim();
      return program && code ? { answer: code, rule: program.rule, span: code } : null;
    },
  };
}
