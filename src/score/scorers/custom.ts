// The custom scorer's reader: a module of the suite's own reads the answer; its verdict is graded (src/grade/custom.ts).
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { readAnswerText } from './answer-text.js';

export type CustomCase = Extract<Case, { scorer: 'custom' }>;

/**
 * What a custom scorer module exports. `isCorrect` is required (it may be async); `extract`
 * defaults to the final answer text (whitespace collapsed), which is then also the vote key.
 */
export interface CustomScorerModule {
  isCorrect(answer: string, c: CustomCase): boolean | Promise<boolean>;
  extract?(text: string, c: CustomCase): string | null;
}

/** A suite's loaded custom modules by the `module` path its cases give (relative to the suite file). */
export type CustomModules = ReadonlyMap<string, CustomScorerModule>;

/** A Scorer reading answers the module's way; it has no isCorrect: the grading stage awaits the module's. */
export function customScorer(c: CustomCase, module: CustomScorerModule): Scorer {
  return {
    read(text) {
      if (!module.extract) return readAnswerText(text);
      const answer = module.extract(text, c);
      return answer === null ? null : { answer, rule: 'custom', span: answer };
    },
  };
}
