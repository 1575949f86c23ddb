// Which literal option ("9.8", "Paris") an answer asserts, even when it mentions several.
import { splitSentences } from '../markup.js';
import { findNumbers, normaliseNumberText } from '../numbers.js';

/** Whether the question asks for the greater option ("which is bigger") or the lesser ("which is smaller"). */
export type Direction = 'max' | 'min';

interface Mention {
  choice: number;
  start: number;
  end: number;
}

/** A comparison the answer states: `subject` is the greater (or lesser) one, maybe than `object`. */
interface Comparison {
  at: number;
  subject: number;
  greater: boolean;
  object?: number;
}

/** A choice picked outright: "X, not Y", "not X but Y", "X rather than Y". */
interface Pick {
  at: number;
  pick: number;
}

const M = '§(\\d+)§';
const GREATER = 'bigger|larger|greater|higher|biggest|largest|greatest|highest|more(?=\\s+than)';
const LESSER = 'smaller|lesser|lower|fewer|tinier|smallest|least|lowest|less(?=\\s+than)';
const COMPARATIVE = `${GREATER}|${LESSER}`;
const IS_COMPARED = new RegExp(
  `${M}(?:\\s+(?:is|was|would be|will be|are)|(?:'|’)s)(n(?:'|’)t)?\\s+((?:[\\w'’]+\\s+){0,3}?)(?:the\\s+)?(${COMPARATIVE})\\b(?:(?:\\s+(?:one|number|value))?\\s+than\\s+${M})?`,
  'gi',
);
const THE_COMPARATIVE_IS = new RegExp(`\\bthe\\s+(${COMPARATIVE})(?:\\s+(?:one|number|value|decimal|option|of the two))?\\s*(?:is|:|=|would be)\\s*${M}`, 'gi');
const SYMBOL_GREATER = new RegExp(`${M}\\s*(?:>|≥|>=|\\\\gt(?![a-z])|\\\\geq?(?![a-z])|exceeds)\\s*${M}`, 'g');
const SYMBOL_LESSER = new RegExp(`${M}\\s*(?:<|≤|<=|\\\\lt(?![a-z])|\\\\leq?(?![a-z]))\\s*${M}`, 'g');
const PICK_FIRST = new RegExp(`${M}\\s*[,;(]?\\s*(?:and\\s+)?(?:not|rather than|instead of)\\s+${M}`, 'gi');
const PICK_SECOND = new RegExp(`\\bnot\\s+${M}\\s*[,;]?\\s*but\\s+(?:rather\\s+)?${M}`, 'gi');
const PICK_WINNER = new RegExp(`${M}\\s+(?:wins|is (?:the )?(?:answer|correct|right|winner|correct answer))\\b`, 'gi');
const CONCLUSION = /^[\s\S]*\b(?:so|therefore|thus|hence|which means)\b/i;
const CONCESSIVE = /^(?:although|though|even though|while|whereas|despite)\b[^,]*,/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The numeric value of a choice written as a bare number ("9.8", "-3"), else null. */
function choiceNumber(choice: string): number | null {
  if (!/^\s*[-−]?[\d.,\s]+\s*$/.test(choice)) return null;
  const [mention, extra] = findNumbers(normaliseNumberText(choice));
  return mention !== undefined && extra === undefined ? mention.value : null;
}

/** Where each choice is mentioned in `body`; numeric choices match numerically equal forms (9.80 names 9.8). */
function findMentions(body: string, choices: readonly string[]): Mention[] {
  const found: Mention[] = [];
  const numbers = findNumbers(body);
  choices.forEach((choice, index) => {
    const value = choiceNumber(choice);
    if (value !== null) {
      for (const n of numbers) if (Math.abs(n.value - value) < 1e-12) found.push({ choice: index, start: n.start, end: n.end });
      return;
    }
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(choice.trim())}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of body.matchAll(pattern)) found.push({ choice: index, start: m.index, end: m.index + m[0].length });
  });
  // A longer option ("New York City") wins over one it contains ("New York").
  found.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Mention[] = [];
  for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** `body` with every mention replaced by a `§index§` placeholder, so comparison patterns stay simple. */
function toTemplate(body: string, mentions: Mention[]): string {
  let template = body;
  for (const m of [...mentions].reverse()) template = `${template.slice(0, m.start)}§${m.choice}§${template.slice(m.end)}`;
  return template;
}

function comparisonsIn(sentence: string): Array<Comparison | Pick> {
  const found: Array<Comparison | Pick> = [];
  const isGreater = (word: string): boolean => new RegExp(`^(?:${GREATER})$`, 'i').test(word);
  for (const m of sentence.matchAll(IS_COMPARED)) {
    const negated = m[2] !== undefined || /\b(?:not|never)\b/i.test(m[3] ?? '');
    const comparison: Comparison = { at: m.index, subject: Number(m[1]), greater: isGreater(m[4] ?? '') !== negated };
    if (m[5] !== undefined) comparison.object = Number(m[5]);
    found.push(comparison);
  }
  for (const m of sentence.matchAll(THE_COMPARATIVE_IS)) {
    found.push({ at: m.index, subject: Number(m[2]), greater: isGreater(m[1] ?? '') });
  }
  for (const m of sentence.matchAll(SYMBOL_GREATER)) {
    found.push({ at: m.index, subject: Number(m[1]), greater: true, object: Number(m[2]) });
  }
  for (const m of sentence.matchAll(SYMBOL_LESSER)) {
    found.push({ at: m.index, subject: Number(m[1]), greater: false, object: Number(m[2]) });
  }
  for (const m of sentence.matchAll(PICK_FIRST)) found.push({ at: m.index, pick: Number(m[1]) });
  for (const m of sentence.matchAll(PICK_SECOND)) found.push({ at: m.index, pick: Number(m[2]) });
  for (const m of sentence.matchAll(PICK_WINNER)) found.push({ at: m.index, pick: Number(m[1]) });
  return found.sort((a, b) => a.at - b.at);
}

/** The choice a comparison names as the answer to a question asking for `direction`. */
function resolve(found: Comparison | Pick, direction: Direction, choiceCount: number): number | null {
  if ('pick' in found) return found.pick;
  if (found.greater === (direction === 'max')) return found.subject;
  if (found.object !== undefined) return found.object;
  // "9.11 is smaller" answers "which is bigger?" only when there are exactly two options.
  return choiceCount === 2 ? 1 - found.subject : null;
}

function onlyChoice(template: string): number | null {
  const named = new Set([...template.matchAll(/§(\d+)§/g)].map((m) => Number(m[1])));
  return named.size === 1 ? ([...named][0] ?? null) : null;
}

/**
 * The index of the literal choice an answer span asserts: the one the last comparison asserts
 * ("9.8 is bigger than 9.11", "9.11 < 9.8", "9.8, not 9.11"); else the only one it names; else
 * the one in the main clause after "Although ..., " or in the clause after "so"; else the one it opens with. Null when unclear.
 */
export function assertedLiteralChoice(span: string, choices: readonly string[], direction: Direction): number | null {
  const body = normaliseNumberText(span);
  const mentions = findMentions(body, choices);
  if (mentions.length === 0) return null;
  const template = toTemplate(body, mentions);
  const sentences = splitSentences(template).filter((s) => s.includes('§'));
  for (const sentence of [...sentences].reverse()) {
    const comparisons = comparisonsIn(sentence);
    const last = comparisons[comparisons.length - 1];
    if (last !== undefined) return resolve(last, direction, choices.length);
  }
  const single = onlyChoice(template);
  if (single !== null) return single;
  const lastSentence = sentences[sentences.length - 1] ?? '';
  const mainClause = onlyChoice(lastSentence.replace(CONCESSIVE, '')) ?? onlyChoice(lastSentence.replace(CONCLUSION, ''));
  if (mainClause !== null) return mainClause;
  // "9.8; the other one only looks longer" opens with the answer, "9.11 or 9.8" lists options.
  const opening = /^(?:(?:so|thus|therefore|hence),?\s+)?§(\d+)§(?!\s*(?:,|\/|or|and|vs\.?|versus)\s*§)/i.exec(template);
  return opening ? Number(opening[1]) : null;
}
