// The regex scorer: the case's pattern must match the final-answer text (never the reasoning).
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { finalAnswerText } from '../extract.js';

type RegexCase = Extract<Case, { scorer: 'regex' }>;

/** The final-answer text as a vote key: whitespace collapsed, surrounding punctuation trimmed. */
export function collapseAnswerText(span: string): string {
  return span
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?'"“”‘’]+|[\s.,;:!?'"“”‘’]+$/g, '');
}

/**
 * A scorer whose case `expected` is a pattern, tested case-insensitively (and dot-all) on the final
 * answer. Its equivalence: every answer the pattern accepts is one answer, `~/pattern/`, however it
 * is phrased (otherwise right answers in five phrasings would lose the vote to one wrong answer said
 * twice); answers it rejects vote by their collapsed text.
 */
export function regexScorer(c: RegexCase): Scorer {
  const pattern = new RegExp(c.expected, 'is');
  const accepted = `~/${c.expected}/`;
  return {
    extract(text) {
      const span = finalAnswerText(text);
      const canonical = span === null ? '' : collapseAnswerText(span);
      if (canonical === '') return null;
      return pattern.test(canonical) ? accepted : canonical;
    },
    isCorrect(answer) {
      return answer === accepted;
    },
  };
}
