// Sums token usage over samples: null entries (failed requests that reported none) count as zero.
import type { Usage } from '../schema/result.js';

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
