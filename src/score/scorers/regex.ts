// The regex scorer: the case's pattern must match the final answer (never the reasoning).
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { finalAnswerBlock } from '../answer-block.js';
import { locateFinalAnswer, strictnessOf } from '../extract.js';
import { plainMath } from '../markup.js';
import { variableDefinitions, withDefinitions } from '../definitions.js';
import { questionText } from '../question.js';

type RegexCase = Extract<Case, { scorer: 'regex' }>;

/** The final-answer text as a vote key: whitespace collapsed, surrounding punctuation trimmed. */
export function collapseAnswerText(span: string): string {
  return span
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?'"“”‘’]+|[\s.,;:!?'"“”‘’]+$/g, '');
}

/**
 * A scorer whose case `expected` is a pattern, tested case-insensitively (and dot-all) on the final
 * answer and on the closing block it belongs to (every line from the last answer marker or heading,
 * boxed values unwrapped in place, whitespace collapsed), so a two-line answer or one with two
 * boxes is read whole; each is also tested with its LaTeX read as plain text (`\frac{a}{b}` as `a/b`)
 * and with the reply's variables read by their definitions ("Let x be the princess's age": `x` as `princess`).
 * Its equivalence: every answer the pattern accepts is one answer,
 * `~/pattern/`, however it is phrased (otherwise right answers in five phrasings would lose the
 * vote to one wrong answer said twice); answers it rejects vote by their collapsed final answer.
 */
export function regexScorer(c: RegexCase): Scorer {
  const pattern = new RegExp(c.expected, 'is');
  const accepted = `~/${c.expected}/`;
  const question = questionText(c);
  const strictness = strictnessOf(c);
  return {
    read(text) {
      const located = locateFinalAnswer(text, question, strictness);
      const canonical = located === null ? '' : collapseAnswerText(located.span);
      if (located === null || canonical === '') return null; // refusals, plans and a restated question state no answer
      const found = { rule: located.source, span: located.written };
      const block = collapseAnswerText(finalAnswerBlock(text) ?? '');
      const plain = [canonical, block, plainMath(canonical), plainMath(block)].filter((reading) => reading !== '');
      const definitions = variableDefinitions(text);
      const readings = definitions.size === 0 ? plain : [...plain, ...plain.map((reading) => withDefinitions(reading, definitions))];
      return { ...found, answer: readings.some((reading) => pattern.test(reading)) ? accepted : canonical };
    },
    isCorrect(answer) {
      return answer === accepted;
    },
  };
}
