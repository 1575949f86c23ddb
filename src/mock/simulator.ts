// The simulated model's decisions for one chat request: validation, faults, the seeded draw and the reply.

import { httpError, MAX_TOKENS_REJECTED, modelNotFound, unsupportedValue, type HttpError } from './errors.js';
import { solveQuestion, type Question } from './questions.js';
import { fnv1a, hashParts, mulberry32 } from '../random.js';
import type { Reply } from './reply.js';
import { effortOf, thinkingReply } from './thinking.js';

/** The model the simulator lists; `thinkbench-sim-<NN>` is also served, right NN% of the time. */
export const SIM_MODEL = 'thinkbench-sim';

/** Fault injection rates (probabilities per request) and their parameters. */
export interface FaultOptions {
  rate429?: number;
  rate500?: number;
  rate503?: number;
  drop?: number;
  malformed?: number;
  slowMs?: number;
  slowRate?: number;
  retryAfterSeconds?: number;
}

/** What the simulator decides for one request. */
export type Outcome =
  | { type: 'error'; error: HttpError }
  | { type: 'drop' }
  | { type: 'malformed'; stream: boolean }
  | { type: 'reply'; model: string; stream: boolean; includeUsage: boolean; reply: Reply; extraDelayMs: number; latencyScale: number };

/** Conversations whose draw counters are kept; past this the counters start over. */
const MAX_CONVERSATIONS = 200_000;

/** A follow-up turn (the conversation already has an answer attempt) is answered in a tenth of the time. */
const FOLLOW_UP_LATENCY_SCALE = 0.1;

interface Conversation {
  question: Question;
  promptChars: number;
  hash: number;
  samples: number; // replies drawn so far: the n in the seed
  attempts: number; // requests seen so far: the n of the fault draw
}

type Message = { role: string; content: string };

/** The accuracy a model name stands for, or undefined when it is not served. */
export function accuracyOf(model: string, defaultAccuracy: number): number | undefined {
  if (model === SIM_MODEL) return defaultAccuracy;
  const percent = /^thinkbench-sim-(\d{1,3})$/.exec(model)?.[1];
  return percent !== undefined && Number(percent) <= 100 ? Number(percent) / 100 : undefined;
}

// Text of a message content: a string, or the text parts of a content array.
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('\n');
}

function readMessages(raw: unknown): Message[] | HttpError {
  if (!Array.isArray(raw) || raw.length === 0) {
    return httpError(400, "'messages' must be a non-empty array of messages.", { param: 'messages', code: 'invalid_type' });
  }
  const messages: Message[] = [];
  for (const [index, item] of raw.entries()) {
    const role = (item as { role?: unknown } | null)?.role;
    if (typeof role !== 'string') {
      return httpError(400, `Missing required parameter: 'messages[${index}].role'.`, { param: `messages[${index}].role`, code: 'missing_required_parameter' });
    }
    messages.push({ role, content: textOf((item as { content?: unknown }).content) });
  }
  return messages;
}

// The latest user message that poses a known question: a follow-up like "answer now" refers back to it.
function questionOf(messages: Message[]): Question {
  let fallback: Question | undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.role !== 'user') continue;
    const question = solveQuestion(messages[i]!.content);
    if (question.family !== 'unknown') return question;
    fallback ??= question;
  }
  return fallback ?? solveQuestion('');
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

/** Holds the per-conversation counters so N samples of a question get N different, reproducible draws. */
export class Simulator {
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly options: {
      accuracy: number;
      seed: number;
      faults: FaultOptions;
      rejectParams: boolean;
      rejectSystem: boolean;
      /** Every reply's reasoning grown to at least this many characters. */
      reasoningChars?: number | undefined;
    },
  ) {}

  /** Decides the outcome of one parsed request body. */
  handle(body: unknown): Outcome {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { type: 'error', error: httpError(400, 'The request body must be a JSON object.') };
    }
    const request = body as Record<string, unknown>;
    const model = request.model;
    if (typeof model !== 'string' || model === '') {
      return { type: 'error', error: httpError(400, 'you must provide a model parameter', { param: 'model' }) };
    }
    const messages = readMessages(request.messages);
    if (!Array.isArray(messages)) return { type: 'error', error: messages };
    const accuracy = accuracyOf(model, this.options.accuracy);
    if (accuracy === undefined) return { type: 'error', error: modelNotFound(model) };
    const refusal = this.refuse(request, messages);
    if (refusal) return { type: 'error', error: refusal };

    const conversation = this.conversation(model, messages);
    const stream = request.stream === true;
    const fault = this.fault(model, conversation, stream);
    if (fault.outcome) return fault.outcome;

    const seedParam = typeof request.seed === 'number' ? request.seed : undefined;
    const sample = seedParam ?? conversation.samples; // picks the reasoning's opening line: samples differ, a fixed seed repeats
    const seed =
      seedParam === undefined
        ? hashParts(this.options.seed, model, conversation.hash, conversation.samples++)
        : hashParts('seed', seedParam, model, conversation.hash);
    const rng = mulberry32(seed);
    const limit = positive(request.max_completion_tokens) ?? positive(request.max_tokens);
    const { question, hash, promptChars } = conversation;
    const reply = thinkingReply(
      {
        question,
        hash,
        promptChars,
        messages,
        effort: effortOf(request.reasoning_effort),
        base: accuracy,
        padTokens: Math.ceil((this.options.reasoningChars ?? 0) / 4),
      },
      { rng, seed, sample, limit },
    );
    const streamOptions = request.stream_options as { include_usage?: unknown } | undefined;
    const latencyScale = messages.some((m) => m.role === 'assistant') ? FOLLOW_UP_LATENCY_SCALE : 1;
    return { type: 'reply', model, stream, includeUsage: streamOptions?.include_usage === true, reply, extraDelayMs: fault.slowMs, latencyScale };
  }

  // o-series refusals, when enabled.
  private refuse(request: Record<string, unknown>, messages: Message[]): HttpError | undefined {
    if (this.options.rejectSystem) {
      const index = messages.findIndex((message) => message.role === 'system');
      if (index >= 0) {
        const param = `messages[${index}].role`;
        return httpError(400, `Unsupported value: '${param}' does not support 'system' with this model.`, { param, code: 'unsupported_value' });
      }
    }
    if (!this.options.rejectParams) return undefined;
    if (request.max_tokens !== undefined && request.max_tokens !== null) return MAX_TOKENS_REJECTED;
    for (const param of ['temperature', 'top_p']) {
      const value = request[param];
      if (value !== undefined && value !== null && value !== 1) return unsupportedValue(param, value);
    }
    return undefined;
  }

  private conversation(model: string, messages: Message[]): Conversation {
    let text = '';
    let promptChars = 0;
    for (const message of messages) {
      text += `${message.role}\u0002${message.content}\u0003`;
      promptChars += message.content.length;
    }
    // Keyed by two hashes, not the text: a long-lived server must not keep every prompt it saw.
    const hash = fnv1a(text);
    const key = `${model}\u0000${hash}:${fnv1a(text, 0x9e3779b9)}:${text.length}`;
    let conversation = this.conversations.get(key);
    if (!conversation) {
      if (this.conversations.size >= MAX_CONVERSATIONS) this.conversations.clear(); // counters start over
      conversation = { question: questionOf(messages), promptChars, hash, samples: 0, attempts: 0 };
      this.conversations.set(key, conversation);
    }
    return conversation;
  }

  // An independent draw per attempt, so a retried request can succeed and faults never shift the answer draws.
  private fault(model: string, conversation: Conversation, stream: boolean): { outcome?: Outcome; slowMs: number } {
    const faults = this.options.faults;
    const rng = mulberry32(hashParts('fault', this.options.seed, model, conversation.hash, conversation.attempts++));
    const draw = rng();
    const slowMs = rng() < (faults.slowRate ?? 0) ? (faults.slowMs ?? 0) : 0;
    let band = faults.rate429 ?? 0;
    if (draw < band) {
      const headers: Record<string, string> =
        faults.retryAfterSeconds !== undefined ? { 'retry-after': String(faults.retryAfterSeconds) } : { 'retry-after-ms': '10' };
      const error = httpError(429, `Rate limit reached for ${model} (simulated). Please try again shortly.`, {
        type: 'requests',
        code: 'rate_limit_exceeded',
        headers,
      });
      return { outcome: { type: 'error', error }, slowMs };
    }
    if (draw < (band += faults.rate500 ?? 0)) {
      return {
        outcome: { type: 'error', error: httpError(500, 'The server had an error while processing your request (simulated).', { type: 'server_error' }) },
        slowMs,
      };
    }
    if (draw < (band += faults.rate503 ?? 0)) {
      return {
        outcome: { type: 'error', error: httpError(503, 'The engine is currently overloaded, please try again later (simulated).', { type: 'server_error' }) },
        slowMs,
      };
    }
    if (draw < (band += faults.drop ?? 0)) return { outcome: { type: 'drop' }, slowMs };
    if (draw < (band += faults.malformed ?? 0)) return { outcome: { type: 'malformed', stream }, slowMs };
    return { slowMs };
  }
}
