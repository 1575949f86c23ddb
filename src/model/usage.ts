// Reads token usage from any provider's reply into one convention: completion tokens include reasoning.
import { z } from 'zod';
import type { Usage } from '../schema/result.js';

// A count that is not a whole, non-negative number (a string, NaN) is dropped, never concatenated or trusted.
const count = z.number().int().nonnegative().optional().catch(undefined);
const RawUsage = z.object({
  prompt_tokens: count,
  completion_tokens: count,
  total_tokens: count,
  reasoning_tokens: count,
  completion_tokens_details: z.object({ reasoning_tokens: count }).nullish().catch(undefined),
});

/** Normalised usage, or null when the endpoint sent none. Reasoning tokens are never counted twice. */
export function readUsage(raw: unknown): Usage | null {
  const parsed = RawUsage.safeParse(raw);
  if (!parsed.success) return null;
  const usage = parsed.data;
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
