// Reads token usage from any provider's reply into one convention: completion tokens include reasoning.
import type { Usage } from '../schema/result.js';

type RawUsage = {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  reasoning_tokens?: number;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
};

/** Normalised usage, or null when the endpoint sent none. Reasoning tokens are never counted twice. */
export function readUsage(raw: unknown): Usage | null {
  if (!raw || typeof raw !== 'object') return null;
  const usage = raw as RawUsage;
  const promptTokens = usage.prompt_tokens ?? 0;
  let completionTokens = usage.completion_tokens ?? 0;
  const nested = usage.completion_tokens_details?.reasoning_tokens;
  let reasoningTokens = nested ?? 0;
  if (nested == null && typeof usage.reasoning_tokens === 'number') {
    // Some providers report reasoning beside completion tokens rather than inside them:
    // the total tells which, and we fold it in so completion always includes reasoning.
    reasoningTokens = usage.reasoning_tokens;
    const separate = usage.total_tokens === promptTokens + completionTokens + reasoningTokens;
    if (separate) completionTokens += reasoningTokens;
  }
  return { promptTokens, completionTokens, reasoningTokens, totalTokens: promptTokens + completionTokens };
}

/** Adds usages up; null entries count as zero. */
export function addUsage(items: Iterable<Usage | null>): Usage {
  const total: Usage = { promptTokens: 0, completionTokens: 0, reasoningTokens: 0, totalTokens: 0 };
  for (const u of items) {
    if (!u) continue;
    total.promptTokens += u.promptTokens;
    total.completionTokens += u.completionTokens;
    total.reasoningTokens += u.reasoningTokens;
    total.totalTokens += u.totalTokens;
  }
  return total;
}
