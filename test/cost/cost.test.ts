// Tests for dollars from tokens: reasoning counted once, cached and tiered rates, unknowns kept apart, projections.
import { describe, expect, test } from 'vitest';
import { addCosts, billedOutputTokens, costOf, costPerCorrect, knownDollars, projectCost, rateAt, type TokenUsage } from '../../src/cost/cost.js';
import type { Price } from '../../src/cost/price.js';

const usage = (promptTokens: number, completionTokens: number, reasoningTokens: number, totalTokens: number, cachedTokens?: number): TokenUsage => ({
  promptTokens,
  completionTokens,
  reasoningTokens,
  totalTokens,
  ...(cachedTokens !== undefined && { cachedTokens }),
});
const O4_MINI: Price = { inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.275 };
const TIERED: Price = {
  inputPerMTok: { base: 1.25, tiers: [{ start: 200_000, price: 2.5 }] },
  outputPerMTok: { base: 10, tiers: [{ start: 200_000, price: 15 }] },
};

describe('billedOutputTokens', () => {
  test.each([
    ['OpenAI: reasoning inside completion', usage(100, 900, 700, 1000), 900],
    ['no reasoning', usage(100, 50, 0, 150), 50],
    ['reported apart: total adds all three', usage(100, 200, 700, 1000), 900],
    ['reported apart: more reasoning than completion', usage(100, 200, 700, 300), 900],
    ['reasoning inside, total missing', usage(100, 900, 700, 0), 900],
  ])('%s', (_label, u, expected) => {
    expect(billedOutputTokens(u)).toBe(expected);
  });
});

describe('costOf', () => {
  test.each([
    ['input and output', usage(1_000_000, 1_000_000, 0, 2_000_000), O4_MINI, {}, 1.1 + 4.4],
    ['reasoning is not billed twice', usage(1000, 5000, 4000, 6000), O4_MINI, {}, (1000 * 1.1 + 5000 * 4.4) / 1e6],
    ['cached input at its rate', usage(10_000, 0, 0, 10_000, 8_000), O4_MINI, {}, (2000 * 1.1 + 8000 * 0.275) / 1e6],
    ['cached without a rate is billed as input', usage(10_000, 0, 0, 10_000, 8_000), { inputPerMTok: 2, outputPerMTok: 8 }, {}, (10_000 * 2) / 1e6],
    ['more cached than prompt is capped', usage(100, 0, 0, 100, 500), O4_MINI, {}, (100 * 0.275) / 1e6],
    ['batch at half price', usage(1_000_000, 1_000_000, 0, 2_000_000), O4_MINI, { batchFactor: 0.5 }, 2.75],
    ['tier below the threshold', usage(200_000, 1000, 0, 201_000), TIERED, {}, (200_000 * 1.25 + 1000 * 10) / 1e6],
    ['tier above it applies to all tokens', usage(200_001, 1000, 0, 201_001), TIERED, {}, (200_001 * 2.5 + 1000 * 15) / 1e6],
    ['a free self-hosted model costs 0 because it says so', usage(100, 100, 0, 200), { inputPerMTok: 0, outputPerMTok: 0 }, {}, 0],
  ])('%s', (_label, u, price, options, expected) => {
    expect(costOf(u, price, options)).toBeCloseTo(expected, 12);
  });

  test.each([
    ['unknown price', usage(100, 100, 0, 200), null],
    ['unknown usage', null, O4_MINI],
    ['corrupt usage', usage(100, Number.NaN, 0, 200), O4_MINI],
    ['negative usage', usage(-1, 10, 0, 9), O4_MINI],
  ])('%s is unknown (null), never 0', (_label, u, price) => {
    expect(costOf(u, price)).toBeNull();
  });

  test.each([
    [3, 0, 3],
    [
      {
        base: 1,
        tiers: [
          { start: 10, price: 2 },
          { start: 100, price: 3 },
        ],
      },
      10,
      1,
    ],
    [
      {
        base: 1,
        tiers: [
          { start: 10, price: 2 },
          { start: 100, price: 3 },
        ],
      },
      11,
      2,
    ],
    [
      {
        base: 1,
        tiers: [
          { start: 10, price: 2 },
          { start: 100, price: 3 },
        ],
      },
      101,
      3,
    ],
  ])('rateAt(%j, %i) = %d', (rate, prompt, expected) => {
    expect(rateAt(rate, prompt)).toBe(expected);
  });
});

describe('sums and projections', () => {
  test.each([
    [[0.5, 0.25, null], { dollars: 0.75, known: 2, unknown: 1 }, null],
    [[0.5, 0.25], { dollars: 0.75, known: 2, unknown: 0 }, 0.75],
    [[0, 0], { dollars: 0, known: 2, unknown: 0 }, 0],
    [[null], { dollars: 0, known: 0, unknown: 1 }, null],
    [[], { dollars: 0, known: 0, unknown: 0 }, null],
  ])('addCosts(%j) = %j, known dollars %s', (costs, total, known) => {
    expect(addCosts(costs)).toEqual(total);
    expect(knownDollars(addCosts(costs))).toBe(known);
  });

  test.each([
    [{ dollars: 0.3, known: 3, unknown: 0 }, 64, 6.4],
    [{ dollars: 0.3, known: 3, unknown: 2 }, 10, 1],
    [{ dollars: 0, known: 0, unknown: 4 }, 10, null],
    [{ dollars: 0, known: 0, unknown: 0 }, 10, null],
  ])('projectCost(%j, %i) = %s', (done, samples, expected) => {
    const projected = projectCost(done, samples);
    if (expected === null) expect(projected).toBeNull();
    else expect(projected).toBeCloseTo(expected, 12);
  });

  test.each([
    [1, 4, 0.25],
    [1, 0, null],
    [null, 4, null],
  ])('costPerCorrect(%s, %i) = %s', (dollars, correct, expected) => {
    expect(costPerCorrect(dollars, correct)).toBe(expected);
  });
});
