// Thinking budgets (--thinking-budget), s1-style: count streamed reasoning, stop it at the budget, prefill the answer.
import type { ChatReply } from '../model/openai.js';
import type { Usage } from '../schema/result.js';
import type { ChatMessage, Params } from '../schema/suite.js';

/** Closes the cut reasoning in the prefill: the end-of-thinking marker, then the start of the answer. */
export const BUDGET_PREFILL_TAIL = '\n</think>\n\nFinal answer:';

/** Budget to reasoning_effort where the budget cannot be forced: under 2,048 tokens low, under 8,192 medium, else high. */
export const EFFORT_FOR_BUDGET: ReadonlyArray<{ below: number; effort: string }> = [
  { below: 2048, effort: 'low' },
  { below: 8192, effort: 'medium' },
  { below: Number.POSITIVE_INFINITY, effort: 'high' },
];

/** Tokens allowed for the answer on top of the budget when it becomes max_completion_tokens. */
export const ANSWER_ALLOWANCE = 1024;

/** Hosts that stream no reasoning text (OpenAI's o-series and gpt-5, Azure's): the budget is mapped, not forced. */
const UNFORCEABLE_HOSTS = [/(^|\.)api\.openai\.com$/i, /\.openai\.azure\.com$/i];

/** Said once when samples finish with no reasoning streamed. */
export const NO_REASONING_NOTE =
  '--thinking-budget: the endpoint streamed no reasoning (no reasoning_content, reasoning or <think> text), so nothing was cut; the samples ran unbudgeted.';

/** Said once when reasoning arrives with only a closing `</think>` (the chat template opened it): it is recognisable too late to cut. */
export const UNOPENED_THINK_NOTE =
  "--thinking-budget: the endpoint's chat template opens <think> itself, so its reasoning is recognisable only once it ends and could not be cut; " +
  'serve it with a reasoning parser (vLLM --reasoning-parser, llama.cpp --reasoning-format deepseek) so reasoning streams as reasoning_content.';

/** The note a reply that finished under a forced budget calls for, if any: no reasoning streamed, or none recognisable in time. */
export function budgetNote(reply: Pick<ChatReply, 'content' | 'fieldReasoning'>): string | undefined {
  if (reasoningSoFar(reply).text) return undefined;
  return /<\/think(?:ing)?>/i.test(reply.content) ? UNOPENED_THINK_NOTE : NO_REASONING_NOTE;
}

/** A run's budget forcing: the budget in tokens and a sink that prints each note once. */
export interface BudgetForcing {
  tokens: number;
  note(message: string): void;
}

/** How a run applies its budget: forced while streaming, or mapped to request parameters (with a note to print once). */
export interface BudgetPlan {
  /** Set when the budget is forced: give it to the SampleContext as `thinkingBudget`. */
  forcing?: BudgetForcing;
  /** The run's parameters, with the mapping applied when the budget cannot be forced. */
  params: Params;
  /** Printed once by the caller when set. */
  note?: string;
}

/** Reasoning tokens in text, estimated as characters / 4 (the OpenAI rule of thumb; no tokenizer needed). */
export function estimateReasoningTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Plans a budget. It is forced (cut while streaming) when the run streams and the endpoint is not one known to
 * hide its reasoning; otherwise it becomes max_completion_tokens = budget + ANSWER_ALLOWANCE and a reasoning_effort
 * from EFFORT_FOR_BUDGET, each only when the suite or --param did not set it.
 */
export function planThinkingBudget(tokens: number, run: { baseUrl: string; stream: boolean; params: Params; print: (note: string) => void }): BudgetPlan {
  const host = hostOf(run.baseUrl);
  const hidden = UNFORCEABLE_HOSTS.some((pattern) => pattern.test(host));
  if (run.stream && !hidden) {
    const said = new Set<string>();
    const note = (message: string) => {
      if (said.has(message)) return;
      said.add(message);
      run.print(message);
    };
    return { forcing: { tokens, note }, params: run.params };
  }
  const effort = EFFORT_FOR_BUDGET.find((band) => tokens < band.below)!.effort;
  const mapped: Params = { ...run.params };
  if (mapped.max_completion_tokens === undefined && mapped.max_tokens === undefined) mapped.max_completion_tokens = tokens + ANSWER_ALLOWANCE;
  mapped.reasoning_effort ??= effort;
  const why = hidden ? `${host} streams no reasoning to cut` : 'the run does not stream (--no-stream), so reasoning cannot be cut as it arrives';
  const set = [`max_completion_tokens=${String(mapped.max_completion_tokens ?? mapped.max_tokens)}`, `reasoning_effort=${String(mapped.reasoning_effort)}`];
  return {
    params: mapped,
    note: `--thinking-budget ${tokens}: ${why}; sending ${set.join(' and ')} instead (a sample that thinks past the limit ends with finish_reason length and no answer).`,
  };
}

/** The `thinking_budget` a sweep point or --param carries, taken out of the request parameters (the endpoint never sees it). */
export function takeThinkingBudget(params: Params): { params: Params; tokens?: number } {
  if (!('thinking_budget' in params)) return { params };
  const { thinking_budget: raw, ...rest } = params;
  const tokens = Number(raw);
  return Number.isInteger(tokens) && tokens > 0 ? { params: rest, tokens } : { params: rest };
}

/** The reasoning streamed so far, and whether it has ended (an answer began, or `</think>` closed it). */
export function reasoningSoFar(partial: Pick<ChatReply, 'content' | 'fieldReasoning'>): { text: string; open: boolean; inContent: boolean } {
  if (partial.fieldReasoning) return { text: partial.fieldReasoning, open: partial.content.trim() === '', inContent: false };
  const open = /^\s*<think(?:ing)?>/i.exec(partial.content);
  if (!open) return { text: '', open: false, inContent: false };
  const rest = partial.content.slice(open[0].length);
  return { text: rest, open: !/<\/think(?:ing)?>/i.test(rest), inContent: true };
}

/** True when a streaming reply has thought past the budget and is still thinking: the moment to stop it. */
export function overBudget(partial: Pick<ChatReply, 'content' | 'fieldReasoning'>, tokens: number): boolean {
  const so = reasoningSoFar(partial);
  return so.open && estimateReasoningTokens(so.text) >= tokens;
}

/** The reasoning cut to the budget, at the last word boundary before it. */
export function cutReasoning(text: string, tokens: number): string {
  const chars = tokens * 4;
  if (text.length <= chars) return text.trim();
  const cut = text.slice(0, chars);
  const space = cut.search(/\s\S*$/);
  return (space > chars / 2 ? cut.slice(0, space) : cut).trim();
}

/** The prefill request: the conversation, then the assistant's reasoning cut at the budget, closed, with "Final answer:". */
export function budgetPrefillRequest(request: { messages: ChatMessage[]; params: Params }, cut: string) {
  const messages: ChatMessage[] = [...request.messages, { role: 'assistant', content: `<think>\n${cut}${BUDGET_PREFILL_TAIL}` }];
  // vLLM continues the last assistant message only when asked; llama.cpp and the simulator do so unasked.
  return { messages, params: { ...request.params, continue_final_message: true, add_generation_prompt: false } };
}

/** The cut reasoning as a partial reply, for the --on-timeout-style follow-up. */
export function cutPartial(cut: string, firstTokenMs: number | null): ChatReply {
  return { content: '', fieldReasoning: cut, finishReason: null, usage: null, firstTokenMs };
}

/**
 * One reply out of the cut reasoning and the prefilled answer. Content is "Final answer:" plus the continuation;
 * usage adds the cut reasoning (estimated, as the stream stopped before its usage came) to the follow-up's.
 */
export function mergeBudgeted(cut: string, answer: ChatReply, firstTokenMs: number | null, prefilled: boolean): ChatReply {
  const thinking = estimateReasoningTokens(cut);
  const head = prefilled ? BUDGET_PREFILL_TAIL.replace('</think>', '').trim() : '';
  const usage: Usage | null = answer.usage && {
    ...answer.usage,
    completionTokens: answer.usage.completionTokens + thinking,
    reasoningTokens: answer.usage.reasoningTokens + thinking,
    totalTokens: answer.usage.totalTokens + thinking,
  };
  return {
    content: head && !answer.content.trimStart().startsWith(head) ? `${head}${answer.content}` : answer.content,
    fieldReasoning: [cut, answer.fieldReasoning.trim()].filter(Boolean).join('\n\n'),
    finishReason: answer.finishReason,
    usage: usage ?? { promptTokens: 0, completionTokens: thinking, reasoningTokens: thinking, totalTokens: thinking },
    firstTokenMs,
  };
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname;
  } catch {
    return '';
  }
}
