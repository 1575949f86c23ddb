// A prices file (YAML or JSON) mapping model names to $ per million tokens, for self-hosted and private models.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { fromShort, parsePriceSpec, ShortPrice, type Price, type PricedModel } from './price.js';

/**
 * The file's shape: model name -> `{ input, output, cached? }` or the same as a --price spec string.
 *
 *     Qwen/QwQ-32B: { input: 0.20, output: 0.60 }
 *     deepseek-r1:7b: input=0,output=0
 */
export const PricesFileSchema = z.record(z.string().min(1), z.union([ShortPrice, z.string()]));

/** A read prices file: its path and the price of each model it names. */
export interface PricesFile {
  path: string;
  prices: ReadonlyMap<string, Price>;
}

/** Reads a prices file's text; throws invalid input naming the file and the entry at fault. */
export function parsePricesFile(text: string, path: string): PricesFile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw invalidInput(`${path}: not YAML or JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
  }
  const parsed = PricesFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the top level';
    throw invalidInput(`${path}: ${where}: expected model: { input: <$/M>, output: <$/M>, cached?: <$/M> } or "input=...,output=...".`);
  }
  const prices = new Map<string, Price>();
  for (const [model, entry] of Object.entries(parsed.data)) {
    try {
      prices.set(model, typeof entry === 'string' ? parsePriceSpec(entry) : fromShort(entry));
    } catch (error) {
      throw invalidInput(`${path}: ${model}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { path, prices };
}

/** Reads a prices file from disk. */
export function readPricesFile(path: string): PricesFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw invalidInput(`Cannot read the prices file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  return parsePricesFile(text, path);
}

/** The file's price for `model`: its exact name first, else the one entry equal ignoring case. */
export function filePrice(file: PricesFile, model: string): PricedModel | null {
  const exact = file.prices.get(model);
  const entry = exact ? model : [...file.prices.keys()].find((name) => name.toLowerCase() === model.toLowerCase());
  const price = entry === undefined ? undefined : file.prices.get(entry);
  return entry !== undefined && price ? { price, source: { kind: 'file', path: file.path, entry } } : null;
}
