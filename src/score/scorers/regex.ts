// The regex scorer: the case's pattern must match the final answer (never the reasoning), in linear time.
import { RE2JS } from 're2js';
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { finalAnswerBlock } from '../answer-block.js';
import { locateFinalAnswer, strictnessOf } from '../extract.js';
import { plainMath } from '../markup.js';
import { questionText } from '../question.js';

type RegexCase = Extract<Case, { scorer: 'regex' }>;

/** The final-answer text as a vote key: whitespace collapsed, surrounding punctuation trimmed. */
export function collapseAnswerText(span: string): string {
  return span.replace(/\s+/g, ' ').replace(/^[\s.,;:!?'"“”‘’]+|[\s.,;:!?'"“”‘’]+$/g, '');
}

/** A suite pattern compiled by RE2 (case-insensitive, dot matches newlines): matching is linear in the text. */
function compilePattern(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE | RE2JS.DOTALL);
}

/**
 * Why a suite's regex pattern cannot be used, or null when it can. Patterns run on RE2, which
 * matches in time linear in the answer (so `^(a+)+$` cannot stall a run) and therefore has no
 * backreferences (`\1`) and no lookarounds (`(?=`, `(?!`, `(?<=`, `(?<!`).
 */
export function checkPattern(pattern: string): string | null {
  try {
    compilePattern(pattern);
    return null;
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp:\s*/, '');
    return `regex ${JSON.stringify(pattern.length > 60 ? `${pattern.slice(0, 57)}...` : pattern)} cannot run in linear time (RE2): ${reason}; backreferences and lookarounds are not supported, rewrite the pattern without them or use a custom scorer`;
  }
}

/**
 * A scorer whose case `expected` is a pattern, tested case-insensitively (and dot-all) on the final
 * answer and on the closing block it belongs to (every line from the last answer marker or heading,
 * boxed values unwrapped in place, whitespace collapsed), so a two-line answer or one with two
 * boxes is read whole; each is also tested with its LaTeX read as plain text (`\frac{a}{b}` as `a/b`).
 * Its equivalence: every answer the pattern accepts is one answer,
 * `~/pattern/`, however it is phrased (otherwise right answers in five phrasings would lose the
 * vote to one wrong answer said twice); answers it rejects vote by their collapsed final answer.
 */
export function regexScorer(c: RegexCase): Scorer {
  const problem = checkPattern(c.expected);
  if (problem !== null) throw new Error(`case ${c.id}: ${problem}`);
  const pattern = compilePattern(c.expected);
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
      const readings = [canonical, block, plainMath(canonical), plainMath(block)].filter((reading) => reading !== '');
      return { ...found, answer: readings.some((reading) => pattern.test(reading)) ? accepted : canonical };
    },
    isCorrect(answer) {
      return answer === accepted;
    },
  };
}
