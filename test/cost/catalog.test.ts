// Tests for catalog prices (@pydantic/genai-prices' bundled snapshot, offline) and the precedence of user overrides.
import { calcPrice } from '@pydantic/genai-prices';
import { describe, expect, test } from 'vitest';
import { CATALOG, catalogPrice, catalogVersion, type CatalogQuery } from '../../src/cost/catalog.js';
import { costOf } from '../../src/cost/cost.js';
import { parsePriceSpec, PriceSource } from '../../src/cost/price.js';
import { priceFor } from '../../src/cost/price-for.js';
import { parsePricesFile } from '../../src/cost/prices-file.js';

const OPENAI = 'https://api.openai.com/v1';
const AT = new Date('2026-11-01T12:00:00Z');

describe('catalogPrice', () => {
  test.each<[string, CatalogQuery, string]>([
    ['o4-mini', { baseUrl: OPENAI }, 'openai'],
    ['o4-mini', {}, 'openai'],
    ['gpt-5', { providerId: 'openai' }, 'openai'],
    ['deepseek-reasoner', { baseUrl: 'https://api.deepseek.com' }, 'deepseek'],
    ['qwen/qwq-32b', { baseUrl: 'https://openrouter.ai/api/v1' }, 'openrouter'],
    ['gemini-2.5-pro', {}, 'google'],
  ])("%s %j is priced by %s, and costOf agrees with the catalog's own calcPrice", (model, query, provider) => {
    const priced = catalogPrice(model, { ...query, at: AT });
    expect(priced).not.toBeNull();
    expect(priced!.source).toMatchObject({ kind: 'catalog', catalog: CATALOG, provider, pricedAt: AT.toISOString() });
    expect(PriceSource.parse(priced!.source)).toEqual(priced!.source);
    const options = { ...(query.baseUrl && { providerApiUrl: query.baseUrl }), ...(query.providerId && { providerId: query.providerId }), timestamp: AT };
    for (const [prompt, cached, completion] of [
      [1000, 0, 5000],
      [12_000, 8000, 300],
      [250_000, 0, 2000],
    ] as const) {
      const expected = calcPrice({ input_tokens: prompt, cache_read_tokens: cached, output_tokens: completion }, model, options)!.total_price;
      const usage = { promptTokens: prompt, completionTokens: completion, reasoningTokens: 0, totalTokens: prompt + completion, cachedTokens: cached };
      expect(costOf(usage, priced!.price)).toBeCloseTo(expected, 12);
    }
  });

  test('the snapshot is read offline: o4-mini at the list price of the pinned version', () => {
    // Pinned by package-lock.json; a catalog update that changes this price should be seen here.
    expect(catalogPrice('o4-mini', { baseUrl: OPENAI, at: AT })?.price).toEqual({ inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.275 });
    expect(catalogVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('Gemini 2.5 Pro keeps its prompt-size tiers', () => {
    expect(catalogPrice('gemini-2.5-pro', { at: AT })?.price.inputPerMTok).toEqual({ base: 1.25, tiers: [{ start: 200_000, price: 2.5 }] });
  });

  test.each([
    ['thinkbench-sim', {}],
    ['Qwen/QwQ-32B', { baseUrl: 'http://localhost:8000/v1' }],
    ['o4-mini', { baseUrl: 'http://localhost:8000/v1' }],
    ['o4-mini', { providerId: 'no-such-provider' }],
  ])('%s %j is unknown', (model, query) => {
    expect(catalogPrice(model, query)).toBeNull();
  });
});

describe('priceFor', () => {
  const file = parsePricesFile('o4-mini: { input: 9, output: 9 }\nQwen/QwQ-32B: { input: 0.2, output: 0.6 }', 'prices.yaml');
  const flag = { price: parsePriceSpec('input=1,output=2'), spec: 'input=1,output=2' };

  test.each([
    ['--price beats the file and the catalog', 'o4-mini', { flag, file, baseUrl: OPENAI }, { kind: 'flag', spec: 'input=1,output=2' }, 1],
    ['the file beats the catalog', 'o4-mini', { file, baseUrl: OPENAI }, { kind: 'file', path: 'prices.yaml', entry: 'o4-mini' }, 9],
    ['the file prices a self-hosted model', 'Qwen/QwQ-32B', { file, baseUrl: 'http://localhost:8000/v1' }, { kind: 'file', entry: 'Qwen/QwQ-32B' }, 0.2],
    ['else the catalog', 'gpt-5', { file, baseUrl: OPENAI }, { kind: 'catalog', provider: 'openai', model: 'gpt-5' }, 1.25],
  ])('%s', (_label, model, query, source, input) => {
    const priced = priceFor(model, query);
    expect(priced?.source).toMatchObject(source);
    expect(priced?.price.inputPerMTok).toBe(input);
  });

  test('nothing known is null, so costs stay unknown', () => {
    const priced = priceFor('thinkbench-sim', { file, baseUrl: 'http://127.0.0.1:8787/v1' });
    expect(priced).toBeNull();
    expect(costOf({ promptTokens: 10, completionTokens: 10, reasoningTokens: 0, totalTokens: 20 }, priced?.price)).toBeNull();
  });
});
