// Parses and checks command-line values: numbers, durations, key=value parameters.
import { z } from 'zod';
import { parseDuration } from '../duration.js';
import { invalidInput } from '../errors.js';
import { parseShard } from '../run/shard.js';
import type { Params } from '../schema/suite.js';

/** A whole number within bounds, or an invalid_input error naming the flag. */
export function parseCount(value: string, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw invalidInput(`${flag} takes a whole number of at least ${min}, not "${value}".`);
  return n;
}

/** A fraction between 0 and 1. */
export function parseFraction(value: string, flag: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw invalidInput(`${flag} takes a number from 0 to 1, not "${value}".`);
  return n;
}

/** Milliseconds from a duration flag. */
export function parseDurationFlag(value: string, flag: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw invalidInput(`${flag}: ${(error as Error).message}.`);
  }
}

/**
 * `key=value` pairs into request parameters. Values read as JSON when they are JSON
 * (`8000`, `0.6`, `true`, `{"type":"json_object"}`), else as strings (`high`).
 */
export function parseParams(pairs: readonly string[]): Params {
  const params: Params = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw invalidInput(`--param takes key=value (like reasoning_effort=high), not "${pair}".`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // not JSON: keep the string
    }
    params[pair.slice(0, eq)] = value;
  }
  return params;
}

/** Zod field schemas for commander's values: each turns the typed string into its value, or an error naming the flag. */
export const flag = {
  count: (name: string, min = 1) => z.string().transform(checked((v) => parseCount(v, name, min))),
  fraction: (name: string) => z.string().transform(checked((v) => parseFraction(v, name))),
  duration: (name: string, { allowZero = false } = {}) =>
    z.string().transform(checked((v) => (allowZero && /^0+(ms|s|m|h)?$/.test(v.trim()) ? 0 : parseDurationFlag(v, name)))),
  params: () => z.array(z.string()).default([]).transform(checked(parseParams)),
  shard: () => z.string().transform(checked(parseShard)),
};

/** Runs a parser inside a zod transform, turning its user-facing error into a zod issue with the same message. */
function checked<T, R>(parse: (value: T) => R) {
  return (value: T, ctx: z.RefinementCtx): R => {
    try {
      return parse(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  };
}

/** Commander's option values through a command's schema: the one source of the options' types. */
export function parseFlags<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ` : '';
  throw invalidInput(issue.code === 'custom' ? issue.message : `${where}${issue.message}`);
}
