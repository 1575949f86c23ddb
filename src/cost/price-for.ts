// Which price a model is billed at: --price beats a prices file, which beats the catalog; none known means unknown, never $0.
import { catalogPrice, type CatalogQuery } from './catalog.js';
import type { Price, PricedModel } from './price.js';
import { filePrice, type PricesFile } from './prices-file.js';

/** The user's overrides and where the endpoint is. */
export interface PriceQuery extends CatalogQuery {
  /** A parsed --price spec, with its text: it prices the run's own model only (not a judge's). */
  flag?: { price: Price; spec: string };
  file?: PricesFile;
}

/** The price of `model`, or null when no override and no catalog entry knows it. */
export function priceFor(model: string, query: PriceQuery = {}): PricedModel | null {
  if (query.flag) return { price: query.flag.price, source: { kind: 'flag', spec: query.flag.spec } };
  const fromFile = query.file ? filePrice(query.file, model) : null;
  return fromFile ?? catalogPrice(model, query);
}
