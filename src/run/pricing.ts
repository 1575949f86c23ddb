// The run's price: --price (a spec or a prices file) beats the bundled catalog; unknown is null, never $0.
import { isPriceSpec, parsePriceSpec } from '../cost/price.js';
import { priceFor } from '../cost/price-for.js';
import { readPricesFile } from '../cost/prices-file.js';
import type { Result } from '../schema/result.js';

/** The price `model` is billed at at `baseUrl`, with its source; null when nothing knows it. */
export function resolvePricing(model: string, baseUrl: string, priceFlag?: string): NonNullable<Result['pricing']> | null {
  const spec = priceFlag !== undefined && isPriceSpec(priceFlag) ? priceFlag : undefined;
  const file = priceFlag !== undefined && spec === undefined ? readPricesFile(priceFlag) : undefined;
  return priceFor(model, { baseUrl, ...(spec && { flag: { price: parsePriceSpec(spec), spec } }), ...(file && { file }) });
}

/** One sentence when a run's cost cannot be known, saying what to do. */
export function unknownPriceNote(model: string, simulated: boolean): string {
  const why = simulated ? `${model} is the built-in simulated model (a test double), which has no price` : `no price is known for ${model} at this endpoint`;
  return `Cost unknown: ${why}; price it with --price input=<$/M tokens>,output=<$/M tokens> or a prices file.`;
}
