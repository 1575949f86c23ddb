// Prices in dollars per million tokens: the schema the catalog, --price and prices files all produce, and the --price spec reader.
import { z } from 'zod';
import { invalidInput } from '../errors.js';

/** A rate in $ per million tokens: flat, or tiered by the request's prompt tokens (the tier whose start they exceed applies to all of them). */
export const Rate = z.union([
  z.number().min(0),
  z.object({
    base: z.number().min(0),
    tiers: z.array(z.object({ start: z.number().int().min(0), price: z.number().min(0) })),
  }),
]);
export type Rate = z.infer<typeof Rate>;

/** What a model's tokens cost. Cached input tokens without their own rate are billed as input. */
export const Price = z.object({
  inputPerMTok: Rate,
  outputPerMTok: Rate,
  cachedInputPerMTok: Rate.optional(),
});
export type Price = z.infer<typeof Price>;

/** Where a price came from, recorded in the result so a cost can be traced and reproduced. */
export const PriceSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flag'), spec: z.string() }),
  z.object({ kind: z.literal('file'), path: z.string(), entry: z.string() }),
  z.object({
    kind: z.literal('catalog'),
    /** The price table: the package and its version (its bundled data snapshot; no network). */
    catalog: z.string(),
    version: z.string(),
    provider: z.string(),
    model: z.string(),
    /** The moment prices were looked up for (prices can change by date or time of day). */
    pricedAt: z.string(),
  }),
]);
export type PriceSource = z.infer<typeof PriceSource>;

/** A model's price with its source. */
export interface PricedModel {
  price: Price;
  source: PriceSource;
}

/** The short form users write, $ per million tokens: `input=1.10,output=4.40,cached=0.275`. */
export const ShortPrice = z.strictObject({
  input: z.number().min(0),
  output: z.number().min(0),
  cached: z.number().min(0).optional(),
});
export type ShortPrice = z.infer<typeof ShortPrice>;

/** The short form as a Price. */
export function fromShort(short: ShortPrice): Price {
  return {
    inputPerMTok: short.input,
    outputPerMTok: short.output,
    ...(short.cached !== undefined && { cachedInputPerMTok: short.cached }),
  };
}

/** Whether a --price value is a spec (`key=value,...`) rather than the path of a prices file. */
export function isPriceSpec(value: string): boolean {
  return /^\s*[a-z_]+\s*=/i.test(value);
}

/** Reads a spec such as `input=1.10,output=4.40,cached=0.275` ($ per million tokens); throws invalid input otherwise. */
export function parsePriceSpec(spec: string): Price {
  const fields: Record<string, number> = {};
  for (const part of spec.split(',')) {
    const match = /^\s*([a-z_]+)\s*=\s*([^=\s]+)\s*$/i.exec(part);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(value)) {
      throw invalidInput(`--price: cannot read "${part.trim()}"; write input=<$/M>,output=<$/M>[,cached=<$/M>], e.g. input=1.10,output=4.40,cached=0.275.`);
    }
    fields[match[1]!.toLowerCase()] = value;
  }
  const parsed = ShortPrice.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'keys';
    throw invalidInput(
      `--price "${spec}": ${where}: ${issue?.message ?? 'invalid'}; input and output are needed, cached is optional, in $ per million tokens.`,
    );
  }
  return fromShort(parsed.data);
}
