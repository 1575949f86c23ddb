// Sends one sample's request under its own deadline and turns whatever happens into a Sample or a stop.
import { formatDuration } from '../duration.js';
import { describeFailure, MAX_REPLY_BYTES, RetryCutShort, type ChatReply, type ModelClient, type RequestFailure } from '../model/openai.js';
import { storedReply } from '../model/reasoning.js';
import type { Adaptation, RawSample } from '../schema/result.js';
import type { ChatMessage, Params } from '../schema/suite.js';
import { adaptationFor, applyAdaptations } from './adapt.js';
import type { ResponseCache } from './cache.js';
import { forcedAnswerRequest, graceMs, mergeForced } from './graceful-finish.js';
import type { SampleTask } from './plan.js';
import {
  budgetNote,
  budgetPrefillRequest,
  cutPartial,
  cutReasoning,
  mergeBudgeted,
  overBudget,
  reasoningSoFar,
  type BudgetForcing,
} from './thinking-budget.js';

/** What every sample of a run shares. */
export interface SampleContext {
  client: ModelClient;
  baseUrl: string;
  model: string;
  stream: boolean;
  timeoutMs: number;
  /** What a sample that reaches its time limit does: fail, or be asked for its answer now. */
  onTimeout: 'error' | 'answer';
  cache?: ResponseCache;
  /** Aborted when the run stops (budget, Ctrl-C, fatal error): in-flight samples are dropped. */
  runSignal: AbortSignal;
  adaptations: Adaptation[];
  onAdapt: (adaptation: Adaptation) => void;
  /** Called for a failure that ends the run; the sample is dropped. */
  onFatal: (failure: RequestFailure) => void;
  /** True once any request has succeeded: an unreachable endpoint is then a passing fault. */
  reachable: () => boolean;
  /** --thinking-budget, when it is forced: reasoning is stopped at its tokens and the answer asked for at once. */
  thinkingBudget?: BudgetForcing;
}

type Attempt =
  | { kind: 'reply'; reply: ChatReply }
  | { kind: 'timeout'; partial: ChatReply | undefined }
  | { kind: 'budget'; partial: ChatReply }
  | { kind: 'failure'; failure: RequestFailure; partial: ChatReply | undefined }
  | { kind: 'stopped' };

/** A request is rewritten at most this many times (one per refused parameter). */
const MAX_ADAPTATIONS = 4;
const TIMEOUT = 'timeout';
const BUDGET = 'thinking-budget';
const EMPTY_REPLY: ChatReply = { content: '', fieldReasoning: '', finishReason: null, usage: null, firstTokenMs: null };

/** Runs one sample and records what came back, unscored; null when the run stopped while it was in flight (it stays unstarted). */
export async function runSample(task: SampleTask, ctx: SampleContext): Promise<RawSample | null> {
  const started = performance.now();
  const timing = () => ({ index: task.sampleIndex, latencyMs: performance.now() - started });
  const request = () => applyAdaptations(task, ctx.adaptations);
  // Keyed on the request as the suite wrote it, so replies stored before and after an adaptation match.
  // A budget is part of the key: a budgeted run must never replay a reply that thought past it.
  const params = ctx.thinkingBudget ? { ...task.params, thinking_budget: ctx.thinkingBudget.tokens } : task.params;
  const key = ctx.cache && { baseUrl: ctx.baseUrl, model: ctx.model, messages: task.messages, params, sampleIndex: task.sampleIndex };
  const cached = key && (await ctx.cache!.get(key));
  if (cached) return { ...collected(cached, timing()), cached: true };

  const timeoutMs = task.timeoutMs ?? ctx.timeoutMs;
  let attempt = await sendAdapting(request, timeoutMs, ctx);
  let forced = false;
  if (attempt.kind === 'budget') {
    const answered = await answerAtBudget(request, attempt.partial, graceMs(timeoutMs), ctx);
    if (answered.kind === 'stopped') return null;
    attempt = answered;
    forced = answered.kind === 'reply';
  }
  if (attempt.kind === 'timeout' && ctx.onTimeout === 'answer') {
    const partial = attempt.partial ?? EMPTY_REPLY;
    const followUp = await sendAdapting(() => forcedAnswerRequest(request(), partial), graceMs(timeoutMs), ctx, false);
    if (followUp.kind === 'stopped') return null;
    if (followUp.kind === 'reply') {
      attempt = { kind: 'reply', reply: mergeForced(partial, followUp.reply) };
      forced = true;
    }
  }
  switch (attempt.kind) {
    case 'stopped':
      return null;
    case 'reply':
      if (ctx.thinkingBudget && !forced) {
        const note = budgetNote(attempt.reply);
        if (note) ctx.thinkingBudget.note(note);
      }
      // A reply cut at --max-reply-bytes is not stored: a run with a larger cap must not replay the cut.
      if (key && !forced && attempt.reply.finishReason !== MAX_REPLY_BYTES) await ctx.cache!.set(key, attempt.reply).catch(() => {}); // a cache that cannot be written is only slower
      return { ...collected(attempt.reply, timing()), ...(forced && { forced }) };
    case 'timeout': {
      const message = `no complete reply within ${formatDuration(timeoutMs)} (--timeout)`;
      return failedSample({ code: 'timeout', message }, timing(), attempt.partial);
    }
    case 'failure':
      return failedSample(attempt.failure, timing(), attempt.partial);
    default:
      return attempt satisfies never;
  }
}

/** At the budget: the cut reasoning prefilled and closed so the model answers at once; a plain follow-up if the prefill is refused or gives no answer. */
async function answerAtBudget(
  request: () => { messages: ChatMessage[]; params: Params },
  partial: ChatReply,
  deadlineMs: number,
  ctx: SampleContext,
): Promise<Exclude<Attempt, { kind: 'budget' }>> {
  const cut = cutReasoning(reasoningSoFar(partial).text, ctx.thinkingBudget!.tokens);
  const prefilled = await sendAdapting(() => budgetPrefillRequest(request(), cut), deadlineMs, ctx, false);
  if (prefilled.kind === 'stopped' || prefilled.kind === 'budget') return { kind: 'stopped' };
  if (prefilled.kind === 'reply' && prefilled.reply.content.trim())
    return { kind: 'reply', reply: mergeBudgeted(cut, prefilled.reply, partial.firstTokenMs, true) };
  if (prefilled.kind === 'timeout') return { kind: 'timeout', partial: cutPartial(cut, partial.firstTokenMs) };
  const asked = await sendAdapting(() => forcedAnswerRequest(request(), cutPartial(cut, partial.firstTokenMs)), deadlineMs, ctx, false);
  if (asked.kind === 'reply') return { kind: 'reply', reply: mergeBudgeted(cut, asked.reply, partial.firstTokenMs, false) };
  if (asked.kind === 'timeout' || asked.kind === 'budget') return { kind: 'timeout', partial: cutPartial(cut, partial.firstTokenMs) };
  return asked;
}

interface Timing {
  index: number;
  latencyMs: number;
}

/** A reply as collected: its reasoning split off once, so it is stored once. */
function collected(reply: ChatReply, timing: Timing): RawSample {
  return {
    index: timing.index,
    ...storedReply(reply.content, reply.fieldReasoning),
    finishReason: reply.finishReason,
    error: null,
    latencyMs: Math.round(timing.latencyMs),
    firstTokenMs: reply.firstTokenMs === null ? null : Math.round(reply.firstTokenMs),
    usage: reply.usage,
  };
}

/** A request that failed: an error outcome, counted apart from wrong answers, with whatever partial reply came. */
function failedSample(failure: Pick<RequestFailure, 'code' | 'message'>, timing: Timing, partial?: ChatReply): RawSample {
  return {
    ...collected(partial ?? EMPTY_REPLY, timing),
    error: { code: failure.code, message: failure.message },
  };
}

/** Sends a request, rewriting it when the endpoint refuses a parameter it can do without. */
async function sendAdapting(
  request: () => { messages: ChatMessage[]; params: Params },
  deadlineMs: number,
  ctx: SampleContext,
  forcing = true,
): Promise<Attempt> {
  for (let rewrites = 0; ; rewrites++) {
    const sent = request();
    const attempt = await send(sent, deadlineMs, ctx, forcing);
    if (attempt.kind !== 'failure') return attempt;
    const { failure } = attempt;
    const adaptation = rewrites < MAX_ADAPTATIONS ? adaptationFor(failure, sent.params) : null;
    if (adaptation) {
      // Another sample may have made the same adaptation while this one was in flight.
      if (!ctx.adaptations.some((a) => a.param === adaptation.param)) ctx.onAdapt(adaptation);
      continue;
    }
    if (failure.fatal || (failure.unreachable && !ctx.reachable())) {
      ctx.onFatal(failure);
      return { kind: 'stopped' };
    }
    return attempt;
  }
}

/** One request under its own controller, linked to the run's: a shared signal would gather thousands of listeners. */
async function send(request: { messages: ChatMessage[]; params: Params }, deadlineMs: number, ctx: SampleContext, forcing: boolean): Promise<Attempt> {
  if (ctx.runSignal.aborted) return { kind: 'stopped' };
  const controller = new AbortController();
  const stop = () => controller.abort();
  ctx.runSignal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => controller.abort(TIMEOUT), deadlineMs);
  let partial: ChatReply | undefined;
  const budget = forcing ? ctx.thinkingBudget?.tokens : undefined;
  let crossed = false;
  try {
    const reply = await ctx.client.chat({
      model: ctx.model,
      ...request,
      stream: ctx.stream,
      signal: controller.signal,
      onPartial: (p) => {
        partial = p;
        if (budget === undefined || crossed || !overBudget(p, budget)) return;
        crossed = true;
        // Aborted on the next turn: an abort from inside the SDK's stream iteration can leave the request hanging.
        setImmediate(() => controller.abort(BUDGET));
      },
    });
    // A fast endpoint may have sent the whole reply before the abort landed: it is cut all the same.
    return crossed ? { kind: 'budget', partial: reply } : { kind: 'reply', reply };
  } catch (error) {
    if (ctx.runSignal.aborted) return { kind: 'stopped' };
    if (crossed && partial) return { kind: 'budget', partial };
    const failure = describeFailure(error);
    // A deadline that came while waiting to retry ends the sample with the fault it was waiting out.
    const waitingOut = error instanceof RetryCutShort && failure.code !== 'timeout';
    if (controller.signal.reason === TIMEOUT && !waitingOut) return { kind: 'timeout', partial };
    return { kind: 'failure', failure, partial };
  } finally {
    clearTimeout(timer);
    ctx.runSignal.removeEventListener('abort', stop);
  }
}
