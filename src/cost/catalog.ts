// Catalog prices from @pydantic/genai-prices' bundled data snapshot (never fetched: runs are reproducible offline).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { calcPrice, type ModelPrice } from '@pydantic/genai-prices';
import { Rate, type PricedModel } from './price.js';

/** The price table's package name. */
export const CATALOG = '@pydantic/genai-prices';

let version: string | undefined;
/** The installed catalog's version, which dates its data snapshot (package-lock.json pins it). */
export function catalogVersion(): string {
  if (version === undefined) {
    const entry = createRequire(import.meta.url).resolve(CATALOG);
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: unknown };
    version = typeof pkg.version === 'string' ? pkg.version : 'unknown';
  }
  return version;
}

/** Where to look a model up: a base URL picks the provider by its API address, else a provider id, else the model name alone. */
export interface CatalogQuery {
  baseUrl?: string;
  providerId?: string;
  /** The moment to price for; default now. */
  at?: Date;
}

/**
 * The catalog's price for `model`, or null when the catalog does not know it (or knows it without
 * text-token prices). A base URL that is no known provider's API (a self-hosted server) gives null:
 * its models are not billed at a provider's list price.
 */
export function catalogPrice(model: string, query: CatalogQuery = {}): PricedModel | null {
  const at = query.at ?? new Date();
  const found = calcPrice({ input_tokens: 1, output_tokens: 1 }, model, {
    ...(query.baseUrl !== undefined && { providerApiUrl: query.baseUrl }),
    ...(query.providerId !== undefined && { providerId: query.providerId }),
    timestamp: at,
  });
  if (!found) return null;
  const input = rateOf(found.model_price, 'input_mtok');
  const output = rateOf(found.model_price, 'output_mtok');
  if (input === undefined || output === undefined) return null;
  const cached = rateOf(found.model_price, 'cache_read_mtok');
  return {
    price: { inputPerMTok: input, outputPerMTok: output, ...(cached !== undefined && { cachedInputPerMTok: cached }) },
    source: { kind: 'catalog', catalog: CATALOG, version: catalogVersion(), provider: found.provider.id, model: found.model.id, pricedAt: at.toISOString() },
  };
}

// The catalog's tiered prices are class instances; a plain copy validates and serialises.
function rateOf(prices: ModelPrice, key: string): Rate | undefined {
  const value = prices[key];
  if (value === undefined) return undefined;
  const plain = typeof value === 'number' ? value : { base: value.base, tiers: value.tiers.map((t) => ({ start: t.start, price: t.price })) };
  const parsed = Rate.safeParse(plain);
  return parsed.success ? parsed.data : undefined;
}
