// Dollars from token counts: one request's cost, sums that keep unknowns apart, and the projection printed early in a run.
import type { Price, Rate } from './price.js';

/** Token counts of one request, OpenAI's convention: completion includes reasoning; cached is part of prompt. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  /** Prompt tokens served from the provider's cache (billed at the cached rate). */
  cachedTokens?: number;
}

/** Options of costOf. */
export interface CostOptions {
  /** The share of the list price billed: 0.5 for OpenAI's Batch API. Default 1. */
  batchFactor?: number;
}

/**
 * Output tokens to bill, reasoning counted once. Completion tokens include reasoning (OpenAI); a
 * provider that reports reasoning apart shows it by a total of prompt + completion + reasoning, or
 * by more reasoning than completion tokens, and then the reasoning is added.
 */
export function billedOutputTokens(usage: TokenUsage): number {
  const { promptTokens, completionTokens, reasoningTokens, totalTokens } = usage;
  const separate = reasoningTokens > 0 && (reasoningTokens > completionTokens || totalTokens === promptTokens + completionTokens + reasoningTokens);
  return separate ? completionTokens + reasoningTokens : completionTokens;
}

/** The $ per million tokens a rate charges for a request with `promptTokens` prompt tokens. */
export function rateAt(rate: Rate, promptTokens: number): number {
  if (typeof rate === 'number') return rate;
  let perMTok = rate.base;
  for (const tier of rate.tiers) if (promptTokens > tier.start) perMTok = tier.price;
  return perMTok;
}

/** One request's cost in dollars; null ("unknown", never 0) when its usage or the price is unknown. */
export function costOf(usage: TokenUsage | null | undefined, price: Price | null | undefined, options: CostOptions = {}): number | null {
  if (!usage || !price) return null;
  const counts = [usage.promptTokens, usage.completionTokens, usage.reasoningTokens, usage.totalTokens, usage.cachedTokens ?? 0];
  if (counts.some((n) => !Number.isFinite(n) || n < 0)) return null;
  const { batchFactor = 1 } = options;
  const prompt = usage.promptTokens;
  const cached = Math.min(usage.cachedTokens ?? 0, prompt);
  const cachedRate = price.cachedInputPerMTok ?? price.inputPerMTok;
  const dollars =
    (prompt - cached) * rateAt(price.inputPerMTok, prompt) +
    cached * rateAt(cachedRate, prompt) +
    billedOutputTokens(usage) * rateAt(price.outputPerMTok, prompt);
  return (dollars / 1e6) * batchFactor;
}

/** A sum of costs with the unknown ones counted apart: `dollars` covers only the known. */
export interface CostTotal {
  dollars: number;
  known: number;
  unknown: number;
}

/** Adds costs; null entries (unknown) are counted, never added as 0. */
export function addCosts(costs: Iterable<number | null>): CostTotal {
  const total: CostTotal = { dollars: 0, known: 0, unknown: 0 };
  for (const cost of costs) {
    if (cost === null) total.unknown++;
    else {
      total.dollars += cost;
      total.known++;
    }
  }
  return total;
}

/** The total's dollars when every item's cost is known, else null. */
export function knownDollars(total: CostTotal): number | null {
  return total.unknown === 0 && total.known > 0 ? total.dollars : null;
}

/** Dollars per correct answer (null when the cost is unknown or nothing was right). */
export function costPerCorrect(dollars: number | null, correct: number): number | null {
  return dollars === null || correct <= 0 ? null : dollars / correct;
}

/**
 * The cost of `samples` samples at the mean of the priced samples so far: the projected cost of a
 * run (`samples` = all planned; with --adaptive the cap, so an upper bound), or what adaptive
 * stopping saved (`samples` = those not drawn). Null until some sample is priced, or when none is.
 */
export function projectCost(done: CostTotal, samples: number): number | null {
  if (done.known === 0) return null;
  return (done.dollars / done.known) * samples;
}
