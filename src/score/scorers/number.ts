// The number scorer: reads the number a final answer states and compares it within a tolerance.
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { type AnswerSource, locateFinalAnswer } from '../extract.js';
import { blankParentheticals, splitSentences } from '../markup.js';
import { findNumbers, formatNumber, normaliseNumberText } from '../numbers.js';

type NumberCase = Extract<Case, { scorer: 'number' }>;

// A verb or phrase that states a count or value right before the number: "there are 3", "it has 10".
const STATES_VALUE =
  /\b(?:is|are|was|were|equals|be|gives|makes|totals?|total of|has|have|contains|holds|remain|remains|get|got|left with|comes to)\s+(?:(?:about|approximately|exactly|just|only|roughly|around|precisely|actually|really|still|now|indeed|a total of)\s+)*[*_"'“]*$/i;
// A preposition before a number marks a circumstance ("after 2 hours", "in 3 steps"), not the answer.
const CIRCUMSTANCE = /\b(?:after|in|within|for|at|from|by|over|per|among|than|out of|positions?|steps?|between)\s+$/i;
// The clause after one of these words is the conclusion: "I counted 2 at first but there are actually 3".
const CONCLUSION_CUE = /\b(?:so|therefore|thus|hence|but|actually|giving|which (?:means|makes|gives))\b/gi;

/**
 * Within one sentence, the number a human reads as the answer. Each number earns points: after
 * the last `=`, right after "is/are/has", in the concluding clause; a leading preposition costs
 * points. The best wins; on a tie, the first.
 */
function answerNumberInSentence(sentence: string): number | null {
  const visible = blankParentheticals(sentence);
  const visibleMentions = findNumbers(visible);
  const mentions = visibleMentions.length > 0 ? visibleMentions : findNumbers(sentence);
  if (mentions.length <= 1) return mentions[0]?.value ?? null;
  const lastEquals = visible.lastIndexOf('=');
  const firstAfterEquals = lastEquals >= 0 ? mentions.find((m) => m.start > lastEquals) : undefined;
  const conclusionStart = Math.max(-1, ...[...visible.matchAll(CONCLUSION_CUE)].map((m) => m.index));
  let best = { value: 0, points: -Infinity };
  for (const mention of mentions) {
    const before = sentence.slice(0, mention.start);
    let points = 0;
    if (mention === firstAfterEquals) points += 3;
    if (STATES_VALUE.test(before)) points += 2;
    if (conclusionStart >= 0 && mention.start > conclusionStart) points += 1;
    if (CIRCUMSTANCE.test(before)) points -= 2;
    if (points > best.points) best = { value: mention.value, points };
  }
  return best.value;
}

/**
 * The number a final-answer span states. An explicit answer states it in its first sentence
 * ("42. Because 6*7 = 42"); a closing line states it in its last ("... So there are 3 r's").
 */
export function statedNumber(span: string, source: AnswerSource): number | null {
  const sentences = splitSentences(normaliseNumberText(span)).filter((s) => findNumbers(s).length > 0);
  const sentence = source === 'last-line' ? sentences[sentences.length - 1] : sentences[0];
  return sentence === undefined ? null : answerNumberInSentence(sentence);
}

function expectedNumber(expected: NumberCase['expected']): number {
  const value = typeof expected === 'number' ? expected : statedNumber(expected, 'marker');
  if (value === null) throw new Error(`expected value ${JSON.stringify(expected)} is not a number`);
  return value;
}

/** A scorer for numeric answers: canonical form is a plain decimal string (`2048`, `0.75`, `-3`). */
export function numberScorer(c: NumberCase): Scorer {
  const expected = expectedNumber(c.expected);
  // Decimal arithmetic leaves crumbs (0.1 + 0.2); a relative epsilon keeps tolerance 0 usable.
  const allowed = c.tolerance + 1e-9 * Math.max(1, Math.abs(expected));
  return {
    extract(text) {
      const located = locateFinalAnswer(text);
      const value = located === null ? null : statedNumber(located.span, located.source);
      return value === null ? null : formatNumber(value);
    },
    isCorrect(answer) {
      const value = Number(answer);
      return Number.isFinite(value) && Math.abs(value - expected) <= allowed;
    },
  };
}
