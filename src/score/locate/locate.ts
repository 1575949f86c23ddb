// One locator: finds the final answer of a reply by a table of named rules, then rules out non-answers.
import { answerTagsAsMarkers } from '../answer-tags.js';
import { splitSentences, stripAnswerDecoration } from '../markup.js';
import { isOnlyPlan } from '../non-answer.js';
import { DELIMITER_LINE } from '../unfinished.js';
import { NON_ANSWER_RULES } from './non-answers.js';
import type { Found, RuleInput, Strictness } from './rule.js';
import { rulesFor } from './rules.js';

/** Options of `locateAnswer`: the question (to spot a reply that only copies it) and the strictness. */
export interface LocateOptions {
  question?: string;
  /** `lenient` (default): any phrasing; `strict`: only JSON, an answer line or `\boxed{}`. */
  strictness?: Strictness;
}

/** The answer a rule found (`span` undecorated, `written` as written), or the rule that says there is none. */
export type Location = { found: true; rule: string; span: string; written: string } | { found: false; rule: string };

// A closing pleasantry sentence: "Let me know if you want the steps!", "Hope that helps!"
const PLEASANTRY = /^(?:let me know|i hope|hope (?:this|that|it)|feel free|happy to help|good luck|cheers|enjoy)\b/i;

/** A span without closing pleasantries and, for a closing line, without trailing questions back or plans. */
function withoutTrailingNonAnswers(span: string, rule: string): string {
  const sentences = splitSentences(span);
  const dropped = (s: string): boolean => PLEASANTRY.test(s) || (rule === 'last-line' && isOnlyPlan(s));
  while (sentences.length > 1 && dropped(sentences[sentences.length - 1] ?? '')) sentences.pop();
  return sentences.length === splitSentences(span).length ? span : sentences.join(' ');
}

/**
 * Where the final answer of `text` is: the first answer rule (in `ANSWER_RULES` order) that finds
 * a span, unless a non-answer rule (`NON_ANSWER_RULES`) rules it out. Answer tags read as answer lines.
 */
export function locateAnswer(text: string, options: LocateOptions = {}): Location {
  const tagged = answerTagsAsMarkers(text).trim();
  const input: RuleInput = {
    text: tagged,
    lines: tagged.split(/\r?\n/).filter((line) => !DELIMITER_LINE.test(line)),
    question: options.question ?? '',
  };
  for (const rule of rulesFor(options.strictness === 'strict')) {
    const raw = rule.find(input);
    if (raw === null) continue;
    const written = withoutTrailingNonAnswers(raw.written, rule.name).trim();
    const found: Found = { span: stripAnswerDecoration(written), written };
    const none = NON_ANSWER_RULES.find((n) => (n.appliesTo?.includes(rule.name) ?? true) && n.test(found, input));
    return none === undefined ? { found: true, rule: rule.name, ...found } : { found: false, rule: none.name };
  }
  return { found: false, rule: 'none' };
}
