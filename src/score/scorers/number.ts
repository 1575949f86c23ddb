// The number scorer: reads the number a final answer states and compares it within a tolerance.
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { type AnswerSource, locateFinalAnswer, strictnessOf } from '../extract.js';
import { questionText } from '../question.js';
import { blankParentheticals, splitSentences } from '../markup.js';
import { findNumbers, formatNumber, normaliseNumberText } from '../numbers.js';

type NumberCase = Extract<Case, { scorer: 'number' }>;

// A verb or phrase that states a count or value right before the number: "there are 3", "it has 10".
const STATES_VALUE =
  /\b(?:is|are|was|were|equals|be|gives|makes|totals?|total of|has|have|contains|holds|remain|remains|get|got|left with|comes to|appears|occurs|shows up)\s+(?:(?:about|approximately|exactly|just|only|roughly|around|precisely|actually|really|still|now|indeed|a total of)\s+)*[*_"'“]*$/i;
// A preposition before a number marks a circumstance ("after 2 hours", "in 3 steps"), not the answer.
const CIRCUMSTANCE = /\b(?:after|in|within|for|at|from|by|over|per|among|than|out of|positions?|steps?|between)\s+$/i;
// The clause after one of these words is the conclusion: "I counted 2 at first but there are actually 3".
const CONCLUSION_CUE = /\b(?:so|therefore|thus|hence|but|actually|giving|which (?:means|makes|gives))\b/gi;
// A sentence stating a count of zero in words: "none", "q does not appear", "there are no such items".
const ZERO_COUNT =
  /\bnone\b|\bno\s+(?:such\s+)?(?:occurrences?|instances?|matches|copies)(?![\p{L}\p{N}'’])|\b(?:does|do|did)\s*(?:n['’]t|not)\s+(?:appear|occur|contain|include|show up)\b|\bdoes(?:n['’]t|\s+not)\s+have\b|\bnever\s+(?:appears|occurs|shows up)\b|\b(?:is|are)(?:n['’]t|\s+not)\s+(?:present|found|there)\b/iu;

// A list of places in a word or list: "at positions 3, 8 and 9", "position 2". They locate, never count.
const POSITIONS = /\b(?:positions?|places?|indices|index)\s+#?\d+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)#?\d+)*/gi;

/** `text` with the numbers of position lists blanked out, so "Counting c's: position 2" states no count. */
function withoutPositions(text: string): string {
  return text.replace(POSITIONS, (list) => list.replace(/\d/g, ' '));
}

/** What the question counts: a number followed by `counted` is a count of it ("3 apples", "4 times"); `none` says there are none. */
export interface CountedUnit {
  counted: RegExp;
  none: RegExp;
}

const NEVER = /(?!)/;
// "how many apples", "how many r's", "how many "s"s": the noun a count question asks about.
const COUNT_NOUN = /\bhow\s+many\s+["'“‘*_]*([\p{L}\p{N}]+)["'”’*_]*(?:['’]?s)?(?![\p{L}])/iu;
// Words after "how many" that are not what is counted: "How many are there?"
const NOT_A_NOUN = /^(?:are|is|was|were|do|does|did|of|there|can|will|would|have|has|more|times)$/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The unit a count question asks about ("How many apples", "How many r's", "how often" as
 * times): the noun after "how many", singular or plural, in quotes or emphasis; occurrences
 * ("4 times") always count. A question that counts nothing ("What is 12 times 4?") has no unit,
 * so "12 times" earns nothing there.
 */
export function countedUnit(question: string): CountedUnit {
  if (!/\bhow many\b|\bcount\b|\bhow often\b|\bnumber of\b/i.test(question)) return { counted: NEVER, none: NEVER };
  const noun = COUNT_NOUN.exec(question)?.[1];
  const asked = noun === undefined || NOT_A_NOUN.test(noun) ? null : escapeRegExp(noun.length > 3 ? noun.replace(/e?s$/i, '') : noun);
  const unit = asked === null ? null : `["'“‘*_]*${asked}["'”’*_]*(?:['’]?s|es)?(?![\\p{L}])`;
  return {
    counted: new RegExp(`^\\s*(?:[*_]+\\s*)?(?:(?:times|occurrences|instances)(?![\\p{L}])${unit === null ? '' : `|${unit}`})`, 'iu'),
    none: unit === null ? NEVER : new RegExp(`\\bno\\s+${unit}`, 'iu'),
  };
}

/**
 * Within one sentence, the number a human reads as the answer. Each number earns points: after
 * the last `=`, right after "is/are/has/appears", in the concluding clause, followed by the unit
 * the question counts ("3 r's", "4 times") or by "in all"; a leading preposition costs points. The best wins; on a tie, the first.
 */
function answerNumberInSentence(sentence: string, unit: CountedUnit): number | null {
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
    // "has 10 letters and contains 3 r's", "bought 5 bags with 12 apples": the count of the unit asked about.
    const after = sentence.slice(mention.end);
    if (unit.counted.test(after)) points += 2;
    if (/^[^.,;]{0,20}?\b(?:in (?:all|total)|altogether|overall)\b/i.test(after)) points += 2; // "so three r's in all"
    if (points > best.points) best = { value: mention.value, points };
  }
  return best.value;
}

/**
 * The number a final-answer span states. An explicit answer states it in its first sentence
 * ("42. Because 6*7 = 42"); a closing line states it in its last ("... So there are 3 r's").
 * A sentence that is only an aside in parentheses states no answer, positions ("at position 2")
 * state no count, and a span with no number that says there are none ("There are no z's") states 0.
 */
export function statedNumber(span: string, source: AnswerSource, unit = countedUnit('')): number | null {
  const all = splitSentences(withoutPositions(normaliseNumberText(span)));
  const withNumbers = all.filter((s) => findNumbers(s).length > 0);
  const notAsides = withNumbers.filter((s) => !/^\(.*\)[.!]?$/s.test(s));
  const sentences = notAsides.length > 0 ? notAsides : withNumbers;
  if (sentences.length === 0) return all.some((s) => ZERO_COUNT.test(s) || unit.none.test(s)) ? 0 : null;
  const sentence = source === 'last-line' ? sentences[sentences.length - 1] : sentences[0];
  return sentence === undefined ? null : answerNumberInSentence(sentence, unit);
}

/** `value` rounded to 12 significant digits: the precision answers are compared at (0.1 + 0.2 is 0.3). */
function round12(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Whether `value` is within `tolerance` of `expected`, both rounded to 12 significant digits first
 * (so decimal crumbs vanish); tolerance 0 means equal at that precision, with no hidden epsilon.
 */
export function withinTolerance(value: number, expected: number, tolerance: number): boolean {
  const difference = Math.abs(round12(value) - round12(expected));
  return tolerance === 0 ? round12(value) === round12(expected) : round12(difference) <= tolerance;
}

function expectedNumber(expected: NumberCase['expected']): number {
  const value = typeof expected === 'number' ? expected : statedNumber(expected, 'marker');
  if (value === null) throw new Error(`expected value ${JSON.stringify(expected)} is not a number`);
  return value;
}

/** Why a number case's `expected` cannot be read as one number (for `validate`), or null when it can. */
export function checkNumberExpected(expected: string | number): string | null {
  if (typeof expected === 'number') return Number.isFinite(expected) ? null : `expected ${expected} is not a finite number`;
  const value = statedNumber(expected, 'marker');
  return value === null || !Number.isFinite(value) ? `expected ${JSON.stringify(expected)} is not a number the number scorer can read` : null;
}

/** A scorer for numeric answers: canonical form is a plain decimal string (`2048`, `0.75`, `-3`). */
export function numberScorer(c: NumberCase): Scorer {
  const expected = expectedNumber(c.expected);
  const question = questionText(c);
  const strictness = strictnessOf(c);
  const unit = countedUnit(question);
  return {
    read(text) {
      const located = locateFinalAnswer(text, question, strictness);
      const value = located === null ? null : statedNumber(located.span, located.source, unit);
      return value === null || located === null ? null : { answer: formatNumber(value), rule: located.source, span: located.written };
    },
    isCorrect(answer) {
      const value = Number(answer);
      return Number.isFinite(value) && withinTolerance(value, expected, c.tolerance);
    },
  };
}
