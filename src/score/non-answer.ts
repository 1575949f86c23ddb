// Recognises answer spans that state no answer: refusals, bare plans, questions back, a restated prompt.
import { splitSentences } from './markup.js';

const LEADING_REFUSAL =
  /^(?:sorry,?\s*)?(?:i(?:'|’)m (?:not sure|unsure|unable|sorry|afraid)|i am (?:not sure|unsure|unable|sorry|afraid)|i (?:can(?:'|’)?t|cannot|can not|won(?:'|’)t|don(?:'|’)t know|do not know|have no idea)|unfortunately|no idea|unknown|not sure|n\/a\b|unable to)/i;
const REFUSAL_ANYWHERE =
  /(?:cannot|can(?:'|’)t|could not|couldn(?:'|’)t) (?:be )?determined?|(?:impossible|not possible) to (?:determine|say|tell|know)|not enough information|insufficient information|can(?:'|’)t help with|cannot help with|can(?:'|’)t assist|cannot assist|\btoo (?:ambiguous|vague|unclear|ill-posed|ill-defined) to (?:have|give|determine|answer|solve|say)/i;

// "Let me calculate ... step by step.", "Sure! Let's add 19686 and 31080.", "We need to translate each clause."
const PLAN =
  /^(?:(?:sure|okay|ok|alright|all right|great|certainly|of course)\b[!,.]*\s*)?(?:first,?\s+)?(?:let me|let(?:'|’)s|let us|i(?:'|’)ll|i will|we(?:'|’)ll|we will|i need to|we need to|i(?:'|’)m going to|i am going to|we(?:'|’)re going to|we are going to)\s+(?:(?:first|now|carefully|quickly|then)\s+)?(?:calculate|compute|add|subtract|multiply|divide|count|decode|decipher|solve|think|work|figure|break|check|start|begin|try|look|find|determine|translate|set up|spell|compare|analy[sz]e|go through|write|list|examine|tackle|do)\b/i;
// A verb followed by a value asserts something: "Let's see, 9.8 is bigger".
const ASSERTS = /\b(?:is|are|was|equals|gives|makes|has)\s+[\p{L}\p{N}$−-]/iu;
// Openers, set-up and remarks on the question that assert nothing: "Sure!", "This appears to be a substitution.",
// "This riddle is notoriously confusing.", "Let x be the first number."
const META =
  /^(?:(?:sure|okay|ok|alright|all right|great|certainly|of course|hmm+|interesting|good question|i(?:'|’)d be happy to help|happy to help)\b[^a-z0-9]*$|this (?:appears|seems|looks) to be\b|this is an? (?:interesting|classic|tricky|fun|well-known)\b|(?:this|the) (?:riddle|puzzle|question|problem|prompt|wording) (?:is|seems|looks|sounds) (?:\p{L}+ )?(?:confusing|ambiguous|unclear|tricky|underspecified|ill-posed|vague|open to interpretation)\b|let (?:the\s+)?[\p{L}'’\s]{1,40}?\bbe\b)/iu;
// A question put back to the user: "Could you clarify ...?", "Which word would you like me to check?"
const QUESTION_BACK = /\b(?:could you|can you|would you|do you|did you|should i|shall i|want me|would you like|you mean|you(?:'|’)d like)\b[^?]*\?$/i;

// Saying the task could not be done: "I wasn't able to find a consistent mapping", "I cannot decode",
// "there isn't enough text to crack it", "decoding this would require more examples", "I can't run code".
const NEGATED_ABILITY = String.raw`(?:i|we)\s+(?:was(?:n['’]t|\s+not)\s+able|(?:was|were|am)\s+unable|(?:['’]m|am)\s+(?:not\s+able|unable)|could(?:n['’]t|\s+not)|can(?:['’]t|not|\s+not))\s+(?:to\s+)?`;
const INABILITY = new RegExp(
  String.raw`\b${NEGATED_ABILITY}(?:decode|decipher|decrypt|crack|break|solve|run|execute|find\s+(?:a|an|any|the)?\s*(?:consistent|valid|clear|unique|working|sensible|coherent|meaningful)?\s*(?:mapping|key|pattern|solution|rule|shift|decoding|decryption|translation|meaning))\b` +
    String.raw`|\b(?:isn['’]t|is\s+not|aren['’]t|are\s+not|not)\s+enough\s+(?:[\p{L}-]+\s+){0,2}to\s+(?:crack|decode|decipher|decrypt|solve|break|determine)\b` +
    String.raw`|\b(?:decoding|decrypting|deciphering|cracking|solving)\s+(?:this|it|the\s+\p{L}+)\s+would\s+(?:require|need|take)\b`,
  'iu',
);

/** Whether a span says the task could not be done, with no "but ..." that goes on to answer. */
function statesInability(span: string): boolean {
  const match = INABILITY.exec(span);
  if (match === null) return false;
  const afterBut = /\bbut\b\s*,?\s*([\s\S]*)$/i.exec(span.slice(match.index + match[0].length))?.[1]?.trim();
  return afterBut === undefined || afterBut === '' || INABILITY.test(afterBut) || LEADING_REFUSAL.test(afterBut);
}

/**
 * Whether an answer span declines to answer ("I can't help with that", "I don't know", "cannot be
 * determined") or says the task could not be done ("I wasn't able to find a consistent mapping").
 */
export function isRefusal(span: string): boolean {
  if (REFUSAL_ANYWHERE.test(span) || statesInability(span)) return true;
  if (!LEADING_REFUSAL.test(span)) return false;
  // "I'm not sure, but I think it's 42" commits to an answer; "I'm sorry, but I can't decode this" does not.
  const afterBut = /^[\s\S]*\bbut\b\s*,?\s*([\s\S]*)$/i.exec(span)?.[1]?.trim();
  return afterBut === undefined || afterBut === '' || LEADING_REFUSAL.test(afterBut);
}

/** Whether a sentence only announces work ("Let me add them step by step.") without any result. */
function isPlanOrMeta(sentence: string): boolean {
  if (/[:=→]/.test(sentence.replace(/[.!]+$/, ''))) return false; // "Let's add them: 2 + 2 = 4" states a result
  if (QUESTION_BACK.test(sentence)) return true;
  return (PLAN.test(sentence) && !ASSERTS.test(sentence)) || META.test(sentence);
}

/**
 * Whether every sentence of a span is a plan, an opener, set-up or a question back to the user,
 * so the reply stopped before answering ("Sure! Let's add 19686 and 31080.").
 */
export function isOnlyPlan(span: string): boolean {
  const sentences = splitSentences(span);
  return sentences.length > 0 && sentences.every(isPlanOrMeta);
}

/** Lowercase words and numbers of `text`, separated by single spaces. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether a span only repeats a whole line or sentence of the question ("What is 347 * 29?", the
 * input copied back), three words or more. A part of a line (a worked example's output) is an
 * answer, if a wrong one.
 */
export function restatesQuestion(span: string, question: string): boolean {
  const spanWords = words(span);
  if (spanWords.split(' ').length < 3) return false;
  const units = [question, ...question.split(/\r?\n/), ...splitSentences(question)];
  return units.some((unit) => words(unit) === spanWords);
}

// "either 2 or 3", not "either way" or "either of them".
const EITHER_OR = /\beither\s+(?!way\b|case\b|of\b|one\b|side\b|direction\b|order\b|the same\b)[^.!?;]*?\bor\b/i;
// "It could be 9.11 or 9.8", "might be two or three".
const MAYBE_OR = /\b(?:could|might|may)\s+(?:be|equal|give)\s+(?:\S+\s+){1,3}?or\s+\S/i;
// Two different values offered side by side: "20,088 or 20,098".
const VALUE_OR_VALUE = /(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*,?\s+or\s+(\d[\d,]*(?:\.\d+)?)(?![\d,]*\d)/g;
// Examples and ranges are not hedges: "e.g. 8 or 16", "any multiple".
const NOT_A_HEDGE = /\b(?:e\.g\.|i\.e\.)|\b(?:for example|for instance|such as|like|any|every|all|each|multiples?|between)\b/i;
// A later sentence that commits after all: "So it's 3.", "I'll go with 20,088."
const COMMITS = /\d|\b(?:so|therefore|thus|hence|answer|final|go with|going with|pick|choose|settle)\b/i;

function offersTwoValues(sentence: string): boolean {
  const visible = sentence.replace(/\([^()]*\)/g, ' '); // "3 (or three)" restates one value
  if (EITHER_OR.test(visible) || MAYBE_OR.test(visible)) return true;
  if (NOT_A_HEDGE.test(visible)) return false;
  return [...visible.matchAll(VALUE_OR_VALUE)].some((m) => Number(m[1]?.replace(/,/g, '')) !== Number(m[2]?.replace(/,/g, '')));
}

/**
 * Whether a span hedges between two answers and commits to neither: "either 2 or 3", "It could
 * be 9.11 or 9.8", "20,088 or 20,098", with no later sentence that picks one. "Either way, the
 * answer is 3" and "3 (or three)" state one answer.
 */
export function isHedge(span: string): boolean {
  const sentences = splitSentences(span).filter((s) => !s.endsWith('?'));
  const last = sentences.findLastIndex(offersTwoValues);
  return last >= 0 && !sentences.slice(last + 1).some((s) => COMMITS.test(s));
}
