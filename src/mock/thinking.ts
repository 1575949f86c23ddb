// How long the simulated model thinks and how right it is for the thinking it was allowed: the o1 chart as data.

import { hashParts, mulberry32, pick, type Rng } from '../random.js';
import { phraseAnswer, phraseContinuation, varyReasoning } from './phrasing.js';
import type { Question } from './questions.js';
import { composeReply, estimateTokens, type Reply } from './reply.js';

/** The reasoning_effort values the simulator understands. */
export type Effort = 'none' | 'minimal' | 'low' | 'medium' | 'high';

/** Mean reasoning tokens per effort; each sample's own length spreads around it. */
export const EFFORT_TOKENS: Readonly<Record<Effort, number>> = { none: 0, minimal: 128, low: 1024, medium: 4096, high: 16384 };

/** Accuracy lost per halving of the thinking below the reference length (and gained per doubling above it). */
export const SLOPE_PER_HALVING = 0.1;

/** The floor: what a model that hardly thought still gets right by luck. */
export const GUESS_RATE = 0.05;

/** Spread of one sample's reasoning length around its effort's mean, in doublings (one standard deviation). */
const LENGTH_SPREAD = 0.5;

/** With no reasoning at all the model is scored as if it had thought this many tokens. */
const NO_THINKING_TOKENS = 8;

/** The effort a request names, or undefined for none given (the simulator then thinks its short stand-in text, as before). */
export function effortOf(value: unknown): Effort | undefined {
  return typeof value === 'string' && Object.hasOwn(EFFORT_TOKENS, value) ? (value as Effort) : undefined;
}

/**
 * The chance of a right answer: `base` at the reference length (medium effort, or the stand-in text's own
 * length without an effort), changing by SLOPE_PER_HALVING per doubling of the tokens thought, floored at the
 * guess rate and capped halfway from `base` to 1. At the reference length it is exactly `base`.
 */
export function accuracyAt(base: number, thoughtTokens: number, referenceTokens: number): number {
  if (thoughtTokens === referenceTokens || referenceTokens <= 0) return base;
  const doublings = Math.log2(Math.max(NO_THINKING_TOKENS, thoughtTokens) / referenceTokens);
  const ceiling = base + (1 - base) / 2;
  return Math.min(ceiling, Math.max(Math.min(base, GUESS_RATE), base + SLOPE_PER_HALVING * doublings));
}

/** One sample's natural reasoning length for an effort: the mean times 2^(spread * z), z a standard normal draw. */
export function naturalTokens(effort: Effort, rng: Rng): number {
  const mean = EFFORT_TOKENS[effort];
  if (mean === 0) return 0;
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.max(16, Math.round(mean * 2 ** (LENGTH_SPREAD * z)));
}

const EXPLORING: ReadonlyArray<(n: number) => string> = [
  (n) => `Let me try a small case first, say with ${n}, and see whether the pattern holds.`,
  (n) => `Wait, I should double-check step ${n} before going on.`,
  () => 'Hmm, that approach gets messy. Let me set it up another way.',
  (n) => `If I write the condition out in full there are ${n} pieces to keep track of.`,
  () => 'Actually, let me re-read the question to be sure of what is asked.',
  (n) => `Trying ${n} as a check: it is consistent with what I have so far.`,
  () => 'Is there an edge case I am missing? Let me think about the boundaries.',
  (n) => `Going back over the last ${n} lines, nothing contradicts the setup.`,
  () => 'Let me organise what I know before the next step.',
  (n) => `Suppose instead the value were ${n}; then the constraint would fail, so that is ruled out.`,
  () => 'I will verify this a different way to be safe.',
  (n) => `So far ${n} checks agree. Let me push a little further.`,
];

/** The reasoning grown to `targetTokens`: its first line, then exploring text, then the worked part that reaches the answer. */
export function extendReasoning(reasoning: string, targetTokens: number, seed: number): string {
  if (targetTokens <= 0) return '';
  const missing = targetTokens * 4 - reasoning.length;
  if (missing <= 0) return reasoning;
  const rng = mulberry32(hashParts('thinking', seed));
  const lines: string[] = [];
  let length = 0;
  while (length < missing) {
    const line = pick(rng, EXPLORING)(2 + Math.floor(rng() * 40));
    lines.push(line);
    length += line.length + 1;
  }
  const filler = lines.join('\n').slice(0, Math.max(0, missing - 1));
  const newline = reasoning.indexOf('\n');
  if (newline < 0) return `${reasoning}\n${filler}`;
  return `${reasoning.slice(0, newline)}\n${filler}${reasoning.slice(newline)}`;
}

/** What a request whose last message is the assistant's asks: continue that message (an assistant prefill). */
export interface Prefill {
  /** The reasoning the assistant message carries (inside `<think>`, or before a lone `</think>`). */
  thinking: string;
  /** The text after the reasoning, which the reply continues (e.g. "Final answer:"). */
  prefix: string;
}

const CLOSE = /<\/think(?:ing)?>/i;
const OPEN = /^\s*<think(?:ing)?>/i;

/** The prefill a conversation ends on, or undefined when the last message is not the assistant's. */
export function readPrefill(messages: ReadonlyArray<{ role: string; content: string }>): Prefill | undefined {
  const last = messages[messages.length - 1];
  if (last?.role !== 'assistant') return undefined;
  const close = CLOSE.exec(last.content);
  if (!close) return { thinking: last.content.replace(OPEN, ''), prefix: '' };
  return { thinking: last.content.slice(0, close.index).replace(OPEN, '').trim(), prefix: last.content.slice(close.index + close[0].length) };
}

/** The reasoning tokens a prefill carries: the simulator's own estimate, about four characters a token. */
export function prefillTokens(prefill: Prefill): number {
  return estimateTokens(prefill.thinking);
}

/** The continuation of a prefill: the answer text, spaced from a prefix that ends on a word or a colon. */
export function continuePrefill(prefix: string, answer: string): string {
  return prefix === '' || /\s$/.test(prefix) ? answer : ` ${answer}`;
}

/** What one reply is drawn from: the question, its conversation, the request's effort and the model's accuracy. */
export interface ThinkingRequest {
  question: Question;
  hash: number;
  promptChars: number;
  messages: ReadonlyArray<{ role: string; content: string }>;
  effort: Effort | undefined;
  base: number;
  /** Reasoning grown to at least this many tokens whatever the effort (load tests of large results). */
  padTokens?: number | undefined;
}

/** The draw's state: its generator, seed, sample number (picks the opening line) and completion-token limit. */
export interface Draw {
  rng: Rng;
  seed: number;
  sample: number;
  limit: number | undefined;
}

/**
 * The draw and the reply. Without an effort, today's draw and stand-in reasoning, unchanged; with one, the
 * reasoning is grown to the sample's natural length and the accuracy follows the effort. A prefill is continued
 * with a short answer, right as often as the thinking it carries allows.
 */
export function thinkingReply(request: ThinkingRequest, draw: Draw): Reply {
  const { question, effort, base } = request;
  const referenceTokens = effort === undefined ? estimateTokens(question.right.reasoning) : EFFORT_TOKENS.medium;
  const most = effort === undefined ? referenceTokens : EFFORT_TOKENS[effort];
  const prefill = readPrefill(request.messages);
  const thought = prefill ? Math.min(prefillTokens(prefill), most) : most;
  const attempt = draw.rng() < accuracyAt(base, thought, referenceTokens) ? question.right : question.wrong(draw.rng);
  if (prefill)
    return { ...composeReply('', continuePrefill(prefill.prefix, phraseContinuation(attempt, draw.rng)), request.promptChars, draw.limit), continued: true };
  let reasoning = effort === 'none' ? '' : varyReasoning(attempt.reasoning, request.hash, Math.abs(Math.trunc(draw.sample)));
  if (effort !== undefined) reasoning = extendReasoning(reasoning, naturalTokens(effort, mulberry32(hashParts('length', draw.seed))), draw.seed);
  if (request.padTokens) reasoning = extendReasoning(reasoning, request.padTokens, draw.seed);
  return composeReply(reasoning, phraseAnswer(attempt, draw.rng), request.promptChars, draw.limit);
}
